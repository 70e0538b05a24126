// SPDX-License-Identifier: MIT
// The human table: one aligned row per call, colour on terminals only, evidence with --explain.
// Rows stream out as calls are judged (fixed column widths), so `| head` shows results at once.
#include <fmt/format.h>

#include "core/time_format.h"
#include "report/escape.h"
#include "report/reporters.h"

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

/// "2019-10-03 18:21:26.478" (UTC), or "-".
std::string table_time(std::int64_t ms) {
    if (ms == kNoTime) {
        return "-";
    }
    const std::string iso = format_iso8601_ms(ms);  // the header says UTC: drop the Z
    return fmt::format("{} {}", std::string_view(iso).substr(0, 10), std::string_view(iso).substr(11, 12));
}

std::string safe(std::string_view text) {
    std::string out;
    append_terminal_safe(out, text);
    return out;
}

class TextReporter final : public Reporter {
public:
    TextReporter(const ReportStyle& style, std::ostream& out) : style_(style), out_(out) {}

    void on_verdict(const Verdict& v) override {
        if (!header_printed_) {
            header_printed_ = true;
            out_ << fmt::format("{:<23}  {:>9}  {:<11}  {:<28}  {:<6}  {:<36}  {}\n", "ENDED (UTC)", "DURATION",
                                "ENDED BY", "REASON", "CONF", "CONTACT", "AGENT");
        }
        const auto duration = v.duration_s();
        const std::string who(to_string(v.ended_by));
        const std::string who_cell = fmt::format("{:<11}", who);
        const std::string_view agent_id = v.agent_name.empty() ? v.agent : v.agent_name;
        const std::string agent = agent_id.empty() ? std::string("-") : safe(agent_id);
        out_ << fmt::format("{:<23}  {:>9}  {}  {:<28}  {:<6}  {:<36}  {}\n", table_time(v.ended_at_ms),
                            duration ? fmt::format("{:.1f}s", *duration) : std::string("-"),
                            style_.color ? fmt::format("{}{}\x1b[0m", colour_of(v.ended_by), who_cell) : who_cell,
                            safe(v.reason), to_string(v.confidence), safe(v.contact_id), agent);
        if (style_.explain) {
            out_ << (v.raw_reason.empty() ? fmt::format("    {}\n", safe(v.detail))
                                          : fmt::format("    {} ({})\n", safe(v.detail), safe(v.raw_reason)));
            for (const Evidence& e : v.evidence) {
                out_ << fmt::format("      {}  {}:{}  {}\n", table_time(e.time_ms), safe(e.input),
                                    e.line > 0 ? fmt::format("{}", e.line) : fmt::format("byte {}", e.byte),
                                    safe(e.text));
            }
        }
    }

    void on_input_end(const InputReport& /*report*/) override {}

    void finish(const Summary* summary) override {
        if (summary != nullptr) {
            out_ << fmt::format("{}Calls: {}\n", header_printed_ ? "\n" : "", summary->total());
            if (summary->conflicts() > 0)
                out_ << fmt::format("Calls whose sources disagree: {}\n", summary->conflicts());
            block("Ended by", summary->by_ended_by(), summary->total());
            block("Reason (ended by/reason)", summary->by_reason(), summary->total());
            block("Agent", summary->by_agent(), summary->total());
            block("Day (UTC)", summary->by_day(), summary->total());
            block("Source format", summary->by_format(), summary->total());
        }
        out_.flush();
    }

private:
    void block(std::string_view title, const std::map<std::string, std::uint64_t>& counts, std::uint64_t total) {
        std::size_t width = title.size();
        for (const auto& [key, count] : counts) {
            width = std::max(width, key.size());
        }
        out_ << fmt::format("\n{:<{}}  {:>8}  {:>6}\n", title, width + 2, "calls", "share");
        for (const auto& [key, count] : counts) {
            const double share = total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total);
            out_ << fmt::format("  {:<{}}  {:>8}  {:>5.1f}%\n", safe(key), width, count, share);
        }
    }

    ReportStyle style_;
    std::ostream& out_;
    bool header_printed_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportStyle& style, std::ostream& out) {
    return std::make_unique<TextReporter>(style, out);
}

}  // namespace whohungup::detail
