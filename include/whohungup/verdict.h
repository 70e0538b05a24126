// SPDX-License-Identifier: MIT
// The one verdict type every source (CCP logs and vendor exports alike) produces.
// Field meanings and the code lists are documented in docs/verdicts.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whohungup/reason.h"

namespace whohungup {

/// Who ended the call.
enum class Party : std::uint8_t {
    kAgent,       ///< the agent (or, for AI voice agents, the bot) ended it
    kCustomer,    ///< the customer / far end ended it
    kThirdParty,  ///< a third party (conference, transfer target) ended it
    kSystem,      ///< the platform, network or a flow ended it
    kUnknown,     ///< the source cannot tell; `reason` says why
};

/// What kind of end it was.
enum class Category : std::uint8_t {
    kHangup,        ///< a connected call was hung up
    kNotConnected,  ///< the call never reached the talking state
    kFailure,       ///< a connected call was dropped by a failure
    kTransfer,      ///< the call left this leg by a transfer
    kAbandoned,     ///< the customer left while queued or ringing
    kInProgress,    ///< the source says the interaction is not over yet
    kOther,         ///< anything else (including unknown)
};

enum class Confidence : std::uint8_t { kHigh, kMedium, kLow };

/// The medium of the contact. kUnknown where the source does not say.
enum class Channel : std::uint8_t { kVoice, kChat, kTask, kEmail, kCallback, kMessage, kUnknown };

/// Which end of the call ended it, by who placed the call (records of PBXs and carriers say
/// caller/callee, not agent/customer). kNone where the source does not say.
enum class Side : std::uint8_t { kNone, kCaller, kCallee };

/// How the sources of one call relate, after the reconcile stage.
enum class Agreement : std::uint8_t {
    kSingle,    ///< one source decided the call (any other says unknown)
    kAgree,     ///< two or more sources name the same ended_by
    kConflict,  ///< several sources disagree on ended_by; the verdict is the stronger side's
};

/// Sentinel for "no time known".
inline constexpr std::int64_t kNoTime = INT64_MIN;

/// One input line (or record) that supports a verdict.
struct Evidence {
    std::int64_t time_ms = kNoTime;  ///< epoch milliseconds, or kNoTime
    std::string input;               ///< input name as given by the user
    std::uint64_t line = 0;          ///< 1-based line of the record start, 0 if unknown
    std::uint64_t byte = 0;          ///< 0-based byte offset of the record start
    std::string text;                ///< the record's text, as logged

    bool operator==(const Evidence&) const = default;
};

/// One source's own view of a call, kept when several sources describe it.
struct SourceView {
    std::string format;  ///< reader name
    std::string input;
    Party ended_by = Party::kUnknown;
    Category category = Category::kOther;
    Reason reason = Reason::record_does_not_tell;
    Confidence confidence = Confidence::kLow;

    bool operator==(const SourceView&) const = default;
};

struct Verdict {
    std::string source_format;  ///< reader name, e.g. "ccp-log"
    std::string input;          ///< input the verdict was decided from
    std::string contact_id;
    std::string agent;       ///< agent id (CCP agentResourceId, vendor user id / ARN)
    std::string agent_name;  ///< username where the source has it
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
    Party ended_by = Party::kUnknown;
    Category category = Category::kOther;
    /// Until a source decides, the honest default: the record does not say who ended the call.
    Reason reason = Reason::record_does_not_tell;
    std::string raw_reason;  ///< the source's own words (transition, vendor code)
    std::string detail;      ///< one human sentence explaining the verdict
    Confidence confidence = Confidence::kLow;
    std::string outcome;  ///< handled | abandoned | not_responding | in_progress, where known
    Channel channel = Channel::kUnknown;
    Side ended_by_side = Side::kNone;
    Agreement agreement = Agreement::kSingle;
    /// Every source's own view when several describe the call; empty for a single source (the
    /// writers then show the verdict itself as the one source).
    std::vector<SourceView> sources;
    std::vector<Evidence> evidence;

    /// Seconds between start and end, when both are known.
    [[nodiscard]] std::optional<double> duration_s() const;
    /// The same in milliseconds (exact: writers print seconds with three decimals from it).
    [[nodiscard]] std::optional<std::int64_t> duration_ms() const;

    bool operator==(const Verdict&) const = default;
};

[[nodiscard]] std::string_view to_string(Party party);
[[nodiscard]] std::string_view to_string(Category category);
[[nodiscard]] std::string_view to_string(Confidence confidence);
[[nodiscard]] std::string_view to_string(Channel channel);
[[nodiscard]] std::string_view to_string(Side side);
[[nodiscard]] std::string_view to_string(Agreement agreement);
[[nodiscard]] std::optional<Party> party_from_string(std::string_view text);
[[nodiscard]] std::optional<Category> category_from_string(std::string_view text);
[[nodiscard]] std::optional<Confidence> confidence_from_string(std::string_view text);
[[nodiscard]] std::optional<Channel> channel_from_string(std::string_view text);
[[nodiscard]] std::optional<Side> side_from_string(std::string_view text);
[[nodiscard]] std::optional<Agreement> agreement_from_string(std::string_view text);

/// The sources of a verdict as writers show them: `sources`, or the verdict itself when empty.
[[nodiscard]] std::vector<SourceView> sources_of(const Verdict& verdict);

}  // namespace whohungup
