// SPDX-License-Identifier: MIT
// The page above the calls table: the inputs, the period and totals, and the charts (who ended
// the calls, agents by agent-hang-up rate, drops and failures over time, top reasons), then the
// contacts whose sources disagree. All of it is plain HTML and SVG, readable with scripts off.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/html/call_store.h"
#include "report/html/report_aggregate.h"

namespace whohungup::detail::html {

/// One input as the page lists it.
struct InputRow {
    std::string input;
    std::string format;  ///< empty: not recognised
    std::uint64_t records = 0;
    std::uint64_t skipped = 0;
    std::uint64_t bytes = 0;
    std::uint64_t verdicts = 0;
    bool error = false;
};

/// Appends the header (title, period, totals) and the inputs table.
void append_header(std::string& out, const ReportAggregate& totals, const std::vector<InputRow>& inputs);

/// Appends the chart sections and, when there are any, the source conflicts.
void append_charts(std::string& out, const ReportAggregate& totals);

/// Appends the footer: what the page leaves out (the evidence budget) and how it was made.
void append_footer(std::string& out, const CallStore& calls);

}  // namespace whohungup::detail::html
