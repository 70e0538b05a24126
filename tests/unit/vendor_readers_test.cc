// SPDX-License-Identifier: MIT
// Behaviour of the vendor readers beyond the mapping tables: envelopes, dedupe, transfer legs,
// last connected agent leg, outcomes.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "exports/connect/contact_record_reader.h"
#include "exports/genesys/conversation_reader.h"
#include "exports/genesys/interactions_csv_reader.h"
#include "exports/gms/callback_reader.h"
#include "exports/voice_agent/calls_csv_reader.h"
#include "exports/voice_agent/calls_reader.h"
#include "reconcile/reconcile_plan.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports {
namespace {

using Collect = whohungup::testing::CollectingSinks;

Collect read_all(std::unique_ptr<Reader> reader, std::vector<std::string> inputs) {
    Collect sink;
    for (std::string& bytes : inputs) {
        auto source = ByteSource::from_memory(std::move(bytes));
        reader->read(*source, "input", sink, sink);
    }
    reader->finish(sink, sink);
    return sink;
}

TEST(ConnectCtr, LatestUpdateWinsAndTransferLegsAreLinked) {
    const std::string records =
        R"({"ContactId":"a","DisconnectReason":"CUSTOMER_DISCONNECT","LastUpdateTimestamp":"2026-01-01T00:00:09Z","InitiationMethod":"INBOUND"})"
        R"({"ContactId":"b","DisconnectReason":"AGENT_DISCONNECT","NextContactId":"c","LastUpdateTimestamp":"2026-01-01T00:00:01Z"})"
        R"({"ContactId":"a","DisconnectReason":"AGENT_DISCONNECT","LastUpdateTimestamp":"2026-01-01T00:00:01Z"})"
        "\n"
        R"([{"ContactId":"c","DisconnectReason":"CUSTOMER_DISCONNECT","PreviousContactId":"b","InitiationMethod":"TRANSFER"},)"
        R"({"ContactId":"d","PreviousContactId":"e","DisconnectReason":null}])";
    const auto verdicts = read_all(make_connect_ctr_reader(Limits{}), {records}).by_id();
    ASSERT_EQ(verdicts.size(), 4U);
    EXPECT_EQ(verdicts.at("a").ended_by, Party::kCustomer);  // the later update, not the later line
    EXPECT_EQ(verdicts.at("b").category, Category::kTransfer);
    EXPECT_EQ(verdicts.at("b").raw_reason, "AGENT_DISCONNECT");
    EXPECT_EQ(verdicts.at("c").reason, Reason::customer_hangup);
    EXPECT_EQ(verdicts.at("d").reason, Reason::no_disconnect_reason);
}

TEST(ConnectCtr, PreviousLegSeenOnlyThroughTheNextLegIsStillATransfer) {
    const auto verdicts =
        read_all(make_connect_ctr_reader(Limits{}),
                 {R"({"ContactId":"x","DisconnectReason":"AGENT_DISCONNECT"})",
                  R"({"ContactId":"y","DisconnectReason":"CUSTOMER_DISCONNECT","PreviousContactId":"x"})"})
            .by_id();
    EXPECT_EQ(verdicts.at("x").category, Category::kTransfer);
}

TEST(ConnectCtr, ATransferOutOfAmazonConnectIsATransferWithoutANextContact) {
    // TransferCompletedTimestamp / TransferredToEndpoint: transferred to an outside number, where
    // no contact record (so no NextContactId) follows.
    const std::string records =
        R"({"ContactId":"out","Channel":"VOICE","InitiationMethod":"INBOUND","DisconnectReason":"AGENT_DISCONNECT",)"
        R"("Agent":{"ARN":"arn:x/agent/u1","ConnectedToAgentTimestamp":"2026-01-01T00:00:10Z"},)"
        R"("NextContactId":null,"TransferCompletedTimestamp":"2026-01-01T00:02:00Z",)"
        R"("TransferredToEndpoint":{"Address":"+15555550100","Type":"TELEPHONE_NUMBER"}})"
        "\n"
        R"({"ContactId":"own","Channel":"VOICE","InitiationMethod":"INBOUND","DisconnectReason":"AGENT_DISCONNECT",)"
        R"("Agent":{"ARN":"arn:x/agent/u1","ConnectedToAgentTimestamp":"2026-01-01T00:00:10Z"},"NextContactId":null})";
    const auto verdicts = read_all(make_connect_ctr_reader(Limits{}), {records}).by_id();
    const Verdict& out = verdicts.at("out");
    EXPECT_EQ(out.category, Category::kTransfer);
    EXPECT_EQ(out.reason, Reason::transferred);
    EXPECT_EQ(out.raw_reason, "AGENT_DISCONNECT");
    EXPECT_NE(out.detail.find("outside Amazon Connect"), std::string::npos) << out.detail;
    EXPECT_NE(out.detail.find("who ended it is not known"), std::string::npos) << out.detail;
    EXPECT_EQ(verdicts.at("own").reason, Reason::agent_hangup) << "no transfer recorded: the agent's own hang-up";
}

TEST(ConnectDescribeContact, TheVerdictNamesTheResponseNotAContactRecord) {
    const std::string inputs =
        R"({"Contact":{"Id":"d1","InitiationMethod":"INBOUND","DisconnectReason":"CUSTOMER_DISCONNECT"}})"
        "\n"
        R"({"Contact":{"Id":"d2","QueueInfo":{"Id":"q"},"InitiationMethod":"INBOUND",)"
        R"("DisconnectReason":"CUSTOMER_DISCONNECT"}})"
        "\n"
        R"({"Contact":{"Id":"d3","InitiationMethod":"INBOUND"}})"
        "\n"
        R"({"ContactId":"r1","InitiationMethod":"INBOUND","DisconnectReason":"CUSTOMER_DISCONNECT"})";
    const auto verdicts = read_all(make_connect_ctr_reader(Limits{}), {inputs}).by_id();
    for (const char* id : {"d1", "d2", "d3"}) {
        EXPECT_TRUE(verdicts.at(id).detail.starts_with("The DescribeContact response ")) << verdicts.at(id).detail;
        EXPECT_EQ(verdicts.at(id).detail.find("contact record"), std::string::npos) << verdicts.at(id).detail;
    }
    EXPECT_TRUE(verdicts.at("r1").detail.starts_with("The contact record says")) << verdicts.at("r1").detail;
}

// DescribeContact responses: {"Contact": {...}} with the API reference's member names.
TEST(ConnectDescribeContact, CliPrintAndApiEpochSecondsReadAlike) {
    const std::string cli =
        R"({"Contact":{"Id":"k1","InitiationMethod":"INBOUND","Channel":"VOICE",)"
        R"("QueueInfo":{"Id":"q","EnqueueTimestamp":"2024-01-10T10:00:05.123000+00:00"},)"
        R"("AgentInfo":{"Id":"agent-7","ConnectedToAgentTimestamp":"2024-01-10T10:00:30.456000+00:00"},)"
        R"("InitiationTimestamp":"2024-01-10T10:00:00.000000+00:00","DisconnectTimestamp":"2024-01-10T10:06:00.789000+00:00",)"
        R"("DisconnectReason":"AGENT_DISCONNECT"}})";
    const std::string api =
        R"({"Contact":{"Id":"k2","InitiationMethod":"INBOUND","Channel":"VOICE",)"
        R"("QueueInfo":{"Id":"q","EnqueueTimestamp":1704880805.123},)"
        R"("AgentInfo":{"Id":"agent-7","ConnectedToAgentTimestamp":1704880830.456},)"
        R"("InitiationTimestamp":1704880800,"DisconnectTimestamp":1704881160.789,"DisconnectReason":"AGENT_DISCONNECT"}})";
    const Collect sink = read_all(make_connect_ctr_reader(Limits{}), {cli + "\n", api + "\n"});
    EXPECT_TRUE(sink.diagnostics.empty());
    const auto verdicts = sink.by_id();
    ASSERT_EQ(verdicts.size(), 2U);
    for (const char* id : {"k1", "k2"}) {
        const Verdict& v = verdicts.at(id);
        EXPECT_EQ(v.ended_by, Party::kAgent) << id;
        EXPECT_EQ(v.reason, Reason::agent_hangup) << id;
        EXPECT_EQ(v.agent, "agent-7") << id;  // AgentInfo.Id: the id Agent.ARN ends with
        EXPECT_EQ(v.started_at_ms, 1704880830456) << id;
        EXPECT_EQ(v.ended_at_ms, 1704881160789) << id;
        EXPECT_EQ(v.channel, Channel::kVoice) << id;
    }
}

TEST(ConnectDescribeContact, AgentHangupIsMediumUnlessTheNextLegIsAmongTheInputs) {
    // No NextContactId in DescribeContact: a transfer shows only through the leg that continues it.
    const std::string responses =
        R"({"Contact":{"Id":"a","AgentInfo":{"Id":"u","ConnectedToAgentTimestamp":100},"DisconnectReason":"AGENT_DISCONNECT"}})"
        "\n"
        R"({"Contact":{"Id":"b","AgentInfo":{"Id":"u","ConnectedToAgentTimestamp":100},"DisconnectReason":"AGENT_DISCONNECT"}})"
        "\n"
        R"({"Contact":{"Id":"c","PreviousContactId":"b","InitiationMethod":"TRANSFER","DisconnectReason":"CUSTOMER_DISCONNECT"}})"
        "\n";
    const auto verdicts = read_all(make_connect_ctr_reader(Limits{}), {responses}).by_id();
    EXPECT_EQ(verdicts.at("a").confidence, Confidence::kMedium);
    EXPECT_NE(verdicts.at("a").detail.find("no NextContactId"), std::string::npos);
    EXPECT_EQ(verdicts.at("b").category, Category::kTransfer);
    // No agent on "c": nobody could have transferred it on, so the table's confidence stands.
    EXPECT_EQ(verdicts.at("c").reason, Reason::customer_hangup);
    EXPECT_EQ(verdicts.at("c").confidence, Confidence::kHigh);
}

TEST(ConnectDescribeContact, QueueInfoWithoutAgentIsAnAbandon) {
    const auto verdicts = read_all(make_connect_ctr_reader(Limits{}),
                                   {R"({"Contact":{"Id":"q1","QueueInfo":{"Id":"q"},"InitiationMethod":"INBOUND",)"
                                    R"("DisconnectReason":"CUSTOMER_DISCONNECT"}})"})
                              .by_id();
    EXPECT_EQ(verdicts.at("q1").reason, Reason::abandoned);
}

TEST(ConnectDescribeContact, ContactWithoutIdIsSkippedAndOutOfRangeSecondsWarned) {
    const Collect sink =
        read_all(make_connect_ctr_reader(Limits{}),
                 {R"({"Contact":{"Arn":"x","DisconnectReason":"AGENT_DISCONNECT"}})"
                  "\n"
                  R"({"Contact":{"Id":"t","DisconnectTimestamp":1e15,"DisconnectReason":"CUSTOMER_DISCONNECT"}})"
                  "\n"});
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].ended_at_ms, kNoTime);
    ASSERT_EQ(sink.diagnostics.size(), 2U);
    EXPECT_NE(sink.diagnostics[0].message.find("Contact has no Id"), std::string::npos);
    EXPECT_EQ(sink.diagnostics[0].line, 1U);
    EXPECT_NE(sink.diagnostics[1].message.find("epoch seconds outside"), std::string::npos);
    EXPECT_EQ(sink.diagnostics[1].line, 2U);
}

TEST(ConnectDescribeContact, DetectedByTheContactObject) {
    EXPECT_TRUE(
        sniff_connect_ctr("{\n    \"Contact\": {\n        \"Id\": \"x\",\n        \"InitiationMethod\": \"INBOUND\""));
    EXPECT_FALSE(sniff_connect_ctr(R"({"Contact":"someone","InitiationMethod":"INBOUND"})"));
    EXPECT_FALSE(sniff_connect_ctr(R"({"Contact":{"Id":"x"}})"));
}

TEST(VoiceAgentCalls, WebhookEventsOfOneCallGiveOneVerdict) {
    const std::string events =
        R"({"event":"call_started","call":{"call_id":"k1","call_status":"ongoing"}})"
        "\n"
        R"({"event":"call_ended","call":{"call_id":"k1","call_status":"ended","disconnection_reason":"agent_hangup"}})"
        "\n"
        R"({"event":"call_analyzed","call":{"call_id":"k1","call_status":"ended","disconnection_reason":"agent_hangup","start_timestamp":1000,"end_timestamp":61000}})";
    // The reader gives each event's verdict; the run's reconcile stage, which a plan holds even
    // for one voice-agent input, keeps one: the latest update (only call_analyzed has times).
    const Collect decided = read_all(make_voice_agent_calls_reader(Limits{}), {events});
    ASSERT_EQ(decided.verdicts.size(), 3U);
    Collect sink;
    reconcile::Reconciler reconciler(sink);
    const std::array<std::string_view, 1> formats{"voice-agent-calls"};
    (void)reconcile::plan_reconcile(formats, reconciler);
    for (Verdict v : decided.verdicts) {
        reconciler.on_verdict(std::move(v));
    }
    reconciler.flush_all();
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kAgent);
    EXPECT_DOUBLE_EQ(sink.verdicts[0].duration_s().value(), 60.0);
}

TEST(VoiceAgentCalls, ReasonDecidesNotStatusAndPagesAreUnwrapped) {
    const auto verdicts =
        read_all(make_voice_agent_calls_reader(Limits{}),
                 {R"({"items":[{"call_id":"p1","call_status":"ended","disconnection_reason":"dial_busy"},)"
                  R"({"call_id":"p2","call_status":"registered"}],"has_more":false})"})
            .by_id();
    EXPECT_EQ(verdicts.at("p1").category, Category::kNotConnected);
    EXPECT_EQ(verdicts.at("p2").category, Category::kInProgress);
}

TEST(GmsCallbacks, QueueKeyedObjectAndStates) {
    const auto verdicts =
        read_all(
            make_gms_callbacks_reader(Limits{}),
            {R"({"svc":[{"_id":"1","_callback_state":"QUEUED"},{"_id":"2","_callback_state":"COMPLETED","_callback_reason":"AGENT_PREVIEW_CANCEL_AFTER_7REJECTS"}]})"})
            .by_id();
    EXPECT_EQ(verdicts.at("1").category, Category::kInProgress);
    EXPECT_EQ(verdicts.at("2").ended_by, Party::kAgent);
    EXPECT_EQ(verdicts.at("2").raw_reason, "AGENT_PREVIEW_CANCEL_AFTER_7REJECTS");
}

TEST(GmsCallbacks, QueueNameReachesEachRecordDecodedWithItsOwnPosition) {
    // A record without _service_name takes its queue's name, escapes decoded.
    const std::string input = "{\"Sal\\u00e9s\": [\n{\"_id\":\"1\",\"_callback_state\":\"QUEUED\"}]}";
    const auto verdicts = read_all(make_gms_callbacks_reader(Limits{}), {input}).by_id();
    ASSERT_EQ(verdicts.at("1").evidence.size(), 1U);
    EXPECT_EQ(verdicts.at("1").evidence[0].text,
              "_id=1 _service_name=Sal\u00e9s _callback_state=QUEUED _callback_reason=-");
    EXPECT_EQ(verdicts.at("1").evidence[0].line, 2U);
    EXPECT_EQ(verdicts.at("1").evidence[0].byte, input.find("{\"_id\""));
}

TEST(EnvelopeRecords, TheEnvelopeAroundTheRecordsIsCheckedToo) {
    // Its records are read; the broken member beside them is a skipped record of its own.
    Collect sink;
    auto reader = make_voice_agent_calls_reader(Limits{});
    auto source = ByteSource::from_memory(R"({"items": [{"call_id": "a", "call_status": "ended"}], "has_more": nope})");
    const InputResult result = reader->read(*source, "input", sink, sink);
    reader->finish(sink, sink);
    EXPECT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(result.records, 2U);
    EXPECT_EQ(result.skipped, 1U);
}

std::string analytics(const std::string& agents, const std::string& extra = "") {
    return R"({"conversationId":"g1","conversationStart":"2026-01-01T00:00:00Z","conversationEnd":"2026-01-01T00:05:00Z","participants":[)"
           R"({"purpose":"customer","participantName":"C","sessions":[{"mediaType":"voice","segments":[{"segmentStart":"2026-01-01T00:00:00Z","segmentEnd":"2026-01-01T00:05:00Z","segmentType":"interact","disconnectType":"endpoint"}]}]},)"
           R"({"purpose":"acd","participantName":"Q","sessions":[{"mediaType":"voice","segments":[{"segmentStart":"2026-01-01T00:00:00Z","segmentEnd":"2026-01-01T00:01:00Z","segmentType":"interact","disconnectType":"transfer"}]}]})" +
           extra + agents + "]}";
}

std::string agent_leg(const std::string& name, const std::string& start, const std::string& disconnect, bool answered) {
    std::string segments = R"({"segmentStart":")" + start + R"(","segmentEnd":")" + start +
                           R"(","segmentType":"alert")" + (answered ? std::string() : R"(,"disconnectType":"client")") +
                           "}";
    if (answered) {
        segments += R"(,{"segmentStart":")" + start +
                    R"(","segmentEnd":"2026-01-01T00:05:00Z","segmentType":"interact","disconnectType":")" +
                    disconnect + R"("})";
    }
    return R"(,{"purpose":"agent","participantName":")" + name + R"(","userId":"u-)" + name +
           R"(","sessions":[{"mediaType":"voice","segments":[)" + segments + "]}]}";
}

TEST(GenesysConversations, LastConnectedAgentLegDecides) {
    const Collect sink = read_all(make_genesys_conversations_reader(Limits{}),
                                  {analytics(agent_leg("first", "2026-01-01T00:01:00Z", "", false) +
                                             agent_leg("second", "2026-01-01T00:01:30Z", "client", true))});
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kAgent);
    EXPECT_EQ(sink.verdicts[0].agent_name, "second");
    EXPECT_EQ(sink.verdicts[0].outcome, "handled");
    EXPECT_NE(sink.verdicts[0].detail.find("1 agent leg alerted"), std::string::npos);
}

TEST(GenesysConversations, PeerOnTheAgentWithCustomerEndpointIsTheCustomer) {
    const Collect sink = read_all(make_genesys_conversations_reader(Limits{}),
                                  {analytics(agent_leg("a", "2026-01-01T00:01:00Z", "peer", true))});
    EXPECT_EQ(sink.verdicts.at(0).ended_by, Party::kCustomer);
    EXPECT_EQ(sink.verdicts.at(0).confidence, Confidence::kHigh);
}

TEST(GenesysConversations, CustomerLeavingWhileAgentsRangIsAnAbandon) {
    const Collect sink = read_all(make_genesys_conversations_reader(Limits{}),
                                  {analytics(agent_leg("a", "2026-01-01T00:01:00Z", "", false))});
    EXPECT_EQ(sink.verdicts.at(0).category, Category::kAbandoned);
    EXPECT_EQ(sink.verdicts.at(0).outcome, "abandoned");
}

TEST(GenesysConversations, EnvelopesAndApiShape) {
    const std::string api =
        R"({"entities":[{"id":"api1","participants":[{"purpose":"customer","state":"disconnected","disconnectType":"endpoint","endTime":"2026-01-01T00:05:00Z"},)"
        R"({"purpose":"agent","name":"A","state":"disconnected","connectedTime":"2026-01-01T00:01:00Z","endTime":"2026-01-01T00:05:00Z","calls":[{"disconnectType":"transfer.consult"}]}]},)"
        R"({"id":"api2","participants":[{"purpose":"customer","state":"connected"}]}]})";
    const auto verdicts = read_all(make_genesys_conversations_reader(Limits{}), {api}).by_id();
    EXPECT_EQ(verdicts.at("api1").reason, Reason::consult_transfer);
    EXPECT_EQ(verdicts.at("api1").raw_reason, "transfer.consult");
    EXPECT_EQ(verdicts.at("api2").category, Category::kInProgress);
}

TEST(CsvExports, MissingRequiredColumnIsAnErrorNamingIt) {
    Collect sink;
    auto reader = make_genesys_interactions_csv_reader(Limits{});
    auto source = ByteSource::from_memory("\"Conversation ID\",\"Queue\"\n\"x\",\"q\"\n");
    const InputResult result = reader->read(*source, "export.csv", sink, sink);
    EXPECT_TRUE(result.failed);
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.diagnostics[0].message.find("Disconnect Type"), std::string::npos);
}

TEST(CsvExports, Sniffing) {
    EXPECT_TRUE(sniff_genesys_interactions_csv("\"Full Export Completed\",\"Conversation ID\",\"Disconnect Type\"\n"));
    EXPECT_TRUE(sniff_voice_agent_calls_csv("Time,Session ID,End Reason\n"));
    EXPECT_FALSE(sniff_voice_agent_calls_csv("[{\"call_id\":\"x\",\"disconnection_reason\":\"y\"}]"));
}

namespace two_shapes {

std::string slurp(const std::string& relative) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/" + relative, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every call both shapes hold gives the same decision (who, category, reason, confidence,
/// channel), except those the fixtures make disagree on purpose (the reconcile conflict cases).
void expect_same_verdicts(const std::map<std::string, Verdict>& json,
                          const std::map<std::string, Verdict>& csv,
                          const std::set<std::string>& disagree_on_purpose,
                          std::size_t at_least) {
    std::size_t compared = 0;
    for (const auto& [id, from_csv] : csv) {
        const auto it = json.find(id);
        if (it == json.end() || disagree_on_purpose.contains(id)) continue;
        const Verdict& from_json = it->second;
        ++compared;
        EXPECT_EQ(to_string(from_json.ended_by), to_string(from_csv.ended_by)) << id;
        EXPECT_EQ(to_string(from_json.category), to_string(from_csv.category)) << id;
        EXPECT_EQ(from_json.reason, from_csv.reason) << id;
        EXPECT_EQ(to_string(from_json.confidence), to_string(from_csv.confidence)) << id;
        EXPECT_EQ(to_string(from_json.channel), to_string(from_csv.channel)) << id;
    }
    EXPECT_GE(compared, at_least);
}

TEST(TwoShapes, VoiceAgentJsonAndCsvOfTheSameCallsDecideAlike) {
    const auto json = read_all(make_voice_agent_calls_reader(Limits{}), {slurp("voice-agent/list-calls-v2.json")});
    const auto csv =
        read_all(make_voice_agent_calls_csv_reader(Limits{}), {slurp("voice-agent/call-history-pair.csv")});
    ASSERT_EQ(csv.verdicts.size(), 3U);
    expect_same_verdicts(json.by_id(), csv.by_id(), {}, 3);
    EXPECT_EQ(csv.by_id().at("Jabr9TXYYJHfvl6Syypi88rdAHYHmcq8").confidence, Confidence::kMedium)
        << "a call in progress is a snapshot, from either shape";
}

TEST(TwoShapes, GenesysConversationAndInteractionsRowDecideAlike) {
    const auto json = read_all(
        make_genesys_conversations_reader(Limits{}),
        {slurp("genesys/analytics-details-query.json"), slurp("genesys/segments-without-conversation-end.json"),
         slurp("genesys/async-job-results.json"), slurp("genesys/chat-closed-by-platform.json")});
    const auto csv =
        read_all(make_genesys_interactions_csv_reader(Limits{}),
                 {slurp("genesys/interactions-export-pair.csv"), slurp("genesys/interactions-export-more.csv")});
    ASSERT_EQ(csv.verdicts.size(), 8U);
    // c1a2b3c4-0002 is the reconcile conflict case: its CSV row says External on purpose. The
    // others: a customer, an agent and an in-progress voice call, a queue abandon, messaging
    // inactivity and session expiry, and a chat every leg of which ended 'system'.
    expect_same_verdicts(json.by_id(), csv.by_id(), {"c1a2b3c4-0002-4000-8000-000000000002"}, 7);
    EXPECT_EQ(csv.by_id().at("c1a2b3c4-0201-4000-8000-000000000201").reason, Reason::closed_by_platform);
}

TEST(GenesysSegments, NoConversationEndIsDecidedFromTheSegments) {
    const auto verdicts =
        read_all(make_genesys_conversations_reader(Limits{}), {slurp("genesys/segments-without-conversation-end.json")})
            .by_id();
    ASSERT_EQ(verdicts.size(), 4U);
    const Verdict& older = verdicts.at("c1a2b3c4-0101-4000-8000-000000000101");
    EXPECT_EQ(older.reason, Reason::agent_hangup) << "every last segment has ended: not in progress";
    EXPECT_EQ(older.confidence, Confidence::kMedium) << "an incomplete record is never high";
    EXPECT_NE(older.detail.find("no conversationEnd"), std::string::npos);
    const Verdict& live = verdicts.at("c1a2b3c4-0102-4000-8000-000000000102");
    EXPECT_EQ(live.category, Category::kInProgress) << "a segment without segmentEnd";
    const Verdict& wrapping = verdicts.at("c1a2b3c4-0103-4000-8000-000000000103");
    EXPECT_EQ(wrapping.reason, Reason::customer_hangup) << "an open wrap-up does not keep the call in progress";
    EXPECT_NE(wrapping.detail.find("wrap-up"), std::string::npos);
    const Verdict& chat = verdicts.at("c1a2b3c4-0104-4000-8000-000000000104");
    EXPECT_EQ(chat.channel, Channel::kChat);
    EXPECT_EQ(chat.ended_by, Party::kSystem) << "every chat leg ended 'system': the cloud or the provider";
    EXPECT_EQ(chat.reason, Reason::closed_by_platform);
    EXPECT_EQ(chat.confidence, Confidence::kMedium) << "the human cause behind the closing is not recorded";
    for (const auto& [id, v] : verdicts) {
        EXPECT_FALSE(v.detail.ends_with("()")) << id;
    }
}

TEST(Detection, OurJsonLinesByTheWholeRecordShapeNotOneKey) {
    const std::string record =
        R"({"ContactId":"c-1","Attributes":{"type":"verdict","source_format":"x"},"DisconnectReason":)"
        R"("AGENT_DISCONNECT","InitiationMethod":"INBOUND"})"
        "\n";
    const ReaderKind* kind = sniff_reader_kind(record);
    ASSERT_NE(kind, nullptr);
    EXPECT_EQ(kind->name, "connect-ctr");
    const std::string ours =
        R"({"type":"verdict","source_format":"ccp-log","input":"a","contact_id":"c","ended_by":"agent",)"
        R"("category":"hangup","reason":"agent_hangup","confidence":"high"})"
        "\n";
    ASSERT_NE(sniff_reader_kind(ours), nullptr);
    EXPECT_EQ(sniff_reader_kind(ours)->name, "whohungup-jsonl");
}

}  // namespace two_shapes
}  // namespace
}  // namespace whohungup::exports
