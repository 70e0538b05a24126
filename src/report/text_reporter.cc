// SPDX-License-Identifier: MIT
// The human table: one aligned row per call, colour on terminals only, evidence with --explain.
// Rows stream out as calls are judged (fixed column widths, report/table_layout.h), so `| head`
// shows results at once; on a terminal the columns shrink to its width.
#include <fmt/format.h>

#include "core/time_format.h"
#include "report/escape.h"
#include "report/reporters.h"
#include "report/table_layout.h"
#include "report/text_summary.h"

namespace whohungup::detail {

namespace {

std::string_view colour_of(Party party) {
    switch (party) {
        case Party::kAgent: return "\x1b[33m";
        case Party::kCustomer: return "\x1b[36m";
        case Party::kThirdParty: return "\x1b[35m";
        case Party::kSystem: return "\x1b[31m";
        case Party::kUnknown: break;
    }
    return "\x1b[2m";
}

/// "2019-10-03 18:21:26.478" (UTC), "10-03 18:21:26" compacted, or "-".
std::string table_time(std::int64_t ms, bool compact) {
    if (ms == kNoTime) {
        return "-";
    }
    const std::string iso = format_iso8601_ms(ms);  // the header says UTC: drop the Z
    const std::string_view view(iso);
    return compact ? fmt::format("{} {}", view.substr(5, 5), view.substr(11, 8))
                   : fmt::format("{} {}", view.substr(0, 10), view.substr(11, 12));
}

std::string safe(std::string_view text) {
    std::string out;
    append_terminal_safe(out, text);
    return out;
}

class TextReporter final : public Reporter {
public:
    TextReporter(const ReportStyle& style, std::ostream& out)
        : style_(style), layout_(layout_table(style.fields, style.width)), out_(out) {}

    void on_verdict(const Verdict& v) override {
        if (!header_printed_) {
            header_printed_ = true;
            std::string header;
            for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
                append_cell(header, i, std::string(layout_.columns[i].header), std::nullopt);
            }
            emit(header);
        }
        std::string row;
        for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
            const Field field = layout_.columns[i].field;
            append_cell(row, i, cell(v, field),
                        field == Field::kEndedBy && style_.color ? std::optional<Party>(v.ended_by) : std::nullopt);
        }
        emit(row);
        if (style_.explain) {
            emit(v.raw_reason.empty() ? fmt::format("    {}", safe(v.detail))
                                      : fmt::format("    {} ({})", safe(v.detail), safe(v.raw_reason)));
            for (const Evidence& e : v.evidence) {
                emit(fmt::format("      {}  {}:{}  {}", table_time(e.time_ms, layout_.compact_times), safe(e.input),
                                 e.line > 0 ? fmt::format("{}", e.line) : fmt::format("byte {}", e.byte),
                                 safe(e.text)));
            }
        }
    }

    void on_input_end(const InputReport& /*report*/) override {}

    void finish(const Summary* summary) override {
        if (summary != nullptr && style_.count_only) {
            for (std::size_t i = 0; i < kPartyCount; ++i) {
                const std::string party(to_string(static_cast<Party>(i)));
                const auto it = summary->by_ended_by().find(party);
                out_ << fmt::format("{:<12} {}\n", party, it == summary->by_ended_by().end() ? 0 : it->second);
            }
        } else if (summary != nullptr) {
            if (header_printed_) {
                out_ << '\n';
            }
            write_text_summary(*summary, out_);
        }
        out_.flush();
    }

private:
    [[nodiscard]] std::string cell(const Verdict& v, Field field) const {
        switch (field) {
            case Field::kEndedAt: return table_time(v.ended_at_ms, layout_.compact_times);
            case Field::kStartedAt: return table_time(v.started_at_ms, layout_.compact_times);
            case Field::kDurationS: {
                const auto duration = v.duration_s();
                return duration ? fmt::format("{:.1f}s", *duration) : std::string("-");
            }
            case Field::kAgent: {  // the username where known: that is what a supervisor reads
                const std::string_view agent = v.agent_name.empty() ? v.agent : v.agent_name;
                return agent.empty() ? std::string("-") : safe(agent);
            }
            case Field::kContactId:
                return layout_.elide_contact ? elide_middle(safe(v.contact_id)) : safe(v.contact_id);
            default: break;
        }
        std::string text = safe(field_text(v, field));
        return text.empty() ? std::string("-") : text;
    }

    void append_cell(std::string& line, std::size_t index, std::string text, std::optional<Party> colour) const {
        const TableColumn& column = layout_.columns[index];
        const bool last = index + 1 == layout_.columns.size();
        if (index > 0) {
            line += "  ";
        }
        if (last) {
            line += layout_.last_width > 0 ? cut_text(text, layout_.last_width) : text;
            return;
        }
        if (column.cut) {
            text = cut_text(text, column.width);
        }
        const std::size_t pad = column.width > text_width(text) ? column.width - text_width(text) : 0;
        if (column.right) {
            line.append(pad, ' ');
        }
        if (colour) {
            line += colour_of(*colour);
            line += text;
            line += "\x1b[0m";
        } else {
            line += text;
        }
        if (!column.right) {
            line.append(pad, ' ');
        }
    }

    /// One line out; on a terminal, trailing padding dropped and the line cut to its width
    /// (only a table too wide even after every step of the layout is cut here, never coloured).
    void emit(std::string line) {
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        if (layout_.line_width > 0 && line.find('\x1b') == std::string::npos) {
            line = cut_text(line, layout_.line_width);
        }
        line.push_back('\n');
        out_ << line;
    }

    ReportStyle style_;
    TableLayout layout_;
    std::ostream& out_;
    bool header_printed_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportStyle& style, std::ostream& out) {
    return std::make_unique<TextReporter>(style, out);
}

}  // namespace whohungup::detail
