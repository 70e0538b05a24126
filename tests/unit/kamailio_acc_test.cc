// SPDX-License-Identifier: MIT
// Kamailio / OpenSIPS acc: the BYE's From tag against the INVITE's tags (caller or callee), the
// INVITE's final code on calls without a BYE, grouping by callid, sides and --agent-match, bad
// rows with their line, and memory bounded by the open calls.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/time_format.h"
#include "exports/kamailio/acc_decide.h"
#include "exports/kamailio/acc_reader.h"
#include "exports/roles/agent_match.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::kamailio {
namespace {

using Collect = whohungup::testing::CollectingSinks;

constexpr std::string_view kHeader = "id,method,from_tag,to_tag,callid,sip_code,sip_reason,time,src_user,dst_ouser\n";

Collect read_acc(const std::string& bytes, const std::string& pattern = "", std::size_t max_open = 100000) {
    Limits limits;
    limits.max_open_calls = max_open;
    set_agent_pattern(limits, pattern);
    Collect sink;
    auto reader = make_acc_reader(limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "acc.csv", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

AccRow row(std::string method, std::string from_tag, std::string to_tag, std::string code = "200") {
    AccRow r;
    r.method = std::move(method);
    r.from_tag = std::move(from_tag);
    r.to_tag = std::move(to_tag);
    r.callid = "c1";
    r.sip_code = std::move(code);
    r.caller = "5551230001";
    r.callee = "2001";
    return r;
}

TEST(KamailioAcc, TheByeFromTagSaysWhichSideHungUp) {
    const AccRow invite = row("INVITE", "a", "b");
    EXPECT_EQ(bye_side(invite, row("BYE", "a", "b")), "caller");
    EXPECT_EQ(bye_side(invite, row("BYE", "b", "a")), "callee");
    EXPECT_EQ(bye_side(invite, row("BYE", "x", "a")), "neither");
    EXPECT_EQ(bye_side(row("INVITE", "a", ""), row("BYE", "", "a")), "neither");
    const AgentMatch none("");
    AccCall call;
    call.invite = invite;
    call.bye = row("BYE", "b", "a");
    Verdict v = decide(call, none);
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    EXPECT_EQ(v.reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_NE(v.detail.find("Inferred"), std::string::npos);
    EXPECT_EQ(v.evidence.size(), 2U);
    const AgentMatch extensions("^2\\d\\d\\d$");
    v = decide(call, extensions);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kMedium);  // the BYE rule stays an inference
    call.bye = row("BYE", "a", "b");
    v = decide(call, extensions);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.ended_by_side, Side::kCaller);
    call.bye = row("BYE", "z", "a");
    EXPECT_EQ(decide(call, extensions).reason, Reason::bye_sender_unknown);
}

TEST(KamailioAcc, AnInviteWithoutAByeIsDecidedByItsFinalCode) {
    const AgentMatch none("");
    AccCall call;
    for (const mappings::ReasonRow& table_row : mappings::kamailio_acc_invite_code().rows) {
        call.invite = row("INVITE", "a", "b", std::string(table_row.code) + (table_row.prefix ? "99" : ""));
        const Verdict v = decide(call, none);
        EXPECT_EQ(v.reason, table_row.reason) << table_row.code;
        EXPECT_EQ(v.ended_by, table_row.party) << table_row.code;
    }
    for (const char* code : {"486", "487", "603", "408", "480"}) {
        call.invite = row("INVITE", "a", "b", code);
        EXPECT_EQ(decide(call, none).category, Category::kNotConnected) << code;
    }
    call.invite = row("INVITE", "a", "b", "487");
    EXPECT_EQ(decide(call, none).ended_by_side, Side::kCaller);
    call.invite = row("INVITE", "a", "b", "603");
    EXPECT_EQ(decide(call, none).ended_by_side, Side::kCallee);
    call.invite = row("INVITE", "a", "b", "200");
    const Verdict answered = decide(call, none);
    EXPECT_EQ(answered.reason, Reason::record_does_not_tell);
    EXPECT_EQ(answered.ended_by, Party::kUnknown);
    call.invite = row("INVITE", "a", "b", "199");
    EXPECT_EQ(decide(call, none).reason, Reason::unmapped_code);
}

TEST(KamailioAcc, RowsAreGroupedByCallidAndTheAnsweredInviteWinsOverAFailedBranch) {
    const Collect sink = read_acc(std::string(kHeader) +
                                  "1,INVITE,a,b1,c1,486,Busy Here,2026-11-27 14:50:02,5551230011,2011\n"
                                  "2,INVITE,a,b2,c1,200,OK,2026-11-27 14:50:06,5551230011,2011\n"
                                  "3,ACK,a,b2,c1,200,OK,2026-11-27 14:50:06,5551230011,2011\n"
                                  "4,BYE,b2,a,c1,200,OK,2026-11-27 14:51:00,2011,5551230011\n"
                                  "5,INVITE,x,y,c2,487,Request Terminated,2026-11-27 14:52:00,5551230012,2012\n"
                                  "6,REGISTER,r,s,r1,200,OK,2026-11-27 14:52:00,2001,2001\n");
    ASSERT_EQ(sink.verdicts.size(), 2U);
    const Verdict& first = sink.verdicts[0];
    EXPECT_EQ(first.contact_id, "c1");
    EXPECT_EQ(first.ended_by_side, Side::kCallee);
    EXPECT_EQ(first.source_format, "kamailio-acc");
    ASSERT_EQ(first.evidence.size(), 2U);
    EXPECT_EQ(first.evidence[0].line, 3U);
    EXPECT_EQ(first.evidence[1].line, 5U);
    EXPECT_EQ(first.ended_at_ms - first.started_at_ms, 54000);
    EXPECT_EQ(sink.verdicts[1].reason, Reason::caller_cancelled_while_ringing);
    EXPECT_TRUE(sink.diagnostics.empty());
}

TEST(KamailioAcc, ARowReadAgainAddsNothingAndBadRowsAreCountedWithTheirLine) {
    const std::string rows =
        "1,INVITE,a,b,c1,200,OK,2026-11-27 14:00:00,1,2\n2,BYE,a,b,c1,200,OK,2026-11-27 14:01:00,1,2\n";
    Collect sink = read_acc(std::string(kHeader) + rows + rows);
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].evidence.size(), 2U);
    sink = read_acc(std::string(kHeader) + rows + "3,INVITE,a,b,,200,OK,2026-11-27 14:02:00,1,2\n");
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics[0].line, 4U);
    EXPECT_NE(sink.diagnostics[0].message.find("no callid"), std::string::npos);
    sink = read_acc(std::string(kHeader) + "1,,a,b,c1,200,OK,,1,2\n2,,a,b,c2,200,OK,,1,2\n");
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_EQ(sink.diagnostics.back().severity, Severity::kError);
    EXPECT_NE(sink.diagnostics.back().message.find("not a Kamailio / OpenSIPS acc table"), std::string::npos);
    sink = read_acc("method,callid,sip_code\nINVITE,c1,200\n");
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.diagnostics[0].message.find("from_tag"), std::string::npos);
}

TEST(KamailioAcc, OpenCallsAreBoundedByMaxOpenCalls) {
    std::string bytes(kHeader);
    for (int i = 0; i < 50; ++i) bytes += fmt::format("{},INVITE,a,b,c{},200,OK,2026-11-27 14:00:00,1,2\n", i, i);
    const Collect sink = read_acc(bytes, "", 4);
    EXPECT_EQ(sink.verdicts.size(), 50U);
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_NE(sink.diagnostics[0].message.find("--max-open-calls"), std::string::npos);
}

TEST(KamailioAcc, EndedCallsSettleSoMemoryHoldsTheCallsInProgress) {
    // 10,000 calls of 5 s, one every 10 s (28 hours of acc time), with room for 3,000 at once:
    // ended calls an hour old are decided as reading goes on, so the limit is never reached.
    std::string bytes(kHeader);
    constexpr std::int64_t kStart = 1795960800;  // 2026-11-29T12:00:00Z
    for (int i = 0; i < 10000; ++i) {
        bytes += fmt::format("{0},INVITE,a{0},b{0},c{0},200,OK,{1},1,2\n", i, (kStart + i * 10) * 1000);
        bytes += fmt::format("{0},BYE,b{0},a{0},c{0},200,OK,{1},2,1\n", i, (kStart + i * 10 + 5) * 1000);
    }
    const Collect sink = read_acc(bytes, "", 3000);
    ASSERT_EQ(sink.verdicts.size(), 10000U);
    EXPECT_TRUE(sink.diagnostics.empty());  // no "more than 3000 calls open at once"
    EXPECT_EQ(sink.verdicts.front().contact_id, "c0");
    EXPECT_EQ(sink.verdicts.back().contact_id, "c9999");
    for (const Verdict& v : sink.verdicts) ASSERT_EQ(v.ended_by_side, Side::kCallee) << v.contact_id;
}

TEST(KamailioAcc, AnOpenSipsCdrRowGivesTheEndButNotWhoEndedIt) {
    // OpenSIPS's acc table in CDR mode (the "cdr" flag): one INVITE row per call, written at the
    // BYE; time is the answer, created the INVITE, setuptime and duration/ms_duration the spans.
    const Collect sink = read_acc(
        "id,method,from_tag,to_tag,callid,sip_code,sip_reason,time,duration,ms_duration,setuptime,created\n"
        "1,INVITE,a1,b1,cdr-1,200,OK,2026-11-27 15:00:07,185,184321,2,2026-11-27 15:00:05\n"
        "2,INVITE,a2,b2,cdr-2,200,OK,2026-11-27 15:05:00,0,0,0,NULL\n"
        "3,INVITE,a3,b3,cdr-3,486,Busy Here,2026-11-27 15:10:03,0,0,3,2026-11-27 15:10:00\n");
    const auto verdicts = sink.by_id();
    ASSERT_EQ(verdicts.size(), 3U);
    const Verdict& cdr = verdicts.at("cdr-1");
    EXPECT_EQ(cdr.reason, Reason::record_does_not_tell);
    EXPECT_EQ(cdr.ended_by, Party::kUnknown);
    EXPECT_EQ(cdr.confidence, Confidence::kLow) << "a record that does not tell is no sure verdict";
    EXPECT_EQ(detail::format_iso8601_ms(cdr.ended_at_ms), "2026-11-27T15:03:11.321Z");  // created + 2 s + 184.321 s
    EXPECT_EQ(cdr.ended_at_ms - cdr.started_at_ms, 184321);
    EXPECT_NE(cdr.detail.find("cdr flag"), std::string::npos) << cdr.detail;
    EXPECT_NE(cdr.evidence[0].text.find("ms_duration=184321"), std::string::npos);
    // A transaction-mode row (durations 0): no end, the same low verdict.
    EXPECT_EQ(verdicts.at("cdr-2").ended_at_ms, kNoTime);
    EXPECT_EQ(verdicts.at("cdr-2").confidence, Confidence::kLow);
    EXPECT_EQ(verdicts.at("cdr-3").reason, Reason::busy);
    EXPECT_TRUE(sink.diagnostics.empty());
}

TEST(KamailioAcc, DetectedByTheDefaultColumnNames) {
    EXPECT_TRUE(sniff_acc("id,method,from_tag,to_tag,callid,sip_code,sip_reason,time\n"));
    EXPECT_TRUE(sniff_acc("METHOD,FROM_TAG,TO_TAG,CALLID,SIP_CODE\n"));
    EXPECT_FALSE(sniff_acc("method,callid,sip_code\n"));
    EXPECT_FALSE(sniff_acc("id\nmethod,from_tag,to_tag,callid,sip_code\n"));
}

}  // namespace
}  // namespace whohungup::exports::kamailio
