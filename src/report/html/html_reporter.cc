// SPDX-License-Identifier: MIT
// --format html: one self-contained HTML5 page (inline CSS, SVG and script, no network access)
// written when the run ends. Verdicts are held compactly until then (call_store.h), and the
// charts' counts are gathered as they pass (report_aggregate.h). The page is described in
// docs/html-report.md.
#include <ostream>

#include "report/html/call_store.h"
#include "report/html/calls_script.h"
#include "report/html/page_style.h"
#include "report/html/report_aggregate.h"
#include "report/html/summary_sections.h"
#include "report/reporters.h"

namespace whohungup::detail {

namespace {

// The policy forbids every fetch (default-src 'none'), so even a page edited by hand cannot
// reach the network; the page's own style and script are inline.
constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="whohungup">
<title>Who ended the calls: whohungup report</title>
<style>)";

class HtmlReporter final : public Reporter {
public:
    explicit HtmlReporter(std::ostream& out) : out_(out) {}

    void on_verdict(const Verdict& verdict) override {
        totals_.add(verdict);
        calls_.add(verdict);
    }

    void on_input_end(const InputReport& report) override {
        html::InputRow row;
        row.input = report.input;
        row.format = report.format;
        row.records = report.result.records;
        row.skipped = report.result.skipped;
        row.bytes = report.result.bytes;
        row.verdicts = report.verdicts;
        row.error = report.error;
        inputs_.push_back(std::move(row));
    }

    void finish(const Summary* /*summary*/) override {
        // The page always carries its own summary, counted from the verdicts above.
        std::string page(kHead);
        page += html::page_css();
        page += "</style>\n</head>\n<body>\n<main>\n";
        html::append_header(page, totals_, inputs_);
        html::append_charts(page, totals_);
        out_ << page;
        page.clear();
        html::append_calls_section(page, calls_);
        html::append_footer(page, calls_);
        page += "</main>\n</body>\n</html>\n";
        out_ << page;
        out_.flush();
    }

private:
    std::ostream& out_;
    html::ReportAggregate totals_;
    html::CallStore calls_;
    std::vector<html::InputRow> inputs_;
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(std::ostream& out) {
    return std::make_unique<HtmlReporter>(out);
}

}  // namespace whohungup::detail
