// SPDX-License-Identifier: MIT
#include "ccp/call_tracker.h"

#include <gtest/gtest.h>

#include <map>

#include "support/ccp_events.h"
#include "support/collecting_sinks.h"

namespace whohungup::ccp {
namespace {

using whohungup::testing::destroy_request;
using whohungup::testing::line;

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
    EXPECT_EQ(verdicts.at("A").reason, "end_side_not_logged");  // not changed by B's hang-up
    EXPECT_EQ(verdicts.at("B").ended_by, Party::kCustomer);
    EXPECT_EQ(verdicts.at("B").ended_at_ms, 15000);
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

}  // namespace
}  // namespace whohungup::ccp
