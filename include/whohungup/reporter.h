// SPDX-License-Identifier: MIT
// Where and how results are printed: a closed set of formats chosen by the CLI.
// Wire formats are documented in docs/output-format.md.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "whohungup/options.h"
#include "whohungup/reader.h"
#include "whohungup/summary.h"
#include "whohungup/verdict.h"

namespace whohungup {

/// The end of one input, for per-input records and counts.
struct InputReport {
    std::string input;
    std::string format;  ///< reader name, empty when the format was not recognised
    InputResult result;
    std::uint64_t verdicts = 0;  ///< verdicts decided from this input
    bool error = false;          ///< the input could not be read in full
    bool unrecognised = false;   ///< met in a directory walk, matched no format, skipped (not an error)
    std::uint64_t read_us = 0;   ///< time spent reading it, in microseconds (--verbose)
};

class Reporter {
public:
    virtual ~Reporter() = default;
    virtual void on_verdict(const Verdict& verdict) = 0;
    /// Hooks a reporter may ignore: the defaults do nothing.
    virtual void on_input_end(const InputReport& /*report*/) {}
    /// End of the run; `summary` is null unless --summary was asked for.
    virtual void finish(const Summary* /*summary*/) {}
};

struct ReportStyle {
    bool color = false;                   ///< ANSI colour (text format only)
    bool explain = false;                 ///< evidence under each verdict (text format only)
    bool summary_only = false;            ///< --summary: only the summary is printed, no per-call rows
    bool neutralise_csv_formulas = true;  ///< prefix cells a spreadsheet would evaluate
    bool terminal = false;                ///< stdout is a terminal: CSV cells are escaped like the table
    bool count_only = false;              ///< --count: counts per ended_by, or the summary record
    std::vector<std::string> fields;      ///< --fields: table and CSV columns; empty: the defaults
    std::size_t width = 0;                ///< terminal columns the table must fit; 0: no limit (piped)
};

[[nodiscard]] std::unique_ptr<Reporter> make_reporter(OutputFormat format, const ReportStyle& style, std::ostream& out);

}  // namespace whohungup
