// SPDX-License-Identifier: MIT
// Text from logs is untrusted: these keep it from breaking the output it is written into.
// Tested by tests/unit/escape_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace whohungup::detail {

/// Appends `text` as a JSON string (with quotes). Control characters are escaped and invalid
/// UTF-8 is replaced by U+FFFD, so the output is always valid UTF-8 JSON.
void append_json_string(std::string& out, std::string_view text);

/// Appends `text` for a terminal: control characters (ESC included) become \xNN, invalid UTF-8
/// becomes U+FFFD, so no log line can move the cursor or change colours.
void append_terminal_safe(std::string& out, std::string_view text);

/// Appends one RFC 4180 CSV field. With `neutralise_formulas`, a cell that a spreadsheet would
/// run as a formula (leading = + - @, tab or CR) gets a leading apostrophe.
void append_csv_field(std::string& out, std::string_view text, bool neutralise_formulas);

}  // namespace whohungup::detail
