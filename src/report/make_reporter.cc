// SPDX-License-Identifier: MIT
#include "report/reporters.h"

namespace whohungup {

std::unique_ptr<Reporter> make_reporter(OutputFormat format, const ReportStyle& style, std::ostream& out) {
    switch (format) {
        case OutputFormat::kJsonl: return detail::make_jsonl_reporter(style, out);
        case OutputFormat::kCsv: return detail::make_csv_reporter(style, out);
        case OutputFormat::kHtml: return detail::make_html_reporter(out);
        case OutputFormat::kText: break;
    }
    return detail::make_text_reporter(style, out);
}

}  // namespace whohungup
