// SPDX-License-Identifier: MIT
#include "report/html/summary_sections.h"

#include <fmt/format.h>

#include <numeric>

#include "core/time_format.h"
#include "report/html/html_escape.h"
#include "report/html/svg_charts.h"

namespace whohungup::detail::html {

namespace {

constexpr std::size_t kAgentsInChart = 40;  ///< the rest are in the agents table under the chart
constexpr std::size_t kReasonsInChart = 12;
constexpr std::size_t kMaxTicks = 12;

constexpr std::array<Party, kPartyCount> kParties{Party::kAgent, Party::kCustomer, Party::kThirdParty, Party::kSystem,
                                                  Party::kUnknown};

/// "1 call", "2 calls".
std::string counted(std::uint64_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? std::string("-")
                      : fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

/// "2026-11-20 14:01:35 UTC", or "-".
std::string readable_time(std::int64_t ms) {
    if (ms == kNoTime) {
        return "-";
    }
    const std::string iso = format_iso8601_ms(ms);
    return fmt::format("{} {} UTC", iso.substr(0, 10), iso.substr(11, 8));
}

std::string party_label(Party party) {
    switch (party) {
        case Party::kAgent: return "agent";
        case Party::kCustomer: return "customer";
        case Party::kThirdParty: return "third party";
        case Party::kSystem: return "system";
        case Party::kUnknown: break;
    }
    return "unknown";
}

void card(std::string& out, std::string_view id, std::uint64_t value, std::string_view label, std::string_view share) {
    out += fmt::format(
        "<div class=\"card\"><span class=\"n\" id=\"{}\">{}</span><span class=\"l\">{}</span>"
        "<span class=\"s\">{}</span></div>\n",
        id, value, label, share);
}

void append_who_ended(std::string& out, const ReportAggregate& totals) {
    BarChart chart;
    chart.id = "chart-who";
    chart.title = "Calls by who ended them";
    chart.axis_label = "calls";
    chart.series = {"connected", "never connected", "not known to have connected"};
    for (const Party party : kParties) {
        const auto index = static_cast<std::size_t>(party);
        const std::uint64_t on = totals.ended_by_connected().at(index);
        const std::uint64_t off = totals.ended_by_never_connected().at(index);
        const std::uint64_t open = totals.ended_by_not_known_connected().at(index);
        BarRow row;
        row.label = party_label(party);
        row.values = {static_cast<double>(on), static_cast<double>(off), static_cast<double>(open)};
        row.hovers = {fmt::format("{}: {} connected calls", row.label, on),
                      fmt::format("{}: {} calls that never connected", row.label, off),
                      fmt::format("{}: {} calls in progress or of another kind", row.label, open)};
        const std::uint64_t all = on + off + open;
        row.note = fmt::format("{} ({})", all, percent(all, totals.total()));
        chart.rows.push_back(std::move(row));
    }
    out += "<section id=\"who\"><h2>Who ended the calls</h2><figure>";
    out += render_bar_chart(chart);
    out +=
        "<figcaption>Connected: the category says the call reached talking (<code>hangup</code>, "
        "<code>failure</code>, <code>transfer</code>); never connected: <code>not_connected</code> or "
        "<code>abandoned</code>; the rest (<code>in_progress</code>, <code>other</code>) are not known to "
        "have connected. <code>--summary</code> counts the same way.</figcaption></figure></section>\n";
}

void append_agents(std::string& out, const ReportAggregate& totals) {
    const std::vector<AgentRow> agents = totals.agents_by_rate();
    BarChart chart;
    chart.id = "chart-agents";
    chart.title = "Agent hang-up rate per agent (of connected calls)";
    chart.axis_label = "agent hang-ups, share of the agent's connected calls";
    chart.series = {"agent hang-up rate"};
    chart.percent = true;
    chart.max_value = 1;
    for (std::size_t i = 0; i < agents.size() && i < kAgentsInChart; ++i) {
        const AgentRow& agent = agents[i];
        BarRow row;
        row.label = agent.label;
        row.values = {agent.agent_hangup_rate()};
        row.hovers = {fmt::format("{}: {} agent hang-ups of {} connected calls ({} calls in all)", agent.label,
                                  agent.agent_hangups, agent.connected, agent.calls)};
        row.note = fmt::format("{} \xC2\xB7 {} connected \xC2\xB7 {}", percent(agent.agent_hangups, agent.connected),
                               agent.connected, counted(agent.calls, "call"));
        chart.rows.push_back(std::move(row));
    }
    out += "<section id=\"agents\"><h2>Agents</h2><figure>";
    out += render_bar_chart(chart);
    out += fmt::format(
        "<figcaption>Sorted by agent hang-up rate: the calls the agent hung up (ended by agent, category "
        "<code>hangup</code>) over the agent's connected calls.{}</figcaption></figure>\n",
        agents.size() > kAgentsInChart
            ? fmt::format(" The chart shows the first {} of {} agents; the table has them all.", kAgentsInChart,
                          agents.size())
            : std::string());
    out +=
        "<div class=\"scroll\"><table class=\"compact\" id=\"agents-table\"><thead><tr><th>Agent</th><th "
        "class=\"num\">Calls</th>"
        "<th class=\"num\">Connected</th><th class=\"num\">Agent hang-ups</th><th class=\"num\">Rate</th>"
        "<th class=\"num\">Customer hang-ups</th><th class=\"num\">Dropped</th></tr></thead><tbody>\n";
    for (const AgentRow& agent : agents) {
        out += fmt::format(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            html(agent.label), agent.calls, agent.connected, agent.agent_hangups,
            percent(agent.agent_hangups, agent.connected), agent.customer_hangups, agent.dropped);
    }
    out += "</tbody></table></div></section>\n";
}

std::string bucket_tick(const TimeBucket& bucket, BucketUnit unit, const TimeBucket* previous_tick) {
    const std::string iso = format_iso8601_ms(bucket.start_ms);
    switch (unit) {
        case BucketUnit::kHour: {
            const bool new_day =
                previous_tick == nullptr || format_day(previous_tick->start_ms) != format_day(bucket.start_ms);
            return new_day ? fmt::format("{} {}h", iso.substr(5, 5), iso.substr(11, 2)) : iso.substr(11, 2) + "h";
        }
        case BucketUnit::kDay: return iso.substr(5, 5);
        case BucketUnit::kMonth: break;
    }
    return iso.substr(0, 7);
}

std::string bucket_name(const TimeBucket& bucket, BucketUnit unit) {
    const std::string iso = format_iso8601_ms(bucket.start_ms);
    switch (unit) {
        case BucketUnit::kHour: return fmt::format("{} {}:00 UTC", iso.substr(0, 10), iso.substr(11, 2));
        case BucketUnit::kDay: return iso.substr(0, 10);
        case BucketUnit::kMonth: break;
    }
    return iso.substr(0, 7);
}

void append_over_time(std::string& out, const ReportAggregate& totals) {
    const TimeSeries series = totals.time_series();
    ColumnChart chart;
    chart.id = "chart-time";
    const std::string_view unit = series.unit == BucketUnit::kHour  ? "hour"
                                  : series.unit == BucketUnit::kDay ? "day"
                                                                    : "month";
    chart.title = fmt::format("Calls per {}: dropped mid-call, never connected, other", unit);
    chart.series = {"dropped mid-call", "never connected", "other calls"};
    chart.y_label = "calls";
    chart.x_label = fmt::format("{} of the call's end (UTC)", unit);
    const std::size_t every = std::max<std::size_t>(1, (series.buckets.size() + kMaxTicks - 1) / kMaxTicks);
    const TimeBucket* previous_tick = nullptr;
    for (std::size_t i = 0; i < series.buckets.size(); ++i) {
        const TimeBucket& bucket = series.buckets[i];
        Column column;
        if (i % every == 0) {
            column.tick = bucket_tick(bucket, series.unit, previous_tick);
            previous_tick = &bucket;
        }
        column.values = {bucket.dropped, bucket.never_connected, bucket.other};
        column.hover =
            fmt::format("{}: {} calls, {} dropped mid-call, {} never connected", bucket_name(bucket, series.unit),
                        bucket.total(), bucket.dropped, bucket.never_connected);
        chart.columns.push_back(std::move(column));
    }
    out += "<section id=\"time\"><h2>Drops and failures over time</h2><figure>";
    out += render_column_chart(chart);
    out += fmt::format(
        "<figcaption>Calls per {} by the time they ended (their start when the end is unknown). <em>Dropped "
        "mid-call</em>: connected calls ended by a failure (category <code>failure</code>); <em>never "
        "connected</em>: categories <code>not_connected</code> and <code>abandoned</code>.{}</figcaption>"
        "</figure></section>\n",
        unit,
        series.without_time > 0
            ? fmt::format(" {} no usable time and not drawn.", series.without_time == 1
                                                                   ? std::string("1 call has")
                                                                   : fmt::format("{} calls have", series.without_time))
            : std::string());
}

void append_reasons(std::string& out, const ReportAggregate& totals) {
    BarChart chart;
    chart.id = "chart-reasons";
    chart.title = "Most frequent endings (ended by/reason)";
    chart.axis_label = "calls";
    chart.series = {"calls"};
    for (const auto& [reason, count] : totals.top_reasons(kReasonsInChart)) {
        BarRow row;
        row.label = reason;
        row.values = {static_cast<double>(count)};
        row.hovers = {fmt::format("{}: {} calls", reason, count)};
        row.note = fmt::format("{} ({})", count, percent(count, totals.total()));
        chart.rows.push_back(std::move(row));
    }
    out += "<section id=\"reasons\"><h2>Top reasons</h2><figure>";
    out += render_bar_chart(chart);
    out += fmt::format(
        "<figcaption>Who ended the call and the reason code (see docs/verdicts.md){}.</figcaption></figure>"
        "</section>\n",
        totals.reason_count() > kReasonsInChart
            ? fmt::format("; the {} most frequent of {}", kReasonsInChart, totals.reason_count())
            : std::string());
}

void append_conflicts(std::string& out, const ReportAggregate& totals) {
    const std::vector<Conflict> conflicts = totals.conflicts();
    if (conflicts.empty()) {
        return;
    }
    const std::size_t count = totals.conflict_count();
    out += fmt::format(
        "<section id=\"conflicts\"><h2>Source conflicts</h2><p><span id=\"total-conflicts\">{}</span> contacts "
        "were judged differently by two sources (an <code>unknown</code> disagrees with nobody){}. Check their "
        "evidence in the calls table.</p>\n<div class=\"scroll\"><table class=\"compact\"><thead><tr><th>Contact</th>"
        "<th>Verdicts (source: ended by/reason)</th></tr></thead><tbody>\n",
        count, count > conflicts.size() ? fmt::format("; the first {} are listed", conflicts.size()) : std::string());
    for (const Conflict& conflict : conflicts) {
        out += fmt::format("<tr><td class=\"mono\">{}</td><td>", html(conflict.contact_id));
        for (std::size_t i = 0; i < conflict.claims.size(); ++i) {
            out += i == 0 ? "" : "<br>";
            append_html(out, conflict.claims[i]);
        }
        out += "</td></tr>\n";
    }
    out += "</tbody></table></div></section>\n";
}

}  // namespace

void append_header(std::string& out, const ReportAggregate& totals, const std::vector<InputRow>& inputs) {
    std::uint64_t agent_hangups = 0;
    std::uint64_t customer_hangups = 0;
    std::uint64_t dropped = 0;
    for (const AgentRow& agent : totals.agents_by_rate()) {
        agent_hangups += agent.agent_hangups;
        customer_hangups += agent.customer_hangups;
        dropped += agent.dropped;
    }
    const std::uint64_t never_connected = std::accumulate(totals.ended_by_never_connected().begin(),
                                                          totals.ended_by_never_connected().end(), std::uint64_t{0});
    const auto unknown_index = static_cast<std::size_t>(Party::kUnknown);
    const std::uint64_t unknown = totals.ended_by_connected().at(unknown_index) +
                                  totals.ended_by_never_connected().at(unknown_index) +
                                  totals.ended_by_not_known_connected().at(unknown_index);
    out += "<header><h1>Who ended the calls</h1>\n";
    out += fmt::format(
        "<p class=\"lead\">{} from {}, ended from <span id=\"period-from\">{}</span> to "
        "<span id=\"period-to\">{}</span>.</p></header>\n",
        counted(totals.total(), "call"), counted(inputs.size(), "input"), readable_time(totals.first_ms()),
        readable_time(totals.last_ms()));
    out += "<section id=\"totals\"><div class=\"cards\">\n";
    const std::uint64_t all = totals.total();
    const std::uint64_t on = totals.connected_total();
    card(out, "total-calls", all, "calls", "from " + counted(inputs.size(), "input"));
    card(out, "total-connected", on, "connected", percent(on, all) + " of calls");
    card(out, "total-agent-hangups", agent_hangups, "agent hang-ups", percent(agent_hangups, on) + " of connected");
    card(out, "total-customer-hangups", customer_hangups, "customer hang-ups",
         percent(customer_hangups, on) + " of connected");
    card(out, "total-dropped", dropped, "dropped mid-call", percent(dropped, on) + " of connected");
    card(out, "total-never-connected", never_connected, "never connected", percent(never_connected, all) + " of calls");
    card(out, "total-unknown", unknown, "ended by unknown", percent(unknown, all) + " of calls");
    out += "</div></section>\n";

    std::uint64_t records = 0;
    std::uint64_t skipped = 0;
    std::uint64_t errors = 0;
    for (const InputRow& row : inputs) {
        records += row.records;
        skipped += row.skipped;
        errors += row.error ? 1 : 0;
    }
    out += fmt::format(
        "<section id=\"inputs\"><h2>Inputs</h2><p>Inputs: <span id=\"total-inputs\">{}</span>; records read: {}; "
        "records skipped: <span id=\"total-skipped\">{}</span>; inputs with errors: "
        "<span id=\"total-errors\">{}</span>.{}</p>\n",
        inputs.size(), records, skipped, errors,
        skipped + errors > 0 ? " Each skipped record and each error was reported on whohungup's standard error, "
                               "with its file and line."
                             : "");
    const bool fold = inputs.size() > 30;
    if (fold) {
        out += fmt::format("<details><summary>The {} inputs</summary>\n", inputs.size());
    }
    out +=
        "<div class=\"scroll\"><table id=\"inputs-table\"><thead><tr><th>Input</th><th>Format</th>"
        "<th class=\"num\">Records</th><th class=\"num\">Skipped</th><th class=\"num\">Bytes</th>"
        "<th class=\"num\">Calls</th><th>Status</th></tr></thead><tbody>\n";
    for (const InputRow& row : inputs) {
        out += fmt::format(
            "<tr{}><td class=\"mono\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            row.error ? " class=\"error\"" : "", html(row.input),
            row.format.empty() ? std::string("not recognised") : html(row.format), row.records, row.skipped, row.bytes,
            row.verdicts,
            row.error         ? "error: not read in full"
            : row.skipped > 0 ? "read, records skipped"
                              : "read");
    }
    out += "</tbody></table></div>";
    out += fold ? "</details>" : "";
    out += "</section>\n";
}

void append_charts(std::string& out, const ReportAggregate& totals) {
    append_who_ended(out, totals);
    append_agents(out, totals);
    append_over_time(out, totals);
    append_reasons(out, totals);
    append_conflicts(out, totals);
}

void append_footer(std::string& out, const CallStore& calls) {
    out += fmt::format(
        "<footer><p>Made by whohungup from the inputs above; the page is self-contained (no network access, "
        "scripts only for the calls table). Times are UTC. To keep the page small, each call keeps at most {} "
        "evidence lines, {} bytes of each line's text and {} bytes in all, and {} bytes of its detail text "
        "(<code>whohungup --format jsonl</code> has them whole). Calls cut to that budget: "
        "<span id=\"calls-cut\">{}</span>.</p></footer>\n",
        EvidenceBudget::kLinesPerCall, EvidenceBudget::kBytesPerLine, EvidenceBudget::kBytesPerCall,
        EvidenceBudget::kDetailBytes, calls.calls_cut());
}

}  // namespace whohungup::detail::html
