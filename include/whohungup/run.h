// SPDX-License-Identifier: MIT
// The whole pipeline: expand inputs, detect formats, read, filter, report. Never throws for bad
// input: every problem becomes a diagnostic and every other input is still reported.
#pragma once

#include <cstdint>

#include "whohungup/diagnostic.h"
#include "whohungup/options.h"
#include "whohungup/reporter.h"

namespace whohungup {

struct RunStats {
    std::uint64_t inputs = 0;
    std::uint64_t inputs_failed = 0;
    std::uint64_t verdicts_reported = 0;  ///< after --who filtering
    std::uint64_t errors = 0;             ///< error diagnostics (input-level and usage)
};

RunStats run(const Options& options, Reporter& reporter, DiagnosticSink& diag);

/// grep's convention: 0 something reported, 1 nothing found, 2 an error. With --quiet a
/// reported verdict wins over errors.
[[nodiscard]] int exit_code_for(const RunStats& stats, const Options& options);

}  // namespace whohungup
