// SPDX-License-Identifier: MIT
// Column exports: the generic header-driven reader and each product's table (3CX reason-terminated
// with the side's role, Talkdesk agent_disconnected and call type, Five9 AGENT DISCONNECTS FIRST).
#include <gtest/gtest.h>

#include "exports/columns/column_product.h"
#include "exports/columns/column_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::columns {
namespace {

using Collect = whohungup::testing::CollectingSinks;

Collect read_with(const ColumnProduct& product, const std::string& bytes, const std::string& pattern = "") {
    Limits limits;
    set_agent_pattern(limits, pattern);
    Collect sink;
    auto reader = make_column_reader(product, limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "in.csv", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

ColumnRow row(std::string value) {
    ColumnRow r;
    r.call_id = "1";
    r.value = std::move(value);
    return r;
}

TEST(ThreeCx, EveryRowMapsAndTheSideRowsNeedARole) {
    const AgentMatch none("");
    for (const mappings::ReasonRow& table_row : mappings::three_cx_reason_terminated().rows) {
        const Verdict v = three_cx_cdr().decide(row(std::string(table_row.code)), none);
        EXPECT_EQ(v.reason, table_row.reason) << table_row.code;
        EXPECT_EQ(v.ended_by, table_row.party) << table_row.code;
        EXPECT_EQ(v.raw_reason, table_row.code);
    }
}

TEST(ThreeCx, TheTypeColumnsOrTheAgentPatternTellWhichSideIsTheAgent) {
    const AgentMatch none("");
    ColumnRow r = row("TerminatedBySrc");
    r.caller = "5551230001";
    r.callee = "100";
    r.caller_type = "Line";
    r.callee_type = "Extension";
    Verdict v = three_cx_cdr().decide(r, none);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.ended_by_side, Side::kCaller);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    r.value = "dst_participant_terminated";
    v = three_cx_cdr().decide(r, none);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    r.callee_type = "Queue";  // neither an extension nor a line
    EXPECT_EQ(three_cx_cdr().decide(r, none).ended_by, Party::kUnknown);
    const AgentMatch extensions("^1\\d\\d$");
    v = three_cx_cdr().decide(r, extensions);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(three_cx_cdr().decide(row("terminatedbydst"), none).raw_reason, "terminatedbydst");
    EXPECT_EQ(three_cx_cdr().decide(row("terminatedbydst"), none).reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(three_cx_cdr().decide(row("Lost"), none).reason, Reason::unmapped_code);
}

TEST(Talkdesk, AgentDisconnectedDecidesAnsweredCallsAndTheTypeTheOthers) {
    const AgentMatch none("");
    for (const mappings::ReasonRow& table_row : mappings::talkdesk_agent_disconnected().rows) {
        ColumnRow r = row(std::string(table_row.code));
        r.kind = "inbound";
        const Verdict v = talkdesk_calls().decide(r, none);
        EXPECT_EQ(v.ended_by, table_row.party) << table_row.code;
        EXPECT_EQ(v.confidence, table_row.confidence) << table_row.code;
    }
    for (const mappings::ReasonRow& table_row : mappings::talkdesk_call_type().rows) {
        ColumnRow r = row("");
        r.kind = std::string(table_row.code);
        const Verdict v = talkdesk_calls().decide(r, none);
        EXPECT_EQ(v.reason, table_row.reason) << table_row.code;
        EXPECT_EQ(v.ended_by, table_row.party) << table_row.code;
    }
    ColumnRow abandoned = row("No");  // an abandoned call's "No" is not a customer hang-up mid-call
    abandoned.kind = "abandoned";
    EXPECT_EQ(talkdesk_calls().decide(abandoned, none).category, Category::kAbandoned);
    EXPECT_EQ(talkdesk_calls().decide(row("YES"), none).ended_by, Party::kAgent);
}

TEST(Five9, EveryEncodingMapsAndNoneIsHigh) {
    const AgentMatch none("");
    for (const mappings::ReasonRow& table_row : mappings::five9_agent_disconnects_first().rows) {
        const Verdict v = five9_call_log().decide(row(std::string(table_row.code)), none);
        EXPECT_EQ(v.ended_by, table_row.party) << table_row.code;
        EXPECT_NE(v.confidence, Confidence::kHigh) << table_row.code;  // the encoding is unconfirmed
        EXPECT_NE(v.detail.find("not confirmed"), std::string::npos) << table_row.code;
    }
    const Verdict empty = five9_call_log().decide(row(""), none);
    EXPECT_EQ(empty.ended_by, Party::kUnknown);
    EXPECT_EQ(empty.reason, Reason::record_does_not_tell);
}

TEST(ColumnReader, EachProductIsDetectedByItsHeaderOnly) {
    EXPECT_TRUE(sniff_three_cx_cdr("historyid,callid,reason-terminated,from-no\n"));
    EXPECT_TRUE(sniff_talkdesk_calls("call_id,type,Agent Disconnected\n"));
    EXPECT_TRUE(sniff_five9_call_log("CALL ID,AGENT,AGENT DISCONNECTS FIRST\n"));
    EXPECT_FALSE(sniff_three_cx_cdr("call_id,agent_disconnected\n"));
    EXPECT_FALSE(sniff_talkdesk_calls("CALL ID,AGENT DISCONNECTS FIRST\n"));
    EXPECT_FALSE(sniff_five9_call_log("id,reason\nx,AGENT DISCONNECTS FIRST\n"));  // a value, not the header
}

TEST(ColumnReader, ReadsRowsByHeaderNameInAnyOrder) {
    const Collect sink = read_with(five9_call_log(),
                                   "AGENT DISCONNECTS FIRST,ANI,CALL ID,AGENT,TIMESTAMP\n"
                                   "1,5551230001,300000000000001,ana.agent,2026-11-27T13:00:00Z\n");
    ASSERT_EQ(sink.verdicts.size(), 1U);
    const Verdict& v = sink.verdicts.front();
    EXPECT_EQ(v.contact_id, "300000000000001");
    EXPECT_EQ(v.agent, "ana.agent");
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.source_format, "five9-call-log");
    ASSERT_EQ(v.evidence.size(), 1U);
    EXPECT_EQ(v.evidence.front().line, 2U);
}

TEST(ColumnReader, AMissingValueColumnBadRowsAndAFileMostlyNotTheFormat) {
    Collect sink = read_with(talkdesk_calls(), "call_id,type\nx,inbound\n");
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics.front().severity, Severity::kError);
    EXPECT_NE(sink.diagnostics.front().message.find("agent_disconnected"), std::string::npos);
    sink = read_with(talkdesk_calls(), "call_id,type,agent_disconnected\na,inbound,Yes\n,,\nb,inbound,No\n");
    EXPECT_EQ(sink.verdicts.size(), 2U);
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics.front().line, 3U);
    sink = read_with(talkdesk_calls(), "call_id,type,agent_disconnected\na,inbound,Yes\n,,\n,,\n");
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_NE(sink.diagnostics.back().message.find("not a Talkdesk Calls report"), std::string::npos);
}

TEST(ColumnReader, AgentMatchOverridesTheTypeColumns) {
    const Collect sink = read_with(three_cx_cdr(),
                                   "historyid,reason-terminated,from-no,to-no,from-type,to-type\n"
                                   "1,TerminatedBySrc,5551230001,100,Line,Extension\n",
                                   "^555");
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts.front().ended_by, Party::kAgent);
    EXPECT_EQ(sink.verdicts.front().confidence, Confidence::kHigh);
}

}  // namespace
}  // namespace whohungup::exports::columns
