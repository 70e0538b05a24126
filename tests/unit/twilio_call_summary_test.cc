// SPDX-License-Identifier: MIT
// Twilio: disconnected_by with direction → party and side, --agent-match, outcome-only records,
// one verdict per call_sid, and the shapes (summary, list envelope, Call resources).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "exports/twilio/twilio_decide.h"
#include "exports/twilio/twilio_decoder.h"
#include "exports/twilio/twilio_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::twilio {
namespace {

using Collect = whohungup::testing::CollectingSinks;

Collect read_all(const std::string& bytes, Limits limits = {}) {
    Collect sink;
    auto reader = make_twilio_calls_reader(limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "calls.json", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/twilio/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string sid(int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "CA%032x", n);
    return buffer;
}

TwilioCall summary(std::string direction, std::string by) {
    TwilioCall call;
    call.summary = true;
    call.call_sid = "CA1";
    call.direction = std::move(direction);
    call.disconnected_by = std::move(by);
    call.call_state = "completed";
    call.from = "+15550200001";
    call.to = "client:agent_ana";
    return call;
}

TEST(TwilioDecide, DirectionPutsTheSideOnTheBusinessOrTheCustomer) {
    const AgentMatch none("");
    struct Case {
        const char* direction;
        const char* by;
        Party party;
        Side side;
    };
    for (const Case& c : {Case{"inbound", "caller", Party::kCustomer, Side::kCaller},
                          Case{"inbound", "callee", Party::kAgent, Side::kCallee},
                          Case{"outbound-api", "caller", Party::kAgent, Side::kCaller},
                          Case{"outbound_api", "callee", Party::kCustomer, Side::kCallee},
                          Case{"outbound-dial", "callee", Party::kAgent, Side::kCallee},
                          Case{"trunking-originating", "caller", Party::kCustomer, Side::kCaller},
                          Case{"trunking-terminating", "callee", Party::kCustomer, Side::kCallee},
                          Case{"", "caller", Party::kUnknown, Side::kCaller},
                          Case{"sideways", "callee", Party::kUnknown, Side::kCallee}}) {
        TwilioCall call = summary(c.direction, c.by);
        call.to = "+15550200002";  // two numbers: the direction alone decides
        const Verdict v = decide(call, none);
        EXPECT_EQ(v.ended_by, c.party) << c.direction << "/" << c.by;
        EXPECT_EQ(v.ended_by_side, c.side) << c.direction << "/" << c.by;
        EXPECT_EQ(v.category, Category::kHangup);
        EXPECT_EQ(v.raw_reason, c.by);
        EXPECT_EQ(v.contact_id, "CA1");
    }
}

TEST(TwilioDecide, TheBusinessSideOfAnInboundCallIsNotCertainlyAnAgent) {
    TwilioCall call = summary("inbound", "callee");
    call.to = "+15550200002";  // the Twilio number: <Hangup>, the end of the TwiML, or the agent's leg
    const Verdict v = decide(call, AgentMatch(""));
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
}

TEST(TwilioDecide, AVoiceSdkIdentityIsTheAgentsSoftphone) {
    const AgentMatch none("");
    // The REST API called an agent's client, which hung up: the direction table alone says customer.
    Verdict v = decide(summary("outbound_api", "callee"), none);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_NE(v.detail.find("Voice SDK identity"), std::string::npos);
    // An agent dialling out from the Voice SDK: the parent leg is inbound from the client.
    TwilioCall out = summary("inbound", "caller");
    out.from = "client:agent_ana";
    out.to = "+15550200001";
    v = decide(out, none);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.ended_by_side, Side::kCaller);
    // ... and the application's side ended it (the dialled customer, or the TwiML): not known which.
    out.disconnected_by = "callee";
    v = decide(out, none);
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, Reason::callee_hangup_role_unknown);
    EXPECT_EQ(v.confidence, Confidence::kLow);
}

TEST(TwilioDecide, AgentMatchOverridesTheDirection) {
    const AgentMatch agents("^client:");
    Verdict v = decide(summary("sideways", "callee"), agents);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    v = decide(summary("inbound", "caller"), agents);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_FALSE(agent_pattern_error("(").empty());
    EXPECT_TRUE(agent_pattern_error("^PJSIP/[0-9]{3,4}-").empty());
}

TEST(TwilioDecide, WithoutDisconnectedByOnlyTheOutcomeIsKnown) {
    const AgentMatch none("");
    TwilioCall call = summary("inbound", "");
    for (const char* state : {"completed", "busy", "noanswer", "canceled", "fail", "undialed", "ringing", "answered"}) {
        call.call_state = state;
        const Verdict v = decide(call, none);
        EXPECT_EQ(v.ended_by, Party::kUnknown) << state;
        EXPECT_EQ(v.ended_by_side, Side::kNone) << state;
        EXPECT_NE(v.reason, Reason::unmapped_code) << state;
        EXPECT_EQ(v.raw_reason, state);
    }
    TwilioCall resource;
    resource.call_sid = "CA2";
    for (const char* status :
         {"queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled"}) {
        resource.status = status;
        const Verdict v = decide(resource, none);
        EXPECT_EQ(v.ended_by, Party::kUnknown) << status;
        EXPECT_NE(v.reason, Reason::unmapped_code) << status;
    }
    resource.status = "completed";
    EXPECT_EQ(decide(resource, none).reason, Reason::record_does_not_tell);
}

TEST(TwilioDecoder, Rfc2822Times) {
    EXPECT_EQ(parse_rfc2822_ms("Fri, 27 Nov 2026 17:01:00 +0000"), 1795798860000);
    EXPECT_EQ(parse_rfc2822_ms("27 Nov 2026 18:01:00 +0100"), 1795798860000);
    EXPECT_FALSE(parse_rfc2822_ms("2026-11-27T17:01:00Z"));
    EXPECT_FALSE(parse_rfc2822_ms(""));
}

TEST(TwilioReader, TheListEnvelopeGivesOneVerdictPerCall) {
    const Collect sink = read_all(fixture("call_summaries.json"));
    const auto calls = sink.by_id();
    ASSERT_EQ(calls.size(), 16U);
    EXPECT_EQ(calls.at(sid(1)).reason, Reason::customer_hangup);  // complete summary kept over the later partial
    EXPECT_EQ(calls.at(sid(1)).started_at_ms, 1795795260000);
    EXPECT_EQ(calls.at(sid(2)).reason, Reason::agent_hangup);
    EXPECT_EQ(calls.at(sid(5)).ended_by, Party::kAgent);
    EXPECT_EQ(calls.at(sid(9)).reason, Reason::record_does_not_tell);
    EXPECT_EQ(calls.at(sid(10)).reason, Reason::busy);
    EXPECT_EQ(calls.at(sid(15)).category, Category::kInProgress);
    for (const Diagnostic& d : sink.diagnostics) ADD_FAILURE() << d.message;
}

TEST(TwilioReader, OneSummaryAndCallResources) {
    EXPECT_EQ(read_all(fixture("call_summary.json")).by_id().at(sid(20)).reason, Reason::agent_hangup);
    const auto calls = read_all(fixture("calls.json")).by_id();
    ASSERT_EQ(calls.size(), 8U);
    EXPECT_EQ(calls.at(sid(101)).reason, Reason::record_does_not_tell);
    EXPECT_EQ(calls.at(sid(101)).ended_at_ms, 1795798890000);
    EXPECT_EQ(calls.at(sid(102)).reason, Reason::busy);
}

TEST(TwilioReader, AgentMatchReachesTheReader) {
    Limits limits;
    set_agent_pattern(limits, "^\\+1555020");  // the callers' numbers are the "agents" here
    const auto calls = read_all(fixture("call_summaries.json"), limits).by_id();
    EXPECT_EQ(calls.at(sid(1)).ended_by, Party::kAgent);
}

TEST(TwilioEventStreams, CallSummaryEventsAreUnwrappedAndRankedByType) {
    const Collect sink = read_all(fixture("eventstreams_batch.json"));
    for (const Diagnostic& d : sink.diagnostics) ADD_FAILURE() << d.message;
    const auto calls = sink.by_id();
    ASSERT_EQ(calls.size(), 3U);
    // The complete event beats the partial one before it.
    EXPECT_EQ(calls.at(sid(30)).reason, Reason::agent_hangup);
    EXPECT_NE(calls.at(sid(30)).evidence.at(0).text.find("event=com.twilio.voice.insights.call-summary.complete"),
              std::string::npos);
    // Predicted complete beats a later partial.
    EXPECT_EQ(calls.at(sid(31)).reason, Reason::customer_hangup);
    EXPECT_NE(calls.at(sid(31)).detail.find("predicted-complete"), std::string::npos);
    // The partial event type marks the summary partial though its data does not say so.
    EXPECT_NE(calls.at(sid(32)).detail.find("The summary is partial."), std::string::npos);
}

TEST(TwilioEventStreams, OtherEventTypesAreSkippedAndCounted) {
    const Collect sink = read_all(fixture("eventstreams_kinesis.jsonl"));
    const auto calls = sink.by_id();
    ASSERT_EQ(calls.size(), 1U);
    EXPECT_EQ(calls.at(sid(33)).ended_by, Party::kCustomer);  // the caller of a <Dial> to the agent
    ASSERT_EQ(sink.diagnostics.size(), 2U);
    EXPECT_NE(sink.diagnostics[0].message.find("call-event.gateway, which carries no call summary"), std::string::npos);
    EXPECT_EQ(sink.diagnostics[0].line, 1U);
    EXPECT_EQ(sink.diagnostics[1].line, 3U);
}

TEST(TwilioEventStreams, ACallSummaryEventWithoutDataIsSkipped) {
    const Collect sink = read_all(
        R"({"specversion":"1.0","type":"com.twilio.voice.insights.call-summary.complete","data":"x","call_sid":"CA1"})");
    EXPECT_TRUE(sink.verdicts.empty());
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.diagnostics[0].message.find("without a data object"), std::string::npos);
}

TEST(TwilioReader, Sniffing) {
    EXPECT_TRUE(sniff_twilio_calls(R"([{"specversion":"1.0","type":"com.twilio.voice.insights.call-summary.partial")"));

    EXPECT_TRUE(sniff_twilio_calls(fixture("call_summaries.json").substr(0, 4096)));
    EXPECT_TRUE(sniff_twilio_calls(fixture("calls.json")));
    EXPECT_FALSE(sniff_twilio_calls(R"({"call_id":"x","disconnection_reason":"user_hangup"})"));
    EXPECT_FALSE(sniff_twilio_calls(R"([{"ContactId":"x","DisconnectReason":"AGENT_DISCONNECT"}])"));
}

}  // namespace
}  // namespace whohungup::exports::twilio
