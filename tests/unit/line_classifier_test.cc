// SPDX-License-Identifier: MIT
#include "ccp/line_classifier.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <array>
#include <random>

namespace whohungup::ccp {
namespace {

CcpEvent classify(std::string_view text) {
    CcpEvent event;
    EXPECT_TRUE(classify_line(text, event)) << text;
    EXPECT_TRUE(may_be_recognised(text)) << text;  // the cheap test must never rule out a real line
    return event;
}

TEST(LineClassifier, ReadsClassicSignalingTransition) {
    const CcpEvent e =
        classify("86fed616-d4cc-4f27-84be-039a412806ec SIGNALING TalkingState => PendingRemoteHangupState");
    EXPECT_EQ(e.kind, EventKind::kTransition);
    EXPECT_EQ(e.machine, Machine::kSignaling);
    EXPECT_EQ(e.id, "86fed616-d4cc-4f27-84be-039a412806ec");
    EXPECT_EQ(e.from, State::kTalking);
    EXPECT_EQ(e.to, State::kPendingRemoteHangup);
}

TEST(LineClassifier, AcceptsMaskedIdsAndNullStart) {
    const CcpEvent e = classify("f23586c4-****-****-bf88-5e3ccd504e34 SIGNALING null => PendingConnectState");
    EXPECT_EQ(e.id, "f23586c4-****-****-bf88-5e3ccd504e34");
    EXPECT_EQ(e.from, State::kNull);
    EXPECT_EQ(e.to, State::kPendingConnect);
}

TEST(LineClassifier, TakesTheIdNearestTheMachineAfterManagerPrefix) {
    const CcpEvent e = classify("aaa RtcPeerConnectionManager bbb SIGNALING TalkingState => PendingLocalHangupState");
    EXPECT_EQ(e.id, "bbb");
    const CcpEvent v2 = classify("ccc RtcPeerConnectionManagerV2 ccc SharedMediaSIGNALING TalkingState => IdleState");
    EXPECT_EQ(v2.machine, Machine::kSharedMediaSignaling);
    EXPECT_EQ(v2.to, State::kIdle);
}

TEST(LineClassifier, ReadsSessionAndCallSessionLines) {
    EXPECT_EQ(classify("x SESSION GrabLocalMediaState => FailedState").machine, Machine::kSession);
    const CcpEvent bye = classify("x RtcPeerConnectionManagerV2 x CallSession Received message: bye");
    EXPECT_EQ(bye.kind, EventKind::kRemoteBye);
    EXPECT_EQ(bye.id, "x");
    CcpEvent other;
    EXPECT_FALSE(classify_line("x CallSession Received message: accept", other));
    EXPECT_FALSE(classify_line("x CallSession CallSession ICE Connection State: connected", other));
}

TEST(LineClassifier, KeepsUnknownStateNames) {
    const CcpEvent e = classify("x SIGNALING TalkingState => SomeFutureState");
    EXPECT_EQ(e.to, State::kOther);
}

TEST(LineClassifier, NamesFailureCauses) {
    EXPECT_EQ(classify("x SESSION User Busy, possibly multiple CCP windows open BusyException: b").cause,
              FailureCause::kBusy);
    EXPECT_EQ(classify("x SESSION Call not found. One of the participant probably hungup. CallNotFoundException").cause,
              FailureCause::kCallNotFound);
    EXPECT_EQ(classify("x SESSION [TalkingState] Access Denied by server AccessDeniedException: d").cause,
              FailureCause::kAccessDenied);
    EXPECT_EQ(classify("x SESSION ICE collection timed out").cause, FailureCause::kIceCollectionTimeout);
    EXPECT_EQ(classify("x SESSION Failed handshaking with signaling server Timeout").cause, FailureCause::kTimeout);
    EXPECT_EQ(classify("x SESSION Failed handshaking with signaling server BadRequestException").cause,
              FailureCause::kHandshakeFailure);
    EXPECT_EQ(classify("x SESSION Failed connecting to signaling server Timeout").cause,
              FailureCause::kSignalingUnreachable);
    EXPECT_EQ(classify("x SESSION Local media initialization failed NotAllowedError").cause,
              FailureCause::kMicrophoneDenied);
}

TEST(LineClassifier, ReadsContactAndAgentLines) {
    const CcpEvent detected = classify("Contact detected: contactId c1 agent connectionId k1");
    EXPECT_EQ(detected.kind, EventKind::kContactDetected);
    EXPECT_EQ(detected.id, "c1");
    EXPECT_EQ(detected.detail, "k1");
    EXPECT_EQ(classify("Softphone call detected: contactId c2 agent connectionId k2").id, "c2");
    EXPECT_EQ(classify("Contact exist in the snapshot. Reinitiate the Contact and RTC session creation for "
                       "contactIdc3 agent connectionId k3")
                  .id,
              "c3");
    EXPECT_EQ(classify("Agent disconnected successfully.").kind, EventKind::kAgentDisconnected);
    EXPECT_EQ(classify("Softphone error occurred :  user_busy_error Busy").detail, "user_busy_error");
    EXPECT_EQ(classify("Publishing event: contact::missed::c4").id, "c4");
}

TEST(LineClassifier, ContactLineMatcherAgreesWithTheDocumentedPattern) {
    // The hand matcher against RE2 running the pattern docs/ccp-rules.md gives, on texts built
    // from the pattern's own pieces so that near misses are common.
    static const RE2 kPattern(R"(contactId\s*(\S+)\s+agent connectionId\s+(\S+))");
    constexpr std::array<std::string_view, 12> kPieces{
        "contactId", "agent connectionId", "agent", "connectionId", " ", "  ", "\t", "c1", "k-2", ":", "\r\n", "x"};
    constexpr std::array<std::string_view, 5> kSpaces{"", " ", "\t", "  ", "\r\n"};
    constexpr std::array<std::string_view, 5> kIds{"c1", "", "k-2", "x:y", "contactId"};
    constexpr std::array<std::string_view, 4> kAgentKeys{"agent connectionId", "agent  connectionId", "agent",
                                                         "agent connectionIdk"};
    std::mt19937 random(20261123);
    auto pick = [&random](const auto& choices) {
        return choices.at(std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(random));
    };
    std::uniform_int_distribution<int> length(0, 4);
    int matched = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text = "Contact detected: ";
        auto add_noise = [&] {
            for (int n = length(random); n > 0; --n) {
                text += pick(kPieces);
            }
        };
        add_noise();
        if (i % 4 != 0) {  // mostly the line's own shape, each part possibly off
            text.append("contactId").append(pick(kSpaces)).append(pick(kIds)).append(pick(kSpaces));
            text.append(pick(kAgentKeys)).append(pick(kSpaces)).append(pick(kIds));
        }
        add_noise();
        std::string contact;
        std::string connection;
        const bool expected = RE2::PartialMatch(text, kPattern, &contact, &connection);
        CcpEvent event;
        ASSERT_EQ(classify_line(text, event), expected) << text;
        if (expected) {
            ++matched;
            EXPECT_EQ(event.id, contact) << text;
            EXPECT_EQ(event.detail, connection) << text;
        }
    }
    EXPECT_GT(matched, 1000);  // the generator does reach the matching shape
}

TEST(LineClassifier, IgnoresLinesThatDoNotBearOnAnEnd) {
    CcpEvent e;
    EXPECT_FALSE(classify_line("Sending heartbeat", e));
    EXPECT_FALSE(classify_line("x SESSION ICE Connection State:  connected", e));
    EXPECT_FALSE(classify_line("null SIGNALING TalkingState => IdleState", e));
    EXPECT_FALSE(classify_line("RtcPeerConnectionManager SIGNALING TalkingState => IdleState", e));
    EXPECT_FALSE(classify_line("SIGNALING TalkingState => IdleState", e));
    EXPECT_FALSE(classify_line("x SIGNALING WebSocket onclose code=1000, reason=", e));
    EXPECT_EQ(object_line_kind("Sending API_REQUEST event for destroyConnection to upstream"), ObjectLine::kApiRequest);
    EXPECT_EQ(object_line_kind("GET_AGENT_SNAPSHOT succeeded."), ObjectLine::kAgentSnapshot);
    EXPECT_EQ(object_line_kind("Sending API_REQUEST event for transferContact to upstream"), ObjectLine::kApiRequest);
    EXPECT_EQ(request_method_in("Sending API_REQUEST event for transferContact to upstream"), "transferContact");
    EXPECT_EQ(api_method_from_name("createAdditionalConnection"), ApiMethod::kCreateAdditionalConnection);
    EXPECT_EQ(api_method_from_name("getAgentSnapshot"), ApiMethod::kOther);
    EXPECT_EQ(object_line_kind("Sending API_REQUEST event for getAgentSnapshot to upstream"), ObjectLine::kNone);
}

TEST(LineClassifier, WorkerAnswersToTransferRequests) {
    CcpEvent event;
    ASSERT_TRUE(classify_line(
        R"(AWSClient: <-- Operation 'transferContact' failed: {"code":"InvalidParameterException"})", event));
    EXPECT_EQ(event.kind, EventKind::kApiResult);
    EXPECT_EQ(event.method, ApiMethod::kTransferContact);
    EXPECT_EQ(event.detail, "failed");
    EXPECT_TRUE(event.id.empty());

    event = CcpEvent{};
    ASSERT_TRUE(classify_line("AWSClient: <-- Operation 'addNewConnection' succeeded.", event));
    EXPECT_EQ(event.method, ApiMethod::kAddNewConnection);
    EXPECT_EQ(event.detail, "succeeded");

    // The retry path names the method unquoted.
    event = CcpEvent{};
    ASSERT_TRUE(classify_line(
        "AWSClient: <-- Operation createAdditionalConnection exhausted max 3 number of retries for unauthorized error",
        event));
    EXPECT_EQ(event.method, ApiMethod::kCreateAdditionalConnection);
    EXPECT_EQ(event.detail, "failed");

    for (const std::string_view text :
         {"AWSClient: <-- Operation conferenceConnections failed with unauthorized error. Retrying call for a 1 time",
          "AWSClient: <-- Operation 'getAgentSnapshot' succeeded.",
          "AWSClient: <-- Operation 'holdConnection' failed: {}", "AWSClient: <-- Operation 'transferContact",
          "AWSClient: --> Calling operation 'transferContact'"}) {
        CcpEvent other;
        EXPECT_FALSE(classify_line(text, other)) << text;
    }
    EXPECT_TRUE(may_be_recognised("AWSClient: <-- Operation 'transferContact' failed: {}"));

    // The End call's answer: a refused destroyConnection hung nothing up.
    event = CcpEvent{};
    ASSERT_TRUE(classify_line(
        R"(AWSClient: <-- Operation 'destroyConnection' failed: {"code":"InvalidStateException"})", event));
    EXPECT_EQ(event.method, ApiMethod::kDestroyConnection);
    EXPECT_EQ(event.detail, "failed");
}

TEST(LineClassifier, TheAutoAcceptSettingTheSoftphoneLogged) {
    // softphone.js fireContactAcceptedEvent, when the session reaches TalkingState; no contact id.
    CcpEvent event;
    ASSERT_TRUE(classify_line("Auto-accept is disabled, ringtone will be stopped by user action.", event));
    EXPECT_EQ(event.kind, EventKind::kAutoAccept);
    EXPECT_EQ(event.detail, "off");
    EXPECT_TRUE(event.id.empty());
    event = CcpEvent{};
    ASSERT_TRUE(classify_line("Auto-accept is enabled, sending out Accepted event to stop ringtone..", event));
    EXPECT_EQ(event.detail, "on");
    EXPECT_TRUE(may_be_recognised("Auto-accept is disabled, ringtone will be stopped by user action."));
    CcpEvent other;
    EXPECT_FALSE(classify_line("Auto-accept is unknown", other));
}

TEST(LineClassifier, CheapTestRulesOutOnlyLinesNoPathAccepts) {
    for (const std::string_view text :
         {"Sending API_REQUEST event for destroyConnection to upstream", "GET_AGENT_SNAPSHOT succeeded.",
          "AWSClient: <-- Operation 'getAgentConfiguration' succeeded.", "x SharedMediaSIGNALING A => B",
          "RtcPeerConnectionManagerV2 c CallSession TalkingState => DisconnectedState"}) {
        EXPECT_TRUE(may_be_recognised(text)) << text;
    }
    // Busy lines of every log: metrics (JSON in the text, so escaped), heartbeats, other requests.
    for (const std::string_view text :
         {R"(sendSoftphoneMetrics success[{\"softphoneStreamType\":\"audio_input\"}])", "Sending heartbeat",
          "Heartbeat response received", "Sending API_REQUEST event for getAgentSnapshot to upstream",
          "Softphone metrics sent"}) {
        EXPECT_FALSE(may_be_recognised(text)) << text;
    }
}

}  // namespace
}  // namespace whohungup::ccp
