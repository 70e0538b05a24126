// SPDX-License-Identifier: MIT
// Asterisk CEL: grouping by linkedid (newest-first rows too), the HANGUP extra's hangupsource
// with channel roles, dialstatus when nobody answered, transfers, Local channels, both CSV shapes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "exports/asterisk/cel_decide.h"
#include "exports/asterisk/cel_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::asterisk {
namespace {

using Collect = whohungup::testing::CollectingSinks;

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/asterisk/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Collect read_all(const std::string& bytes, Limits limits = {}) {
    Collect sink;
    auto reader = make_cel_reader(limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "cel", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

std::string linked(int n) {
    return std::to_string(1795795200 + 60 * n) + "." + std::to_string(n * 10);
}

TEST(CelDecide, ExtensionChannels) {
    EXPECT_TRUE(is_extension_channel("PJSIP/1001-00000003"));
    EXPECT_TRUE(is_extension_channel("SIP/201-0000aa"));
    EXPECT_FALSE(is_extension_channel("PJSIP/carrier-00000001"));
    EXPECT_FALSE(is_extension_channel("DAHDI/1-1"));
    EXPECT_FALSE(is_extension_channel("PJSIP/1-1"));
}

TEST(CelDecide, WithNoExtensionOnEitherSideTheAgentIsNotKnown) {
    // Wazo names its users' lines by random letters: neither channel is "an extension".
    CelCall call;
    call.linkedid = "1694023642.7";
    call.caller_channel = "PJSIP/9EYlfTvB-00000003";
    call.bridged = {"PJSIP/9EYlfTvB-00000003", "PJSIP/KvXYRheV-00000005"};
    CelHangup operator_leg;
    operator_leg.channel = "PJSIP/KvXYRheV-00000005";
    operator_leg.hangupsource = "PJSIP/KvXYRheV-00000005";
    operator_leg.hangupcause = 16;
    operator_leg.time_ms = 1000;
    CelHangup caller_leg = operator_leg;
    caller_leg.channel = "PJSIP/9EYlfTvB-00000003";
    caller_leg.order = 1;
    call.hangups = {operator_leg, caller_leg};
    Verdict v = decide(call, AgentMatch(""));
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    // With an extension on the other side, "not an extension" is the customer again.
    call.caller_channel = "PJSIP/1001-00000003";
    call.bridged[0] = call.caller_channel;
    call.hangups[1].channel = call.caller_channel;
    v = decide(call, AgentMatch(""));
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
}

TEST(CelReader, BothShapesGiveTheSameVerdictPerLinkedid) {
    const auto table = read_all(fixture("cel.csv")).by_id();
    const auto master = read_all(fixture("Master.csv")).by_id();
    ASSERT_EQ(table.size(), 12U);
    ASSERT_EQ(master.size(), 12U);
    for (const auto& [id, v] : table) {
        EXPECT_EQ(master.at(id).reason, v.reason) << id;
        EXPECT_EQ(master.at(id).ended_at_ms, v.ended_at_ms) << id;
    }
    EXPECT_EQ(table.at(linked(1)).reason, Reason::customer_hangup);
    EXPECT_EQ(table.at(linked(1)).ended_by_side, Side::kCaller);
    EXPECT_EQ(table.at(linked(2)).reason, Reason::agent_hangup);
    EXPECT_EQ(table.at(linked(2)).ended_by_side, Side::kCallee);
    EXPECT_EQ(table.at(linked(3)).ended_by, Party::kAgent);  // the extension called out and hung up
    EXPECT_EQ(table.at(linked(3)).ended_by_side, Side::kCaller);
    EXPECT_EQ(table.at(linked(4)).reason, Reason::ended_by_dialplan);
    EXPECT_EQ(table.at(linked(5)).reason, Reason::no_answer);
    EXPECT_EQ(table.at(linked(6)).reason, Reason::user_busy);
    EXPECT_EQ(table.at(linked(7)).category, Category::kAbandoned);
    EXPECT_EQ(table.at(linked(8)).category, Category::kTransfer);
    EXPECT_EQ(table.at(linked(9)).reason, Reason::agent_hangup);  // Local hops (cause 26) are not parties
    EXPECT_EQ(table.at(linked(10)).reason, Reason::no_hangup_source);
    EXPECT_EQ(table.at(linked(11)).category, Category::kInProgress);
    EXPECT_EQ(table.at(linked(12)).reason, Reason::unmapped_code);
    EXPECT_EQ(table.at(linked(12)).raw_reason, "crm-forced");
}

TEST(CelReader, AgentMatchNamesTheAgentChannels) {
    Limits limits;
    set_agent_pattern(limits, "^PJSIP/carrier-");  // here the "trunk" is the agents' side
    const auto calls = read_all(fixture("cel.csv"), limits).by_id();
    EXPECT_EQ(calls.at(linked(1)).ended_by, Party::kAgent);
    EXPECT_EQ(calls.at(linked(1)).confidence, Confidence::kHigh);
    EXPECT_EQ(calls.at(linked(2)).ended_by, Party::kCustomer);
}

TEST(CelReader, SniffingAndBadRows) {
    EXPECT_TRUE(sniff_cel(fixture("cel.csv")));
    EXPECT_TRUE(sniff_cel(fixture("Master.csv")));
    EXPECT_FALSE(sniff_cel("time,callid,queuename,agent,event\n"));
    EXPECT_FALSE(sniff_cel("\"HELLO\",\"x\"\n"));
    const Collect bad = read_all(fixture("cel.csv") + "999,HANGUP,2026-11-27 16:00:00,,,,,,,,,,,,,,,,,,\n");
    ASSERT_EQ(bad.diagnostics.size(), 2U);  // the row without linkedid, and the unknown hangupsource
    EXPECT_EQ(bad.diagnostics[0].line, 116U);
}

}  // namespace
}  // namespace whohungup::exports::asterisk
