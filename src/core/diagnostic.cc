// SPDX-License-Identifier: MIT
#include "whohungup/diagnostic.h"

#include <fmt/format.h>

namespace whohungup {

std::string format_diagnostic(const Diagnostic& diagnostic) {
    const char* severity = diagnostic.severity == Severity::kError ? "error" : "warning";
    const std::string& input = diagnostic.input.empty() ? std::string("whohungup") : diagnostic.input;
    if (!diagnostic.has_position) {
        return fmt::format("whohungup: {}: {}: {}", input, severity, diagnostic.message);
    }
    if (diagnostic.line > 0) {
        return fmt::format("whohungup: {}:{}: {}: {}", input, diagnostic.line, severity, diagnostic.message);
    }
    return fmt::format("whohungup: {}: byte {}: {}: {}", input, diagnostic.byte, severity, diagnostic.message);
}

}  // namespace whohungup
