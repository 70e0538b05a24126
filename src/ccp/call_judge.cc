// SPDX-License-Identifier: MIT
#include "ccp/call_judge.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace whohungup::ccp {

namespace {

bool is_end_state(State state) {
    return state == State::kDisconnected || state == State::kFailed;
}

/// The words that decided, without the id: "SIGNALING TalkingState => PendingRemoteHangupState".
std::string raw_of(const CcpEvent& event) {
    const std::string_view text = event.text;
    if (event.kind == EventKind::kTransition || event.kind == EventKind::kRemoteBye ||
        event.kind == EventKind::kFailureHint) {
        const std::string needle = fmt::format("{} {} ", event.id, machine_name(event.machine));
        const std::size_t at = text.rfind(needle);
        if (at != std::string_view::npos) {
            return std::string(text.substr(at + event.id.size() + 1));
        }
    }
    return std::string(text);
}

class Judge {
public:
    Judge(CallRecord& call, const JudgeContext& context) : call_(call), context_(context) {
        const auto by_time = [](const CcpEvent& a, const CcpEvent& b) {
            return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.seq < b.seq;
        };
        // Lines mostly arrive in time order already; sorting moves whole events, so check first.
        if (!std::is_sorted(call_.events.begin(), call_.events.end(), by_time)) {
            std::stable_sort(call_.events.begin(), call_.events.end(), by_time);
        }
        verdict_.source_format = "ccp-log";
        verdict_.channel = Channel::kVoice;  // judged from softphone lines: a voice call
        verdict_.contact_id = call_.id;
        for (const CcpEvent& event : call_.events) {
            if (verdict_.agent.empty() && !event.agent.empty()) {
                verdict_.agent = event.agent;
            }
            if (event.kind == EventKind::kContactDetected && !event.detail.empty()) {
                linked_from_call_ = event.detail;
            }
        }
        if (context_.usernames != nullptr && !verdict_.agent.empty()) {
            if (auto it = context_.usernames->find(verdict_.agent); it != context_.usernames->end()) {
                verdict_.agent_name = it->second;
            }
        }
        if (!call_.events.empty()) {
            verdict_.input = input_name(call_.events.front());
        }
    }

    Verdict run() {
        find_talking();
        if (!decide_connected_end() && !decide_not_connected()) {
            decide_unfinished();
        }
        std::stable_sort(verdict_.evidence.begin(), verdict_.evidence.end(), [](const Evidence& a, const Evidence& b) {
            return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.byte < b.byte;
        });
        if (talked_ && verdict_.category != Category::kNotConnected) {
            verdict_.outcome = "handled";
        } else if (verdict_.reason == "missed_by_agent") {
            verdict_.outcome = "not_responding";
        }
        if (decisive_reassigned_) {
            verdict_.detail +=
                " The channel line carries the id of the contact that opened the persistent connection; it "
                "was tied to this contact because this contact's session ended in the same millisecond.";
        }
        if (call_.forced) {
            verdict_.detail += fmt::format(" (judged before the end of the log: too many calls open at once)");
        }
        return std::move(verdict_);
    }

private:
    std::string input_name(const CcpEvent& event) const {
        if (context_.input_names != nullptr && event.pos.input < context_.input_names->size()) {
            return (*context_.input_names)[event.pos.input];
        }
        return {};
    }

    void cite(const CcpEvent& event) {
        decisive_reassigned_ = decisive_reassigned_ || event.reassigned;
        Evidence evidence{event.time_ms, input_name(event), event.pos.line, event.pos.byte, event.text};
        if (std::find(verdict_.evidence.begin(), verdict_.evidence.end(), evidence) == verdict_.evidence.end()) {
            verdict_.evidence.push_back(std::move(evidence));
        }
    }

    void set(Party party, Category category, std::string reason, Confidence confidence, std::string detail) {
        verdict_.ended_by = party;
        verdict_.category = category;
        verdict_.reason = std::move(reason);
        verdict_.confidence = confidence;
        verdict_.detail = std::move(detail);
    }

    void find_talking() {
        for (const CcpEvent& event : call_.events) {
            if (event.kind != EventKind::kTransition) {
                continue;
            }
            if (event.to == State::kTalking && talking_start_ == nullptr && event.from != State::kTalking) {
                talking_start_ = &event;
            }
            if (event.from == State::kTalking || event.to == State::kTalking) {
                talked_ = true;
            }
        }
        if (talking_start_ != nullptr) {
            verdict_.started_at_ms = talking_start_->time_ms;
        }
    }

    /// The agent's request to hang up their own leg of this contact, at or before the end.
    const CcpEvent* own_destroy_request(std::int64_t end_ms, bool& linked) const {
        const CcpEvent* unlinked = nullptr;
        for (const CcpEvent& event : call_.events) {
            if (event.kind != EventKind::kDestroyConnection || event.time_ms > end_ms + kNearbyMs) {
                continue;
            }
            if (!agent_connection().empty()) {
                if (event.detail == agent_connection()) {
                    linked = true;
                    return &event;
                }
                continue;  // a third party's leg: hanging it up does not end the call
            }
            unlinked = unlinked == nullptr ? &event : unlinked;
        }
        linked = false;
        return unlinked;
    }

    const std::string& agent_connection() const {
        if (!context_.agent_connection.empty()) {
            return context_.agent_connection;
        }
        return linked_from_call_;
    }

    const CcpEvent* nearby(const std::vector<const CcpEvent*>& lines, std::int64_t at_ms) const {
        for (const CcpEvent* line : lines) {
            if (line->time_ms >= at_ms - kNearbyMs && line->time_ms <= at_ms + kNearbyMs) {
                return line;
            }
        }
        return nullptr;
    }

    bool reconnected_before(std::int64_t at_ms) const {
        return std::any_of(call_.events.begin(), call_.events.end(), [&](const CcpEvent& event) {
            return event.kind == EventKind::kTransition && event.to == State::kPendingReconnect &&
                   event.time_ms <= at_ms;
        });
    }

    /// Ends of a connected call, in time order: exits from TalkingState that are not a
    /// reconnect or re-invite, a V2 remote bye, or a reconnect that failed.
    static bool is_end_event(const CcpEvent& event) {
        if (event.kind == EventKind::kRemoteBye) {
            return true;
        }
        if (event.kind != EventKind::kTransition) {
            return false;
        }
        if (event.from == State::kTalking) {
            return event.to != State::kPendingReconnect && event.to != State::kPendingInvite &&
                   event.to != State::kTalking;
        }
        return event.from == State::kPendingReconnect && event.to == State::kFailed;
    }

    bool decide_connected_end() {
        if (!talked_) {
            bool bye = std::any_of(call_.events.begin(), call_.events.end(),
                                   [](const CcpEvent& e) { return e.kind == EventKind::kRemoteBye; });
            if (!bye) {
                return false;
            }
        }
        const auto first = std::find_if(call_.events.begin(), call_.events.end(), is_end_event);
        if (first == call_.events.end()) {
            return false;
        }
        const std::int64_t end_ms = first->time_ms;
        verdict_.ended_at_ms = end_ms;
        if (talking_start_ != nullptr) {
            cite(*talking_start_);
        }
        // Every end in the same millisecond counts: a remote bye can reach two channels at once.
        const CcpEvent* local_hangup = nullptr;   // far end sent bye
        const CcpEvent* remote_hangup = nullptr;  // CCP sent bye
        const CcpEvent* idle_end = nullptr;       // persistent connection / V2: side not logged
        const CcpEvent* failed = nullptr;
        for (auto it = first; it != call_.events.end() && it->time_ms == end_ms; ++it) {
            if (!is_end_event(*it)) {
                continue;
            }
            if (it->kind == EventKind::kRemoteBye || it->to == State::kPendingLocalHangup) {
                local_hangup = local_hangup == nullptr ? &*it : local_hangup;
            } else if (it->to == State::kPendingRemoteHangup) {
                remote_hangup = remote_hangup == nullptr ? &*it : remote_hangup;
            } else if (it->to == State::kIdle || it->to == State::kDisconnected) {
                // A channel going idle (persistent connection) outranks the session's own end.
                if (idle_end == nullptr || (is_channel(it->machine) && !is_channel(idle_end->machine))) {
                    idle_end = &*it;
                }
            } else if (failed == nullptr) {
                failed = &*it;
            }
        }
        if (local_hangup != nullptr) {
            cite(*local_hangup);
            verdict_.raw_reason = raw_of(*local_hangup);
            if (remote_hangup != nullptr) {
                cite(*remote_hangup);
                set(Party::kCustomer, Category::kHangup, "customer_hangup", Confidence::kHigh,
                    "The far end's bye reached two signaling channels in the same millisecond (one "
                    "logged a local, one a remote hang-up): the remote side ended the call.");
            } else {
                set(Party::kCustomer, Category::kHangup, "customer_hangup", Confidence::kHigh,
                    "The far end sent the bye: the customer (or whoever held the far end) hung up.");
            }
            return true;
        }
        if (remote_hangup != nullptr) {
            cite(*remote_hangup);
            verdict_.raw_reason = raw_of(*remote_hangup);
            decide_ccp_side_end(end_ms);
            return true;
        }
        if (idle_end != nullptr) {
            cite(*idle_end);
            verdict_.raw_reason = raw_of(*idle_end);
            decide_side_not_logged(end_ms);
            return true;
        }
        const CcpEvent& fail = failed != nullptr ? *failed : *first;
        cite(fail);
        verdict_.raw_reason = raw_of(fail);
        decide_failure_while_talking(fail);
        return true;
    }

    void decide_ccp_side_end(std::int64_t end_ms) {
        bool linked = false;
        const CcpEvent* destroy = own_destroy_request(end_ms, linked);
        const CcpEvent* v1_line = nearby(context_.agent_disconnected, end_ms);
        if (destroy != nullptr && linked) {
            cite(*destroy);
            set(Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kHigh,
                "The CCP sent the bye after the agent asked to hang up their own connection "
                "(destroyConnection).");
        } else if (v1_line != nullptr) {
            cite(*v1_line);
            set(Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kHigh,
                "The CCP sent the bye and logged \"Agent disconnected successfully.\".");
        } else if (destroy != nullptr) {
            cite(*destroy);
            set(Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kMedium,
                "The CCP sent the bye after a destroyConnection request for this contact; the log does "
                "not link the connection to the agent's own leg.");
        } else if (reconnected_before(end_ms)) {
            set(Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kLow,
                "The CCP sent the bye, but the signaling channel reconnected during the call and the "
                "agent made no destroyConnection request: a customer bye lost in the reconnect ends "
                "the same way.");
        } else {
            set(Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kMedium,
                "The CCP sent the bye (TalkingState => PendingRemoteHangupState); the log has no "
                "destroyConnection request to confirm the agent clicked End call (a flow disconnect "
                "or a barge ends the same way).");
        }
    }

    void decide_side_not_logged(std::int64_t end_ms) {
        bool linked = false;
        const CcpEvent* destroy = own_destroy_request(end_ms, linked);
        if (destroy != nullptr) {
            cite(*destroy);
            set(Party::kAgent, Category::kHangup, "agent_hangup", linked ? Confidence::kHigh : Confidence::kMedium,
                linked ? "The call ended without saying which side hung up, and the agent had asked to "
                         "hang up their own connection (destroyConnection)."
                       : "The call ended without saying which side hung up, after a destroyConnection "
                         "request for this contact that the log does not link to the agent's own leg.");
            return;
        }
        set(Party::kUnknown, Category::kOther, "end_side_not_logged", Confidence::kLow,
            "The call ended on a path that logs the same line whoever hangs up (persistent "
            "connection or CallSession), and the agent made no destroyConnection request.");
    }

    void decide_failure_while_talking(const CcpEvent& fail) {
        if (fail.from == State::kPendingReconnect) {
            set(Party::kSystem, Category::kFailure, "signaling_lost", Confidence::kHigh,
                "The signaling channel dropped during the call and never came back "
                "(PendingReconnectState => FailedState).");
            return;
        }
        const FailureCause cause = first_cause();
        if (is_channel(fail.machine) && cause == FailureCause::kAccessDenied) {
            set(Party::kSystem, Category::kNotConnected, "access_denied", Confidence::kHigh,
                "The service rejected the accept (AccessDeniedException, 403) right after connecting.");
            return;
        }
        if (is_channel(fail.machine)) {
            set(Party::kSystem, Category::kFailure, "signaling_failed", Confidence::kMedium,
                "The signaling channel failed during the call (TalkingState => FailedState).");
            return;
        }
        set(Party::kSystem, Category::kFailure, "session_failed", Confidence::kMedium,
            "The softphone session failed during the call.");
    }

    FailureCause first_cause() {
        for (const CcpEvent& event : call_.events) {
            if (event.kind == EventKind::kFailureHint) {
                cite(event);
                return event.cause;
            }
        }
        return FailureCause::kNone;
    }

    static FailureCause cause_of_softphone_error(std::string_view type) {
        if (type == "user_busy_error") return FailureCause::kBusy;
        if (type == "ice_collection_timeout") return FailureCause::kIceCollectionTimeout;
        if (type == "microphone_not_shared") return FailureCause::kMicrophoneDenied;
        if (type == "signalling_connection_failure") return FailureCause::kSignalingUnreachable;
        if (type == "signalling_handshake_failure") return FailureCause::kHandshakeFailure;
        if (type == "call_not_found") return FailureCause::kCallNotFound;
        return FailureCause::kNone;
    }

    bool decide_not_connected() {
        const auto failed = std::find_if(call_.events.begin(), call_.events.end(), [](const CcpEvent& e) {
            return e.kind == EventKind::kTransition && e.to == State::kFailed;
        });
        const auto missed = std::find_if(call_.events.begin(), call_.events.end(),
                                         [](const CcpEvent& e) { return e.kind == EventKind::kContactMissed; });
        if (failed == call_.events.end()) {
            if (missed == call_.events.end()) {
                return false;
            }
            cite(*missed);
            verdict_.ended_at_ms = missed->time_ms;
            verdict_.started_at_ms = call_.first_time;
            verdict_.raw_reason = missed->text;
            set(Party::kSystem, Category::kNotConnected, "missed_by_agent", Confidence::kMedium,
                "The contact was missed: the agent did not accept it in time.");
            return true;
        }
        const std::int64_t end_ms = failed->time_ms;
        verdict_.ended_at_ms = end_ms;
        verdict_.started_at_ms = call_.first_time;
        verdict_.raw_reason = raw_of(*failed);
        cite(*failed);

        bool linked = false;
        const CcpEvent* destroy = own_destroy_request(end_ms, linked);
        FailureCause cause = first_cause();
        if (cause == FailureCause::kNone) {
            for (const CcpEvent* error : context_.softphone_errors) {
                if (error->time_ms >= end_ms - kNearbyMs && error->time_ms <= end_ms + kNearbyMs) {
                    cause = cause_of_softphone_error(error->detail);
                    if (cause != FailureCause::kNone) {
                        cite(*error);
                        break;
                    }
                }
            }
        }
        if (cause == FailureCause::kNone && failed->from == State::kGrabLocalMedia) {
            cause = FailureCause::kMicrophoneDenied;
        }
        if (cause == FailureCause::kNone && failed->from == State::kPendingConnect) {
            cause = FailureCause::kSignalingUnreachable;
        }
        if (destroy != nullptr && (cause == FailureCause::kCallNotFound || cause == FailureCause::kNone ||
                                   cause == FailureCause::kAgentHangupBeforeAnswer)) {
            // On the classic path the service answers the stale invite with 404 after the agent
            // hung up; the destroyConnection request shows who really ended it.
            cite(*destroy);
            set(Party::kAgent, Category::kNotConnected, "agent_hangup_before_answer",
                linked ? Confidence::kHigh : Confidence::kMedium,
                "The agent hung up (destroyConnection) before the softphone finished connecting.");
            return true;
        }
        switch (cause) {
            case FailureCause::kAgentHangupBeforeAnswer:
                set(Party::kAgent, Category::kNotConnected, "agent_hangup_before_answer", Confidence::kHigh,
                    "The agent hung up before the softphone finished connecting.");
                break;
            case FailureCause::kBusy:
                set(Party::kSystem, Category::kNotConnected, "user_busy", Confidence::kHigh,
                    "The service answered BusyException (486): another CCP window holds the softphone.");
                break;
            case FailureCause::kCallNotFound:
                set(Party::kCustomer, Category::kNotConnected, "call_not_found", Confidence::kMedium,
                    "The service answered CallNotFoundException (404): the caller was gone before the "
                    "agent's leg connected.");
                break;
            case FailureCause::kAccessDenied:
                set(Party::kSystem, Category::kNotConnected, "access_denied", Confidence::kHigh,
                    "The service answered AccessDeniedException (403).");
                break;
            case FailureCause::kTimeout:
                set(Party::kSystem, Category::kNotConnected, "signaling_timeout", Confidence::kHigh,
                    "A signaling request timed out before the call connected.");
                break;
            case FailureCause::kIceCollectionTimeout:
                set(Party::kSystem, Category::kNotConnected, "ice_collection_timeout", Confidence::kHigh,
                    "ICE candidate collection timed out before the call connected.");
                break;
            case FailureCause::kSignalingUnreachable:
                set(Party::kSystem, Category::kNotConnected, "signaling_unreachable", Confidence::kHigh,
                    "The softphone could not open its signaling connection.");
                break;
            case FailureCause::kMicrophoneDenied:
                set(Party::kSystem, Category::kNotConnected, "microphone_denied", Confidence::kHigh,
                    "The browser did not give the softphone the microphone.");
                break;
            case FailureCause::kHandshakeFailure:
                set(Party::kSystem, Category::kNotConnected, "signaling_handshake_failure", Confidence::kMedium,
                    "The signaling server answered the invite with an error.");
                break;
            case FailureCause::kNone:
                set(Party::kSystem, Category::kNotConnected, "setup_failed", Confidence::kLow,
                    "The softphone failed before the call connected; the log does not name the cause.");
                break;
        }
        return true;
    }

    void decide_unfinished() {
        verdict_.started_at_ms = talking_start_ != nullptr ? talking_start_->time_ms : call_.first_time;
        const CcpEvent* last = nullptr;
        for (const CcpEvent& event : call_.events) {
            if (event.kind == EventKind::kTransition || event.kind == EventKind::kContactDetected) {
                last = &event;
            }
        }
        if (talking_start_ != nullptr) {
            cite(*talking_start_);
        }
        if (last != nullptr) {
            cite(*last);
            verdict_.raw_reason = raw_of(*last);
        }
        const bool any_state = std::any_of(call_.events.begin(), call_.events.end(),
                                           [](const CcpEvent& e) { return e.kind == EventKind::kTransition; });
        if (!any_state) {
            set(Party::kUnknown, Category::kOther, "no_softphone_session", Confidence::kLow,
                "The contact was detected but the log has no softphone state line for it.");
            return;
        }
        const bool ended = std::any_of(call_.events.begin(), call_.events.end(), [](const CcpEvent& e) {
            return e.kind == EventKind::kTransition && is_end_state(e.to);
        });
        if (ended) {
            set(Party::kUnknown, Category::kOther, "end_not_attributable", Confidence::kLow,
                "The softphone session ended without a transition that says who ended the call.");
            return;
        }
        set(Party::kUnknown, Category::kOther, "log_ends_mid_call", Confidence::kLow,
            talked_ ? "The log ends while the call is still connected."
                    : "The log ends while the call is still being set up.");
    }

    CallRecord& call_;
    const JudgeContext& context_;
    Verdict verdict_;
    const CcpEvent* talking_start_ = nullptr;
    bool talked_ = false;
    bool decisive_reassigned_ = false;
    std::string linked_from_call_;
};

}  // namespace

Verdict judge_call(CallRecord& call, const JudgeContext& context) {
    return Judge(call, context).run();
}

}  // namespace whohungup::ccp
