// SPDX-License-Identifier: MIT
// Turns one CCP log entry (a JSON object) into the events it carries, using simdjson's DOM on
// that one entry only. Accepts the 2019 shape (7 fields) and the current one (11 fields), `time`
// as an ISO-8601 string or epoch milliseconds, and ignores fields it does not know.
// Tested by tests/unit/entry_parser_test.cc.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ccp/ccp_event.h"
#include "ccp/entry_fast_path.h"
#include "json/array_splitter.h"

namespace whohungup::ccp {

/// Why an entry could not be used.
enum class EntrySkip : std::uint8_t {
    kNone,         ///< the entry was read (it may carry no event)
    kNotObject,    ///< an array element that is not an object
    kInvalidJson,  ///< malformed JSON, invalid UTF-8, NUL bytes...
    kNoText,       ///< no string `text` field
    kBadTime,      ///< `time` missing or not a date
    kTooLarge,     ///< over Limits::max_entry_bytes
    kTooDeep,      ///< nested over Limits::max_depth
    kIdTooLong,    ///< a contact or agent id over kMaxIdBytes
    kTooCostly,    ///< its events would cost more than kEntryCostFloor + kEntryCostFactor x its bytes
};
inline constexpr std::size_t kEntrySkipKinds = 9;

/// The longest contact or agent id kept. Amazon Connect's API reference gives ContactId
/// "Length Constraints: Minimum length of 1. Maximum length of 256" (DescribeContact,
/// StopContact...); agent and connection ids are UUIDs, shorter still. A longer id is damage,
/// and every line of its call would hold a copy.
inline constexpr std::size_t kMaxIdBytes = 256;
/// What the events of one entry may cost to hold (ccp_event.h held_bytes), whatever the entry
/// says: a snapshot fans out into one event per contact, each with its connections, so a small
/// entry of many empty connections, or a long agent state copied per contact, could cost far
/// more than its bytes.
inline constexpr std::size_t kEntryCostFloor = std::size_t{64} << 10;
inline constexpr std::size_t kEntryCostFactor = 4;

[[nodiscard]] std::string_view describe(EntrySkip skip);

class EntryParser {
public:
    /// Appends the entry's events (zero or more) to `events`. `pos` and `seq` are stamped by the
    /// caller afterwards.
    EntrySkip parse(const detail::ArrayElement& element, std::vector<CcpEvent>& events);
    /// The `level` of the entry the last parse() read (kUnknown when it was skipped), whether or
    /// not it bears on a call: a log with none below INFO was saved filtered by level.
    [[nodiscard]] EntryLevel last_level() const { return level_; }

private:
    /// parse() before the checks on what the events hold.
    EntrySkip parse_entry(const detail::ArrayElement& element, std::vector<CcpEvent>& events);
    /// The DOM-free path (see entry_fast_path.h); false when the full parser must decide.
    bool parse_fast(const detail::ArrayElement& element, std::vector<CcpEvent>& events);
    /// The fast path's reader goes on to the entry's level; false when the full parser must decide.
    bool read_level(FastEntryReader& reader, FastFields& fields);
    /// The entry's agentResourceId, shared with the lines before it when it is the same.
    std::shared_ptr<const std::string> intern_agent(std::string_view agent);

    simdjson::dom::parser parser_;
    std::shared_ptr<const std::string> agent_;  ///< the last agentResourceId read
    EntryLevel level_ = EntryLevel::kUnknown;   ///< see last_level()
};

}  // namespace whohungup::ccp
