// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "report/html/report_aggregate.h"

namespace whohungup::detail::html {
namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kStart = 1795240800000;  // 2026-11-21T06:00:00Z

Verdict call(std::string agent, Party by, Category category, std::int64_t ended, std::string contact = "") {
    Verdict v;
    v.source_format = "ccp-log";
    v.contact_id = contact.empty() ? agent + std::to_string(ended) : std::move(contact);
    v.agent = std::move(agent);
    v.ended_by = by;
    v.category = category;
    v.reason = by == Party::kAgent ? Reason::agent_hangup : Reason::customer_hangup;
    v.ended_at_ms = ended;
    return v;
}

TEST(ReportAggregate, SplitsWhoEndedByConnectedAndNeverConnected) {
    ReportAggregate totals;
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart));
    totals.add(call("a", Party::kSystem, Category::kNotConnected, kStart + 1));
    totals.add(call("a", Party::kCustomer, Category::kAbandoned, kStart + 2));
    totals.add(call("a", Party::kSystem, Category::kFailure, kStart + 3));
    EXPECT_EQ(totals.total(), 4U);
    EXPECT_EQ(totals.connected_total(), 2U);
    EXPECT_EQ(totals.ended_by_connected().at(static_cast<std::size_t>(Party::kAgent)), 1U);
    EXPECT_EQ(totals.ended_by_connected().at(static_cast<std::size_t>(Party::kSystem)), 1U);
    EXPECT_EQ(totals.ended_by_never_connected().at(static_cast<std::size_t>(Party::kSystem)), 1U);
    EXPECT_EQ(totals.ended_by_never_connected().at(static_cast<std::size_t>(Party::kCustomer)), 1U);
    EXPECT_EQ(totals.first_ms(), kStart);
    EXPECT_EQ(totals.last_ms(), kStart + 3);
}

TEST(ReportAggregate, AgentsSortByHangupRateOverConnectedCallsAndMergeIdWithName) {
    ReportAggregate totals;
    // "low": 1 agent hang-up of 4 connected (a never-connected call does not count).
    totals.add(call("low", Party::kAgent, Category::kHangup, kStart));
    for (int i = 1; i <= 3; ++i) {
        totals.add(call("low", Party::kCustomer, Category::kHangup, kStart + i));
    }
    totals.add(call("low", Party::kSystem, Category::kNotConnected, kStart + 9));
    // "high": 2 of 2, one verdict with the name and one without: one row, by the name.
    Verdict named = call("high-id", Party::kAgent, Category::kHangup, kStart);
    named.agent_name = "Harriet";
    totals.add(named);
    totals.add(call("high-id", Party::kAgent, Category::kHangup, kStart + 1));
    // A transfer by the agent is not a hang-up.
    totals.add(call("mid", Party::kAgent, Category::kTransfer, kStart));
    totals.add(call("mid", Party::kAgent, Category::kHangup, kStart + 1));
    totals.add(call("", Party::kCustomer, Category::kHangup, kStart));

    const std::vector<AgentRow> rows = totals.agents_by_rate();
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(rows[0].label, "Harriet");
    EXPECT_EQ(rows[0].calls, 2U);
    EXPECT_DOUBLE_EQ(rows[0].agent_hangup_rate(), 1.0);
    EXPECT_EQ(rows[1].label, "mid");
    EXPECT_DOUBLE_EQ(rows[1].agent_hangup_rate(), 0.5);
    EXPECT_EQ(rows[2].label, "low");
    EXPECT_EQ(rows[2].calls, 5U);
    EXPECT_EQ(rows[2].connected, 4U);
    EXPECT_EQ(rows[2].customer_hangups, 3U);
    EXPECT_DOUBLE_EQ(rows[2].agent_hangup_rate(), 0.25);
    EXPECT_EQ(rows[3].label, "(none)");
    EXPECT_DOUBLE_EQ(rows[3].agent_hangup_rate(), 0.0);
}

TEST(ReportAggregate, TimeSeriesIsHourlyForShortPeriodsWithEmptyHoursFilled) {
    ReportAggregate totals;
    totals.add(call("a", Party::kSystem, Category::kFailure, kStart + 10));
    totals.add(call("a", Party::kSystem, Category::kNotConnected, kStart + 20));
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart + 3 * kHour + 5));
    Verdict timeless = call("a", Party::kUnknown, Category::kOther, kNoTime);
    totals.add(timeless);
    const TimeSeries series = totals.time_series();
    EXPECT_EQ(series.unit, BucketUnit::kHour);
    EXPECT_EQ(series.without_time, 1U);
    ASSERT_EQ(series.buckets.size(), 4U);
    EXPECT_EQ(series.buckets[0].start_ms, kStart);
    EXPECT_EQ(series.buckets[0].dropped, 1U);
    EXPECT_EQ(series.buckets[0].never_connected, 1U);
    EXPECT_EQ(series.buckets[1].total(), 0U);
    EXPECT_EQ(series.buckets[3].start_ms, kStart + 3 * kHour);
    EXPECT_EQ(series.buckets[3].other, 1U);
}

TEST(ReportAggregate, TimeSeriesIsDailyThenMonthlyThenSparseForLongerPeriods) {
    ReportAggregate days;
    days.add(call("a", Party::kAgent, Category::kHangup, kStart));
    days.add(call("a", Party::kAgent, Category::kHangup, kStart + 10 * 24 * kHour));
    TimeSeries series = days.time_series();
    EXPECT_EQ(series.unit, BucketUnit::kDay);
    EXPECT_EQ(series.buckets.size(), 11U);
    EXPECT_EQ(series.buckets[0].start_ms, kStart - 6 * kHour);  // midnight UTC

    ReportAggregate months;
    months.add(call("a", Party::kAgent, Category::kHangup, kStart));                     // 2026-11
    months.add(call("a", Party::kAgent, Category::kHangup, kStart + 500 * 24 * kHour));  // 2028-04
    series = months.time_series();
    EXPECT_EQ(series.unit, BucketUnit::kMonth);
    EXPECT_EQ(series.buckets.size(), 18U);
    EXPECT_EQ(series.buckets[1].start_ms, 1796083200000);  // 2026-12-01T00:00:00Z

    // Garbage times centuries apart: only the months that hold calls, not thousands of empty ones.
    ReportAggregate sparse;
    sparse.add(call("a", Party::kAgent, Category::kHangup, 0));
    sparse.add(call("a", Party::kAgent, Category::kHangup, 253402300799999));  // 9999-12-31
    sparse.add(call("a", Party::kAgent, Category::kHangup, INT64_MAX / 2));    // not drawn at all
    sparse.add(call("a", Party::kAgent, Category::kHangup, INT64_MIN + 1));
    series = sparse.time_series();
    EXPECT_EQ(series.buckets.size(), 2U);
    EXPECT_EQ(series.without_time, 2U);
    EXPECT_EQ(sparse.last_ms(), 253402300799999);
}

TEST(ReportAggregate, TopReasonsByCount) {
    ReportAggregate totals;
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart));
    totals.add(call("a", Party::kCustomer, Category::kHangup, kStart));
    totals.add(call("a", Party::kCustomer, Category::kHangup, kStart));
    const auto reasons = totals.top_reasons(1);
    ASSERT_EQ(reasons.size(), 1U);
    EXPECT_EQ(reasons[0].first, "customer/customer_hangup");
    EXPECT_EQ(reasons[0].second, 2U);
    EXPECT_EQ(totals.reason_count(), 2U);
}

TEST(ReportAggregate, ConflictsAreContactsTwoSourcesJudgedDifferently) {
    ReportAggregate totals;
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart, "same"));
    Verdict record = call("a", Party::kCustomer, Category::kHangup, kStart, "same");
    record.source_format = "connect-ctr";
    totals.add(record);
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart, "agree"));
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart, "agree"));
    totals.add(call("a", Party::kAgent, Category::kHangup, kStart, "unsure"));
    totals.add(call("a", Party::kUnknown, Category::kOther, kStart, "unsure"));
    const std::vector<Conflict> conflicts = totals.conflicts();
    ASSERT_EQ(conflicts.size(), 1U);
    EXPECT_EQ(conflicts[0].contact_id, "same");
    EXPECT_EQ(conflicts[0].claims,
              (std::vector<std::string>{"ccp-log: agent/agent_hangup", "connect-ctr: customer/customer_hangup"}));
}

TEST(ReportAggregate, ReconciledConflictsListEverySource) {
    ReportAggregate totals;
    Verdict v = call("a", Party::kAgent, Category::kHangup, kStart, "c1");
    v.agreement = Agreement::kConflict;
    v.sources = {
        SourceView{"ccp-log", "log.txt", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh},
        SourceView{"connect-ctr", "ctr.jsonl", Party::kCustomer, Category::kHangup, Reason::customer_hangup,
                   Confidence::kMedium}};
    totals.add(v);
    Verdict agreed = call("a", Party::kAgent, Category::kHangup, kStart, "c2");
    agreed.agreement = Agreement::kAgree;
    totals.add(agreed);
    ASSERT_EQ(totals.conflict_count(), 1U);
    const std::vector<Conflict> conflicts = totals.conflicts();
    ASSERT_EQ(conflicts.size(), 1U);
    EXPECT_EQ(conflicts[0].contact_id, "c1");
    EXPECT_EQ(conflicts[0].claims, (std::vector<std::string>{"ccp-log: agent/agent_hangup (high)",
                                                             "connect-ctr: customer/customer_hangup (medium)"}));
}

}  // namespace
}  // namespace whohungup::detail::html
