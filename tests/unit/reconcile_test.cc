// SPDX-License-Identifier: MIT
// The reconcile stage: the winner rule of one source, the merge of several, and what the plan
// holds (docs/reconcile.md).
#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "reconcile/key_space.h"
#include "reconcile/merge.h"
#include "reconcile/reconcile_plan.h"
#include "reconcile/reconciler.h"
#include "reconcile/winner.h"
#include "support/collecting_sinks.h"

namespace whohungup::reconcile {
namespace {

Verdict verdict(std::string_view format,
                std::string_view input,
                std::string_view id,
                Party party,
                Confidence confidence = Confidence::kHigh,
                std::int64_t ended = 1000) {
    Verdict v;
    v.source_format = std::string(format);
    v.input = std::string(input);
    v.contact_id = std::string(id);
    v.ended_by = party;
    v.category = party == Party::kUnknown ? Category::kInProgress : Category::kHangup;
    v.reason = party == Party::kUnknown ? Reason::conversation_in_progress : Reason::agent_hangup;
    v.confidence = confidence;
    v.ended_at_ms = ended;
    v.detail = "Own words.";
    v.evidence.push_back(Evidence{ended, std::string(input), 1, 0, "record"});
    return v;
}

TEST(Winner, LatestUpdateThenMostCompleteThenFirstSeenByInputName) {
    const Verdict early = verdict("genesys-cloud", "a.json", "c1", Party::kAgent, Confidence::kHigh, 1000);
    const Verdict late = verdict("genesys-cloud", "b.json", "c1", Party::kCustomer, Confidence::kHigh, 2000);
    EXPECT_TRUE(replaces(late, Seen{"b.json", 0}, early, Seen{"a.json", 0}));
    EXPECT_FALSE(replaces(early, Seen{"a.json", 0}, late, Seen{"b.json", 0}));

    Verdict open = verdict("genesys-cloud", "a.json", "c1", Party::kUnknown, Confidence::kHigh, kNoTime);
    open.started_at_ms = 1000;
    EXPECT_TRUE(replaces(early, Seen{"b.json", 5}, open, Seen{"a.json", 0})) << "an ended record beats an open one";

    // Equal records: the input whose name sorts first wins, whatever the order they came in.
    EXPECT_TRUE(replaces(early, Seen{"a.json", 3}, early, Seen{"b.json", 0}));
    EXPECT_FALSE(replaces(early, Seen{"b.json", 0}, early, Seen{"a.json", 3}));
    EXPECT_TRUE(replaces(early, Seen{"a.json", 1}, early, Seen{"a.json", 2}));
}

TEST(Merge, AgreeKeepsConfidenceAndListsEverySource) {
    std::vector<Verdict> both{verdict("connect-ctr", "ctr.jsonl", "c1", Party::kAgent),
                              verdict("ccp-log", "agent.txt", "c1", Party::kAgent)};
    const Verdict merged = merge_sources(std::move(both));
    EXPECT_EQ(merged.source_format, "ccp-log") << "equal confidence: the CCP log has precedence";
    EXPECT_EQ(merged.agreement, Agreement::kAgree);
    EXPECT_EQ(merged.confidence, Confidence::kHigh);
    ASSERT_EQ(merged.sources.size(), 2U);
    EXPECT_EQ(merged.sources[0].format, "ccp-log");
    EXPECT_EQ(merged.sources[1].format, "connect-ctr");
    EXPECT_EQ(merged.evidence.size(), 2U);
}

TEST(Merge, ConflictKeepsTheStrongerSideLowersConfidenceAndSaysSo) {
    std::vector<Verdict> both{verdict("ccp-log", "agent.txt", "c1", Party::kAgent, Confidence::kMedium),
                              verdict("connect-ctr", "ctr.jsonl", "c1", Party::kCustomer, Confidence::kHigh)};
    const Verdict merged = merge_sources(std::move(both));
    EXPECT_EQ(merged.source_format, "connect-ctr") << "higher confidence beats precedence";
    EXPECT_EQ(merged.ended_by, Party::kCustomer);
    EXPECT_EQ(merged.agreement, Agreement::kConflict);
    EXPECT_EQ(merged.confidence, Confidence::kMedium);
    EXPECT_NE(merged.detail.find("Conflict: the ccp-log says agent"), std::string::npos) << merged.detail;
    ASSERT_EQ(merged.evidence.size(), 2U) << "both sides' evidence";
}

TEST(Merge, AnUnknownSourceDoesNotConflict) {
    std::vector<Verdict> both{verdict("genesys-interactions-csv", "x.csv", "c1", Party::kUnknown, Confidence::kMedium),
                              verdict("genesys-cloud", "x.json", "c1", Party::kAgent, Confidence::kLow)};
    const Verdict merged = merge_sources(std::move(both));
    EXPECT_EQ(merged.ended_by, Party::kAgent) << "a known party beats an unknown one";
    EXPECT_EQ(merged.agreement, Agreement::kSingle) << "only one source names a party: nothing confirms it";
    EXPECT_EQ(merged.sources.size(), 2U);
    EXPECT_EQ(merged.confidence, Confidence::kLow);
}

TEST(Merge, TwoSourcesNamingTheSamePartyAgree) {
    std::vector<Verdict> both{verdict("genesys-interactions-csv", "x.csv", "c1", Party::kAgent, Confidence::kMedium),
                              verdict("genesys-cloud", "x.json", "c1", Party::kAgent, Confidence::kHigh)};
    const Verdict merged = merge_sources(std::move(both));
    EXPECT_EQ(merged.agreement, Agreement::kAgree);
}

TEST(Reconciler, OneVerdictPerCallInOrderOfFirstAppearance) {
    testing::CollectingSinks out;
    Reconciler reconciler(out);
    reconciler.hold("genesys-cloud");
    reconciler.on_verdict(verdict("genesys-cloud", "b.json", "c2", Party::kAgent));
    reconciler.on_verdict(verdict("genesys-cloud", "b.json", "c1", Party::kAgent));
    reconciler.on_verdict(verdict("genesys-cloud", "a.json", "c1", Party::kAgent));
    reconciler.on_verdict(verdict("ccp-log", "log.txt", "x", Party::kAgent));  // not held: passes at once
    ASSERT_EQ(out.verdicts.size(), 1U);
    EXPECT_EQ(reconciler.held_calls(), 2U);
    reconciler.flush_all();
    ASSERT_EQ(out.verdicts.size(), 3U);
    EXPECT_EQ(out.verdicts[1].contact_id, "c1") << "first seen in a.json, which sorts first";
    EXPECT_EQ(out.verdicts[1].input, "a.json");
    EXPECT_EQ(out.verdicts[2].contact_id, "c2");
    EXPECT_EQ(reconciler.held_calls(), 0U);
}

TEST(Reconciler, FlushesOfOneSpaceLeaveTheOthersHeldAcrossManyRounds) {
    testing::CollectingSinks out;
    Reconciler reconciler(out);
    reconciler.hold("genesys-cloud");
    reconciler.hold("amazon-connect");
    const auto genesys_due = [](std::string_view space) { return space == "genesys-cloud"; };
    reconciler.on_verdict(verdict("ccp-log", "a.txt", "k1", Party::kAgent));  // held in the Connect space
    for (int round = 0; round < 3; ++round) {
        reconciler.flush(genesys_due);  // nothing of that space held: nothing happens
        EXPECT_EQ(out.verdicts.size(), static_cast<std::size_t>(round));
        reconciler.on_verdict(verdict("genesys-cloud", "g.json", "g" + std::to_string(round), Party::kAgent));
        reconciler.flush(genesys_due);
        ASSERT_EQ(out.verdicts.size(), static_cast<std::size_t>(round + 1));
        EXPECT_EQ(out.verdicts.back().contact_id, "g" + std::to_string(round));
        EXPECT_EQ(reconciler.held_calls(), 1U) << "the Connect call stays held";
    }
    reconciler.on_verdict(verdict("connect-ctr", "ctr.jsonl", "k1", Party::kAgent));
    reconciler.flush_all();
    ASSERT_EQ(out.verdicts.size(), 4U);
    EXPECT_EQ(out.verdicts.back().contact_id, "k1");
    EXPECT_EQ(out.verdicts.back().sources.size(), 2U) << "both sources of k1 merged into one verdict";
    EXPECT_EQ(reconciler.held_calls(), 0U);
}

TEST(Plan, HoldsOnlyWhatCanOverlap) {
    testing::CollectingSinks out;
    {
        Reconciler reconciler(out);
        const std::array<std::string_view, 1> one_log{"ccp-log"};
        const ReconcilePlan plan = plan_reconcile(one_log, reconciler);
        reconciler.on_verdict(verdict("ccp-log", "log.txt", "x", Party::kAgent));
        EXPECT_EQ(reconciler.held_calls(), 0U) << "a single CCP log group streams";
        EXPECT_EQ(plan.last_group_of("amazon-connect"), 0U);
    }
    {
        Reconciler reconciler(out);
        const std::array<std::string_view, 3> groups{"ccp-log", "genesys-cloud", "connect-ctr"};
        const ReconcilePlan plan = plan_reconcile(groups, reconciler);
        reconciler.on_verdict(verdict("ccp-log", "log.txt", "x", Party::kAgent));
        EXPECT_EQ(reconciler.held_calls(), 1U) << "a log and contact records can describe one contact";
        EXPECT_EQ(plan.last_group_of("amazon-connect"), 2U);
        EXPECT_EQ(plan.last_group_of("genesys-cloud"), 1U);
    }
    {
        Reconciler reconciler(out);
        const std::array<std::string_view, 2> groups{"ccp-log", "whohungup-jsonl"};
        const ReconcilePlan plan = plan_reconcile(groups, reconciler);
        reconciler.on_verdict(verdict("ccp-log", "log.txt", "x", Party::kAgent));
        EXPECT_EQ(reconciler.held_calls(), 1U) << "our JSON Lines can hold verdicts of any space";
        EXPECT_EQ(plan.last_group_of("amazon-connect"), 1U);
        EXPECT_EQ(plan.last_group_of("anything"), 1U);
    }
}

TEST(KeySpace, BothShapesOfAPlatformShareASpace) {
    EXPECT_EQ(role_of("ccp-log").key_space, role_of("connect-ctr").key_space);
    EXPECT_EQ(role_of("genesys-cloud").key_space, role_of("genesys-interactions-csv").key_space);
    EXPECT_EQ(role_of("voice-agent-calls").key_space, role_of("voice-agent-calls-csv").key_space);
    EXPECT_EQ(role_of("some-new-format").key_space, "some-new-format");
    EXPECT_FALSE(role_of("some-new-format").one_per_call);
}

}  // namespace
}  // namespace whohungup::reconcile
