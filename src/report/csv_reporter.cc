// SPDX-License-Identifier: MIT
// RFC 4180 CSV with a fixed header. With --summary the rows are the summary counts instead.
#include <fmt/format.h>

#include <optional>

#include "core/time_format.h"
#include "report/escape.h"
#include "report/fields.h"
#include "report/reporters.h"

namespace whohungup::detail {

namespace {

constexpr std::string_view kVerdictHeader =
    "source_format,input,contact_id,agent,agent_name,started_at,ended_at,duration_s,ended_by,category,"
    "reason,raw_reason,confidence,detail,outcome,evidence_lines,channel,ended_by_side,agreement,sources\r\n";
constexpr std::string_view kSummaryHeader = "dimension,key,measure,value\r\n";

class CsvReporter final : public Reporter {
public:
    CsvReporter(const ReportStyle& style, std::ostream& out)
        : style_(style), fields_(fields_from_names(style.fields)), out_(out) {
        if (style_.count_only) {
            out_ << "ended_by,calls\r\n";
        } else if (style_.summary_only) {
            out_ << kSummaryHeader;
        } else if (!fields_.empty()) {
            row_.clear();
            for (std::size_t i = 0; i < fields_.size(); ++i) {
                field(to_string(fields_[i]), i + 1 == fields_.size());
            }
            out_ << row_;
        } else {
            out_ << kVerdictHeader;
        }
    }

    void on_verdict(const Verdict& v) override {
        row_.clear();
        if (!fields_.empty()) {  // --fields: the chosen columns, in the order given
            for (std::size_t i = 0; i < fields_.size(); ++i) {
                field(field_text(v, fields_[i]), i + 1 == fields_.size());
            }
            out_ << row_;
            return;
        }
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
        field(to_string(v.reason));
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
                                   to_string(s.reason), to_string(s.confidence));
        }
        field(sources, /*last=*/true);
        out_ << row_;
    }

    void on_input_end(const InputReport& /*report*/) override {}

    void finish(const Summary* summary) override {
        if (summary != nullptr && style_.count_only) {
            for (std::size_t i = 0; i < kPartyCount; ++i) {
                const std::string_view party = to_string(static_cast<Party>(i));
                const auto it = summary->by_ended_by().find(std::string(party));
                row_.clear();
                field(party);
                field(fmt::format("{}", it == summary->by_ended_by().end() ? 0 : it->second), /*last=*/true);
                out_ << row_;
            }
        } else if (summary != nullptr) {
            write_summary(*summary);
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

    /// One row per (dimension, key, measure): a long table a spreadsheet pivots or a script greps.
    void measure(std::string_view dimension, std::string_view key, std::string_view name, std::string_view value) {
        row_.clear();
        field(dimension);
        field(key);
        field(name);
        field(value, /*last=*/true);
        out_ << row_;
    }

    void counts(std::string_view name, const std::map<std::string, std::uint64_t>& counts, std::uint64_t total) {
        for (const auto& [key, count] : counts) {
            measure(name, key, "calls", fmt::format("{}", count));
            measure(name, key, "share",
                    fmt::format("{:.4f}", total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total)));
        }
    }

    static std::string rate_cell(std::optional<double> rate) { return rate ? fmt::format("{:.4f}", *rate) : ""; }

    void write_summary(const Summary& summary) {
        measure("total", "", "calls", fmt::format("{}", summary.total()));
        counts("ended_by", summary.by_ended_by(), summary.total());
        counts("category", summary.by_category(), summary.total());
        counts("reason", summary.by_reason(), summary.total());
        counts("confidence", summary.by_confidence(), summary.total());
        for (const auto& [key, agent] : summary.by_agent()) {
            measure("agent", key, "agent_name", agent.agent_name);
            measure("agent", key, "calls", fmt::format("{}", agent.calls));
            measure("agent", key, "connected", fmt::format("{}", agent.connected));
            for (std::size_t i = 0; i < agent.ended_by.size(); ++i) {
                measure("agent", key, fmt::format("ended_by.{}", to_string(static_cast<Party>(i))),
                        fmt::format("{}", agent.ended_by.at(i)));
            }
            for (std::size_t i = 0; i < agent.category.size(); ++i) {
                measure("agent", key, fmt::format("category.{}", to_string(static_cast<Category>(i))),
                        fmt::format("{}", agent.category.at(i)));
            }
            measure("agent", key, "agent_hangup_rate", rate_cell(agent.rate(agent.agent_hangups)));
            measure("agent", key, "customer_hangup_rate", rate_cell(agent.rate(agent.customer_hangups)));
            measure("agent", key, "dropped_rate", rate_cell(agent.rate(agent.dropped)));
        }
        for (const auto& [key, count] : summary.dropped()) {
            measure("dropped_mid_call", key, "calls", fmt::format("{}", count));
        }
        for (const auto& [key, count] : summary.never_connected()) {
            measure("never_connected", key, "calls", fmt::format("{}", count));
        }
        for (std::size_t i = 0; i < summary.durations().size(); ++i) {
            const DurationHistogram& histogram = summary.durations().at(i);
            if (histogram.count() == 0) {
                continue;
            }
            const std::string_view party = to_string(static_cast<Party>(i));
            measure("duration_s", party, "calls", fmt::format("{}", histogram.count()));
            measure("duration_s", party, "median", fmt::format("{}", histogram.quantile_s(0.5).value_or(0)));
            measure("duration_s", party, "p90", fmt::format("{}", histogram.quantile_s(0.9).value_or(0)));
        }
        measure("hour_zone", "", "name", summary.hour_zone());
        counts("hour", summary.by_hour(), summary.total());
        counts("day", summary.by_day(), summary.total());
        counts("channel", summary.by_channel(), summary.total());
        counts("format", summary.by_format(), summary.total());
        measure("conflicts", "", "calls", fmt::format("{}", summary.conflicts()));
        measure("inputs_skipped", "", "files", fmt::format("{}", summary.inputs_skipped()));
    }

    ReportStyle style_;
    std::vector<Field> fields_;
    std::ostream& out_;
    std::string row_;
    std::string shown_;
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReportStyle& style, std::ostream& out) {
    return std::make_unique<CsvReporter>(style, out);
}

}  // namespace whohungup::detail
