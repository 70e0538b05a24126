// SPDX-License-Identifier: MIT
// The counts the report's charts draw, gathered from the verdicts as they pass the reporter.
// Totals, per-agent rates and reasons come from the run's Summary (one definition of
// "connected" and of an agent's rate for --summary and the page); this adds only what is the
// page's own: who ended the calls split by whether they connected, the time buckets and their
// roll-up, and the list of contacts that sources judge differently.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "whohungup/summary.h"
#include "whohungup/verdict.h"

namespace whohungup::detail::html {

struct AgentRow {
    std::string label;  ///< the agent's name where any verdict gave it, else the id, else "(none)"
    std::uint64_t calls = 0;
    std::uint64_t connected = 0;
    std::uint64_t agent_hangups = 0;     ///< connected calls the agent hung up (category hangup)
    std::uint64_t customer_hangups = 0;  ///< connected calls the customer hung up
    std::uint64_t dropped = 0;           ///< connected calls dropped by a failure
    /// agent_hangups / connected, 0 when nothing connected.
    [[nodiscard]] double agent_hangup_rate() const;
};

/// Calls of one time bucket, split the way the time chart stacks them.
struct TimeBucket {
    std::int64_t start_ms = 0;
    std::uint64_t dropped = 0;          ///< connected, then dropped by a failure
    std::uint64_t never_connected = 0;  ///< not connected or abandoned
    std::uint64_t other = 0;            ///< every other call
    [[nodiscard]] std::uint64_t total() const { return dropped + never_connected + other; }
};

enum class BucketUnit : std::uint8_t { kHour, kDay, kMonth };

struct TimeSeries {
    BucketUnit unit = BucketUnit::kHour;
    std::vector<TimeBucket> buckets;  ///< contiguous from the first call's bucket to the last's
    std::uint64_t without_time = 0;   ///< calls with neither an end nor a start time (in years 1-9999)
};

/// One contact that two sources judged differently.
struct Conflict {
    std::string contact_id;
    std::vector<std::string> claims;  ///< "source: ended_by/reason", in the order they came
};

/// At most this many conflicts are listed (all are counted).
inline constexpr std::size_t kMaxListedConflicts = 500;

class ReportAggregate {
public:
    /// What one source said of a contact (kept to find contacts that sources judge differently).
    struct Claim {
        std::string source;  ///< source format
        Party ended_by = Party::kUnknown;
        Reason reason = Reason::record_does_not_tell;
    };

    void add(const Verdict& verdict);

    [[nodiscard]] std::uint64_t total() const { return summary_.total(); }
    /// Calls that reached talking (is_connected), and that never did (is_never_connected); the
    /// rest (in progress, other) are not known to have connected.
    [[nodiscard]] std::uint64_t connected_total() const;
    /// Earliest and latest call time (end, or start when there is no end) in years 1 to 9999;
    /// kNoTime when none.
    [[nodiscard]] std::int64_t first_ms() const { return first_ms_; }
    [[nodiscard]] std::int64_t last_ms() const { return last_ms_; }
    /// Indexed by Party: calls that connected, that never did, and that are not known to have.
    [[nodiscard]] const std::array<std::uint64_t, kPartyCount>& ended_by_connected() const { return connected_; }
    [[nodiscard]] const std::array<std::uint64_t, kPartyCount>& ended_by_never_connected() const {
        return never_connected_;
    }
    [[nodiscard]] const std::array<std::uint64_t, kPartyCount>& ended_by_not_known_connected() const {
        return not_known_connected_;
    }
    /// Every agent, highest agent-hang-up rate first (then most connected calls, then label).
    [[nodiscard]] std::vector<AgentRow> agents_by_rate() const;
    /// Hourly buckets for up to three days, daily up to 400 days, else monthly.
    [[nodiscard]] TimeSeries time_series() const;
    /// "ended_by/reason" and its count, most frequent first, at most `limit`.
    [[nodiscard]] std::vector<std::pair<std::string, std::uint64_t>> top_reasons(std::size_t limit) const;
    [[nodiscard]] std::size_t reason_count() const { return summary_.by_reason().size(); }
    /// Contacts whose sources name different parties: verdicts whose `agreement` says so (their
    /// `sources`), then contacts that came as separate verdicts from several sources that name
    /// different parties (an `unknown` disagrees with nobody). At most kMaxListedConflicts.
    [[nodiscard]] std::vector<Conflict> conflicts() const;
    [[nodiscard]] std::size_t conflict_count() const;

private:
    Summary summary_;
    std::int64_t first_ms_ = kNoTime;
    std::int64_t last_ms_ = kNoTime;
    std::array<std::uint64_t, kPartyCount> connected_{};
    std::array<std::uint64_t, kPartyCount> never_connected_{};
    std::array<std::uint64_t, kPartyCount> not_known_connected_{};
    std::map<std::int64_t, TimeBucket> by_hour_;  ///< hour index since the epoch
    std::uint64_t without_time_ = 0;
    std::map<std::string, std::vector<Claim>> claims_;  ///< by contact id, when from two sources
    std::map<std::string, Claim> first_claim_;          ///< by contact id
    std::vector<Conflict> reconciled_conflicts_;        ///< from `agreement`, the first listed
    std::uint64_t reconciled_conflict_count_ = 0;
};

}  // namespace whohungup::detail::html
