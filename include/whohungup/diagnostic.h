// SPDX-License-Identifier: MIT
// Problems found while reading inputs are values, not exceptions: readers push them to a
// DiagnosticSink and keep going wherever the format allows.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace whohungup {

enum class Severity : std::uint8_t {
    kWarning,  ///< something was skipped or guessed; results are still complete otherwise
    kError,    ///< an input (or part of it) could not be read; exit status becomes 2
};

struct Diagnostic {
    Severity severity = Severity::kError;
    std::string input;       ///< input name as given by the user ("-" is stdin)
    std::uint64_t line = 0;  ///< 1-based line, 0 when not known
    std::uint64_t byte = 0;  ///< 0-based byte offset, used when line is 0
    bool has_position = false;
    std::string message;
    /// Non-empty: said once per run whatever input repeats it (e.g. one warning per unknown code).
    std::string once_key;

    /// Builders, so a call site names what it sets:
    /// `Diagnostic::warning(input, "record skipped: ...").at(line, byte)`.
    [[nodiscard]] static Diagnostic error(std::string input, std::string message) {
        return Diagnostic{Severity::kError, std::move(input), 0, 0, false, std::move(message), {}};
    }
    [[nodiscard]] static Diagnostic warning(std::string input, std::string message) {
        return Diagnostic{Severity::kWarning, std::move(input), 0, 0, false, std::move(message), {}};
    }
    /// At a position in the input: a 1-based line (0 when unknown) and a 0-based byte offset.
    [[nodiscard]] Diagnostic at(std::uint64_t at_line, std::uint64_t at_byte) && {
        line = at_line;
        byte = at_byte;
        has_position = true;
        return std::move(*this);
    }
    /// Said once per run under `key`, whatever input repeats it.
    [[nodiscard]] Diagnostic once_per_run(std::string key) && {
        once_key = std::move(key);
        return std::move(*this);
    }
};

class DiagnosticSink {
public:
    virtual ~DiagnosticSink() = default;
    virtual void report(const Diagnostic& diagnostic) = 0;
};

/// Renders "whohungup: FILE:LINE: error: message" (or "FILE: byte N:" when no line is known).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace whohungup
