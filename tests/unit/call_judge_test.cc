// SPDX-License-Identifier: MIT
// One test per state path of docs/ccp-rules.md.
#include "ccp/call_judge.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/ccp_events.h"

namespace whohungup::ccp {
namespace {

using whohungup::testing::destroy_request;
using whohungup::testing::line;

Verdict judge(std::vector<CcpEvent> events, JudgeContext context = {}) {
    CallRecord call;
    call.id = "c1";
    for (CcpEvent& event : events) {
        call.add(std::move(event));
    }
    return judge_call(call, context);
}

std::vector<CcpEvent> talking(std::int64_t at = 1000) {
    return {line(at, " c1 SIGNALING PendingAcceptState => TalkingState"),
            line(at + 1, " c1 SESSION AcceptState => TalkingState")};
}

template <typename... Extra>
std::vector<CcpEvent> with(std::vector<CcpEvent> events, Extra... extra) {
    (events.push_back(std::move(extra)), ...);
    return events;
}

/// A call offered at 0 ms whose session reached TalkingState at 1 s, ended by the far end's bye.
std::vector<CcpEvent> offered_then_bye(std::int64_t bye_at) {
    return with(talking(), line(0, " Contact detected: contactId c1 agent connectionId k-agent"),
                line(bye_at, " c1 SIGNALING TalkingState => PendingLocalHangupState"),
                line(bye_at, " c1 SESSION TalkingState => DisconnectedState"));
}

TEST(CallJudge, AByeWithinTheRingOfALogFilteredByLevelIsNotConfidentlyTheCustomer) {
    // log.js Logger.download with filterByLogLevel drops every TRACE line: the agent's rejectContact
    // and the snapshots showing the contact rejected are gone, and the service's bye looks like the
    // customer's. Auto-accept off: the session was up while the contact rang.
    const CcpEvent off = line(1002, " Auto-accept is disabled, ringtone will be stopped by user action.");
    ASSERT_EQ(off.kind, EventKind::kAutoAccept);
    JudgeContext filtered;
    filtered.records_requests = true;
    filtered.filtered_by_level = true;
    filtered.auto_accept = {&off};
    const Verdict v = judge(offered_then_bye(7500), filtered);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_NE(v.detail.find("filtered by log level"), std::string::npos) << v.detail;
    EXPECT_NE(v.detail.find("rejecting the contact"), std::string::npos) << v.detail;
    EXPECT_NE(v.detail.find("Auto-accept is disabled"), std::string::npos) << v.detail;
    EXPECT_TRUE(std::any_of(v.evidence.begin(), v.evidence.end(),
                            [](const Evidence& e) { return e.text.starts_with("Auto-accept is disabled"); }));

    // No auto-accept line at all (the setting unknown): still not confident.
    filtered.auto_accept.clear();
    EXPECT_EQ(judge(offered_then_bye(7500), filtered).confidence, Confidence::kLow);

    // A whole log (it has TRACE entries) shows a reject when there was one: the bye is the customer's.
    JudgeContext whole;
    whole.records_requests = true;
    whole.auto_accept = {&off};
    EXPECT_EQ(judge(offered_then_bye(7500), whole).confidence, Confidence::kHigh);

    // Long past the ring, the contact had been accepted: the bye is the customer's.
    filtered.auto_accept = {&off};
    const Verdict later = judge(offered_then_bye(120000), filtered);
    EXPECT_EQ(later.confidence, Confidence::kHigh);
    EXPECT_EQ(later.detail.find("filtered"), std::string::npos) << later.detail;

    // Auto-accept on: the contact was accepted as the session connected, so there was no ring.
    const CcpEvent on = line(1002, " Auto-accept is enabled, sending out Accepted event to stop ringtone..");
    filtered.auto_accept = {&on};
    EXPECT_EQ(judge(offered_then_bye(7500), filtered).confidence, Confidence::kHigh);
}

TEST(CallJudge, RemoteByeIsTheCustomer) {
    const Verdict v = judge(with(talking(), line(5000, " c1 SIGNALING TalkingState => PendingLocalHangupState"),
                                 line(5000, " c1 SIGNALING PendingLocalHangupState => DisconnectedState"),
                                 line(5000, " c1 SESSION TalkingState => DisconnectedState")));
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.category, Category::kHangup);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(v.raw_reason, "SIGNALING TalkingState => PendingLocalHangupState");
    EXPECT_EQ(v.started_at_ms, 1000);
    EXPECT_EQ(v.ended_at_ms, 5000);
    EXPECT_DOUBLE_EQ(v.duration_s().value(), 4.0);
}

TEST(CallJudge, CcpSideByeWithOwnDestroyRequestIsTheAgentForSure) {
    JudgeContext context;
    context.agent_connection = "k1";
    const Verdict v = judge(with(talking(), destroy_request(4400, "c1", "k1"),
                                 line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState"),
                                 line(5000, " c1 SESSION TalkingState => DisconnectedState"),
                                 line(7000, " c1 SIGNALING PendingRemoteHangupState => FailedState")),
                            context);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(v.ended_at_ms, 5000);  // the bye timing out later does not change it
}

TEST(CallJudge, CcpSideByeWithoutRequestIsOnlyMediumConfidence) {
    const Verdict v = judge(with(talking(), line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState")));
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
}

TEST(CallJudge, DestroyingAThirdPartysLegDoesNotConfirmTheAgent) {
    JudgeContext context;
    context.agent_connection = "k-agent";
    const Verdict v = judge(with(talking(), destroy_request(4000, "c1", "k-third-party"),
                                 line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState")),
                            context);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
    EXPECT_EQ(v.evidence.size(), 2U);  // the talking start and the bye, not the request
}

TEST(CallJudge, ReconnectBeforeCcpSideByeLowersConfidence) {
    const Verdict v = judge(with(talking(), line(2000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                                 line(3000, " c1 SIGNALING PendingReconnectState => TalkingState"),
                                 line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState")));
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kLow);
}

TEST(CallJudge, V1AgentDisconnectedLineConfirmsTheAgent) {
    CcpEvent v1 = line(5000, "Agent disconnected successfully.");
    JudgeContext context;
    context.agent_disconnected.push_back(&v1);
    const Verdict v =
        judge(with(talking(), line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState")), context);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudge, ReconnectThatNeverReturnsIsAFailure) {
    const Verdict v = judge(with(talking(), line(2000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                                 line(12000, " c1 SIGNALING PendingReconnectState => FailedState")));
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_EQ(v.category, Category::kFailure);
    EXPECT_EQ(v.reason, Reason::signaling_lost);
}

TEST(CallJudge, AFailedReconnectTheIceRestartRecoveredFromIsNotTheEnd) {
    // rtc_session_talking_substates.js: an ICE restart opens a new channel under the same contact id
    // while the session stays in TalkingState; the customer hangs up on the new channel minutes later.
    const Verdict v = judge(with(talking(), line(60000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                                 line(70000, " c1 SIGNALING PendingReconnectState => FailedState"),
                                 line(72000, " c1 SIGNALING null => PendingConnectState"),
                                 line(72100, " c1 SIGNALING PendingConnectState => PendingInviteState"),
                                 line(72200, " c1 SIGNALING PendingInviteState => PendingAnswerState"),
                                 line(72300, " c1 SIGNALING PendingAnswerState => PendingAcceptState"),
                                 line(72400, " c1 SIGNALING PendingAcceptState => TalkingState"),
                                 line(360000, " c1 SIGNALING TalkingState => PendingLocalHangupState"),
                                 line(360000, " c1 SESSION TalkingState => DisconnectedState")));
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
    EXPECT_EQ(v.ended_at_ms, 360000);
}

TEST(CallJudge, ASessionThatOutlivesItsFailedChannelLowersTheFailureToLow) {
    // The channel never came back, but the session went on for minutes (media without signaling).
    Verdict v = judge(with(talking(), line(60000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                           line(70000, " c1 SIGNALING PendingReconnectState => FailedState"),
                           line(300000, " c1 SESSION TalkingState => DisconnectedState")));
    EXPECT_EQ(v.reason, Reason::signaling_lost);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_NE(v.detail.find("230.0 s longer"), std::string::npos);
    // ... and when the agent's End call ended the session, it is the agent's hang-up.
    JudgeContext context;
    context.agent_connection = "k1";
    v = judge(with(talking(), line(60000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                   line(70000, " c1 SIGNALING PendingReconnectState => FailedState"),
                   destroy_request(299500, "c1", "k1"), line(300000, " c1 SESSION TalkingState => DisconnectedState")),
              context);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(v.ended_at_ms, 300000);
    // Ending with the channel (within seconds) is still a confident drop.
    v = judge(with(talking(), line(60000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                   line(70000, " c1 SIGNALING PendingReconnectState => FailedState"),
                   line(71000, " c1 SESSION TalkingState => DisconnectedState")));
    EXPECT_EQ(v.reason, Reason::signaling_lost);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudge, ReconnectThatReturnsIsNotAnEnd) {
    const Verdict v = judge(with(talking(), line(2000, " c1 SIGNALING TalkingState => PendingReconnectState"),
                                 line(3000, " c1 SIGNALING PendingReconnectState => TalkingState")));
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, Reason::log_ends_mid_call);
}

TEST(CallJudge, LocalAndRemoteHangupInOneMillisecondIsTheCustomer) {
    const Verdict v = judge(with(talking(), line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState"),
                                 line(5000, " c1 SIGNALING TalkingState => PendingLocalHangupState")));
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.evidence.size(), 3U);
}

TEST(CallJudge, PersistentIdleEndNeedsTheAgentsRequest) {
    const auto idle = [] {
        return with(talking(), line(5000, " c1 SIGNALING TalkingState => IdleState"),
                    line(5000, " c1 SESSION TalkingState => DisconnectedState"));
    };
    const Verdict unknown = judge(idle());
    EXPECT_EQ(unknown.ended_by, Party::kUnknown);
    EXPECT_EQ(unknown.reason, Reason::end_side_not_logged);
    EXPECT_EQ(unknown.raw_reason, "SIGNALING TalkingState => IdleState");
    JudgeContext context;
    context.agent_connection = "k1";
    const Verdict agent = judge(with(idle(), destroy_request(4500, "c1", "k1")), context);
    EXPECT_EQ(agent.ended_by, Party::kAgent);
    EXPECT_EQ(agent.confidence, Confidence::kHigh);
}

TEST(CallJudge, V2CallSessionEnds) {
    const Verdict bye = judge({line(1000, " c1 CallSession ConnectContactState => TalkingState"),
                               line(5000, " c1 CallSession Received message: bye"),
                               line(5001, " c1 CallSession TalkingState => DisconnectedState")});
    EXPECT_EQ(bye.ended_by, Party::kCustomer);
    EXPECT_EQ(bye.raw_reason, "CallSession Received message: bye");
    const Verdict silent = judge({line(1000, " c1 CallSession ConnectContactState => TalkingState"),
                                  line(5001, " c1 CallSession TalkingState => DisconnectedState")});
    EXPECT_EQ(silent.reason, Reason::end_side_not_logged);
}

TEST(CallJudge, StartRolledOutOfTheLogIsJudgedFromItsEnd) {
    const Verdict v = judge({line(5000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.started_at_ms, kNoTime);
    EXPECT_FALSE(v.duration_s());
}

struct NotConnectedCase {
    const char* name;
    std::vector<std::string> lines;
    Party party;
    Reason reason;
};

void PrintTo(const NotConnectedCase& c, std::ostream* out) {
    *out << c.name;
}

class CallJudgeNotConnected : public ::testing::TestWithParam<NotConnectedCase> {};

TEST_P(CallJudgeNotConnected, NamesTheCause) {
    std::vector<CcpEvent> events{line(100, " c1 SIGNALING PendingInviteState => PendingAnswerState")};
    std::int64_t t = 200;
    for (const std::string& text : GetParam().lines) {
        events.push_back(line(t++, text));
    }
    const Verdict v = judge(std::move(events));
    EXPECT_EQ(v.category, Category::kNotConnected);
    EXPECT_EQ(v.ended_by, GetParam().party);
    EXPECT_EQ(v.reason, GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(
    Causes,
    CallJudgeNotConnected,
    ::testing::Values(
        NotConnectedCase{"busy",
                         {" c1 SIGNALING PendingAnswerState => FailedState",
                          " c1 SESSION User Busy, possibly multiple CCP windows open BusyException: x"},
                         Party::kSystem,
                         Reason::user_busy},
        NotConnectedCase{"not_found",
                         {" c1 SIGNALING PendingAnswerState => FailedState",
                          " c1 SESSION Call not found. One of the participant probably hungup. CallNotFoundException"},
                         Party::kCustomer,
                         Reason::call_not_found},
        NotConnectedCase{"timeout",
                         {" c1 SIGNALING PendingAnswerState => FailedState",
                          " c1 SESSION Failed handshaking with signaling server Timeout"},
                         Party::kSystem,
                         Reason::signaling_timeout},
        NotConnectedCase{"ice",
                         {" c1 SESSION ICE collection timed out",
                          " c1 SESSION ConnectSignalingAndIceCollectionState => FailedState"},
                         Party::kSystem,
                         Reason::ice_collection_timeout},
        NotConnectedCase{"unreachable",
                         {" c1 SIGNALING PendingConnectState => PendingConnectState",
                          " c1 SIGNALING PendingConnectState => FailedState"},
                         Party::kSystem,
                         Reason::signaling_unreachable},
        NotConnectedCase{"microphone",
                         {" c1 SESSION GrabLocalMediaState => FailedState"},
                         Party::kSystem,
                         Reason::microphone_denied},
        NotConnectedCase{"agent_hangs_up",
                         {" c1 SESSION Agent clicks hangs up", " c1 SESSION InviteAnswerState => FailedState"},
                         Party::kAgent,
                         Reason::agent_hangup_before_answer},
        NotConnectedCase{
            "unnamed", {" c1 SESSION InviteAnswerState => FailedState"}, Party::kSystem, Reason::setup_failed}),
    [](const ::testing::TestParamInfo<NotConnectedCase>& param_info) { return std::string(param_info.param.name); });

TEST(CallJudge, AgentRequestBeforeA404MeansTheAgentHungUpFirst) {
    JudgeContext context;
    context.agent_connection = "k1";
    const Verdict v =
        judge({line(100, " c1 SIGNALING PendingInviteState => PendingAnswerState"), destroy_request(500, "c1", "k1"),
               line(2000, " c1 SIGNALING PendingAnswerState => FailedState"),
               line(2001,
                    " c1 SESSION Call not found. One of the participant probably hungup. "
                    "CallNotFoundException")},
              context);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup_before_answer);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudge, SoftphoneErrorNearTheFailureNamesTheCause) {
    CcpEvent error = line(2100, "Softphone error occurred :  user_busy_error Busy");
    JudgeContext context;
    context.softphone_errors.push_back(&error);
    const Verdict v = judge({line(100, " c1 SIGNALING PendingInviteState => PendingAnswerState"),
                             line(2000, " c1 SIGNALING PendingAnswerState => FailedState")},
                            context);
    EXPECT_EQ(v.reason, Reason::user_busy);
}

TEST(CallJudge, AccessDeniedRightAfterConnectingIsNotConnected) {
    const Verdict v = judge(with(talking(),
                                 line(1300,
                                      " c1 SESSION [TalkingState] Access Denied by server "
                                      "AccessDeniedException: no"),
                                 line(1300, " c1 SIGNALING TalkingState => FailedState")));
    EXPECT_EQ(v.category, Category::kNotConnected);
    EXPECT_EQ(v.reason, Reason::access_denied);
}

TEST(CallJudge, MissedContact) {
    const Verdict v = judge({line(100, "Contact detected: contactId c1 agent connectionId k1"),
                             line(20100, "Publishing event: contact::missed::c1")});
    EXPECT_EQ(v.reason, Reason::missed_by_agent);
    EXPECT_EQ(v.category, Category::kNotConnected);
}

TEST(CallJudge, UnfinishedCalls) {
    EXPECT_EQ(judge(talking()).reason, Reason::log_ends_mid_call);
    EXPECT_EQ(judge({line(100, " c1 SIGNALING null => PendingConnectState")}).detail,
              "The log ends while the call is still being set up.");
    EXPECT_EQ(judge({line(100, "Contact detected: contactId c1 agent connectionId k1")}).reason,
              Reason::no_softphone_session);
}

TEST(CallJudge, EvidenceIsInTimeOrder) {
    JudgeContext context;
    context.agent_connection = "k1";
    const Verdict v = judge(with(talking(), line(5000, " c1 SIGNALING TalkingState => PendingRemoteHangupState"),
                                 destroy_request(4400, "c1", "k1")),
                            context);
    ASSERT_EQ(v.evidence.size(), 3U);
    EXPECT_LT(v.evidence[0].time_ms, v.evidence[1].time_ms);
    EXPECT_LT(v.evidence[1].time_ms, v.evidence[2].time_ms);
}

}  // namespace
}  // namespace whohungup::ccp

namespace whohungup::ccp {
namespace {

using whohungup::testing::contact_state;
using whohungup::testing::destroy_request;
using whohungup::testing::line;
using whohungup::testing::request;

// --- contact-centre flows (docs/ccp-rules.md, "Transfers, conferences, holds" and after) --------

ConnectionView leg(std::string id, std::string type, std::string state, bool initial = false) {
    ConnectionView view;
    view.id = std::move(id);
    view.type = std::move(type);
    view.state = std::move(state);
    view.initial = initial;
    return view;
}

/// c1 as a snapshot lists it: agent leg k-agent, customer k-cust, and any extra connections.
CcpEvent snapshot(std::int64_t at,
                  std::string state,
                  std::vector<ConnectionView> extra = {},
                  std::string customer_state = "connected",
                  std::string agent_state = "connected") {
    ContactView view;
    view.type = ContactType::kVoice;
    view.state = std::move(state);
    view.connections = {leg("k-agent", "agent", std::move(agent_state)),
                        leg("k-cust", "inbound", std::move(customer_state), true)};
    for (ConnectionView& c : extra) view.connections.push_back(std::move(c));
    return contact_state(at, "c1", view);
}

Verdict judge_flow(std::vector<CcpEvent> events,
                   bool records_requests = true,
                   std::vector<const CcpEvent*> idless = {},
                   const std::vector<CcpEvent>& answers = {}) {
    CallRecord call;
    call.id = "c1";
    call.add(line(1000, " c1 SIGNALING PendingAcceptState => TalkingState"));
    for (CcpEvent& event : events) call.add(std::move(event));
    JudgeContext context;
    context.records_requests = records_requests;
    context.idless_requests = std::move(idless);
    for (const CcpEvent& answer : answers) context.api_results.push_back(&answer);
    return judge_call(call, context);
}

CcpEvent ccp_side_end(std::int64_t at) {
    return line(at, " c1 SIGNALING TalkingState => PendingRemoteHangupState");
}

TEST(CallJudgeFlows, ColdTransferToAQueueIsATransferNotAHangup) {
    const Verdict v = judge_flow({snapshot(2000, "connected"),
                                  request(30000, "createAdditionalConnection", "c1", "", EndpointKind::kQueue),
                                  snapshot(31000, "connected", {leg("k-third", "outbound", "connecting")}, "hold"),
                                  destroy_request(33000, "c1", "k-agent"), ccp_side_end(33600)});
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.category, Category::kTransfer);
    EXPECT_EQ(v.reason, Reason::transfer_to_queue);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudgeFlows, TransferApiHasNoDestroyConnection) {
    const Verdict v =
        judge_flow({request(30000, "transferContact", "c1", "", EndpointKind::kPhoneNumber), ccp_side_end(31500)});
    EXPECT_EQ(v.category, Category::kTransfer);
    EXPECT_EQ(v.reason, Reason::transfer_api);
}

/// A flow in a log that records requests, with the worker's answers to them.
Verdict judge_flow_with_answers(std::vector<CcpEvent> events, const std::vector<CcpEvent>& answers) {
    return judge_flow(std::move(events), /*records_requests=*/true, {}, answers);
}

TEST(CallJudgeFlows, AFailedTransferRequestIsNotATransfer) {
    // client.js: the worker logs the service's error; the agent stays on the call.
    const std::vector<CcpEvent> answers{
        line(30300, R"(AWSClient: <-- Operation 'transferContact' failed: {"type":"InvalidParameterException"})")};
    const Verdict v = judge_flow_with_answers(
        {request(30000, "transferContact", "c1", "", EndpointKind::kPhoneNumber), ccp_side_end(180000)}, answers);
    EXPECT_NE(v.category, Category::kTransfer);
    EXPECT_EQ(v.ended_by, Party::kUnknown);  // a CCP-side end with no End call in a log that records requests
    EXPECT_NE(v.detail.find("(transferContact) failed"), std::string::npos) << v.detail;
    ASSERT_EQ(v.evidence.size(), 4U);  // talking, the request, its failed answer, the end
    EXPECT_NE(v.evidence[2].text.find("failed"), std::string::npos);
}

TEST(CallJudgeFlows, AFailedTransferThenTheCustomersByeIsTheCustomer) {
    const std::vector<CcpEvent> answers{
        line(30400,
             "AWSClient: <-- Operation transferContact exhausted max 3 number of retries for access denied "
             "error")};
    const Verdict v = judge_flow_with_answers({request(30000, "transferContact", "c1", ""),
                                               line(90000, " c1 SIGNALING TalkingState => PendingLocalHangupState")},
                                              answers);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.reason, Reason::customer_hangup);
}

TEST(CallJudgeFlows, ATransferTheWorkerConfirmedIsATransfer) {
    const std::vector<CcpEvent> answers{line(30900, "AWSClient: <-- Operation 'transferContact' succeeded.")};
    const Verdict v = judge_flow_with_answers(
        {request(30000, "transferContact", "c1", "", EndpointKind::kQueue), ccp_side_end(31500)}, answers);
    EXPECT_EQ(v.reason, Reason::transfer_api);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudgeFlows, EachAnswerGoesToOneRequest) {
    // Two attempts: the first failed, the second's answer came later and succeeded.
    const std::vector<CcpEvent> answers{line(20300, "AWSClient: <-- Operation 'transferContact' failed: {}"),
                                        line(40300, "AWSClient: <-- Operation 'transferContact' succeeded.")};
    const Verdict v = judge_flow_with_answers(
        {request(20000, "transferContact", "c1", ""), request(40000, "transferContact", "c1", ""), ccp_side_end(41000)},
        answers);
    EXPECT_EQ(v.reason, Reason::transfer_api);
}

TEST(CallJudgeFlows, AnAnswerLongAfterTheRequestIsNotItsAnswer) {
    const std::vector<CcpEvent> answers{line(70000, "AWSClient: <-- Operation 'transferContact' failed: {}")};
    const Verdict v =
        judge_flow_with_answers({request(30000, "transferContact", "c1", ""), ccp_side_end(31500)}, answers);
    EXPECT_EQ(v.reason, Reason::transfer_api);
}

TEST(CallJudgeFlows, AFailedAddedPartyIsNotATransfer) {
    const std::vector<CcpEvent> answers{
        line(30300, R"(AWSClient: <-- Operation 'createAdditionalConnection' failed: {"type":"ResourceNotFound"})")};
    const Verdict v =
        judge_flow_with_answers({request(30000, "createAdditionalConnection", "c1", "", EndpointKind::kQueue),
                                 destroy_request(60000, "c1", "k-agent"), ccp_side_end(60500)},
                                answers);
    EXPECT_EQ(v.category, Category::kHangup);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_NE(v.detail.find("(createAdditionalConnection) failed"), std::string::npos) << v.detail;
}

TEST(CallJudgeFlows, AFailedEndCallIsNotTheAgentHangingUp) {
    // client.js logs the worker's answer to destroyConnection too: a refused End call hung nothing up.
    const std::vector<CcpEvent> answers{
        line(60200, R"(AWSClient: <-- Operation 'destroyConnection' failed: {"code":"InvalidStateException"})")};
    const Verdict v = judge_flow_with_answers(
        {snapshot(2000, "connected"), destroy_request(60000, "c1", "k-agent"), ccp_side_end(61500)}, answers);
    EXPECT_EQ(v.ended_by, Party::kUnknown);  // a CCP-side end with no End call that worked
    EXPECT_EQ(v.reason, Reason::ccp_side_end_without_agent_request);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_NE(v.detail.find("(destroyConnection) failed"), std::string::npos) << v.detail;
    EXPECT_EQ(v.detail.find("transfer or add a party"), std::string::npos) << v.detail;
    ASSERT_EQ(v.evidence.size(), 4U);  // talking, the request, its failed answer, the end
    EXPECT_NE(v.evidence[2].text.find("'destroyConnection' failed"), std::string::npos);
}

TEST(CallJudgeFlows, AFailedEndCallThenOneThatWorkedIsTheAgent) {
    const std::vector<CcpEvent> answers{line(60200, "AWSClient: <-- Operation 'destroyConnection' failed: {}"),
                                        line(63200, "AWSClient: <-- Operation 'destroyConnection' succeeded.")};
    const Verdict v = judge_flow_with_answers({snapshot(2000, "connected"), destroy_request(60000, "c1", "k-agent"),
                                               destroy_request(63000, "c1", "k-agent"), ccp_side_end(63600)},
                                              answers);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_NE(v.detail.find("(destroyConnection) failed"), std::string::npos) << v.detail;
}

TEST(CallJudgeFlows, AFailedHangUpBeforeTheAnswerIsNotTheAgents) {
    // The softphone failed to connect; the agent's End call was refused, so the failure's own
    // cause decides (here none is logged).
    const std::vector<CcpEvent> answers{line(1700, "AWSClient: <-- Operation 'destroyConnection' failed: {}")};
    CallRecord call;
    call.id = "c1";
    call.add(line(0, " Contact detected: contactId c1 agent connectionId k-agent"));
    call.add(line(100, " c1 SIGNALING PendingConnectState => PendingInviteState"));
    call.add(destroy_request(1500, "c1", "k-agent"));
    call.add(line(2500, " c1 SIGNALING PendingInviteState => FailedState"));
    JudgeContext context;
    context.records_requests = true;
    for (const CcpEvent& answer : answers) context.api_results.push_back(&answer);
    const Verdict v = judge_call(call, context);
    EXPECT_NE(v.reason, Reason::agent_hangup_before_answer);
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_NE(v.detail.find("(destroyConnection) failed"), std::string::npos) << v.detail;
}

TEST(CallJudgeFlows, LeavingAConferenceNamesWhoStayed) {
    const Verdict v = judge_flow({snapshot(2000, "connected"),
                                  request(30000, "createAdditionalConnection", "c1", "", EndpointKind::kPhoneNumber),
                                  snapshot(31000, "connected", {leg("k-third", "outbound", "connected")}, "hold"),
                                  request(40000, "conferenceConnections", "c1", ""),
                                  snapshot(40500, "connected", {leg("k-third", "outbound", "connected")}),
                                  destroy_request(60000, "c1", "k-agent"), ccp_side_end(60500)});
    EXPECT_EQ(v.category, Category::kTransfer);
    EXPECT_EQ(v.reason, Reason::left_conference);
    EXPECT_NE(v.detail.find("the customer (connection k-cust"), std::string::npos) << v.detail;
    EXPECT_NE(v.detail.find("k-third"), std::string::npos) << v.detail;
}

TEST(CallJudgeFlows, DroppingTheThirdPartyLeavesAnOrdinaryHangup) {
    const Verdict v = judge_flow({snapshot(2000, "connected"),
                                  request(30000, "createAdditionalConnection", "c1", "", EndpointKind::kPhoneNumber),
                                  snapshot(31000, "connected", {leg("k-third", "outbound", "connected")}),
                                  destroy_request(40000, "c1", "k-third"),
                                  snapshot(40500, "connected", {leg("k-third", "outbound", "disconnected")}),
                                  destroy_request(60000, "c1", "k-agent"), ccp_side_end(60500)});
    EXPECT_EQ(v.category, Category::kHangup);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
}

TEST(CallJudgeFlows, HoldRequestsAreNotAnEndCall) {
    const Verdict v = judge_flow({request(3000, "holdConnection", "c1", "k-cust"),
                                  request(4000, "resumeConnection", "c1", "k-cust"), ccp_side_end(5000)});
    EXPECT_EQ(v.reason, Reason::ccp_side_end_without_agent_request);
    const Verdict bye = judge_flow({request(3000, "holdConnection", "c1", "k-cust"),
                                    line(5000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(bye.reason, Reason::customer_hangup);
}

TEST(CallJudgeFlows, WhereRequestsAreRecordedAnUnrequestedCcpSideEndIsUnknown) {
    const Verdict modern = judge_flow({ccp_side_end(5000)}, /*records_requests=*/true);
    EXPECT_EQ(modern.ended_by, Party::kUnknown);
    EXPECT_EQ(modern.reason, Reason::ccp_side_end_without_agent_request);
    const Verdict legacy = judge_flow({ccp_side_end(5000)}, /*records_requests=*/false);
    EXPECT_EQ(legacy.ended_by, Party::kAgent);
    EXPECT_EQ(legacy.reason, Reason::agent_hangup);
    EXPECT_EQ(legacy.confidence, Confidence::kMedium);
    EXPECT_NE(legacy.detail.find("records no API requests"), std::string::npos);
}

TEST(CallJudgeFlows, AnEndCallLongBeforeTheEndIsNotShortlyBefore) {
    const Verdict v = judge_flow(
        {snapshot(2000, "connected"), destroy_request(3000, "c1", "k-agent"), ccp_side_end(3000 + kRequestLeadMs + 1)});
    EXPECT_EQ(v.reason, Reason::ccp_side_end_without_agent_request);
}

TEST(CallJudgeFlows, ARequestWithoutObjectsCountsAtMediumWhenTheCallWasAlone) {
    const CcpEvent relayed = request(4700, "destroyConnection", "", "");
    const Verdict v = judge_flow({ccp_side_end(5000)}, true, {&relayed});
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kMedium);
}

TEST(CallJudgeFlows, BargedOutIsTheSupervisor) {
    ConnectionView supervisor = leg("k-sup", "monitoring", "connected");
    supervisor.barge = true;
    const Verdict v = judge_flow({snapshot(2000, "connected", {supervisor}), ccp_side_end(5000),
                                  snapshot(5400, "ended", {supervisor}, "connected", "disconnected")});
    EXPECT_EQ(v.ended_by, Party::kThirdParty);
    EXPECT_EQ(v.reason, Reason::barged_out);
    const Verdict far = judge_flow({snapshot(2000, "connected", {supervisor}),
                                    line(5000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(far.ended_by, Party::kUnknown);  // the supervisor or the customer
    EXPECT_EQ(far.reason, Reason::barged_out);
}

CcpEvent outbound_view(std::int64_t at, std::string state, std::string customer, std::string agent_state = "Busy") {
    ContactView view;
    view.type = ContactType::kVoice;
    view.state = std::move(state);
    view.initiation = "outbound";
    view.agent_state = std::move(agent_state);
    view.connections = {leg("k-agent", "agent", "connected"), leg("k-cust", "outbound", std::move(customer), true)};
    return contact_state(at, "c1", view);
}

TEST(CallJudgeFlows, OutboundCallsThatNeverConnectAreNotHangups) {
    const Verdict busy =
        judge_flow({outbound_view(1500, "connected", "connecting"),
                    outbound_view(4000, "error", "disconnected", "LineEngagedCustomer"), ccp_side_end(4100)});
    EXPECT_EQ(busy.category, Category::kNotConnected);
    EXPECT_EQ(busy.reason, Reason::busy);
    const Verdict unreachable = judge_flow({outbound_view(1500, "connected", "connecting"),
                                            outbound_view(4000, "error", "disconnected", "FailedConnectCustomer"),
                                            line(4000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(unreachable.reason, Reason::unreachable);
    const Verdict cancelled = judge_flow(
        {outbound_view(1500, "connected", "connecting"), destroy_request(6000, "c1", "k-agent"), ccp_side_end(6500)});
    EXPECT_EQ(cancelled.ended_by, Party::kAgent);
    EXPECT_EQ(cancelled.category, Category::kNotConnected);
    const Verdict answered = judge_flow({outbound_view(1500, "connected", "connected"),
                                         line(9000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(answered.reason, Reason::customer_hangup);
}

TEST(CallJudgeFlows, MissedAndRejectedContactsOutrankTheSoftphone) {
    const Verdict missed =
        judge_flow({snapshot(500, "connecting", {}, "connected", "connecting"),
                    snapshot(20000, "missed", {}, "connected", "disconnected"), ccp_side_end(20050)});
    EXPECT_EQ(missed.category, Category::kNotConnected);
    EXPECT_EQ(missed.reason, Reason::missed_by_agent);
    const Verdict rejected = judge_flow({snapshot(500, "connecting", {}, "connected", "connecting"),
                                         request(5000, "rejectContact", "c1", ""),
                                         line(7000, " c1 SIGNALING TalkingState => PendingLocalHangupState")});
    EXPECT_EQ(rejected.ended_by, Party::kAgent);
    EXPECT_EQ(rejected.reason, Reason::rejected_by_agent);
    EXPECT_EQ(rejected.confidence, Confidence::kHigh);
}

TEST(CallJudgeFlows, QueuedCallbackEndCallNamesTheNewAgentConnection) {
    ContactView ringing;
    ringing.type = ContactType::kQueueCallback;
    ringing.state = "connecting";
    ringing.connections = {leg("k-first", "agent", "connecting"), leg("k-cust", "outbound", "init", true)};
    ContactView connected = ringing;
    connected.state = "connected";
    connected.connections = {leg("k-second", "agent", "connected"), leg("k-cust", "outbound", "connected", true)};
    const Verdict v = judge_flow({line(900, " Contact detected: contactId c1 agent connectionId k-first"),
                                  contact_state(950, "c1", ringing), contact_state(5000, "c1", connected),
                                  destroy_request(9000, "c1", "k-second"), ccp_side_end(9500)});
    EXPECT_EQ(v.reason, Reason::agent_hangup);
    EXPECT_EQ(v.confidence, Confidence::kHigh);
    EXPECT_EQ(v.channel, Channel::kCallback);
}

}  // namespace
}  // namespace whohungup::ccp
