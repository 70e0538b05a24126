// SPDX-License-Identifier: MIT
// RFC 4180 CSV with a fixed header. With --summary the rows are the summary counts instead.
#include <fmt/format.h>

#include "core/time_format.h"
#include "report/escape.h"
#include "report/reporters.h"

namespace whohungup::detail {

namespace {

constexpr std::string_view kVerdictHeader =
    "source_format,input,contact_id,agent,agent_name,started_at,ended_at,duration_s,ended_by,category,"
    "reason,raw_reason,confidence,detail,outcome,evidence_lines,channel,ended_by_side,agreement,sources\r\n";
constexpr std::string_view kSummaryHeader = "dimension,key,count,share\r\n";

class CsvReporter final : public Reporter {
public:
    CsvReporter(const ReportStyle& style, std::ostream& out) : style_(style), out_(out) {
        out_ << (style_.summary_only ? kSummaryHeader : kVerdictHeader);
    }

    void on_verdict(const Verdict& v) override {
        row_.clear();
        field(v.source_format);
        field(v.input);
        field(v.contact_id);
        field(v.agent);
        field(v.agent_name);
        field(v.started_at_ms == kNoTime ? std::string() : format_iso8601_ms(v.started_at_ms));
        field(v.ended_at_ms == kNoTime ? std::string() : format_iso8601_ms(v.ended_at_ms));
        std::string seconds;
        if (const auto duration = v.duration_ms()) {
            append_seconds(seconds, *duration);
        }
        field(seconds);
        field(to_string(v.ended_by));
        field(to_string(v.category));
        field(v.reason);
        field(v.raw_reason);
        field(to_string(v.confidence));
        field(v.detail);
        field(v.outcome);
        field(fmt::format("{}", v.evidence.size()));
        field(v.channel == Channel::kUnknown ? std::string_view() : to_string(v.channel));
        field(v.ended_by_side == Side::kNone ? std::string_view() : to_string(v.ended_by_side));
        field(to_string(v.agreement));
        std::string sources;  // "format=ended_by/reason/confidence; ..."
        for (const SourceView& s : sources_of(v)) {
            sources += fmt::format("{}{}={}/{}/{}", sources.empty() ? "" : "; ", s.format, to_string(s.ended_by),
                                   s.reason, to_string(s.confidence));
        }
        field(sources, /*last=*/true);
        out_ << row_;
    }

    void on_input_end(const InputReport& /*report*/) override {}

    void finish(const Summary* summary) override {
        if (summary != nullptr) {
            dimension("ended_by", summary->by_ended_by(), summary->total());
            dimension("reason", summary->by_reason(), summary->total());
            dimension("agent", summary->by_agent(), summary->total());
            dimension("day", summary->by_day(), summary->total());
            dimension("format", summary->by_format(), summary->total());
        }
        out_.flush();
    }

private:
    void field(std::string_view text, bool last = false) {
        if (style_.terminal) {  // shown, not saved: no byte of a log may drive the terminal
            shown_.clear();
            append_terminal_safe(shown_, text);
            text = shown_;
        }
        append_csv_field(row_, text, style_.neutralise_csv_formulas);
        row_ += last ? "\r\n" : ",";
    }

    void dimension(std::string_view name, const std::map<std::string, std::uint64_t>& counts, std::uint64_t total) {
        for (const auto& [key, count] : counts) {
            row_.clear();
            field(name);
            field(key);
            field(fmt::format("{}", count));
            field(fmt::format("{:.4f}", total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total)),
                  /*last=*/true);
            out_ << row_;
        }
    }

    ReportStyle style_;
    std::ostream& out_;
    std::string row_;
    std::string shown_;
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReportStyle& style, std::ostream& out) {
    return std::make_unique<CsvReporter>(style, out);
}

}  // namespace whohungup::detail
