// SPDX-License-Identifier: MIT
#include "whohungup/diagnostic.h"

#include <fmt/format.h>

#include "report/escape.h"

namespace whohungup {

namespace {

/// A message quotes values from inputs (unknown codes, timestamps): one line stays readable.
constexpr std::size_t kMaxMessageBytes = 1000;

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
    // File names and quoted values come from outside: escaped like the table, so a name with a
    // newline or ESC cannot split the one-line message or drive the terminal.
    const char* severity = diagnostic.severity == Severity::kError ? "error" : "warning";
    std::string input;
    detail::append_terminal_safe(input, diagnostic.input.empty() ? std::string_view("whohungup") : diagnostic.input);
    std::string message;
    detail::append_terminal_safe(message, diagnostic.message, kMaxMessageBytes);
    if (!diagnostic.has_position) {
        return fmt::format("whohungup: {}: {}: {}", input, severity, message);
    }
    if (diagnostic.line > 0) {
        return fmt::format("whohungup: {}:{}: {}: {}", input, diagnostic.line, severity, message);
    }
    return fmt::format("whohungup: {}: byte {}: {}: {}", input, diagnostic.byte, severity, message);
}

}  // namespace whohungup
