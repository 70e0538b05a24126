// SPDX-License-Identifier: MIT
// Text from logs is untrusted: these keep it from breaking the output it is written into.
// Tested by tests/unit/escape_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace whohungup::detail {

/// Appends `text` as a JSON string (with quotes). Control characters are escaped and invalid
/// UTF-8 is replaced by U+FFFD, so the output is always valid UTF-8 JSON.
void append_json_string(std::string& out, std::string_view text);

/// Appends `text` for a terminal: control characters (ESC included) become \xNN, C1 controls and
/// the invisible format characters (bidi overrides and isolates, zero-width spaces and joiners,
/// line separators, the BOM) become \uNNNN, invalid UTF-8 becomes U+FFFD, so no log line can
/// move the cursor, change colours or show text other than its bytes. This is the one function
/// for every byte that reaches a terminal: the table, messages on stderr, CSV on a terminal.
/// With `max_bytes`, input past that many bytes is cut and "... (N more bytes)" appended.
void append_terminal_safe(std::string& out, std::string_view text, std::size_t max_bytes = SIZE_MAX);

/// Appends one RFC 4180 CSV field. With `neutralise_formulas`, a cell that a spreadsheet would
/// run as a formula gets a leading apostrophe: its first character, after any blanks a
/// spreadsheet skips (spaces, tab, CR, LF, BOM, zero-width space), is = + - @ or a full-width
/// ＝ ＋ － ＠, or the cell starts with a tab or CR.
void append_csv_field(std::string& out, std::string_view text, bool neutralise_formulas);

/// Length of the valid UTF-8 sequence at text[i] (1 for ASCII), or 0 if invalid: overlong
/// forms, surrogates and code points past U+10FFFF are invalid.
[[nodiscard]] std::size_t utf8_length(std::string_view text, std::size_t i);

/// Appends the UTF-8 sequence at text[i] (a byte >= 0x80), or U+FFFD when it is invalid, and
/// returns the index after it: how every writer passes text through without passing bad bytes.
std::size_t append_utf8_sequence(std::string& out, std::string_view text, std::size_t i);

}  // namespace whohungup::detail
