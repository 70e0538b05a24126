// SPDX-License-Identifier: MIT
// Avaya CMS call records: AGT_RELEASED (with TRANSFERRED) on connected segments, DISPOSITION on
// the others, detection by several item names, and a UCID's segments reconciled to the last.
#include <gtest/gtest.h>

#include "exports/columns/column_product.h"
#include "exports/columns/column_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::columns {
namespace {

using Collect = whohungup::testing::CollectingSinks;

ColumnRow segment(std::string agt_released, std::string disposition, std::string transferred = "0") {
    ColumnRow r;
    r.call_id = "00001000011700000001";
    r.value = std::move(agt_released);
    r.kind = std::move(disposition);
    r.flag = std::move(transferred);
    return r;
}

TEST(AvayaCms, AgtReleasedDecidesConnectedSegmentsAtMostMedium) {
    const AgentMatch none("");
    for (const char* disposition : {"1", "2", "CONN", "ans", ""}) {
        Verdict v = avaya_cms_calls().decide(segment("1", disposition), none);
        EXPECT_EQ(v.ended_by, Party::kAgent) << disposition;
        EXPECT_EQ(v.reason, Reason::agent_hangup);
        EXPECT_EQ(v.confidence, Confidence::kMedium);
        EXPECT_NE(v.detail.find("practitioners"), std::string::npos);
        v = avaya_cms_calls().decide(segment("0", disposition), none);
        EXPECT_EQ(v.ended_by, Party::kCustomer) << disposition;
        EXPECT_EQ(v.confidence, Confidence::kLow);
        EXPECT_EQ(v.outcome, "handled");
    }
    for (const mappings::ReasonRow& row : mappings::avaya_cms_agt_released().rows) {
        EXPECT_NE(row.confidence, Confidence::kHigh) << row.code;  // Avaya's definition was not read
    }
}

TEST(AvayaCms, ATransferredSegmentIsATransferNotAHangup) {
    const AgentMatch none("");
    Verdict v = avaya_cms_calls().decide(segment("1", "2", "1"), none);
    EXPECT_EQ(v.category, Category::kTransfer);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.raw_reason, "1/transferred");
    v = avaya_cms_calls().decide(segment("0", "2", "1"), none);
    EXPECT_EQ(v.category, Category::kTransfer);
    EXPECT_EQ(v.ended_by, Party::kUnknown);
}

TEST(AvayaCms, EveryDispositionMapsAndDecidesSegmentsNoAgentTook) {
    const AgentMatch none("");
    for (const mappings::ReasonRow& row : mappings::avaya_cms_disposition().rows) {
        const Verdict v = avaya_cms_calls().decide(segment("", std::string(row.code)), none);
        EXPECT_EQ(v.reason, row.reason) << row.code;
        EXPECT_EQ(v.ended_by, row.party) << row.code;
    }
    // The dictionary's abbreviations, in the order of their numbers, in any case.
    int number = 1;
    for (const char* name : {"CONN", "ANS", "aban", "IFLOW", "FBUSY", "FDISC", " OTHER "}) {
        const mappings::ReasonRow* by_name = mappings::lookup(mappings::avaya_cms_disposition(), name);
        ASSERT_NE(by_name, nullptr) << name;
        EXPECT_EQ(by_name->code, std::to_string(number++)) << name;
    }
    // AGT_RELEASED on an abandoned or vector-ended segment does not make it a hang-up.
    EXPECT_EQ(avaya_cms_calls().decide(segment("0", "3"), none).category, Category::kAbandoned);
    EXPECT_EQ(avaya_cms_calls().decide(segment("0", "ABAN"), none).ended_by, Party::kCustomer);
    EXPECT_EQ(avaya_cms_calls().decide(segment("0", "6"), none).ended_by, Party::kSystem);
    EXPECT_EQ(avaya_cms_calls().decide(segment("0", "5"), none).reason, Reason::forced_busy);
    const Verdict conn = avaya_cms_calls().decide(segment("", "1"), none);
    EXPECT_EQ(conn.ended_by, Party::kUnknown);
    EXPECT_EQ(conn.reason, Reason::handled_end_not_recorded);
    EXPECT_EQ(avaya_cms_calls().decide(segment("9", "2"), none).reason, Reason::unmapped_code);
}

TEST(AvayaCms, DetectedByAgtReleasedAndTwoMoreItemNames) {
    EXPECT_TRUE(sniff_avaya_cms_calls("ucid,segment,disposition,agt_released,transferred\n"));
    EXPECT_TRUE(sniff_avaya_cms_calls("UCID,AGT_RELEASED,SEGSTOP\n"));
    EXPECT_FALSE(sniff_avaya_cms_calls("id,agt_released,disposition\n"));           // one more item only
    EXPECT_FALSE(sniff_avaya_cms_calls("ucid,segstart,segstop,disposition\n"));     // no agt_released
    EXPECT_FALSE(sniff_avaya_cms_calls("id,reason\nucid,agt_released,segstop\n"));  // values, not the header
}

TEST(AvayaCms, ReadsSegmentsByHeaderName) {
    Limits limits;
    Collect sink;
    auto reader = make_avaya_cms_calls_reader(limits);
    auto source = ByteSource::from_memory(
        "UCID,SEGMENT,SEGSTART,SEGSTOP,DISPOSITION,TRANSFERRED,AGT_RELEASED,ANSLOGIN,CALLING_PTY,DIALED_NUM\n"
        "u1,1,2026-11-27 13:00:00,2026-11-27 13:02:00,2,1,1,4101,5551230001,8005550100\n"
        "u1,2,2026-11-27 13:02:00,2026-11-27 13:06:00,2,0,0,4102,5551230001,8005550100\n");
    reader->read(*source, "cms.csv", sink, sink);
    reader->finish(sink, sink);
    ASSERT_EQ(sink.verdicts.size(), 2U);  // one per segment; the reconcile stage keeps the later
    EXPECT_EQ(sink.verdicts[0].category, Category::kTransfer);
    EXPECT_EQ(sink.verdicts[1].contact_id, "u1");
    EXPECT_EQ(sink.verdicts[1].agent, "4102");
    EXPECT_EQ(sink.verdicts[1].ended_by, Party::kCustomer);
    EXPECT_GT(sink.verdicts[1].ended_at_ms, sink.verdicts[0].ended_at_ms);
    ASSERT_EQ(sink.verdicts[1].evidence.size(), 1U);
    EXPECT_EQ(sink.verdicts[1].evidence.front().line, 3U);
    EXPECT_NE(sink.verdicts[1].evidence.front().text.find("transferred=0"), std::string::npos);
}

}  // namespace
}  // namespace whohungup::exports::columns
