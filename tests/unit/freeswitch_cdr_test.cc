// SPDX-License-Identifier: MIT
// FreeSWITCH CDRs: URL decoding, both decoders, decide() per leg and disposition, roles, and the
// readers joining legs of one call across files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exports/freeswitch/cdr_decoders.h"
#include "exports/freeswitch/freeswitch_decide.h"
#include "exports/freeswitch/freeswitch_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::freeswitch {
namespace {

using Collect = whohungup::testing::CollectingSinks;

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/freeswitch/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Every file of a fixture directory through one reader (one group), in name order.
Collect read_dir(const std::string& dir, std::unique_ptr<Reader> reader) {
    std::vector<std::string> names;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(WHOHUNGUP_TESTDATA) + "/freeswitch/" + dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    Collect sink;
    for (const std::string& name : names) {
        auto source = ByteSource::from_memory(fixture(dir + "/" + name));
        reader->read(*source, name, sink, sink);
    }
    reader->finish(sink, sink);
    return sink;
}

std::string uuid(int n, char leg) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%08x-0000-4000-8000-%c%011x", n, leg, n);
    return buffer;
}

FreeswitchLeg a_leg(std::string disposition, std::string cause) {
    FreeswitchLeg leg;
    leg.uuid = "A";
    leg.direction = "inbound";
    leg.sip_hangup_disposition = std::move(disposition);
    leg.hangup_cause = std::move(cause);
    leg.caller_id_number = "+15550200001";
    leg.destination_number = "1001";
    return leg;
}

/// An answered B-leg that cleared normally, with neither originating_leg_uuid nor last_bridge_to.
FreeswitchLeg answered_b_leg(std::string disposition, std::string destination) {
    FreeswitchLeg b;
    b.uuid = "B";
    b.direction = "outbound";
    b.sip_hangup_disposition = std::move(disposition);
    b.hangup_cause = "NORMAL_CLEARING";
    b.destination_number = std::move(destination);
    b.answered_at_ms = 5;
    return b;
}

Verdict decide_a(FreeswitchLeg leg, const AgentMatch& agents = AgentMatch("")) {
    FreeswitchCall call;
    call.call_id = leg.uuid;
    call.a_leg = std::move(leg);
    return decide(call, agents, "freeswitch-json-cdr");
}

TEST(FreeswitchDecoders, UrlDecoding) {
    EXPECT_EQ(url_decoded("sip%3A200"), "sip:200");
    EXPECT_EQ(url_decoded("2019-04-05%2010%3A50%3A43"), "2019-04-05 10:50:43");
    EXPECT_EQ(url_decoded("+1555"), "+1555");
    EXPECT_EQ(url_decoded("100%"), "100%");
    EXPECT_EQ(url_decoded("%zz%4"), "%zz%4");
}

TEST(FreeswitchDecide, EachDispositionOnTheALeg) {
    EXPECT_EQ(decide_a(a_leg("recv_bye", "NORMAL_CLEARING")).ended_by, Party::kCustomer);
    EXPECT_EQ(decide_a(a_leg("recv_bye", "NORMAL_CLEARING")).ended_by_side, Side::kCaller);
    EXPECT_EQ(decide_a(a_leg("recv_bye", "NORMAL_CLEARING")).raw_reason, "recv_bye NORMAL_CLEARING");
    FreeswitchLeg callee_cleared = a_leg("send_bye", "NORMAL_CLEARING");
    callee_cleared.last_bridge_hangup_cause = "NORMAL_CLEARING";
    EXPECT_EQ(decide_a(callee_cleared).ended_by, Party::kAgent);
    EXPECT_EQ(decide_a(callee_cleared).ended_by_side, Side::kCallee);
    const Verdict nobody = decide_a(a_leg("send_bye", "NORMAL_CLEARING"));
    EXPECT_EQ(nobody.ended_by, Party::kSystem);
    EXPECT_EQ(nobody.ended_by_side, Side::kNone);
    EXPECT_EQ(decide_a(a_leg("send_bye", "MANAGER_REQUEST")).reason, Reason::ended_by_api);
    EXPECT_EQ(decide_a(a_leg("send_bye", "ALLOTTED_TIMEOUT")).reason, Reason::time_limit);
    EXPECT_EQ(decide_a(a_leg("recv_cancel", "ORIGINATOR_CANCEL")).category, Category::kAbandoned);
    EXPECT_EQ(decide_a(a_leg("send_refuse", "")).reason, Reason::rejected_by_switch);
    EXPECT_EQ(decide_a(a_leg("send_cancel", "")).reason, Reason::disposition_not_expected_on_leg);
}

TEST(FreeswitchDecide, BLegConfirmsTheCalleeAndRingOutcomes) {
    FreeswitchCall call;
    call.call_id = "A";
    call.a_leg = a_leg("send_bye", "NORMAL_CLEARING");
    FreeswitchLeg b = answered_b_leg("recv_bye", "1001");
    call.b_legs.push_back(b);
    const Verdict v = decide(call, AgentMatch(""), "freeswitch-xml-cdr");
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.agent, "1001");
    EXPECT_EQ(v.evidence.size(), 2U);
    FreeswitchCall only_b;
    only_b.call_id = "A";
    b.sip_hangup_disposition = "send_cancel";
    b.hangup_cause = "LOSE_RACE";
    only_b.b_legs.push_back(b);
    EXPECT_EQ(decide(only_b, AgentMatch(""), "freeswitch-json-cdr").reason, Reason::answered_elsewhere);
    only_b.b_legs[0].sip_hangup_disposition = "recv_bye";
    only_b.b_legs[0].hangup_cause = "NORMAL_CLEARING";
    EXPECT_EQ(decide(only_b, AgentMatch(""), "freeswitch-json-cdr").ended_by_side, Side::kCallee);
}

TEST(FreeswitchDecide, RolesFromCallDirectionAndAgentMatch) {
    FreeswitchLeg outbound = a_leg("recv_bye", "NORMAL_CLEARING");
    outbound.call_direction = "outbound";
    EXPECT_EQ(decide_a(outbound).ended_by, Party::kAgent);
    EXPECT_EQ(decide_a(outbound).confidence, Confidence::kHigh);
    const AgentMatch agents("^\\+1555");  // the caller's number is an agent's here
    EXPECT_EQ(decide_a(a_leg("recv_bye", "NORMAL_CLEARING"), agents).ended_by, Party::kAgent);
    FreeswitchLeg queued = a_leg("recv_bye", "NORMAL_CLEARING");
    queued.cc_cause = "cancel";
    queued.cc_cancel_reason = "BREAK_OUT";
    EXPECT_EQ(decide_a(queued).reason, Reason::customer_abandoned_in_queue);
}

TEST(FreeswitchDecide, ADirectoryUserCallingOutThroughAGatewayIsTheAgent) {
    FreeswitchCall call;
    call.call_id = "A";
    call.a_leg = a_leg("send_bye", "NORMAL_CLEARING");
    call.a_leg->caller_id_number = "1001";
    call.a_leg->destination_number = "15551234567";
    call.a_leg->last_bridge_hangup_cause = "NORMAL_CLEARING";
    set_variable(*call.a_leg, "user_name", "1001");  // sofia_reg_parse_auth: digest auth passed
    FreeswitchLeg b = answered_b_leg("recv_bye", "15551234567");
    set_variable(b, "sip_gateway_name", "carrier1");
    call.b_legs.push_back(b);
    Verdict v = decide(call, AgentMatch(""), "freeswitch-json-cdr");
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_EQ(v.agent, "1001");
    EXPECT_NE(v.detail.find("gateway carrier1"), std::string::npos);
    // Out through a gateway, but the caller is no directory user (a forwarded call?): not known.
    call.a_leg->sip_auth_username.clear();
    v = decide(call, AgentMatch(""), "freeswitch-json-cdr");
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_EQ(v.agent, "");
    // FusionPBX's call_direction still decides first.
    call.a_leg->call_direction = "inbound";
    EXPECT_EQ(decide(call, AgentMatch(""), "freeswitch-json-cdr").ended_by, Party::kAgent);
}

TEST(FreeswitchDecide, ALegOriginatedWithNoCallerHasNoKnownAgent) {
    // `originate sofia/gateway/... &playback(...)`: one outbound leg, never bridged
    FreeswitchLeg b = answered_b_leg("send_bye", "3868158407");
    FreeswitchCall call;
    call.call_id = "B";
    call.b_legs.push_back(b);
    Verdict v = decide(call, AgentMatch(""), "freeswitch-json-cdr");
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_EQ(v.reason, Reason::ended_by_switch);
    EXPECT_EQ(v.agent, "");
    call.b_legs[0].sip_hangup_disposition = "recv_bye";  // the callee hung up: customer or agent?
    v = decide(call, AgentMatch(""), "freeswitch-json-cdr");
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    call.b_legs[0].originating_leg_uuid = "A";  // a caller's leg dialled it; its CDR is just not here
    v = decide(call, AgentMatch(""), "freeswitch-json-cdr");
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.agent, "3868158407");
}

TEST(FreeswitchReaders, JsonAndXmlFilesGiveOneVerdictPerCall) {
    for (const bool xml : {false, true}) {
        const Collect sink =
            read_dir(xml ? "xml" : "json", xml ? make_xml_cdr_reader(Limits{}) : make_json_cdr_reader(Limits{}));
        const auto calls = sink.by_id();
        ASSERT_EQ(calls.size(), 12U) << xml;
        EXPECT_EQ(calls.at(uuid(1, 'a')).reason, Reason::customer_hangup);
        EXPECT_EQ(calls.at(uuid(2, 'a')).reason, Reason::agent_hangup);
        EXPECT_EQ(calls.at(uuid(2, 'a')).evidence.size(), 2U);
        EXPECT_EQ(calls.at(uuid(4, 'a')).ended_by, Party::kSystem);
        EXPECT_EQ(calls.at(uuid(5, 'a')).category, Category::kAbandoned);
        EXPECT_EQ(calls.at(uuid(7, 'a')).reason, Reason::customer_hangup);
        EXPECT_EQ(calls.at(uuid(9, 'a')).ended_by, Party::kAgent);
        EXPECT_EQ(calls.at(uuid(10, 'a')).source_format, xml ? "freeswitch-xml-cdr" : "freeswitch-json-cdr");
        // Both decoders read what the gateway and originate rules need.
        EXPECT_EQ(calls.at(uuid(11, 'a')).ended_by, Party::kCustomer);
        EXPECT_EQ(calls.at(uuid(11, 'a')).agent, "1001");
        EXPECT_EQ(calls.at(uuid(12, 'b')).reason, Reason::ended_by_switch);
        EXPECT_EQ(calls.at(uuid(1, 'a')).started_at_ms, 1795795260000);
        for (const Diagnostic& d : sink.diagnostics) ADD_FAILURE() << d.message;
    }
}

TEST(FreeswitchReaders, BrokenXmlIsAnErrorWithItsLine) {
    Collect sink;
    auto reader = make_xml_cdr_reader(Limits{});
    auto source = ByteSource::from_memory("<cdr>\n<variables>\n<uuid>x</variables>\n</cdr>\n");
    const InputResult result = reader->read(*source, "bad.xml", sink, sink);
    EXPECT_TRUE(result.failed);
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.diagnostics[0].message.find("line 3"), std::string::npos) << sink.diagnostics[0].message;
}

TEST(FreeswitchReaders, Sniffing) {
    EXPECT_TRUE(sniff_json_cdr(fixture("cdr.json")));
    EXPECT_TRUE(sniff_xml_cdr(fixture("cdr.xml")));
    EXPECT_FALSE(sniff_json_cdr(fixture("cdr.xml")));
    EXPECT_FALSE(sniff_xml_cdr(fixture("cdr.json")));
    EXPECT_FALSE(sniff_xml_cdr("<html><body>cdr</body></html>"));
}

}  // namespace
}  // namespace whohungup::exports::freeswitch
