// SPDX-License-Identifier: MIT
// Reads the top-level string fields of a CCP log entry without building a DOM. Most entries of a
// real log are heartbeats, metrics and other lines that bear on no call: once `text` says so,
// the entry is done, typically after its first few bytes. Anything unusual (an escape in a field
// this path needs, a missing field) sends the entry to the full parser instead.
// Tested by tests/unit/entry_parser_test.cc (both paths must agree).
#pragma once

#include <string_view>

namespace whohungup::ccp {

struct FastFields {
    std::string_view text;  ///< raw `text`, still escaped when text_escaped
    bool text_escaped = false;
    std::string_view time;  ///< raw `time`: an ISO string's content or a number's digits
    bool time_is_string = false;
    std::string_view logger_id;
    std::string_view agent_resource_id;
    bool complete = false;  ///< the whole object was read (logger and agent fields are final)
};

enum class FastResult : std::uint8_t {
    kTextAndTime,  ///< text and time found (complete says whether the rest was read)
    kGiveUp,       ///< use the full parser
};

/// Reads fields until `text` and `time` are known; with `read_all`, to the end of the object.
[[nodiscard]] FastResult read_fast_fields(std::string_view entry, bool read_all, FastFields& out);

}  // namespace whohungup::ccp
