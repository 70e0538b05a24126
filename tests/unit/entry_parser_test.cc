// SPDX-License-Identifier: MIT
#include "ccp/entry_parser.h"

#include <gtest/gtest.h>

namespace whohungup::ccp {
namespace {

struct Parsed {
    EntrySkip skip;
    std::vector<CcpEvent> events;
};

Parsed parse(std::string json) {
    static EntryParser parser;
    json.reserve(json.size() + detail::kParsePadding);
    detail::ArrayElement element;
    element.bytes = json;
    element.is_object = !json.empty() && json.front() == '{';
    Parsed parsed;
    parsed.skip = parser.parse(element, parsed.events);
    return parsed;
}

TEST(EntryParser, ReadsCurrentShape) {
    const Parsed p = parse(
        R"({"component":"softphone","level":"INFO","text":" c1 SIGNALING TalkingState => PendingLocalHangupState","time":"2025-01-02T03:04:05.678Z","tabId":"t","exception":null,"objects":[],"line":3,"agentResourceId":"ag-1","loggerId":"L1","contextLayer":"CCP"})");
    ASSERT_EQ(p.skip, EntrySkip::kNone);
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].time_ms, 1735787045678);
    EXPECT_EQ(*p.events[0].agent, "ag-1");
    EXPECT_EQ(p.events[0].text, "c1 SIGNALING TalkingState => PendingLocalHangupState");
}

TEST(EntryParser, Reads2019ShapeAndEpochTimes) {
    const Parsed p = parse(
        R"({"component":"ccp","level":"INFO","text":"Agent disconnected successfully.","time":"2019-10-03T18:21:26.478Z","exception":null,"objects":[],"line":33})");
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].kind, EventKind::kAgentDisconnected);
    EXPECT_EQ(
        parse(R"({"text":" c SESSION TalkingState => DisconnectedState","time":1570126886478})").events.at(0).time_ms,
        1570126886478);
    EXPECT_EQ(
        parse(R"({"text":" c SESSION TalkingState => DisconnectedState","time":1570126886478.9})").events.at(0).time_ms,
        1570126886478);
}

TEST(EntryParser, SameLoggerTimeAndTextGiveTheSameDedupeKey) {
    const std::string entry = R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"loggerId":"L"})";
    const std::string relayed =
        R"({"component":"ccp","text":" c SIGNALING TalkingState => IdleState","time":5,"loggerId":"L","contextLayer":"CRM"})";
    const std::string other_logger = R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"loggerId":"M"})";
    const auto key = parse(entry).events.at(0).dedupe_key;
    EXPECT_EQ(parse(relayed).events.at(0).dedupe_key, key);
    EXPECT_NE(parse(other_logger).events.at(0).dedupe_key, key);
}

TEST(EntryParser, LinesThatBearOnNoCallAreNotValidatedPastTheirText) {
    // The fast path stops reading once `text` says the entry is irrelevant, and checks only the
    // fields it uses in the others (docs/ARCHITECTURE.md).
    EXPECT_EQ(parse(R"({"text":"Sending heartbeat","time":1,"objects":[1,]})").skip, EntrySkip::kNone);
    EXPECT_EQ(parse(R"({"text":" c SIGNALING A => B","time":1,"objects":[1,]})").skip, EntrySkip::kNone);
}

TEST(EntryParser, EveryEntryReadGivesItsLevelOnBothPaths) {
    // A download saved with filterByLogLevel is told by its levels, so they are read from every
    // entry, also those that bear on no call, wherever `level` stands in the entry.
    const auto level_of = [](std::string json) {
        static EntryParser parser;
        json.reserve(json.size() + detail::kParsePadding);
        detail::ArrayElement element;
        element.bytes = json;
        element.is_object = true;
        std::vector<CcpEvent> events;
        const EntrySkip skip = parser.parse(element, events);
        return skip == EntrySkip::kNone ? parser.last_level() : EntryLevel::kUnknown;
    };
    EXPECT_EQ(level_of(R"({"component":"ccp","level":"TRACE","text":"Sending heartbeat","time":1})"),
              EntryLevel::kBelowInfo);
    EXPECT_EQ(level_of(R"({"text":"Sending heartbeat","time":1,"level":"DEBUG"})"), EntryLevel::kBelowInfo);
    EXPECT_EQ(level_of(R"({"level":"INFO","text":" c SIGNALING TalkingState => IdleState","time":1})"),
              EntryLevel::kInfoOrAbove);
    EXPECT_EQ(level_of(R"({"text":" c SIGNALING TalkingState => IdleState","time":1,"loggerId":"L","level":"LOG"})"),
              EntryLevel::kInfoOrAbove);
    EXPECT_EQ(level_of(R"({"text":"Sending heartbeat","time":1})"), EntryLevel::kUnknown);
    EXPECT_EQ(level_of(R"({"level":7,"text":"Sending heartbeat","time":1})"), EntryLevel::kUnknown);
    EXPECT_EQ(level_of(R"({"level":"VERBOSE","text":"Sending heartbeat","time":1})"), EntryLevel::kUnknown);
    // The full parser: an escaped level, an escaped text, a snapshot (its meaning is in objects).
    EXPECT_EQ(level_of(R"({"level":"TR\u0041CE","text":"Sending heartbeat","time":1})"), EntryLevel::kBelowInfo);
    EXPECT_EQ(level_of(R"({"level":"WARN","text":"\tAgent disconnected successfully.","time":1})"),
              EntryLevel::kInfoOrAbove);
    EXPECT_EQ(level_of(R"({"level":"TRACE","text":"GET_AGENT_SNAPSHOT succeeded.","time":1,"objects":[]})"),
              EntryLevel::kBelowInfo);
    // A repeated key keeps its first value on both paths.
    EXPECT_EQ(level_of(R"({"level":"INFO","text":"Sending heartbeat","level":"TRACE","time":1})"),
              EntryLevel::kInfoOrAbove);
    EXPECT_EQ(level_of(R"({"level":"INFO","text":"\tSending heartbeat","level":"TRACE","time":1})"),
              EntryLevel::kInfoOrAbove);
    // A skipped entry gives none.
    EXPECT_EQ(level_of(R"({"level":"TRACE","text":" c SIGNALING TalkingState => IdleState","time":"soon"})"),
              EntryLevel::kUnknown);
}

TEST(EntryParser, FastAndFullPathsAgree) {
    // The same entry with and without an escaped character in a field only the full parser reads.
    const std::string plain =
        R"({"component":"softphone","text":" c1 SIGNALING TalkingState => IdleState","time":"2025-01-02T03:04:05.678Z","objects":[{"a":"b"}],"agentResourceId":"ag","loggerId":"L"})";
    const std::string escaped =  // an escape in a field the fast path needs: the full parser decides
        R"({"component":"softphone","text":" c1 SIGNALING TalkingState => IdleState","time":"2025-01-02T03:04:05.678Z","objects":[{"a":"b"}],"agentResourceId":"a\u0067","loggerId":"L"})";
    const Parsed fast = parse(plain);
    const Parsed full = parse(escaped);
    ASSERT_EQ(fast.events.size(), 1U);
    ASSERT_EQ(full.events.size(), 1U);
    EXPECT_EQ(fast.events[0].dedupe_key, full.events[0].dedupe_key);
    EXPECT_EQ(*fast.events[0].agent, *full.events[0].agent);
    EXPECT_EQ(fast.events[0].time_ms, full.events[0].time_ms);
    EXPECT_EQ(fast.events[0].text, full.events[0].text);
    const Parsed text_escaped = parse(R"({"text":" c1 SIGNALING TalkingState => Idle\u0053tate","time":1})");
    ASSERT_EQ(text_escaped.events.size(), 1U);
    EXPECT_EQ(text_escaped.events[0].to, State::kIdle);
}

TEST(EntryParser, EscapedTextsAreDecodedWhenTheyMayMatter) {
    // JSON in a metrics line's text is escaped; it bears on no call and stays on the fast path.
    const Parsed metrics = parse(
        R"({"text":" sendSoftphoneMetrics success[{\"softphoneStreamType\":\"audio_input\"}]","time":1,"objects":[1,]})");
    EXPECT_EQ(metrics.skip, EntrySkip::kNone);
    EXPECT_TRUE(metrics.events.empty());
    // A recognised opening with an escape after it is decoded by the full parser.
    const Parsed error = parse(R"({"text":" Softphone error occurred :  \"busy\" x","time":1})");
    ASSERT_EQ(error.events.size(), 1U);
    EXPECT_EQ(error.events[0].detail, "\"busy\"");
    // So is an escape before the opening, which may decode to a space that trimming removes.
    const Parsed tab = parse(R"({"text":"\tAgent disconnected successfully.","time":1})");
    ASSERT_EQ(tab.events.size(), 1U);
    EXPECT_EQ(tab.events[0].kind, EventKind::kAgentDisconnected);
}

TEST(EntryParser, RepeatedKeysKeepTheirFirstValueOnBothPaths) {
    const std::string fast =
        R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"agentResourceId":"first","loggerId":"L","agentResourceId":"second","time":6})";
    const std::string full =  // the escaped logger id sends this one to the full parser
        R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"agentResourceId":"first","loggerId":"\u004c","agentResourceId":"second","time":6})";
    for (const std::string& entry : {fast, full}) {
        const Parsed p = parse(entry);
        ASSERT_EQ(p.events.size(), 1U) << entry;
        EXPECT_EQ(*p.events[0].agent, "first") << entry;
        EXPECT_EQ(p.events[0].time_ms, 5) << entry;
    }
    EXPECT_EQ(parse(fast).events[0].dedupe_key, parse(full).events[0].dedupe_key);
}

TEST(EntryParser, KeysThatOnlyStartLikeTheUsedOnesAreOtherKeys) {
    // The fast path matches the usual keys in place: a longer or escaped key must not pass for one.
    const Parsed near = parse(
        R"({"textual":"x SIGNALING A => B","text":" c SIGNALING TalkingState => IdleState","timeX":9,"time":5,"loggerIdx":"no","loggerId":"L","agentResourceIds":"no","agentResourceId":"ag"})");
    const Parsed plain =
        parse(R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"loggerId":"L","agentResourceId":"ag"})");
    ASSERT_EQ(near.events.size(), 1U);
    ASSERT_EQ(plain.events.size(), 1U);
    EXPECT_EQ(near.events[0].text, plain.events[0].text);
    EXPECT_EQ(near.events[0].time_ms, 5);
    EXPECT_EQ(*near.events[0].agent, "ag");
    EXPECT_EQ(near.events[0].dedupe_key, plain.events[0].dedupe_key);
    const Parsed escaped_key = parse(R"({"te\u0078t":" c SIGNALING TalkingState => IdleState","time":5})");
    ASSERT_EQ(escaped_key.events.size(), 1U);  // the full parser decodes the key: it is "text"
    EXPECT_EQ(escaped_key.events[0].time_ms, 5);
}

TEST(EntryParser, ReadsDestroyConnectionParams) {
    const Parsed p = parse(
        R"({"text":"Sending API_REQUEST event for destroyConnection to upstream","time":"2025-01-02T03:04:05.678Z","objects":[{"method":"destroyConnection","params":{"contactId":"c9","connectionId":"k9"},"stack":"Error"}]})");
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].kind, EventKind::kApiRequest);
    EXPECT_EQ(p.events[0].method, ApiMethod::kDestroyConnection);
    EXPECT_EQ(p.events[0].id, "c9");
    EXPECT_EQ(p.events[0].detail, "k9");
}

TEST(EntryParser, KeepsARequestRelayedWithoutObjects) {
    // CRM downloads: the relayed entry names no contact, but its text still says the method.
    const Parsed p =
        parse(R"({"text":"Sending API_REQUEST event for destroyConnection to upstream","time":7,"objects":[]})");
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].kind, EventKind::kApiRequest);
    EXPECT_EQ(p.events[0].method, ApiMethod::kDestroyConnection);
    EXPECT_TRUE(p.events[0].id.empty());
    const Parsed missing = parse(R"({"text":"Sending API_REQUEST event for transferContact to upstream","time":7})");
    ASSERT_EQ(missing.events.size(), 1U);
    EXPECT_EQ(missing.events[0].method, ApiMethod::kTransferContact);
}

TEST(EntryParser, ReadsTheEndpointOfATransfer) {
    const Parsed p = parse(
        R"({"text":"Sending API_REQUEST event for createAdditionalConnection to upstream","time":7,"objects":[{"method":"createAdditionalConnection","params":{"contactId":"c1","endpoint":{"type":"queue","name":"[redacted]"}}}]})");
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].method, ApiMethod::kCreateAdditionalConnection);
    EXPECT_EQ(p.events[0].endpoint, EndpointKind::kQueue);
    EXPECT_EQ(p.events[0].id, "c1");
}

TEST(EntryParser, ReadsEachContactOfASnapshot) {
    const Parsed p = parse(
        R"({"text":"GET_AGENT_SNAPSHOT succeeded.","time":"2025-01-02T03:04:05.678Z","objects":[{"snapshot":{"state":{"name":"LineEngagedCustomer"},"contacts":[{"contactId":"c1","type":"voice","initiationMethod":"outbound","state":{"type":"connecting"},"connections":[{"connectionId":"k-out","type":"outbound","initial":true,"state":{"type":"connecting"}},{"connectionId":"k-agent","type":"agent","state":{"type":"connected"}},{"connectionId":"k-sup","type":"monitoring","monitorStatus":"BARGE","state":{"type":"connected"}}]},{"contactId":"c2","type":"chat","connections":[]}]}}]})");
    ASSERT_EQ(p.events.size(), 2U);
    EXPECT_EQ(p.events[0].kind, EventKind::kContactState);
    EXPECT_EQ(p.events[0].id, "c1");
    const ContactView& view = *p.events[0].contact;
    EXPECT_EQ(view.type, ContactType::kVoice);
    EXPECT_EQ(view.state, "connecting");
    EXPECT_EQ(view.initiation, "outbound");
    EXPECT_EQ(view.agent_state, "LineEngagedCustomer");
    ASSERT_EQ(view.connections.size(), 3U);
    EXPECT_EQ(view.agent_connection()->id, "k-agent");
    EXPECT_EQ(view.initial_connection()->id, "k-out");
    EXPECT_TRUE(view.connections[2].barge);
    EXPECT_EQ(p.events[1].contact->type, ContactType::kChat);
}

TEST(EntryParser, ARepeatedConnectionKeyCountsItsFirstTime) {
    // The connection's members are read in one pass: a key met twice keeps its first value, as
    // a lookup by key (simdjson's, the first match) reads it; a first value of the wrong type is
    // absent, not replaced by the second.
    const Parsed p = parse(
        R"({"text":"GET_AGENT_SNAPSHOT succeeded.","time":1,"objects":[{"snapshot":{"contacts":[{"contactId":"c1","connections":[)"
        R"({"connectionId":"k1","type":"agent","type":"inbound","state":{"type":"hold"},"state":{"type":"connected"},"monitorStatus":"BARGE","monitorStatus":"SILENT_MONITOR","initial":1,"initial":true},)"
        R"({"connectionId":"k2","endpoint":{"type":"agent"},"endpoint":{"type":"queue"},"monitorStatus":"SILENT_MONITOR","monitorStatus":"BARGE"}]}]}}]})");
    ASSERT_EQ(p.events.size(), 1U);
    const ContactView& view = *p.events[0].contact;
    ASSERT_EQ(view.connections.size(), 2U);
    EXPECT_EQ(view.connections[0].type, "agent");
    EXPECT_EQ(view.connections[0].state, "hold");
    EXPECT_TRUE(view.connections[0].barge);
    EXPECT_FALSE(view.connections[0].initial);
    EXPECT_EQ(view.connections[1].endpoint_type, "agent");
    EXPECT_FALSE(view.connections[1].barge);
}

TEST(EntryParser, ASnapshotsTextIsNotCopiedPerContact) {
    std::string entry = R"({"text":"GET_AGENT_SNAPSHOT succeeded.)" + std::string(100000, 'x') +
                        R"(","time":1,"objects":[{"snapshot":{"contacts":[)";
    for (int i = 0; i < 50; ++i) {
        entry += (i > 0 ? "," : "") + std::string(R"({"contactId":"c)") + std::to_string(i) + R"(","connections":[]})";
    }
    entry += "]}}]}";
    const Parsed p = parse(entry);
    ASSERT_EQ(p.events.size(), 50U);
    for (const CcpEvent& event : p.events) {
        EXPECT_EQ(event.text, "GET_AGENT_SNAPSHOT succeeded.");
    }
}

TEST(EntryParser, NotesTheCurrentEntryShapeOnBothPaths) {
    // `tabId` came with Streams 2.5 (5bd7968), the release that logs every API request.
    const Parsed fast = parse(
        R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"tabId":"t","loggerId":"L","agentResourceId":"a"})");
    const Parsed full = parse(
        R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"tabId":"t","loggerId":"\u004c","agentResourceId":"a"})");
    const Parsed old = parse(R"({"text":" c SIGNALING TalkingState => IdleState","time":5,"line":1})");
    ASSERT_EQ(fast.events.size(), 1U);
    ASSERT_EQ(full.events.size(), 1U);
    ASSERT_EQ(old.events.size(), 1U);
    EXPECT_TRUE(fast.events[0].current_shape);
    EXPECT_TRUE(full.events[0].current_shape);
    EXPECT_FALSE(old.events[0].current_shape);
}

TEST(EntryParser, ReadsUsernameFromAgentConfiguration) {
    const Parsed p = parse(
        R"({"text":"AWSClient: <-- Operation 'getAgentConfiguration' succeeded.","time":1,"objects":[{"configuration":{"username":"jdoe","agentARN":"arn:aws:connect:us-east-1:1:instance/i/agent/ag-7"}}]})");
    ASSERT_EQ(p.events.size(), 1U);
    EXPECT_EQ(p.events[0].id, "ag-7");
    EXPECT_EQ(p.events[0].detail, "jdoe");
}

TEST(EntryParser, SaysWhyAnEntryIsSkipped) {
    EXPECT_EQ(parse(R"({"time":1})").skip, EntrySkip::kNoText);
    EXPECT_EQ(parse(R"({"text":" c SIGNALING A => B"})").skip, EntrySkip::kBadTime);
    EXPECT_EQ(parse(R"({"text":"x"})").skip, EntrySkip::kNone);  // time unused, so not looked for
    EXPECT_EQ(parse(R"({"text":" c SIGNALING A => B","time":"soon"})").skip, EntrySkip::kBadTime);
    EXPECT_EQ(parse(R"({"text":"Sending heartbeat","time":"soon"})").skip, EntrySkip::kNone);  // time unused
    EXPECT_EQ(parse(R"({"text":" c SIGNALING A => B","time":1,})").skip, EntrySkip::kInvalidJson);
    EXPECT_EQ(parse("{\"text\":\" c SIGNALING A => B\xFF\",\"time\":1}").skip, EntrySkip::kInvalidJson);
    EXPECT_EQ(parse(R"([1])").skip, EntrySkip::kNotObject);
    EXPECT_EQ(parse(R"({"text":"Sending heartbeat","time":1,"future":{"a":[1]}})").skip, EntrySkip::kNone);
}

TEST(EntryParser, IdsLongerThanConnectDocumentsAreSkippedEntries) {
    const auto transition = [](const std::string& id) {
        return parse(R"({"text":" )" + id + R"( SESSION TalkingState => DisconnectedState","time":1})");
    };
    EXPECT_EQ(transition(std::string(kMaxIdBytes, 'a')).skip, EntrySkip::kNone);
    const Parsed too_long = transition(std::string(kMaxIdBytes + 1, 'a'));
    EXPECT_EQ(too_long.skip, EntrySkip::kIdTooLong);
    EXPECT_TRUE(too_long.events.empty());
    EXPECT_EQ(parse(R"({"text":" c SESSION TalkingState => DisconnectedState","time":1,"agentResourceId":")" +
                    std::string(kMaxIdBytes + 1, 'g') + R"("})")
                  .skip,
              EntrySkip::kIdTooLong);
    EXPECT_EQ(
        parse(R"({"text":"GET_AGENT_SNAPSHOT succeeded.","time":1,"objects":[{"snapshot":{"contacts":[{"contactId":")" +
              std::string(kMaxIdBytes + 1, 'c') + R"("}]}}]})")
            .skip,
        EntrySkip::kIdTooLong);
}

TEST(EntryParser, ASnapshotWhoseEventsCostFarMoreThanItsBytesIsSkipped) {
    std::string connections;
    for (int i = 0; i < 20000; ++i) {
        connections += i == 0 ? "{}" : ",{}";
    }
    const Parsed costly = parse(
        R"({"text":"GET_AGENT_SNAPSHOT succeeded.","time":1,"objects":[{"snapshot":{"contacts":[{"contactId":"c","connections":[)" +
        connections + "]}]}}]}");
    EXPECT_EQ(costly.skip, EntrySkip::kTooCostly);
    EXPECT_TRUE(costly.events.empty());
    // A few connections cost more than their bytes too, but stay under the floor.
    const Parsed small = parse(
        R"({"text":"GET_AGENT_SNAPSHOT succeeded.","time":1,"objects":[{"snapshot":{"contacts":[{"contactId":"c","connections":[{},{},{}]}]}}]})");
    EXPECT_EQ(small.skip, EntrySkip::kNone);
    ASSERT_EQ(small.events.size(), 1U);
    EXPECT_EQ(small.events[0].contact->connections.size(), 3U);
}

}  // namespace
}  // namespace whohungup::ccp
