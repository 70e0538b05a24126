// SPDX-License-Identifier: MIT
// Reads the top-level string fields of a CCP log entry without building a DOM. Most entries of a
// real log are heartbeats, metrics and other lines that bear on no call: once `text` says so,
// the entry is done, typically after its first few bytes. Anything unusual (an escape in a field
// this path needs, a missing field) sends the entry to the full parser instead.
// Tested by tests/unit/entry_parser_test.cc (both paths must agree).
#pragma once

#include <cstddef>
#include <string_view>

namespace whohungup::ccp {

struct FastFields {
    std::string_view text;  ///< raw `text`, still escaped when text_escaped
    bool text_escaped = false;
    std::string_view time;  ///< raw `time`: an ISO string's content or a number's digits
    bool time_is_string = false;
    std::string_view logger_id;
    std::string_view agent_resource_id;
    bool has_tab_id = false;  ///< the current entry shape (Streams >= 2.5)
    std::string_view level;   ///< raw `level` when it is an unescaped string, else empty
};

/// Reads one entry's top-level fields in one pass: first until `text` is known, then, only if the
/// caller needs them, on until `time`, then until the logger and agent ids (the last fields of
/// current entries; a 2019 entry has neither and is read to its end).
class FastEntryReader {
public:
    explicit FastEntryReader(std::string_view entry);
    /// True once `text` is read; false when the full parser must take over.
    bool read_text(FastFields& out);
    /// Goes on until `time` is read (it may have come before `text`).
    bool read_time(FastFields& out);
    /// Goes on until both ids are read or the object ends; false to hand over.
    bool read_ids(FastFields& out);
    /// Goes on until `level` is read (Streams writes it before `text`) or the object ends; false
    /// to hand over.
    bool read_level(FastFields& out);

private:
    bool read_field(FastFields& out);  ///< one "key": value, and the ',' or '}' after it
    std::string_view entry_;
    std::size_t pos_ = 0;
    bool have_text_ = false;
    bool have_time_ = false;
    bool have_logger_ = false;
    bool have_agent_ = false;
    bool have_level_ = false;
    bool closed_ = false;
};

}  // namespace whohungup::ccp
