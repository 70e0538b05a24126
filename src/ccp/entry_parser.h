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
};
inline constexpr std::size_t kEntrySkipKinds = 7;

[[nodiscard]] std::string_view describe(EntrySkip skip);

class EntryParser {
public:
    /// Appends the entry's events (zero or more) to `events`. `pos` and `seq` are stamped by the
    /// caller afterwards.
    EntrySkip parse(const detail::ArrayElement& element, std::vector<CcpEvent>& events);

private:
    /// The DOM-free path (see entry_fast_path.h); false when the full parser must decide.
    static bool parse_fast(const detail::ArrayElement& element, std::vector<CcpEvent>& events);

    simdjson::dom::parser parser_;
};

}  // namespace whohungup::ccp
