// SPDX-License-Identifier: MIT
#include "ccp/call_tracker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "support/ccp_events.h"
#include "support/collecting_sinks.h"

namespace whohungup::ccp {
namespace {

using whohungup::testing::contact_state;
using whohungup::testing::destroy_request;
using whohungup::testing::line;
using whohungup::testing::request;

using Collect = whohungup::testing::CollectingSinks;

class CallTrackerTest : public ::testing::Test {
protected:
    void add(CcpEvent event) { tracker_.add(std::move(event), sink_, sink_); }
    std::map<std::string, Verdict> finish() {
        tracker_.finish(sink_);
        return sink_.by_id();
    }
    Limits limits_;
    std::vector<std::string> names_{"log"};
    CallTracker tracker_{limits_, names_};
    Collect sink_;
};

TEST_F(CallTrackerTest, StaleIdChannelLinesGoToTheContactEndingInTheSameMillisecond) {
    // A opens the persistent channel and ends; B's channel lines then carry A's id.
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(1001, " A SESSION AcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => IdleState"));
    add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    add(line(9000, " B SESSION null => ConnectContactState"));
    add(line(9100, " A SIGNALING IdleState => PendingConnectContactState"));
    add(line(9200, " A SIGNALING PendingConnectContactState => TalkingState"));
    add(line(9201, " B SESSION ConnectContactState => TalkingState"));
    add(line(15000, " A SIGNALING TalkingState => PendingLocalHangupState"));  // before B's end line
    add(line(15000, " B SESSION TalkingState => DisconnectedState"));
    const auto verdicts = finish();
    ASSERT_EQ(verdicts.size(), 2U);
    EXPECT_EQ(verdicts.at("A").reason, Reason::end_side_not_logged);  // not changed by B's hang-up
    EXPECT_EQ(verdicts.at("B").ended_by, Party::kCustomer);
    EXPECT_EQ(verdicts.at("B").ended_at_ms, 15000);
}

TEST_F(CallTrackerTest, APersistentChannelsOpenerIsRememberedForAsLongAsItsChannelIsUsed) {
    // A opens the channel; then 300 calls, one a minute for hours (several flushes, each forgetting
    // ids judged more than two grace windows before), each with its channel lines under A's id.
    // None of them may open a second call "A".
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(1001, " A SESSION AcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => IdleState"));
    add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    for (int i = 1; i <= 300; ++i) {
        const std::string b = "B" + std::to_string(i);
        const std::int64_t t = std::int64_t{60000} * i;
        add(line(t, " " + b + " SESSION null => ConnectContactState"));
        add(line(t + 100, " A SIGNALING IdleState => PendingConnectContactState"));
        add(line(t + 200, " A SIGNALING PendingConnectContactState => TalkingState"));
        add(line(t + 201, " " + b + " SESSION ConnectContactState => TalkingState"));
        add(line(t + 30000, i % 2 == 0 ? " A SIGNALING TalkingState => PendingLocalHangupState"
                                       : " A SIGNALING TalkingState => IdleState"));
        add(line(t + 30000, " " + b + " SESSION TalkingState => DisconnectedState"));
    }
    const auto verdicts = finish();
    EXPECT_EQ(sink_.verdicts.size(), 301U);  // one verdict for A, not a second one
    ASSERT_EQ(verdicts.size(), 301U);
    EXPECT_EQ(verdicts.at("A").ended_at_ms, 5000);
    EXPECT_EQ(verdicts.at("B300").ended_by, Party::kCustomer);
    EXPECT_EQ(verdicts.at("B299").reason, Reason::end_side_not_logged);
}

TEST_F(CallTrackerTest, StaleLineWithoutAMatchingEndCreditsNobody) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    add(line(9000, " A SIGNALING TalkingState => PendingLocalHangupState"));  // nobody ends at 9000
    const auto verdicts = finish();
    ASSERT_EQ(verdicts.size(), 1U);
    EXPECT_EQ(verdicts.at("A").ended_by, Party::kAgent);
    EXPECT_EQ(tracker_.stats().unattributed_lines, 1U);
}

TEST_F(CallTrackerTest, OwnTrailingLinesStayWithTheContact) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    add(line(7000, " A SIGNALING PendingRemoteHangupState => FailedState"));
    finish();
    EXPECT_EQ(tracker_.stats().unattributed_lines, 0U);
}

TEST_F(CallTrackerTest, ExactDuplicatesAreDroppedOnce) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingLocalHangupState"));
    add(line(5000, " A SIGNALING TalkingState => PendingLocalHangupState"));
    const auto verdicts = finish();
    EXPECT_EQ(tracker_.stats().duplicate_lines, 1U);
    EXPECT_EQ(verdicts.at("A").evidence.size(), 2U);
}

// --- which evidence the log holds, and id-less lines (docs/ccp-rules.md) ---------------------------

TEST_F(CallTrackerTest, ALogOfTheCurrentShapeRecordsRequests) {
    // `tabId` entries (Streams >= 2.5) log every request: an unrequested CCP-side end is unknown.
    CcpEvent start = line(1000, " A SIGNALING PendingAcceptState => TalkingState");
    start.current_shape = true;
    add(std::move(start));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    EXPECT_EQ(finish().at("A").reason, Reason::ccp_side_end_without_agent_request);
}

TEST_F(CallTrackerTest, ARequestLineAloneShowsTheLogRecordsRequests) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    add(request(90000, "holdConnection", "B", "k-b"));  // another contact's request, any method
    EXPECT_EQ(finish().at("A").reason, Reason::ccp_side_end_without_agent_request);
}

TEST_F(CallTrackerTest, A2019LogKeepsTheOldRule) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    const Verdict v = finish().at("A");
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
}

TEST_F(CallTrackerTest, IdlessLinesGoOnlyToTheOneLiveContact) {
    // A fails at 10 s while B already rings: the id-less CallNotFound line names neither.
    add(line(1000, " A SIGNALING PendingInviteState => PendingAnswerState"));
    add(line(9500, " Contact detected: contactId B agent connectionId k-b"));
    add(line(10000, " A SIGNALING PendingAnswerState => FailedState"));
    add(line(10002, " Softphone call failed due to CallNotFoundException."));
    add(line(11000, " B SIGNALING PendingAcceptState => TalkingState"));
    add(line(20000, " B SIGNALING TalkingState => PendingLocalHangupState"));
    // C alone, much later: its id-less error is its own.
    add(line(100000, " C SIGNALING PendingInviteState => PendingAnswerState"));
    add(line(101000, " C SIGNALING PendingAnswerState => FailedState"));
    add(line(101001, " Softphone call failed due to CallNotFoundException."));
    const auto verdicts = finish();
    EXPECT_EQ(verdicts.at("A").reason, Reason::setup_failed);  // not call_not_found
    EXPECT_EQ(verdicts.at("C").reason, Reason::call_not_found);
    EXPECT_EQ(tracker_.stats().ambiguous_lines, 1U);
}

TEST_F(CallTrackerTest, RequestsWithoutObjectsAreNeverUsedWhenCallsOverlap) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(2000, " B SIGNALING PendingAcceptState => TalkingState"));
    add(request(4700, "destroyConnection", "", ""));
    add(line(5000, " A SIGNALING TalkingState => PendingRemoteHangupState"));
    add(line(9000, " B SIGNALING TalkingState => PendingLocalHangupState"));
    EXPECT_EQ(finish().at("A").reason, Reason::ccp_side_end_without_agent_request);
}

ContactView chat_view(std::string state) {
    ContactView view;
    view.type = ContactType::kChat;
    view.state = std::move(state);
    return view;
}

TEST_F(CallTrackerTest, ChatsAreCountedNotReported) {
    add(contact_state(500, "CHAT", chat_view("connecting")));
    add(line(600, " Contact detected: contactId CHAT agent connectionId k-chat"));
    add(contact_state(9000, "CHAT", chat_view("ended")));
    add(contact_state(9500, "CHAT", chat_view("ended")));  // an unchanged poll adds nothing
    add(line(10000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(20000, " A SIGNALING TalkingState => PendingLocalHangupState"));
    const auto verdicts = finish();
    EXPECT_EQ(verdicts.size(), 1U);
    EXPECT_TRUE(verdicts.contains("A"));
    EXPECT_EQ(tracker_.stats().non_voice_contacts, 1U);
}

TEST(CallTrackerOptions, ChannelAllReportsChatsToo) {
    Limits limits;
    limits.include_non_voice = true;
    std::vector<std::string> names{"log"};
    CallTracker tracker(limits, names);
    whohungup::testing::CollectingSinks sink;
    tracker.add(contact_state(500, "CHAT", chat_view("connected")), sink, sink);
    tracker.add(line(600, " Contact detected: contactId CHAT agent connectionId k-chat"), sink, sink);
    tracker.finish(sink);
    const auto verdicts = sink.by_id();
    ASSERT_EQ(verdicts.size(), 1U);
    EXPECT_EQ(verdicts.at("CHAT").channel, Channel::kChat);
    EXPECT_EQ(verdicts.at("CHAT").reason, Reason::non_voice_contact);
}

// --- bounded work and memory on hostile input (issue "Hardening II", items 1 and 3) -------------

TEST_F(CallTrackerTest, ManyIdlessLinesAtOneTimeAreNotScannedPerCall) {
    // 200,000 distinct id-less lines at one time, then 30,000 short calls within the next minutes:
    // each call looks only at the lines of its own window (scanning all of them per call took
    // minutes).
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 200000; ++i) {
        add(line(1000, " Softphone error occurred :  user_busy_error User Busy " + std::to_string(i)));
    }
    for (int i = 0; i < 30000; ++i) {
        const std::string id = "K" + std::to_string(i);
        const std::int64_t at = 10000 + std::int64_t{i} * 15;
        add(line(at, " " + id + " SIGNALING PendingAcceptState => TalkingState"));
        add(line(at + 10, " " + id + " SIGNALING TalkingState => PendingLocalHangupState"));
        add(line(at + 10, " " + id + " SESSION TalkingState => DisconnectedState"));
    }
    EXPECT_EQ(finish().size(), 30000U);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(CallTrackerLimits, ManyCallsRipeAtOnceAreFlushedWithoutAQuadraticScan) {
    // --max-open-calls 1000000: 150,000 ended calls ripen in one flush (a linear search of the
    // ready list per call took 18 s for 100,000).
    Limits limits;
    limits.max_open_calls = 1000000;
    std::vector<std::string> names{"log"};
    CallTracker tracker(limits, names);
    whohungup::testing::CollectingSinks sink;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 150000; ++i) {
        const std::string id = "K" + std::to_string(i);
        tracker.add(line(1000 + i, " " + id + " SIGNALING TalkingState => PendingLocalHangupState"), sink, sink);
        tracker.add(line(1000 + i, " " + id + " SESSION TalkingState => DisconnectedState"), sink, sink);
    }
    for (int i = 0; i < 1024; ++i) {  // the log moves on past the grace period: all are ripe
        tracker.add(line(1000000 + i, " Z SIGNALING PendingAcceptState => TalkingState"), sink, sink);
    }
    EXPECT_EQ(sink.verdicts.size(), 150000U);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_F(CallTrackerTest, JudgedIdsExpireBehindTheLog) {
    // Three hours of calls a minute apart: the ids remembered stay those of the last minutes.
    for (int i = 0; i < 180; ++i) {
        const std::string id = "K" + std::to_string(i);
        const std::int64_t at = std::int64_t{i} * 60000;
        for (int k = 0; k < 200; ++k) {  // enough lines per call to keep the flush going
            add(line(at + k, " " + id + " SIGNALING PendingAcceptState => TalkingState"));
        }
        add(line(at + 30000, " " + id + " SIGNALING TalkingState => PendingLocalHangupState"));
        add(line(at + 30000, " " + id + " SESSION TalkingState => DisconnectedState"));
    }
    EXPECT_LT(tracker_.judged_ids_held(), 60U);
}

TEST(CallRecord, DuplicatesAreFoundInCallsWithManyLines) {
    CallRecord call;
    call.id = "A";
    for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(call.add(line(1000 + i, " A SIGNALING TalkingState => PendingReconnectState")));
    }
    EXPECT_FALSE(call.add(line(1000, " A SIGNALING TalkingState => PendingReconnectState")));  // the first one
    EXPECT_FALSE(call.add(line(1099, " A SIGNALING TalkingState => PendingReconnectState")));  // the last one
    EXPECT_TRUE(call.add(line(1100, " A SIGNALING TalkingState => PendingReconnectState")));
    EXPECT_EQ(call.events.size(), 101U);
}

TEST_F(CallTrackerTest, EndedCallsAreJudgedOnceTheLogMovesOnAndLateLinesAreCounted) {
    add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    add(line(5000, " A SIGNALING TalkingState => PendingLocalHangupState"));
    add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    // Another call keeps the log moving well past the grace period.
    for (int i = 0; i < 600; ++i) {
        add(line(6000 + kGraceMs + i, " B SIGNALING PendingAcceptState => PendingAcceptState"));
    }
    ASSERT_EQ(sink_.verdicts.size(), 1U) << "A should be judged before the end of the log";
    EXPECT_EQ(sink_.verdicts[0].contact_id, "A");
    add(line(5001, " A SESSION TalkingState => DisconnectedState"));  // overlapping copy arrives later
    const auto verdicts = finish();
    EXPECT_EQ(verdicts.size(), 2U);
    EXPECT_EQ(tracker_.stats().late_lines, 1U);
}

TEST_F(CallTrackerTest, RequestLoggedBeforeTheCallsFirstLineIsKept) {
    add(line(900, "Contact detected: contactId X agent connectionId kx"));
    add(line(1000, " A SIGNALING TalkingState => PendingRemoteHangupState"));  // A's start rolled out
    add(destroy_request(29400, "J", "kj"));
    add(line(30000, " J SIGNALING TalkingState => PendingRemoteHangupState"));
    const auto verdicts = finish();
    EXPECT_EQ(verdicts.at("J").confidence, Confidence::kMedium);  // not linked to J's agent leg
    EXPECT_EQ(verdicts.at("J").evidence.size(), 2U);
}

TEST_F(CallTrackerTest, RequestsAboutOtherContactsOpenNoCall) {
    add(destroy_request(1000, "chat-contact", "k"));
    EXPECT_TRUE(finish().empty());
}

TEST(CallTrackerLimits, TooManyOpenCallsAreJudgedEarlyWithOneWarning) {
    Limits limits;
    limits.max_open_calls = 3;
    std::vector<std::string> names{"log"};
    CallTracker tracker(limits, names);
    Collect sink;
    for (int i = 0; i < 10; ++i) {
        tracker.add(line(1000 + i, " c" + std::to_string(i) + " SIGNALING PendingAcceptState => TalkingState"), sink,
                    sink);
    }
    EXPECT_EQ(sink.verdicts.size(), 7U);
    EXPECT_EQ(sink.diagnostics.size(), 1U);
    tracker.finish(sink);
    EXPECT_EQ(sink.verdicts.size(), 10U);
    EXPECT_EQ(tracker.stats().forced, 7U);
    EXPECT_NE(sink.verdicts[0].detail.find("too many calls open"), std::string::npos);
}

/// A tracker with its own limits, for the budget tests.
struct LimitedTracker {
    explicit LimitedTracker(const Limits& given) : limits(given) {}
    void add(CcpEvent event) { tracker.add(std::move(event), sink, sink); }
    Limits limits;
    std::vector<std::string> names{"log"};
    CallTracker tracker{limits, names};
    Collect sink;
};

TEST(CallTrackerLimits, ACallOverItsByteBudgetIsJudgedWithWhatIsHeldAndSaysSo) {
    Limits limits;
    limits.max_call_bytes = 4000;
    LimitedTracker t(limits);
    CallTracker& tracker = t.tracker;
    Collect& sink = t.sink;
    t.add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    t.add(line(1001, " A SESSION AcceptState => TalkingState"));
    t.add(line(2000, " A SIGNALING TalkingState => PendingLocalHangupState"));
    t.add(line(2001, " A SESSION TalkingState => DisconnectedState"));
    EXPECT_TRUE(sink.verdicts.empty());
    for (int i = 0; i < 20 && sink.verdicts.empty(); ++i) {
        t.add(line(2002 + i, " Contact detected: contactId A agent connectionId k"));
    }
    ASSERT_EQ(sink.verdicts.size(), 1U);  // judged now, before the grace period
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kCustomer);
    EXPECT_EQ(sink.verdicts[0].confidence, Confidence::kMedium);  // lowered: later lines not used
    EXPECT_NE(sink.verdicts[0].detail.find("per-call byte budget"), std::string::npos);
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.diagnostics[0].message.find("--max-call-bytes"), std::string::npos);
    t.add(line(2100, " Contact detected: contactId A agent connectionId k"));  // late
    tracker.finish(sink);
    EXPECT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(tracker.stats().forced_by_bytes, 1U);
    EXPECT_EQ(tracker.bytes_held(), 0U);
}

TEST(CallTrackerLimits, OverTheHeldBytesBudgetTheOldestCallsAreJudgedEarly) {
    Limits limits;
    limits.max_held_bytes = 20000;
    LimitedTracker t(limits);
    CallTracker& tracker = t.tracker;
    Collect& sink = t.sink;
    std::size_t most_held = 0;
    for (int i = 0; i < 100; ++i) {
        t.add(line(1000 + i, " c" + std::to_string(i) + " SIGNALING PendingAcceptState => TalkingState"));
        most_held = std::max(most_held, tracker.bytes_held());
    }
    EXPECT_LE(most_held, limits.max_held_bytes);
    EXPECT_FALSE(sink.verdicts.empty());
    EXPECT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_NE(sink.verdicts[0].detail.find("held-bytes budget"), std::string::npos);
    tracker.finish(sink);
    EXPECT_EQ(sink.verdicts.size(), 100U);
    EXPECT_EQ(tracker.bytes_held(), 0U);
}

TEST(CallTrackerLimits, HeldBytesAreGivenBackByEveryKindOfHeldLine) {
    LimitedTracker t(Limits{});
    CallTracker& tracker = t.tracker;
    Collect& sink = t.sink;
    t.add(line(500, "Agent disconnected successfully."));  // context
    t.add(destroy_request(600, "B", "k"));                 // early line of B
    t.add(line(1000, " A SIGNALING PendingAcceptState => TalkingState"));
    t.add(line(5000, " A SESSION TalkingState => DisconnectedState"));
    t.add(line(6000, " A SIGNALING TalkingState => PendingLocalHangupState"));  // stale
    EXPECT_GT(tracker.bytes_held(), 0U);
    tracker.finish(sink);
    EXPECT_EQ(tracker.bytes_held(), 0U);
}

}  // namespace
}  // namespace whohungup::ccp
