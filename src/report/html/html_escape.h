// SPDX-License-Identifier: MIT
// Escaping for the HTML report. Every string that comes from an input goes through one of these
// before it reaches the page: element text and attribute values through append_html, data for
// the page's script through append_script_json (a JSON string that cannot end the <script>
// element it sits in). Tested by tests/unit/html_escape_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace whohungup::detail::html {

/// Appends `text` for element content or a quoted attribute value: & < > " ' become entities,
/// control characters but tab and newline are dropped (HTML forbids them), invalid UTF-8
/// becomes U+FFFD. The colon of "http:" / "https:" and the second slash of "//" become
/// character references too, so no input text reads as a network address in the page's source.
void append_html(std::string& out, std::string_view text);

/// The same, returned.
[[nodiscard]] std::string html(std::string_view text);

/// Appends `text` as a JSON string (quotes included) that is safe inside a <script> element:
/// besides JSON's own escapes, < > & and U+2028 / U+2029 are written as \u003c, \u003e, \u0026,
/// \u2028, \u2029, so no "</script>" or "<!--" can appear and the text parses as JavaScript too;
/// like append_html, "http:", "https:" and "//" are broken up (\u003a, \/).
void append_script_json(std::string& out, std::string_view text);

/// The longest prefix of `text` of at most `max_bytes` bytes that does not cut a UTF-8
/// sequence in two.
[[nodiscard]] std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace whohungup::detail::html
