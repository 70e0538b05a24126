// SPDX-License-Identifier: MIT
#include "exports/common/held_verdicts.h"

#include <gtest/gtest.h>

#include "support/collecting_sinks.h"

namespace whohungup::exports {
namespace {

Verdict verdict(std::string id, Party party, std::string detail) {
    Verdict v;
    v.source_format = "twilio-call-summaries";
    v.input = "calls.json";
    v.contact_id = std::move(id);
    v.ended_by = party;
    v.detail = std::move(detail);
    v.evidence.push_back(Evidence{1'000, "calls.json", 3, 120, "call_sid=CA1"});
    return v;
}

TEST(HeldVerdicts, TheHigherRankWinsAndTheLaterOnEqualRanks) {
    HeldVerdicts held;
    held.offer("a", 2, verdict("a", Party::kAgent, "partial"));
    held.offer("b", 1, verdict("b", Party::kUnknown, "resource"));
    held.offer("a", 1, verdict("a", Party::kUnknown, "resource after partial"));  // lower: ignored
    held.offer("b", 3, verdict("b", Party::kCustomer, "complete"));
    held.offer("a", 2, verdict("a", Party::kCustomer, "partial again"));  // equal: the later
    EXPECT_EQ(held.size(), 2U);
    testing::CollectingSinks out;
    held.drain(out);
    ASSERT_EQ(out.verdicts.size(), 2U);
    EXPECT_EQ(out.verdicts[0].contact_id, "a") << "in order of each call's first arrival";
    EXPECT_EQ(out.verdicts[0].detail, "partial again");
    EXPECT_EQ(out.verdicts[0].ended_by, Party::kCustomer);
    EXPECT_EQ(out.verdicts[1].detail, "complete");
    EXPECT_EQ(out.verdicts[1].evidence, verdict("b", Party::kCustomer, "complete").evidence)
        << "the whole verdict comes back from the temporary file";
    EXPECT_EQ(held.size(), 0U);
    held.drain(out);
    EXPECT_EQ(out.verdicts.size(), 2U) << "drained calls are forgotten";
}

}  // namespace
}  // namespace whohungup::exports
