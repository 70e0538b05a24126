// SPDX-License-Identifier: MIT
// The summary's measures: who counts as connected, per-agent rates, dropped and never-connected
// calls, durations (exact nearest-rank quantiles over whole seconds), hours, conflicts, merge.
#include "whohungup/summary.h"

#include <gtest/gtest.h>

namespace whohungup {
namespace {

Verdict call(std::string agent, Party party, Category category, std::int64_t start_ms, std::int64_t end_ms) {
    Verdict v;
    v.source_format = "ccp-log";
    v.contact_id = "c";
    v.agent = std::move(agent);
    v.ended_by = party;
    v.category = category;
    v.reason = Reason::agent_hangup;
    v.started_at_ms = start_ms;
    v.ended_at_ms = end_ms;
    return v;
}

constexpr std::int64_t kDay = 1763647200000;  // 2025-11-20T14:00:00Z

TEST(Summary, ConnectedMeansHangupFailureOrTransfer) {
    EXPECT_TRUE(is_connected(Category::kHangup));
    EXPECT_TRUE(is_connected(Category::kFailure));
    EXPECT_TRUE(is_connected(Category::kTransfer));
    EXPECT_FALSE(is_connected(Category::kNotConnected));
    EXPECT_FALSE(is_connected(Category::kAbandoned));
    EXPECT_FALSE(is_connected(Category::kInProgress));
    EXPECT_FALSE(is_connected(Category::kOther));
    EXPECT_TRUE(is_never_connected(Category::kNotConnected));
    EXPECT_TRUE(is_never_connected(Category::kAbandoned));
    EXPECT_FALSE(is_never_connected(Category::kOther));
}

TEST(Summary, AgentRatesAreOverConnectedCalls) {
    Summary s;
    s.add(call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 1000));
    s.add(call("a1", Party::kCustomer, Category::kHangup, kDay, kDay + 1000));
    s.add(call("a1", Party::kSystem, Category::kFailure, kDay, kDay + 1000));
    s.add(call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 1000));
    s.add(call("a1", Party::kSystem, Category::kNotConnected, kDay, kDay + 1000));  // not in the rates
    s.add(call("a2", Party::kSystem, Category::kNotConnected, kDay, kDay + 1000));
    const AgentSummary& a1 = s.by_agent().at("a1");
    EXPECT_EQ(a1.calls, 5U);
    EXPECT_EQ(a1.connected, 4U);
    EXPECT_EQ(a1.ended_by.at(static_cast<std::size_t>(Party::kAgent)), 2U);
    EXPECT_EQ(a1.category.at(static_cast<std::size_t>(Category::kNotConnected)), 1U);
    EXPECT_DOUBLE_EQ(*a1.rate(a1.agent_hangups), 0.5);
    EXPECT_DOUBLE_EQ(*a1.rate(a1.customer_hangups), 0.25);
    EXPECT_DOUBLE_EQ(*a1.rate(a1.dropped), 0.25);
    const AgentSummary& a2 = s.by_agent().at("a2");
    EXPECT_EQ(a2.connected, 0U);
    EXPECT_FALSE(a2.rate(a2.agent_hangups).has_value());  // no connected call: no rate, not 0
    EXPECT_EQ(s.dropped().at("system"), 1U);
    EXPECT_EQ(s.never_connected().at("system"), 2U);
    EXPECT_EQ(s.by_category().at("hangup"), 3U);
}

TEST(Summary, ATransferIsNotAHangUp) {
    Summary s;
    s.add(call("a1", Party::kAgent, Category::kTransfer, kDay, kDay + 1000));     // a cold transfer
    s.add(call("a1", Party::kCustomer, Category::kTransfer, kDay, kDay + 1000));  // asked to be transferred
    s.add(call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 1000));
    const AgentSummary& a1 = s.by_agent().at("a1");
    EXPECT_EQ(a1.connected, 3U);
    EXPECT_EQ(a1.agent_hangups, 1U);
    EXPECT_EQ(a1.customer_hangups, 0U);
}

TEST(Summary, AgentNameComesFromAnyVerdictOfTheAgent) {
    Summary s;
    s.add(call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 1000));
    Verdict named = call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 1000);
    named.agent_name = "jdoe";
    s.add(named);
    EXPECT_EQ(s.by_agent().at("a1").agent_name, "jdoe");
    EXPECT_EQ(s.by_agent().at("a1").calls, 2U);
}

TEST(DurationHistogram, NearestRankOverWholeSeconds) {
    DurationHistogram h;
    EXPECT_FALSE(h.quantile_s(0.5).has_value());
    for (std::int64_t seconds = 1; seconds <= 10; ++seconds) {
        h.add(seconds * 1000 + 999);  // floored to the second
    }
    EXPECT_EQ(h.count(), 10U);
    EXPECT_EQ(*h.quantile_s(0.5), 5);  // rank ceil(5) = 5th of 1..10
    EXPECT_EQ(*h.quantile_s(0.9), 9);
    EXPECT_EQ(*h.quantile_s(1.0), 10);
    h.add(0);
    EXPECT_EQ(*h.quantile_s(0.01), 0);
}

TEST(DurationHistogram, LongCallsShareTheLastBucket) {
    DurationHistogram h;
    h.add(DurationHistogram::kMaxSeconds * 1000 * 3);
    EXPECT_EQ(*h.quantile_s(0.5), DurationHistogram::kMaxSeconds);
}

TEST(Summary, DurationsPerEndedByHoursAndConflicts) {
    Summary s;
    s.add(call("a", Party::kAgent, Category::kHangup, kDay, kDay + 60000));
    s.add(call("a", Party::kAgent, Category::kHangup, kDay, kDay + 120000));
    s.add(call("a", Party::kCustomer, Category::kHangup, kDay, kDay + 30000));
    Verdict untimed = call("a", Party::kCustomer, Category::kHangup, kNoTime, kNoTime);
    untimed.agreement = Agreement::kConflict;
    s.add(untimed);
    EXPECT_EQ(s.durations().at(0).count(), 2U);
    EXPECT_EQ(*s.durations().at(0).quantile_s(0.5), 60);
    EXPECT_EQ(*s.durations().at(0).quantile_s(0.9), 120);
    EXPECT_EQ(s.durations().at(1).count(), 1U);  // the untimed call has no duration
    EXPECT_EQ(s.by_hour().at("14"), 3U);
    EXPECT_EQ(s.by_hour().at("(unknown)"), 1U);
    EXPECT_EQ(s.conflicts(), 1U);
    EXPECT_EQ(s.hour_zone(), "UTC");
}

TEST(Summary, MergeEqualsAddingEverything) {
    const std::vector<Verdict> calls{
        call("a1", Party::kAgent, Category::kHangup, kDay, kDay + 5000),
        call("a2", Party::kSystem, Category::kFailure, kDay, kDay + 9000),
        call("a1", Party::kCustomer, Category::kAbandoned, kDay - 3600000, kDay),
    };
    Summary both;
    Summary first;
    Summary second;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        both.add(calls[i]);
        (i == 0 ? first : second).add(calls[i]);
    }
    first.merge(second);
    EXPECT_EQ(first.total(), both.total());
    EXPECT_EQ(first.by_hour(), both.by_hour());
    EXPECT_EQ(first.never_connected(), both.never_connected());
    EXPECT_EQ(first.by_agent().at("a1").calls, 2U);
    EXPECT_EQ(first.by_agent().at("a1").connected, both.by_agent().at("a1").connected);
    EXPECT_EQ(*first.durations().at(3).quantile_s(0.5), 9);
}

}  // namespace
}  // namespace whohungup
