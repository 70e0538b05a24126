// SPDX-License-Identifier: MIT
// Cisco CUCM CDRs: which side cleared (cause values, OnBehalfOf), device roles and --agent-match,
// legs of one global call id giving one verdict, and the names + types lines.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "exports/cisco/cucm_decide.h"
#include "exports/cisco/cucm_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::cisco {
namespace {

using Collect = whohungup::testing::CollectingSinks;

std::string fixture() {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/cisco/cdr_StandAloneCluster_01_202611271600_1",
                     std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Collect read_all(const std::string& bytes, Limits limits = {}) {
    Collect sink;
    auto reader = make_cucm_cdr_reader(limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "cdr", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

CucmRecord record(std::int64_t orig, std::int64_t dest, std::int64_t orig_behalf, std::int64_t dest_behalf) {
    CucmRecord r;
    r.call_id = "1";
    r.orig_cause = orig;
    r.dest_cause = dest;
    r.orig_on_behalf_of = orig_behalf;
    r.dest_on_behalf_of = dest_behalf;
    r.orig_device = "PSTN_GW_01";
    r.dest_device = "SEP00AABBCC1001";
    r.connected_ms = 5000;
    r.disconnected_ms = 9000;
    return r;
}

TEST(CucmDecide, TheNonZeroCauseSaysWhichSideCleared) {
    const AgentMatch none("");
    Verdict v = decide({record(16, 0, 12, 0)}, none);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.ended_by_side, Side::kCaller);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
    v = decide({record(0, 16, 0, 12)}, none);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    EXPECT_NE(v.raw_reason.find("destCause_value=16"), std::string::npos);
    v = decide({record(16, 16, 0, 12)}, none);  // both set: the device hang-up breaks the tie
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    EXPECT_EQ(decide({record(0, 0, 0, 0)}, none).reason, Reason::nobody_cleared);
    EXPECT_EQ(decide({record(0, 0, 0, 0)}, none).ended_by, Party::kUnknown);
    EXPECT_EQ(decide({record(393216, 393216, 10, 10)}, none).category, Category::kTransfer);
    EXPECT_EQ(decide({record(0, 41, 0, 0)}, none).ended_by, Party::kSystem);
    EXPECT_EQ(decide({record(0, 16, 0, 1)}, none).reason, Reason::cti_application_hangup);
    EXPECT_EQ(decide({record(0, 16, 0, 10)}, none).category, Category::kTransfer);
}

TEST(CucmDecide, NeverConnected) {
    const AgentMatch none("");
    CucmRecord busy = record(0, 17, 0, 0);
    busy.connected_ms = kNoTime;
    EXPECT_EQ(decide({busy}, none).reason, Reason::user_busy);
    EXPECT_EQ(decide({busy}, none).category, Category::kNotConnected);
    CucmRecord gave_up = record(16, 0, 12, 0);
    gave_up.connected_ms = kNoTime;
    EXPECT_EQ(decide({gave_up}, none).category, Category::kAbandoned);
    EXPECT_EQ(decide({gave_up}, none).ended_by, Party::kCustomer);
}

TEST(CucmDecide, DeviceRolesAndAgentMatch) {
    EXPECT_TRUE(is_phone_device("SEP00AABBCC1001"));
    EXPECT_TRUE(is_phone_device("CSFJDOE"));
    EXPECT_FALSE(is_phone_device("PSTN_GW_01"));
    CucmRecord trunks = record(16, 0, 12, 0);
    trunks.dest_device = "SIP_TRUNK_2";
    EXPECT_EQ(decide({trunks}, AgentMatch("")).ended_by, Party::kUnknown);
    EXPECT_EQ(decide({trunks}, AgentMatch("^SIP_TRUNK")).ended_by, Party::kCustomer);
    EXPECT_EQ(decide({trunks}, AgentMatch("^SIP_TRUNK")).confidence, Confidence::kHigh);
    EXPECT_EQ(decide({trunks}, AgentMatch("^PSTN_GW")).ended_by, Party::kAgent);
}

TEST(CucmCall, KeepsTheFinalRecordAndTheEarliestStart) {
    // A call costs one record however many legs it has: the final one by dateTimeDisconnect
    // (the later read on a tie) and the earliest dateTimeOrigination.
    CucmCall call;
    CucmRecord first = record(16, 0, 12, 0);
    first.originated_ms = 2000;
    first.text = "first";
    CucmRecord earlier = record(0, 16, 0, 12);
    earlier.originated_ms = 1000;
    earlier.disconnected_ms = 3000;
    earlier.text = "earlier start, earlier end";
    CucmRecord tie = record(0, 16, 0, 12);
    tie.originated_ms = kNoTime;
    tie.text = "same end as the first, read later";
    call.add(std::move(first));
    call.add(std::move(earlier));
    call.add(std::move(tie));
    ASSERT_TRUE(call.last.has_value());
    EXPECT_EQ(call.last->text, "same end as the first, read later");
    EXPECT_EQ(call.started_ms, 1000);
    const Verdict v = decide(call, AgentMatch(""));
    EXPECT_EQ(v.started_at_ms, 1000);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);

    CucmCall untimed;  // the first record read has no origination time: the start stays unknown
    CucmRecord no_start = record(16, 0, 12, 0);
    no_start.originated_ms = kNoTime;
    CucmRecord timed = record(16, 0, 12, 0);
    timed.originated_ms = 500;
    untimed.add(std::move(no_start));
    untimed.add(std::move(timed));
    EXPECT_EQ(untimed.started_ms, kNoTime);
}

TEST(CucmReader, OneVerdictPerGlobalCallId) {
    const Collect sink = read_all(fixture());
    const auto calls = sink.by_id();
    ASSERT_EQ(calls.size(), 12U);
    EXPECT_EQ(calls.at("101").reason, Reason::customer_hangup);
    EXPECT_EQ(calls.at("102").reason, Reason::agent_hangup);
    EXPECT_EQ(calls.at("103").ended_by, Party::kAgent);  // the agent called out and hung up
    EXPECT_EQ(calls.at("104").ended_by, Party::kAgent);  // internal: agent, the side says which
    EXPECT_EQ(calls.at("104").ended_by_side, Side::kCallee);
    EXPECT_EQ(calls.at("105").reason, Reason::user_busy);
    EXPECT_EQ(calls.at("107").category, Category::kAbandoned);
    EXPECT_EQ(calls.at("108").reason, Reason::agent_hangup);  // the last leg, after the transfer split
    EXPECT_EQ(calls.at("108").started_at_ms, 1795795620000);
    EXPECT_EQ(calls.at("111").ended_by, Party::kUnknown);
    for (const Diagnostic& d : sink.diagnostics) ADD_FAILURE() << d.message;
}

TEST(CucmReader, BadRowsAndOtherFiles) {
    std::string text = fixture();
    text += "1,1,,x\r\n";
    const Collect one_bad = read_all(text);
    ASSERT_EQ(one_bad.diagnostics.size(), 1U);
    EXPECT_EQ(one_bad.diagnostics[0].line, 16U);
    const Collect no_fields = read_all("\"a\",\"b\"\n1,2\n");
    ASSERT_FALSE(no_fields.diagnostics.empty());
    EXPECT_EQ(no_fields.diagnostics[0].severity, Severity::kError);
    EXPECT_TRUE(sniff_cucm_cdr(fixture()));
    EXPECT_FALSE(sniff_cucm_cdr("time,callid,queuename,agent,event\n"));
}

}  // namespace
}  // namespace whohungup::exports::cisco
