// SPDX-License-Identifier: MIT
// Counts of verdicts a supervisor can act on: per agent (with hang-up and drop rates over the
// calls that connected), by who ended the call, category, reason, confidence, hour, day, channel
// and source format, duration statistics per ended_by, and source conflicts. Everything is
// derived from verdicts alone, so summaries merge: per-input or per-machine summaries (or the
// summary of whohungup's own JSON Lines) add up to the whole. docs/output-format.md describes
// every field.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "whohungup/verdict.h"

namespace whohungup {

inline constexpr std::size_t kPartyCount = 5;
inline constexpr std::size_t kCategoryCount = 7;

/// A verdict's call "connected" when its category says the call reached talking: a hang-up, a
/// failure of a connected call (dropped mid-call) or a transfer. not_connected and abandoned
/// calls did not; in_progress and other (every unknown) are not counted as connected, because
/// the source does not say they were.
[[nodiscard]] bool is_connected(Category category);
/// Never connected: not_connected or abandoned.
[[nodiscard]] bool is_never_connected(Category category);

/// Durations of calls, held as a histogram of whole seconds (floored), so memory is bounded by
/// the number of distinct seconds (at most kMaxSeconds + 1 buckets) whatever the number of calls;
/// quantiles are exact at one-second resolution (nearest rank over the floored durations).
class DurationHistogram {
public:
    /// Durations from this many seconds on share the last bucket (a day: longer is a stuck record).
    static constexpr std::int64_t kMaxSeconds = 86400;

    void add(std::int64_t ms);
    void merge(const DurationHistogram& other);
    [[nodiscard]] std::uint64_t count() const { return count_; }
    /// The nearest-rank quantile q in (0, 1] in whole seconds: the smallest bucket whose
    /// cumulative count reaches ceil(q * count). nullopt when empty.
    [[nodiscard]] std::optional<std::int64_t> quantile_s(double q) const;

private:
    std::map<std::int64_t, std::uint64_t> buckets_;  ///< floored seconds -> calls
    std::uint64_t count_ = 0;
};

/// One agent's calls.
struct AgentSummary {
    std::string agent_name;  ///< username where any verdict gave it, else empty
    std::uint64_t calls = 0;
    std::uint64_t connected = 0;                           ///< see is_connected()
    std::array<std::uint64_t, kPartyCount> ended_by{};     ///< indexed by Party, every call
    std::array<std::uint64_t, kCategoryCount> category{};  ///< indexed by Category, every call
    std::uint64_t agent_hangups = 0;                       ///< calls the agent hung up (category hangup)
    std::uint64_t customer_hangups = 0;                    ///< calls the customer hung up (category hangup)
    std::uint64_t dropped = 0;                             ///< category failure: a connected call dropped

    /// Share of connected calls, in [0, 1]; nullopt when no call connected.
    [[nodiscard]] std::optional<double> rate(std::uint64_t count) const;
    void merge(const AgentSummary& other);
};

class Summary {
public:
    void add(const Verdict& verdict);
    void merge(const Summary& other);

    /// Hours are counted in UTC unless a zone is named: then in the process's local time (the
    /// CLI sets TZ from --tz to `zone`, the name shown in titles).
    void set_hour_zone(std::string zone) { hour_zone_ = std::move(zone); }
    /// "UTC" or the zone named.
    [[nodiscard]] std::string hour_zone() const { return hour_zone_.empty() ? std::string("UTC") : hour_zone_; }

    [[nodiscard]] std::uint64_t total() const { return total_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_ended_by() const { return by_ended_by_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_reason() const { return by_reason_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_category() const { return by_category_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_confidence() const { return by_confidence_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_channel() const { return by_channel_; }
    /// "00" to "23", of ended_at (else started_at); "(unknown)" without a time.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_hour() const { return by_hour_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_day() const { return by_day_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_format() const { return by_format_; }
    /// Keyed by the agent's id (its name when the source gives no id; "(none)" without either).
    [[nodiscard]] const std::map<std::string, AgentSummary>& by_agent() const { return by_agent_; }
    /// Indexed by Party: durations of the calls each party ended (calls with both times).
    [[nodiscard]] const std::array<DurationHistogram, kPartyCount>& durations() const { return durations_; }
    /// Verdicts whose sources disagree on who ended the call (agreement == conflict).
    [[nodiscard]] std::uint64_t conflicts() const { return conflicts_; }
    /// Calls ended by each party that were dropped mid-call (category failure), and that never
    /// connected (not_connected or abandoned), keyed by ended_by.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& dropped() const { return dropped_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& never_connected() const { return never_connected_; }

    /// Run-level, not derived from verdicts: files met in directory walks that matched no
    /// format (JSON Lines parts do not carry them into a reduce step).
    void add_skipped_input() { ++inputs_skipped_; }
    [[nodiscard]] std::uint64_t inputs_skipped() const { return inputs_skipped_; }

private:
    std::string hour_zone_;  ///< empty: UTC
    std::uint64_t total_ = 0;
    std::uint64_t conflicts_ = 0;
    std::uint64_t inputs_skipped_ = 0;
    std::map<std::string, std::uint64_t> by_ended_by_;
    std::map<std::string, std::uint64_t> by_reason_;  ///< "ended_by/reason"
    std::map<std::string, std::uint64_t> by_category_;
    std::map<std::string, std::uint64_t> by_confidence_;
    std::map<std::string, std::uint64_t> by_channel_;
    std::map<std::string, std::uint64_t> by_hour_;
    std::map<std::string, std::uint64_t> by_day_;  ///< UTC day of ended_at (or started_at)
    std::map<std::string, std::uint64_t> by_format_;
    std::map<std::string, std::uint64_t> dropped_;
    std::map<std::string, std::uint64_t> never_connected_;
    std::map<std::string, AgentSummary> by_agent_;
    std::array<DurationHistogram, kPartyCount> durations_{};
};

}  // namespace whohungup
