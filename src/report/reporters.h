// SPDX-License-Identifier: MIT
// Constructors of the concrete reporters (one file each); make_reporter() picks one.
#pragma once

#include <memory>
#include <ostream>

#include "whohungup/reporter.h"

namespace whohungup::detail {

std::unique_ptr<Reporter> make_text_reporter(const ReportStyle& style, std::ostream& out);
std::unique_ptr<Reporter> make_jsonl_reporter(const ReportStyle& style, std::ostream& out);
std::unique_ptr<Reporter> make_csv_reporter(const ReportStyle& style, std::ostream& out);
std::unique_ptr<Reporter> make_html_reporter(std::ostream& out);  // src/report/html/

}  // namespace whohungup::detail
