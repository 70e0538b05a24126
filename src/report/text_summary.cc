// SPDX-License-Identifier: MIT
#include "report/text_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/escape.h"

namespace whohungup::detail {

namespace {

/// Agent names longer than this are cut (with "~") so the agent table fits 80 columns.
constexpr std::size_t kAgentWidth = 20;

std::string safe(std::string_view text) {
    std::string out;
    append_terminal_safe(out, text);
    return out;
}

std::string cut(std::string text, std::size_t width) {
    if (text.size() > width) {
        text.resize(width - 1);
        text.push_back('~');
    }
    return text;
}

std::string percent(std::optional<double> rate) {
    return rate ? fmt::format("{:.1f}%", 100.0 * *rate) : std::string("-");
}

void agent_table(const Summary& summary, std::ostream& out) {
    struct Row {
        std::string name;
        const AgentSummary* agent;
        std::optional<double> agent_rate;
    };
    std::vector<Row> rows;
    for (const auto& [key, agent] : summary.by_agent()) {
        rows.push_back({agent.agent_name.empty() ? key : agent.agent_name, &agent, agent.rate(agent.agent_hangups)});
    }
    // Highest agent hang-up rate first; agents with no connected call last; then most calls, name.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.agent_rate.has_value() != b.agent_rate.has_value()) {
            return a.agent_rate.has_value();
        }
        if (a.agent_rate && *a.agent_rate != *b.agent_rate) {
            return *a.agent_rate > *b.agent_rate;
        }
        if (a.agent->calls != b.agent->calls) {
            return a.agent->calls > b.agent->calls;
        }
        return a.name < b.name;
    });
    std::size_t width = 5;
    for (Row& row : rows) {
        row.name = cut(safe(row.name), kAgentWidth);
        width = std::max(width, row.name.size());
    }
    out << "\nAgents, by agent hang-up rate (rates over connected calls)\n";
    out << fmt::format("  {:<{}}  {:>6}  {:>9}  {:>13}  {:>16}  {:>7}\n", "AGENT", width, "CALLS", "CONNECTED",
                       "AGENT HUNG UP", "CUSTOMER HUNG UP", "DROPPED");
    for (const Row& row : rows) {
        const AgentSummary& a = *row.agent;
        out << fmt::format("  {:<{}}  {:>6}  {:>9}  {:>13}  {:>16}  {:>7}\n", row.name, width, a.calls, a.connected,
                           percent(row.agent_rate), percent(a.rate(a.customer_hangups)), percent(a.rate(a.dropped)));
    }
}

/// "7 (system 6, customer 1)", largest first.
std::string by_party(const std::map<std::string, std::uint64_t>& counts) {
    std::vector<std::pair<std::string, std::uint64_t>> items(counts.begin(), counts.end());
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::uint64_t total = 0;
    std::string parts;
    for (const auto& [party, count] : items) {
        total += count;
        parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", party, count);
    }
    return parts.empty() ? std::string("0") : fmt::format("{} ({})", total, parts);
}

void block(std::ostream& out,
           std::string_view title,
           const std::map<std::string, std::uint64_t>& counts,
           std::uint64_t total) {
    std::size_t width = title.size();
    for (const auto& [key, count] : counts) {
        width = std::max(width, key.size());
    }
    out << fmt::format("\n{:<{}}  {:>8}  {:>6}\n", title, width + 2, "calls", "share");
    for (const auto& [key, count] : counts) {
        const double share = total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total);
        out << fmt::format("  {:<{}}  {:>8}  {:>5.1f}%\n", safe(key), width, count, share);
    }
}

void durations(const Summary& summary, std::ostream& out) {
    out << fmt::format("\n{:<13}  {:>8}  {:>8}  {:>8}\n", "Duration", "calls", "median", "p90");
    for (std::size_t i = 0; i < summary.durations().size(); ++i) {
        const DurationHistogram& histogram = summary.durations().at(i);
        if (histogram.count() > 0) {
            out << fmt::format("  {:<11}  {:>8}  {:>7}s  {:>7}s\n", to_string(static_cast<Party>(i)), histogram.count(),
                               histogram.quantile_s(0.5).value_or(0), histogram.quantile_s(0.9).value_or(0));
        }
    }
}

}  // namespace

void write_text_summary(const Summary& summary, std::ostream& out) {
    out << fmt::format("Calls: {}\n", summary.total());
    agent_table(summary, out);
    out << fmt::format("\nDropped mid-call: {}\n", by_party(summary.dropped()));
    out << fmt::format("Never connected:  {}\n", by_party(summary.never_connected()));
    out << fmt::format("Source conflicts: {}\n", summary.conflicts());
    if (summary.inputs_skipped() > 0) {
        out << fmt::format("Files skipped (no known format): {}\n", summary.inputs_skipped());
    }
    block(out, "Ended by", summary.by_ended_by(), summary.total());
    block(out, "Category", summary.by_category(), summary.total());
    block(out, "Reason (ended by/reason)", summary.by_reason(), summary.total());
    block(out, "Confidence", summary.by_confidence(), summary.total());
    durations(summary, out);
    block(out, fmt::format("Hour ({})", summary.hour_zone()), summary.by_hour(), summary.total());
    block(out, "Day (UTC)", summary.by_day(), summary.total());
    block(out, "Channel", summary.by_channel(), summary.total());
    block(out, "Source format", summary.by_format(), summary.total());
}

}  // namespace whohungup::detail
