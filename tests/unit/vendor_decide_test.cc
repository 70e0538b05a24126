// SPDX-License-Identifier: MIT
// The decide() of the Amazon Connect, Genesys Cloud and GMS readers over their plain records: one
// test per rule that needs more of the record than the vendor's code (docs/vendor-exports.md says
// each rule's source).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "exports/connect/contact_record_decide.h"
#include "exports/genesys/conversation_decide.h"
#include "exports/genesys/conversation_reader.h"
#include "exports/gms/gms_callback_decide.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports {
namespace {

constexpr std::int64_t kT0 = 1'790'000'000'000;  // some instant in 2026, epoch ms

// ---- Amazon Connect ----

connect::ContactRecord voice_record(std::string_view reason, std::string_view method, std::int64_t rang_ms) {
    connect::ContactRecord record;
    record.contact_id = "c-1";
    record.channel = "VOICE";
    record.disconnect_reason = std::string(reason);
    record.initiation_method = std::string(method);
    record.initiated_at_ms = kT0;
    record.disconnected_at_ms = kT0 + rang_ms;
    return record;
}

TEST(ConnectDecide, OriginatorCancelOnAnInboundCallIsTheCustomer) {
    const Verdict v = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "INBOUND", 4'000));
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.category, Category::kNotConnected);
    EXPECT_EQ(v.reason, Reason::customer_cancelled);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(v.raw_reason, "TELECOM_ORIGINATOR_CANCEL");
}

TEST(ConnectDecide, OriginatorCancelOnAnOutboundCallSplitsAtSixtySeconds) {
    const Verdict early = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "OUTBOUND", 59'000));
    EXPECT_EQ(early.ended_by, Party::kAgent);
    EXPECT_EQ(early.reason, Reason::agent_cancelled);
    EXPECT_EQ(early.confidence, Confidence::kMedium);
    const Verdict late = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "EXTERNAL_OUTBOUND", 60'000));
    EXPECT_EQ(late.ended_by, Party::kCustomer);
    EXPECT_EQ(late.category, Category::kNotConnected);
    EXPECT_EQ(late.reason, Reason::no_answer);
    EXPECT_EQ(late.confidence, Confidence::kMedium);
    EXPECT_NE(late.detail.find("60 s"), std::string::npos) << late.detail;
}

TEST(ConnectDecide, OriginatorCancelByAnApiUserIsTheSystem) {
    const Verdict api = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "API", 10'000));
    EXPECT_EQ(api.ended_by, Party::kSystem);
    EXPECT_EQ(api.reason, Reason::api_cancelled);
    const Verdict callback = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "CALLBACK", 61'000));
    EXPECT_EQ(callback.reason, Reason::no_answer);
}

TEST(ConnectDecide, OriginatorCancelWithoutADirectionOrTimesKeepsTheTable) {
    const Verdict transfer = connect::decide(voice_record("TELECOM_ORIGINATOR_CANCEL", "TRANSFER", 10'000));
    EXPECT_EQ(transfer.ended_by, Party::kUnknown);
    EXPECT_EQ(transfer.reason, Reason::originator_cancelled);
    EXPECT_EQ(transfer.confidence, Confidence::kLow);
    connect::ContactRecord untimed = voice_record("TELECOM_ORIGINATOR_CANCEL", "OUTBOUND", 0);
    untimed.disconnected_at_ms = kNoTime;
    EXPECT_EQ(connect::decide(untimed).reason, Reason::originator_cancelled);
}

TEST(ConnectDecide, ExpiredMeansSomethingPerChannel) {
    connect::ContactRecord record = voice_record("EXPIRED", "OUTBOUND", 0);
    Verdict v = connect::decide(record);
    EXPECT_EQ(v.reason, Reason::campaign_expired);
    EXPECT_EQ(v.category, Category::kNotConnected);
    record.channel = "EMAIL";
    v = connect::decide(record);
    EXPECT_EQ(v.reason, Reason::email_expired);
    EXPECT_EQ(v.category, Category::kNotConnected);
    record.channel = "CHAT";
    v = connect::decide(record);
    EXPECT_EQ(v.reason, Reason::chat_expired);
    EXPECT_EQ(v.category, Category::kOther);
    EXPECT_EQ(v.channel, Channel::kChat);
    record.channel = "TASK";
    EXPECT_EQ(connect::decide(record).reason, Reason::task_expired);
}

TEST(ConnectDecide, TelecomProblemOnADialThatNeverConnectedIsNotConnected) {
    connect::ContactRecord record = voice_record("TELECOM_PROBLEM", "OUTBOUND", 5'000);
    Verdict v = connect::decide(record);
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_EQ(v.category, Category::kNotConnected);
    record.connected_to_system_ms = kT0 + 1'000;
    EXPECT_EQ(connect::decide(record).category, Category::kFailure);
    record = voice_record("TELECOM_PROBLEM", "INBOUND", 5'000);
    EXPECT_EQ(connect::decide(record).category, Category::kFailure) << "an inbound call can drop mid-call";
}

TEST(ConnectDecide, ADialingResultWithAConnectedAgentIsLowered) {
    connect::ContactRecord record = voice_record("TELECOM_BUSY", "API", 5'000);
    EXPECT_EQ(connect::decide(record).confidence, Confidence::kHigh);
    record.has_agent = true;
    record.connected_to_agent_ms = kT0 + 1'000;
    const Verdict v = connect::decide(record);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_NE(v.detail.find("ConnectedToAgentTimestamp"), std::string::npos);
    record.initiation_method = "EXTERNAL_OUTBOUND";
    EXPECT_EQ(connect::decide(record).confidence, Confidence::kHigh) << "the agent is on a call they dial";
}

TEST(ConnectDecide, QueuedCustomerWithAnAgentThatNeverConnectedAbandoned) {
    connect::ContactRecord record = voice_record("CUSTOMER_DISCONNECT", "INBOUND", 90'000);
    record.has_queue = true;
    record.has_agent = true;  // offered to an agent who did not answer: no ConnectedToAgentTimestamp
    EXPECT_EQ(connect::decide(record).reason, Reason::abandoned);
    record.connected_to_agent_ms = kT0 + 30'000;
    EXPECT_EQ(connect::decide(record).reason, Reason::customer_hangup);
    record.connected_to_agent_ms = kNoTime;
    record.initiation_method = "CALLBACK";
    EXPECT_EQ(connect::decide(record).reason, Reason::customer_hangup) << "a queued callback has no customer waiting";
}

TEST(ConnectDecide, UnknownCodeIsKeptRaw) {
    const Verdict v = connect::decide(voice_record("NEW_CODE", "INBOUND", 1'000));
    EXPECT_EQ(v.reason, Reason::unmapped_code);
    EXPECT_EQ(v.raw_reason, "NEW_CODE");
}

// ---- Genesys Cloud ----

genesys::Leg leg(genesys::Role role, Channel media, std::string_view disconnect, std::int64_t connected_at) {
    genesys::Leg out;
    out.role = role;
    out.media = media;
    out.final_disconnect = std::string(disconnect);
    out.final_segment = "interact";
    out.connected = connected_at != kNoTime;
    out.connected_at = connected_at;
    out.ended_at = kT0 + 100'000;
    return out;
}

genesys::GenesysConversation ended_conversation(Channel channel, std::vector<genesys::Leg> legs) {
    genesys::GenesysConversation c;
    c.id = "conv-1";
    c.channel = channel;
    c.started_at_ms = kT0;
    c.end_given = true;
    c.ended_at_ms = kT0 + 120'000;
    c.legs = std::move(legs);
    return c;
}

Verdict decided(const genesys::GenesysConversation& c) {
    std::vector<genesys::UnknownCode> unknown;
    Verdict v = genesys::decide(c, unknown);
    EXPECT_TRUE(unknown.empty());
    return v;
}

TEST(GenesysDecide, ASkippedPreviewCallbackIsNotConnected) {
    genesys::Leg skipped = leg(genesys::Role::kAgent, Channel::kCallback, "client", kT0 + 5'000);
    skipped.preview_skipped = true;
    genesys::Leg alerted = leg(genesys::Role::kAgent, Channel::kCallback, "system", kNoTime);
    alerted.alerted = true;
    alerted.final_segment = "alert";
    const genesys::GenesysConversation c = ended_conversation(
        Channel::kCallback, {leg(genesys::Role::kCustomer, Channel::kCallback, "peer", kT0), alerted, skipped});
    const Verdict v = decided(c);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.category, Category::kNotConnected);
    EXPECT_EQ(v.reason, Reason::preview_skipped);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_NE(v.detail.find("ININ-OUTBOUND-PREVIEW-SKIPPED"), std::string::npos);
}

TEST(GenesysDecide, APreviewThatWasDialledIsDecidedByItsCall) {
    genesys::Leg agent = leg(genesys::Role::kAgent, Channel::kCallback, "client", kT0 + 5'000);
    agent.preview_skipped = true;
    const genesys::GenesysConversation c = ended_conversation(
        Channel::kCallback, {leg(genesys::Role::kCustomer, Channel::kVoice, "peer", kT0 + 6'000), agent});
    EXPECT_EQ(decided(c).reason, Reason::agent_hangup) << "a voice session exists: a call was placed";
}

TEST(GenesysDecide, ChatWhoseLegsAllEndSystemWasClosedByThePlatform) {
    const genesys::GenesysConversation chat =
        ended_conversation(Channel::kChat, {leg(genesys::Role::kCustomer, Channel::kChat, "system", kT0),
                                            leg(genesys::Role::kAgent, Channel::kChat, "system", kT0 + 5'000)});
    const Verdict v = decided(chat);
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_EQ(v.category, Category::kOther);
    EXPECT_EQ(v.reason, Reason::closed_by_platform);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    genesys::GenesysConversation voice = chat;
    voice.channel = Channel::kVoice;
    EXPECT_EQ(decided(voice).reason, Reason::system_disconnect) << "the rule is for messaging media";
    genesys::GenesysConversation no_end = chat;
    no_end.end_given = false;
    EXPECT_EQ(decided(no_end).confidence, Confidence::kLow) << "no conversationEnd: one step lower";
}

TEST(GenesysDecide, AnInternalCallersUserLegIsTheAgentsCounterpart) {
    genesys::Leg caller = leg(genesys::Role::kAgent, Channel::kVoice, "endpoint", kT0);
    caller.user_purpose = true;
    const genesys::GenesysConversation c =
        ended_conversation(Channel::kVoice, {caller, leg(genesys::Role::kAgent, Channel::kVoice, "peer", kT0 + 9'000)});
    const Verdict v = decided(c);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_NE(v.detail.find("internal call"), std::string::npos) << v.detail;
}

TEST(GenesysDecide, TheCallEndsWithTheTalkNotTheWrapUp) {
    genesys::Leg agent = leg(genesys::Role::kAgent, Channel::kVoice, "client", kT0 + 5'000);
    agent.talk_ended_at = kT0 + 90'000;  // conversationEnd (kT0 + 120 s) is the end of the wrap-up
    genesys::GenesysConversation c =
        ended_conversation(Channel::kVoice, {leg(genesys::Role::kCustomer, Channel::kVoice, "peer", kT0), agent});
    EXPECT_EQ(decided(c).ended_at_ms, kT0 + 90'000);
    c.legs[1].final_disconnect = "transfer";
    EXPECT_EQ(decided(c).ended_at_ms, kT0 + 120'000) << "after a transfer the conversation went on";
}

TEST(GenesysDecide, ACustomerOnlyChatEndedPeerIsTheAgentInferred) {
    genesys::GenesysConversation c =
        ended_conversation(Channel::kChat, {leg(genesys::Role::kCustomer, Channel::kChat, "peer", kT0)});
    c.shape = genesys::Shape::kConversationsApi;
    const Verdict v = decided(c);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.category, Category::kHangup);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_NE(v.detail.find("inference"), std::string::npos);
}

TEST(GenesysDecide, InteractionsRowSystemOnAChatIsDecidedAsTheJson) {
    genesys::GenesysConversation row;
    row.shape = genesys::Shape::kInteractionsRow;
    row.id = "conv-1";
    row.disconnect_type = "System";
    row.media = "chat";
    row.channel = Channel::kChat;
    row.users = "Ana Agent";
    const Verdict chat = decided(row);
    EXPECT_EQ(chat.reason, Reason::closed_by_platform);
    EXPECT_EQ(chat.confidence, Confidence::kMedium);
    EXPECT_EQ(chat.outcome, "handled");
    row.media = "voice";
    row.channel = Channel::kVoice;
    const Verdict voice = decided(row);
    EXPECT_EQ(voice.reason, Reason::system_disconnect);
    EXPECT_EQ(voice.confidence, Confidence::kHigh);
}

TEST(GenesysDecide, ConversationsApiChatsAreRead) {
    // Every medium is listed, most empty; the customer's chats[] holds the end.
    const std::string record =
        R"({"id":"conv-api","startTime":"2026-11-20T09:25:34.532Z","endTime":"2026-11-20T09:32:03.940Z",)"
        R"("participants":[{"purpose":"customer","name":"Customer","connectedTime":"2026-11-20T09:25:34.532Z",)"
        R"("calls":[],"callbacks":[],"chats":[{"state":"disconnected","disconnectType":"peer",)"
        R"("connectedTime":"2026-11-20T09:25:34.539Z","disconnectedTime":"2026-11-20T09:32:02.388Z"}],)"
        R"("emails":[],"messages":[]}]})";
    whohungup::testing::CollectingSinks sink;
    auto reader = make_genesys_conversations_reader(Limits{});
    auto source = ByteSource::from_memory(record);
    reader->read(*source, "input", sink, sink);
    reader->finish(sink, sink);
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].channel, Channel::kChat) << "an empty calls[] is not a voice session";
    EXPECT_EQ(sink.verdicts[0].raw_reason, "peer");
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kAgent);
}

// ---- GMS callbacks ----

TEST(GmsDecide, StateThenReasonAndTheUnknownTableIsNamed) {
    gms::GmsCallback callback;
    callback.id = "cb-1";
    callback.state = "QUEUED";
    const mappings::ReasonTable* unknown = nullptr;
    EXPECT_EQ(gms::decide(callback, unknown).category, Category::kInProgress);
    EXPECT_EQ(unknown, nullptr);
    callback.state = "COMPLETED";
    callback.reason = "SOMETHING_NEW";
    const Verdict v = gms::decide(callback, unknown);
    EXPECT_EQ(v.reason, Reason::unmapped_code);
    EXPECT_EQ(unknown, &mappings::gms_callback_reason());
    EXPECT_EQ(v.channel, Channel::kCallback);
}

}  // namespace
}  // namespace whohungup::exports
