// SPDX-License-Identifier: MIT
#include "ccp/call_judge.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "ccp/contact_facts.h"
#include "ccp/line_classifier.h"

namespace whohungup::ccp {

namespace {

/// A session that leaves TalkingState more than this after its channel failed went on without it.
/// signaling.js gives a reconnect 10 s (FailOnTimeoutState); a call the network took down ends
/// with its session soon after, while one the session carried on ends when someone hangs up.
constexpr std::int64_t kSessionOutlivesChannelMs = 30000;

/// How long after a contact is offered a far-end bye may still end it while it rings. Amazon
/// Connect rings an offered contact about 20 s before it is missed (an observed figure, not a
/// documented constant); the margin covers the set-up and the bye.
constexpr std::int64_t kRingWindowMs = 30000;

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

/// The snapshot's contact type as the verdict's channel; a contact no snapshot names has
/// softphone lines, so it is a voice call.
Channel channel_of(ContactType type) {
    switch (type) {
        case ContactType::kUnknown:
        case ContactType::kVoice: return Channel::kVoice;
        case ContactType::kQueueCallback: return Channel::kCallback;  // a voice call the service placed back
        case ContactType::kChat: return Channel::kChat;
        case ContactType::kTask: return Channel::kTask;
        case ContactType::kEmail: return Channel::kEmail;
        case ContactType::kOther: return Channel::kUnknown;
    }
    return Channel::kUnknown;
}

class Judge {
public:
    Judge(CallRecord& call, const JudgeContext& context)
        : call_(call),
          context_(context),
          facts_(sorted(call), context.idless_requests, context.api_results, context.agent_connection) {
        verdict_.source_format = "ccp-log";
        verdict_.channel = channel_of(facts_.type());
        verdict_.contact_id = call_.id;
        for (const CcpEvent& event : call_.events) {
            if (verdict_.agent.empty() && event.agent && !event.agent->empty()) {
                verdict_.agent = *event.agent;
            }
        }
        if (context_.usernames != nullptr && !verdict_.agent.empty()) {
            if (auto it = context_.usernames->find(verdict_.agent); it != context_.usernames->end()) {
                verdict_.agent_name = it->second;
            }
        }
        // The input of the call's first softphone line (snapshots and requests may come from the
        // other log of a Global Resiliency pair).
        const auto own_line = std::find_if(call_.events.begin(), call_.events.end(), [](const CcpEvent& e) {
            return e.kind != EventKind::kContactState && e.kind != EventKind::kApiRequest;
        });
        if (own_line != call_.events.end()) {
            verdict_.input = input_name(*own_line);
        } else if (!call_.events.empty()) {
            verdict_.input = input_name(call_.events.front());
        }
    }

    Verdict run() {
        find_talking();
        if (!decide_non_voice() && !decide_missed_or_rejected() && !decide_connected_end() && !decide_not_connected()) {
            decide_unfinished();
        }
        explain_failed_transfers();
        explain_failed_hangups();
        std::stable_sort(verdict_.evidence.begin(), verdict_.evidence.end(), [](const Evidence& a, const Evidence& b) {
            return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.byte < b.byte;
        });
        if (talked_ && verdict_.category != Category::kNotConnected) {
            verdict_.outcome = "handled";
        } else if (verdict_.reason == Reason::missed_by_agent) {
            verdict_.outcome = "not_responding";
        }
        if (decisive_reassigned_) {
            verdict_.detail +=
                " The channel line carries the id of the contact that opened the persistent connection; it "
                "was tied to this contact because this contact's session ended in the same millisecond.";
        }
        switch (call_.forced) {
            case ForcedBy::kNone: break;
            case ForcedBy::kOpenCalls:
                verdict_.detail += " (judged before the end of the log: too many calls open at once)";
                break;
            case ForcedBy::kCallBytes:
                verdict_.detail +=
                    " (judged before the end of the log, with the lines held: this call's lines "
                    "took more than the per-call byte budget, and later ones were not used)";
                lower_confidence();
                break;
            case ForcedBy::kHeldBytes:
                verdict_.detail +=
                    " (judged before the end of the log: the lines held for the log took more than "
                    "the held-bytes budget)";
                break;
        }
        return std::move(verdict_);
    }

private:
    /// Lines of the call were not used: the verdict stands on less than the log said.
    void lower_confidence() {
        verdict_.confidence = verdict_.confidence == Confidence::kHigh ? Confidence::kMedium : Confidence::kLow;
    }

    static CallRecord& sorted(CallRecord& call) {
        const auto by_time = [](const CcpEvent& a, const CcpEvent& b) {
            return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.seq < b.seq;
        };
        // Lines mostly arrive in time order already; sorting moves whole events, so check first.
        if (!std::is_sorted(call.events.begin(), call.events.end(), by_time)) {
            std::stable_sort(call.events.begin(), call.events.end(), by_time);
        }
        return call;
    }

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

    void set(Party party, Category category, Reason reason, Confidence confidence, std::string detail) {
        verdict_.ended_by = party;
        verdict_.category = category;
        verdict_.reason = reason;
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

    struct OwnRequest {
        const CcpEvent* event = nullptr;
        bool linked = false;  ///< names the agent's own leg
        bool idless = false;  ///< relayed with no objects, tied to this call as the only one live
    };

    /// The agent's request to hang up their own leg of this contact. `any_time`: at any time up
    /// to kNearbyMs after `end_ms` (a leg that never connected); else only "shortly before" the
    /// end, within kRequestLeadMs (relayed entries keep their own times, so a little after too).
    /// A request the worker answered with a failure hung nothing up: it is remembered (the
    /// verdict says why it was not read as the agent's End call) and not returned.
    OwnRequest own_destroy_request(std::int64_t end_ms, bool any_time) {
        OwnRequest unlinked;
        OwnRequest idless;
        const auto failed = [this](const Request& request) {
            if (request.failure == nullptr) {
                return false;
            }
            if (std::find(failed_hangups_.begin(), failed_hangups_.end(), &request) == failed_hangups_.end()) {
                failed_hangups_.push_back(&request);
            }
            return true;
        };
        for (const Request& request : facts_.requests()) {
            const CcpEvent& event = *request.event;
            if (event.method != ApiMethod::kDestroyConnection || event.time_ms > end_ms + kNearbyMs ||
                (!any_time && event.time_ms < end_ms - kRequestLeadMs)) {
                continue;
            }
            if (request.idless) {
                if (!failed(request) && idless.event == nullptr) {
                    idless = OwnRequest{&event, false, true};
                }
                continue;
            }
            const Role role = facts_.role_of(event.detail);
            if (role == Role::kAgent) {
                if (failed(request)) {
                    continue;
                }
                return OwnRequest{&event, true, false};
            }
            if (role == Role::kUnknown && !facts_.knows_agent_leg() && !failed(request) && unlinked.event == nullptr) {
                unlinked = OwnRequest{&event, false, false};
            }
            // The customer's, a third party's or a supervisor's leg: hanging it up does not end
            // this agent's leg.
        }
        return unlinked.event != nullptr ? unlinked : idless;
    }

    /// The agent's last request about this contact, of `method`, in [from_ms, to_ms], that the
    /// worker did not answer with a failure (a failed request changed nothing).
    const Request* last_request(ApiMethod method, std::int64_t from_ms, std::int64_t to_ms) const {
        const Request* found = nullptr;
        for (const Request& request : facts_.requests()) {
            if (request.event->method == method && request.event->time_ms >= from_ms &&
                request.event->time_ms <= to_ms && request.failure == nullptr) {
                found = &request;
            }
        }
        return found;
    }

    /// Remembers the failed requests to transfer or add a party in [from_ms, to_ms]: when no
    /// transfer explains the end, the verdict says why they were not read as one.
    void note_failed_transfers(std::int64_t from_ms, std::int64_t to_ms) {
        for (const Request& request : facts_.requests()) {
            const ApiMethod method = request.event->method;
            if (method != ApiMethod::kTransferContact && method != ApiMethod::kCreateAdditionalConnection &&
                method != ApiMethod::kAddNewConnection && method != ApiMethod::kConferenceConnections) {
                continue;  // a failed End call is explain_failed_hangups()'s
            }
            if (request.failure != nullptr && request.event->time_ms >= from_ms && request.event->time_ms <= to_ms &&
                std::find(failed_transfers_.begin(), failed_transfers_.end(), &request) == failed_transfers_.end()) {
                failed_transfers_.push_back(&request);
            }
        }
    }

    void explain_failed_transfers() {
        if (failed_transfers_.empty() || verdict_.category == Category::kTransfer) {
            return;
        }
        std::string methods;
        for (const Request* request : failed_transfers_) {
            cite(*request->event);
            cite(*request->failure);
            const std::string_view name = request_method_in(request->event->text);
            if (methods.find(name) == std::string::npos) {
                methods += methods.empty() ? std::string(name) : fmt::format(", {}", name);
            }
        }
        verdict_.detail += fmt::format(
            " The agent's request to transfer or add a party ({}) failed (the worker logged \"AWSClient: <-- "
            "Operation ... failed\"), so it is not read as a transfer.",
            methods);
    }

    /// The agent's End call (destroyConnection) that the worker answered with a failure did not
    /// hang up the agent's leg: the verdict cites it and its answer, and says so.
    void explain_failed_hangups() {
        if (failed_hangups_.empty()) {
            return;
        }
        for (const Request* request : failed_hangups_) {
            cite(*request->event);
            cite(*request->failure);
        }
        verdict_.detail +=
            " The agent's request to hang up (destroyConnection) failed (the worker logged \"AWSClient: <-- "
            "Operation 'destroyConnection' failed\"), so it is not read as the agent hanging up.";
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

    static bool is_failed_reconnect(const CcpEvent& event) {
        return event.kind == EventKind::kTransition && event.from == State::kPendingReconnect &&
               event.to == State::kFailed;
    }

    /// connect-rtc-js keeps a talking session through a signaling failure (rtc_session.js
    /// TalkingState.onSignalingFailed ends it only on AccessDenied), and its ICE restart opens a new
    /// channel under the same contact id: a failed reconnect before a channel is back in
    /// TalkingState did not end the call. The latest such return, found once, so a call of many
    /// failed reconnects costs one pass.
    std::int64_t last_channel_return_ms() const {
        std::int64_t last = kNoTime;
        for (const CcpEvent& e : call_.events) {
            if (e.kind == EventKind::kTransition && is_channel(e.machine) && e.to == State::kTalking &&
                e.from != State::kTalking) {
                last = std::max(last, e.time_ms);
            }
        }
        return last;
    }

    /// The first end of the connected call, past failed reconnects the channel recovered from.
    std::vector<CcpEvent>::const_iterator first_end() const {
        const std::int64_t last_return = last_channel_return_ms();
        auto it = std::find_if(call_.events.begin(), call_.events.end(), is_end_event);
        while (it != call_.events.end() && is_failed_reconnect(*it) && it->time_ms < last_return) {
            it = std::find_if(std::next(it), call_.events.end(), is_end_event);
        }
        return it;
    }

    /// The session's own end (SESSION / CallSession leaving TalkingState) more than a few seconds
    /// after `fail`: the session went on without its signaling channel.
    const CcpEvent* session_end_long_after(const CcpEvent& fail) const {
        for (const CcpEvent& e : call_.events) {
            if (e.kind == EventKind::kTransition && !is_channel(e.machine) && e.from == State::kTalking &&
                e.time_ms > fail.time_ms + kSessionOutlivesChannelMs) {
                return &e;
            }
        }
        return nullptr;
    }

    bool decide_connected_end() {
        if (!talked_) {
            bool bye = std::any_of(call_.events.begin(), call_.events.end(),
                                   [](const CcpEvent& e) { return e.kind == EventKind::kRemoteBye; });
            if (!bye) {
                return false;
            }
        }
        const auto first = first_end();
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
            if (decide_from_contact(end_ms, /*ccp_side=*/false)) {
                return true;
            }
            if (remote_hangup != nullptr) {
                cite(*remote_hangup);
                set(Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh,
                    "The far end's bye reached two signaling channels in the same millisecond (one "
                    "logged a local, one a remote hang-up): the remote side ended the call.");
            } else {
                set(Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh,
                    "The far end sent the bye: the customer (or whoever held the far end) hung up.");
            }
            lower_if_reject_unseen(end_ms);
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

    /// The agent's setting as the softphone logged it when this call's session reached
    /// TalkingState ("Auto-accept is disabled" / "enabled"), else nullptr. The line names no
    /// contact; it is logged in the same moment as the session's TalkingState.
    const CcpEvent* auto_accept_line() const {
        const CcpEvent* talking = nullptr;
        for (const CcpEvent& e : call_.events) {
            if (e.kind == EventKind::kTransition && !is_channel(e.machine) && e.to == State::kTalking) {
                talking = &e;
                break;
            }
        }
        talking = talking != nullptr ? talking : talking_start_;
        if (talking == nullptr) {
            return nullptr;
        }
        const CcpEvent* nearest = nullptr;
        for (const CcpEvent* line : context_.auto_accept) {
            const std::int64_t gap = line->time_ms - talking->time_ms;
            if (gap >= -kNearbyMs && gap <= kNearbyMs &&
                (nearest == nullptr || std::abs(gap) < std::abs(nearest->time_ms - talking->time_ms))) {
                nearest = line;
            }
        }
        return nearest;
    }

    /// A far-end bye within the ring of a log saved filtered by level: with auto-accept off the
    /// session is up while the contact rings, and an agent's reject (rejectContact, after which
    /// the service sends the bye) is seen only in TRACE lines (the request, the snapshots), which
    /// such a download drops. The bye then cannot show that the customer hung up.
    void lower_if_reject_unseen(std::int64_t end_ms) {
        if (!context_.filtered_by_level || facts_.ever_in_state("connected") || call_.first_time == kNoTime ||
            end_ms - call_.first_time > kRingWindowMs) {
            return;
        }
        const CcpEvent* setting = auto_accept_line();
        if (setting != nullptr && setting->detail == "on") {
            return;  // the contact was accepted as it connected: there was no ring to reject
        }
        if (setting != nullptr) cite(*setting);
        verdict_.confidence = Confidence::kLow;
        verdict_.detail += fmt::format(
            " But this log was saved filtered by log level (it has no TRACE or DEBUG entry, so no snapshot, "
            "request or answer of the worker's), and the bye came {:.1f} s after the contact was offered, while it "
            "may still have been ringing{}: the agent rejecting the contact (rejectContact, after which the service "
            "sends the bye) cannot be ruled out.",
            static_cast<double>(end_ms - call_.first_time) / 1000.0,
            setting != nullptr ? " with auto-accept off (the softphone logged \"Auto-accept is disabled\")" : "");
    }

    /// Rules that outrank the softphone's end line: the contact's own state says what happened.
    /// Used for every end of the agent's leg, whichever side sent the bye.
    bool decide_from_contact(std::int64_t end_ms, bool ccp_side) {
        return decide_transfer(end_ms, ccp_side) || decide_barge(end_ms, ccp_side) || decide_outbound(end_ms);
    }

    /// A cold transfer, a warm transfer or the agent leaving a conference: the agent added a
    /// party (createAdditionalConnection / addNewConnection) or used the transfer API, and the
    /// agent's leg then ended while a third party was still on the contact.
    bool decide_transfer(std::int64_t end_ms, bool ccp_side) {
        const std::int64_t since = talking_start_ != nullptr ? talking_start_->time_ms : call_.first_time;
        note_failed_transfers(since, end_ms + kNearbyMs);
        const Request* transfer = last_request(ApiMethod::kTransferContact, since, end_ms + kNearbyMs);
        const Request* added = last_request(ApiMethod::kCreateAdditionalConnection, since, end_ms + kNearbyMs);
        if (const Request* participant = last_request(ApiMethod::kAddNewConnection, since, end_ms + kNearbyMs);
            added == nullptr || (participant != nullptr && participant->event->time_ms > added->event->time_ms)) {
            added = participant != nullptr ? participant : added;
        }
        if (transfer == nullptr && added == nullptr) {
            return false;
        }
        const OwnRequest own = own_destroy_request(end_ms, /*any_time=*/false);
        if (transfer != nullptr && (ccp_side || own.event != nullptr)) {
            // Streams' transfer API: the service removes the agent's leg; no destroyConnection.
            cite(*transfer->event);
            if (own.event != nullptr) cite(*own.event);
            set(Party::kAgent, Category::kTransfer, Reason::transfer_api,
                transfer->idless ? Confidence::kMedium : Confidence::kHigh,
                fmt::format("The agent transferred the contact (transferContact{}), then the agent's leg ended: "
                            "the customer was not hung up on.{}",
                            endpoint_words(transfer->event->endpoint), idless_note(*transfer)));
            return true;
        }
        if (added == nullptr || (!ccp_side && own.event == nullptr)) {
            return false;
        }
        // The party added must still be on the contact when the agent's leg ends: a dropped third
        // party (destroyConnection on their leg, or a snapshot with no live third party) leaves
        // the agent's end an ordinary hang-up.
        const ContactView* last = facts_.view_at(end_ms);
        bool third_party_live = true;
        std::string remaining;
        if (last != nullptr) {
            third_party_live =
                std::any_of(last->connections.begin(), last->connections.end(), [&](const ConnectionView& c) {
                    return facts_.role_of(c.id) == Role::kThirdParty && is_active_connection_state(c.state);
                });
            remaining = remaining_parties(*last, facts_);
            if (last == facts_.view_at(added->event->time_ms)) {
                third_party_live = true;  // no snapshot since the party was added
            }
        }
        for (const Request& request : facts_.requests()) {
            if (request.event->method == ApiMethod::kDestroyConnection && !request.idless &&
                request.failure == nullptr && request.event->time_ms > added->event->time_ms &&
                request.event->time_ms <= end_ms + kNearbyMs &&
                facts_.role_of(request.event->detail) == Role::kThirdParty) {
                third_party_live = false;  // the agent dropped the party before leaving
            }
        }
        if (!third_party_live) {
            return false;
        }
        const Request* joined = last_request(ApiMethod::kConferenceConnections, added->event->time_ms, end_ms);
        cite(*added->event);
        if (joined != nullptr) cite(*joined->event);
        if (own.event != nullptr) cite(*own.event);
        const Confidence confidence =
            own.event != nullptr && own.linked && !added->idless ? Confidence::kHigh : Confidence::kMedium;
        const std::string left_with =
            remaining.empty() ? std::string() : fmt::format(" Still on the contact: {}.", remaining);
        if (joined != nullptr) {
            set(Party::kAgent, Category::kTransfer, Reason::left_conference, confidence,
                fmt::format("The agent left a conference (conferenceConnections, then the agent's own leg ended): "
                            "the call went on without them.{}{}",
                            left_with, idless_note(*added)));
            return true;
        }
        const EndpointKind endpoint = added->event->endpoint;
        const Reason reason = endpoint == EndpointKind::kQueue         ? Reason::transfer_to_queue
                              : endpoint == EndpointKind::kPhoneNumber ? Reason::transfer_to_number
                              : endpoint == EndpointKind::kAgent       ? Reason::transfer_to_agent
                                                                       : Reason::transfer;
        set(Party::kAgent, Category::kTransfer, reason, confidence,
            fmt::format("The agent added a party ({}{}) and then left: a transfer, the customer was not hung up "
                        "on.{}{}",
                        added->event->method == ApiMethod::kAddNewConnection ? "addNewConnection"
                                                                             : "createAdditionalConnection",
                        endpoint_words(endpoint), left_with, idless_note(*added)));
        return true;
    }

    static std::string endpoint_words(EndpointKind endpoint) {
        switch (endpoint) {
            case EndpointKind::kQueue: return " to a queue";
            case EndpointKind::kPhoneNumber: return " to a phone number";
            case EndpointKind::kAgent: return " to an agent";
            case EndpointKind::kOther:
            case EndpointKind::kNone: return "";
        }
        return "";
    }

    static std::string idless_note(const Request& request) {
        return request.idless ? " The request was relayed with no objects (it names no contact); it was tied to "
                                "this call because no other contact was live then."
                              : "";
    }

    /// A supervisor barged in (a connection with monitorStatus BARGE) and the agent's leg ended
    /// from the service side with no request of the agent's.
    bool decide_barge(std::int64_t end_ms, bool ccp_side) {
        const ContactView* last = facts_.view_at(end_ms);
        if (last == nullptr) {
            return false;
        }
        const auto barging =
            std::find_if(last->connections.begin(), last->connections.end(), [&](const ConnectionView& c) {
                return c.barge && facts_.role_of(c.id) != Role::kAgent && is_active_connection_state(c.state);
            });
        if (barging == last->connections.end() || own_destroy_request(end_ms, false).event != nullptr) {
            return false;
        }
        // After the end: is the customer still on the contact? Then the supervisor removed the agent.
        bool customer_stayed = false;
        for (const CcpEvent* view : facts_.views()) {
            if (view->time_ms > end_ms) {
                const ConnectionView* customer = view->contact->initial_connection();
                customer_stayed = customer != nullptr && is_active_connection_state(customer->state);
                break;
            }
        }
        const std::string who = fmt::format("a supervisor barging in (connection {})", barging->id);
        if (ccp_side || customer_stayed) {
            set(Party::kThirdParty, Category::kHangup, Reason::barged_out, Confidence::kMedium,
                fmt::format("The agent's leg was ended from the service side while {} was on the call, with no "
                            "request of the agent's: the supervisor removed the agent.",
                            who));
        } else {
            set(Party::kUnknown, Category::kOther, Reason::barged_out, Confidence::kLow,
                fmt::format("The far end ended the agent's leg while {} was on the call: the supervisor or the "
                            "customer; the log cannot show which.",
                            who));
        }
        return true;
    }

    /// An outbound call (or a queued callback) whose customer leg never connected: busy, no
    /// answer, invalid number, unreachable; or the agent gave up before the answer.
    bool decide_outbound(std::int64_t end_ms) {
        if (!facts_.customer_leg_outbound() || facts_.customer_ever_connected() || facts_.views().empty()) {
            return false;
        }
        const OwnRequest own = own_destroy_request(end_ms, /*any_time=*/true);
        if (own.event != nullptr) {
            cite(*own.event);
            set(Party::kAgent, Category::kNotConnected, Reason::outbound_cancelled_by_agent,
                own.linked ? Confidence::kHigh : Confidence::kMedium,
                "The agent hung up (destroyConnection) an outbound call before the customer answered.");
            return true;
        }
        const std::string& state = facts_.agent_error_state();
        if (state == "LineEngagedCustomer") {
            set(Party::kSystem, Category::kNotConnected, Reason::busy, Confidence::kHigh,
                "The outbound call never connected: the number was busy (agent state LineEngagedCustomer).");
        } else if (state == "BadAddressCustomer") {
            set(Party::kSystem, Category::kNotConnected, Reason::invalid_number, Confidence::kHigh,
                "The outbound call never connected: the number is invalid (agent state BadAddressCustomer).");
        } else if (state == "MissedCallCustomer") {
            set(Party::kSystem, Category::kNotConnected, Reason::no_answer, Confidence::kHigh,
                "The outbound call never connected: the customer did not answer (agent state MissedCallCustomer).");
        } else if (state == "FailedConnectCustomer") {
            set(Party::kSystem, Category::kNotConnected, Reason::unreachable, Confidence::kHigh,
                "The outbound call never connected: the customer could not be reached (agent state "
                "FailedConnectCustomer).");
        } else {
            set(Party::kSystem, Category::kNotConnected, Reason::outbound_not_connected, Confidence::kLow,
                "The customer's leg of this outbound call never connected in any snapshot, and the agent made no "
                "request to hang up; the log does not say why it failed.");
        }
        verdict_.raw_reason = state.empty() ? verdict_.raw_reason : state;
        return true;
    }

    void decide_ccp_side_end(std::int64_t end_ms) {
        if (decide_from_contact(end_ms, /*ccp_side=*/true)) {
            return;
        }
        const OwnRequest destroy = own_destroy_request(end_ms, /*any_time=*/false);
        const CcpEvent* v1_line = nearby(context_.agent_disconnected, end_ms);
        if (destroy.event != nullptr && destroy.linked) {
            cite(*destroy.event);
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh,
                "The CCP sent the bye after the agent asked to hang up their own connection "
                "(destroyConnection).");
        } else if (v1_line != nullptr) {
            cite(*v1_line);
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh,
                "The CCP sent the bye and logged \"Agent disconnected successfully.\".");
        } else if (destroy.event != nullptr && destroy.idless) {
            cite(*destroy.event);
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kMedium,
                "The CCP sent the bye after a destroyConnection request relayed with no objects (it names no "
                "contact); it was tied to this call because no other contact was live then.");
        } else if (destroy.event != nullptr) {
            cite(*destroy.event);
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kMedium,
                "The CCP sent the bye after a destroyConnection request for this contact; the log does "
                "not link the connection to the agent's own leg.");
        } else if (context_.records_requests) {
            set(Party::kUnknown, Category::kOther, Reason::ccp_side_end_without_agent_request, Confidence::kLow,
                "The CCP sent the bye (TalkingState => PendingRemoteHangupState), but this log records the "
                "agent's API requests and has no End call (destroyConnection), transfer or conference request "
                "shortly before: a customer bye lost in a reconnect, a flow disconnect or a barge end the same "
                "way.");
        } else if (reconnected_before(end_ms)) {
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kLow,
                "The CCP sent the bye, but the signaling channel reconnected during the call: a customer bye "
                "lost in the reconnect ends the same way. This log records no API requests (Streams before "
                "2.5), so the agent's End call cannot be seen.");
        } else {
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kMedium,
                "The CCP sent the bye (TalkingState => PendingRemoteHangupState). This log records no API "
                "requests (Streams before 2.5), so the agent's End call cannot be confirmed (a flow disconnect "
                "or a barge ends the same way).");
        }
    }

    void decide_side_not_logged(std::int64_t end_ms) {
        if (decide_from_contact(end_ms, /*ccp_side=*/true)) {
            return;
        }
        const OwnRequest destroy = own_destroy_request(end_ms, /*any_time=*/false);
        if (destroy.event != nullptr) {
            cite(*destroy.event);
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup,
                destroy.linked ? Confidence::kHigh : Confidence::kMedium,
                destroy.linked ? "The call ended without saying which side hung up, and the agent had asked to "
                                 "hang up their own connection (destroyConnection)."
                : destroy.idless
                    ? "The call ended without saying which side hung up, after a destroyConnection request "
                      "relayed with no objects; it was tied to this call because no other contact was live then."
                    : "The call ended without saying which side hung up, after a destroyConnection "
                      "request for this contact that the log does not link to the agent's own leg.");
            return;
        }
        set(Party::kUnknown, Category::kOther, Reason::end_side_not_logged, Confidence::kLow,
            "The call ended on a path that logs the same line whoever hangs up (persistent "
            "connection or CallSession), and the agent made no destroyConnection request.");
    }

    void decide_failure_while_talking(const CcpEvent& fail) {
        if (fail.from == State::kPendingReconnect) {
            if (const CcpEvent* later = session_end_long_after(fail)) {
                cite(*later);
                const OwnRequest destroy = own_destroy_request(later->time_ms, /*any_time=*/false);
                if (destroy.event != nullptr && destroy.event->time_ms > fail.time_ms) {
                    // With no channel, the agent's End call logs no bye (signaling.js FailedState.bye):
                    // only the request and the session's end.
                    cite(*destroy.event);
                    verdict_.ended_at_ms = later->time_ms;
                    set(Party::kAgent, Category::kHangup, Reason::agent_hangup,
                        destroy.linked ? Confidence::kHigh : Confidence::kMedium,
                        fmt::format("The signaling channel failed (PendingReconnectState => FailedState) but the "
                                    "session went on {:.1f} s, until the agent's destroyConnection request ended it.",
                                    static_cast<double>(later->time_ms - fail.time_ms) / 1000.0));
                    return;
                }
                set(Party::kSystem, Category::kFailure, Reason::signaling_lost, Confidence::kLow,
                    fmt::format("The signaling channel dropped during the call and never came back "
                                "(PendingReconnectState => FailedState), but the softphone session stayed in "
                                "TalkingState {:.1f} s longer (connect-rtc-js ends a session on a signaling failure "
                                "only for AccessDenied): the call may have gone on without signaling, and how it "
                                "ended then is not logged.",
                                static_cast<double>(later->time_ms - fail.time_ms) / 1000.0));
                return;
            }
            set(Party::kSystem, Category::kFailure, Reason::signaling_lost, Confidence::kHigh,
                "The signaling channel dropped during the call and never came back "
                "(PendingReconnectState => FailedState).");
            return;
        }
        const FailureCause cause = first_cause();
        if (is_channel(fail.machine) && cause == FailureCause::kAccessDenied) {
            set(Party::kSystem, Category::kNotConnected, Reason::access_denied, Confidence::kHigh,
                "The service rejected the accept (AccessDeniedException, 403) right after connecting.");
            return;
        }
        if (is_channel(fail.machine)) {
            set(Party::kSystem, Category::kFailure, Reason::signaling_failed, Confidence::kMedium,
                "The signaling channel failed during the call (TalkingState => FailedState).");
            return;
        }
        set(Party::kSystem, Category::kFailure, Reason::session_failed, Confidence::kMedium,
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

    static std::string_view type_name(ContactType type) {
        switch (type) {
            case ContactType::kChat: return "chat";
            case ContactType::kTask: return "task";
            case ContactType::kEmail: return "email";
            case ContactType::kOther: return "non-voice";
            case ContactType::kQueueCallback: return "queued callback";
            case ContactType::kVoice:
            case ContactType::kUnknown: return "voice";
        }
        return "voice";
    }

    /// Chats, tasks and email: no softphone, so only the agent's own request can say who ended it.
    bool decide_non_voice() {
        if (is_voice(facts_.type())) {
            return false;
        }
        verdict_.started_at_ms = call_.first_time;
        verdict_.ended_at_ms = call_.last_time;
        const CcpEvent* first_view = facts_.views().front();
        cite(*first_view);
        const OwnRequest own = own_destroy_request(call_.last_time, /*any_time=*/true);
        if (own.event != nullptr && own.linked) {
            cite(*own.event);
            verdict_.ended_at_ms = own.event->time_ms;
            set(Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kMedium,
                fmt::format("A {} contact, not a call: the agent ended it (destroyConnection on their own "
                            "connection).",
                            type_name(facts_.type())));
            return true;
        }
        set(Party::kUnknown, Category::kOther, Reason::non_voice_contact, Confidence::kLow,
            fmt::format("A {} contact, not a call (snapshot contact type): the CCP log has no softphone lines for "
                        "it and no request of the agent's that ended it.",
                        type_name(facts_.type())));
        return true;
    }

    /// The contact's own state outranks the softphone: a contact missed (never accepted) or
    /// rejected by the agent never connected, though Streams may have started the softphone
    /// session while it rang (auto-accept off) and the leg reached TalkingState.
    bool decide_missed_or_rejected() {
        if (facts_.ever_in_state("connected")) {
            return false;
        }
        const Request* reject = last_request(ApiMethod::kRejectContact, INT64_MIN, INT64_MAX);
        const CcpEvent* rejected_view = nullptr;
        const CcpEvent* missed_view = nullptr;
        for (const CcpEvent* view : facts_.views()) {
            if (view->contact->state == "rejected" && rejected_view == nullptr) rejected_view = view;
            if ((view->contact->state == "missed" || view->contact->agent_state == "MissedCallAgent") &&
                missed_view == nullptr) {
                missed_view = view;
            }
        }
        const auto missed_event = std::find_if(call_.events.begin(), call_.events.end(),
                                               [](const CcpEvent& e) { return e.kind == EventKind::kContactMissed; });
        const bool failed = std::any_of(call_.events.begin(), call_.events.end(), [](const CcpEvent& e) {
            return e.kind == EventKind::kTransition && e.to == State::kFailed;
        });
        const auto end = std::find_if(call_.events.begin(), call_.events.end(), is_end_event);
        const std::int64_t end_ms = end != call_.events.end() ? end->time_ms : kNoTime;
        if ((reject != nullptr && !reject->idless) || rejected_view != nullptr) {
            verdict_.started_at_ms = call_.first_time;
            const CcpEvent& decisive = reject != nullptr ? *reject->event : *rejected_view;
            cite(decisive);
            if (rejected_view != nullptr) cite(*rejected_view);
            verdict_.ended_at_ms = end_ms != kNoTime ? end_ms : decisive.time_ms;
            verdict_.raw_reason = rejected_view != nullptr ? "contact state rejected" : "rejectContact";
            set(Party::kAgent, Category::kNotConnected, Reason::rejected_by_agent,
                reject != nullptr ? Confidence::kHigh : Confidence::kMedium,
                reject != nullptr ? "The agent rejected the contact (rejectContact request) before it connected."
                                  : "The contact's state became rejected before it connected: the agent rejected it.");
            return true;
        }
        const bool missed = missed_view != nullptr || missed_event != call_.events.end();
        if (!missed || (!talked_ && (failed || missed_view == nullptr))) {
            return false;  // the rules for calls that never connected read the missed event
        }
        verdict_.started_at_ms = call_.first_time;
        const CcpEvent* decisive = missed_event != call_.events.end() ? &*missed_event : missed_view;
        if (decisive == nullptr) {
            return false;
        }
        cite(*decisive);
        if (missed_view != nullptr && decisive != missed_view) cite(*missed_view);
        verdict_.ended_at_ms = end_ms != kNoTime ? end_ms : decisive->time_ms;
        verdict_.raw_reason = missed_view != nullptr ? "contact state missed" : decisive->text;
        set(Party::kSystem, Category::kNotConnected, Reason::missed_by_agent, Confidence::kMedium,
            talked_ ? "The contact was missed: the agent did not accept it in time. The softphone session had "
                      "started while it rang (auto-accept off), so its end line does not say who hung up."
                    : "The contact was missed: the agent did not accept it in time.");
        return true;
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
            set(Party::kSystem, Category::kNotConnected, Reason::missed_by_agent, Confidence::kMedium,
                "The contact was missed: the agent did not accept it in time.");
            return true;
        }
        const std::int64_t end_ms = failed->time_ms;
        verdict_.ended_at_ms = end_ms;
        verdict_.started_at_ms = call_.first_time;
        verdict_.raw_reason = raw_of(*failed);
        cite(*failed);

        const OwnRequest own = own_destroy_request(end_ms, /*any_time=*/true);
        const CcpEvent* destroy = own.event;
        const bool linked = own.linked;
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
            set(Party::kAgent, Category::kNotConnected, Reason::agent_hangup_before_answer,
                linked ? Confidence::kHigh : Confidence::kMedium,
                "The agent hung up (destroyConnection) before the softphone finished connecting.");
            return true;
        }
        switch (cause) {
            case FailureCause::kAgentHangupBeforeAnswer:
                set(Party::kAgent, Category::kNotConnected, Reason::agent_hangup_before_answer, Confidence::kHigh,
                    "The agent hung up before the softphone finished connecting.");
                break;
            case FailureCause::kBusy:
                set(Party::kSystem, Category::kNotConnected, Reason::user_busy, Confidence::kHigh,
                    "The service answered BusyException (486): another CCP window holds the softphone.");
                break;
            case FailureCause::kCallNotFound:
                set(Party::kCustomer, Category::kNotConnected, Reason::call_not_found, Confidence::kMedium,
                    "The service answered CallNotFoundException (404): the caller was gone before the "
                    "agent's leg connected.");
                break;
            case FailureCause::kAccessDenied:
                set(Party::kSystem, Category::kNotConnected, Reason::access_denied, Confidence::kHigh,
                    "The service answered AccessDeniedException (403).");
                break;
            case FailureCause::kTimeout:
                set(Party::kSystem, Category::kNotConnected, Reason::signaling_timeout, Confidence::kHigh,
                    "A signaling request timed out before the call connected.");
                break;
            case FailureCause::kIceCollectionTimeout:
                set(Party::kSystem, Category::kNotConnected, Reason::ice_collection_timeout, Confidence::kHigh,
                    "ICE candidate collection timed out before the call connected.");
                break;
            case FailureCause::kSignalingUnreachable:
                set(Party::kSystem, Category::kNotConnected, Reason::signaling_unreachable, Confidence::kHigh,
                    "The softphone could not open its signaling connection.");
                break;
            case FailureCause::kMicrophoneDenied:
                set(Party::kSystem, Category::kNotConnected, Reason::microphone_denied, Confidence::kHigh,
                    "The browser did not give the softphone the microphone.");
                break;
            case FailureCause::kHandshakeFailure:
                set(Party::kSystem, Category::kNotConnected, Reason::signaling_handshake_failure, Confidence::kMedium,
                    "The signaling server answered the invite with an error.");
                break;
            case FailureCause::kNone:
                set(Party::kSystem, Category::kNotConnected, Reason::setup_failed, Confidence::kLow,
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
            set(Party::kUnknown, Category::kOther, Reason::no_softphone_session, Confidence::kLow,
                "The contact was detected but the log has no softphone state line for it.");
            return;
        }
        const bool ended = std::any_of(call_.events.begin(), call_.events.end(), [](const CcpEvent& e) {
            return e.kind == EventKind::kTransition && is_end_state(e.to);
        });
        if (ended) {
            set(Party::kUnknown, Category::kOther, Reason::end_not_attributable, Confidence::kLow,
                "The softphone session ended without a transition that says who ended the call.");
            return;
        }
        set(Party::kUnknown, Category::kOther, Reason::log_ends_mid_call, Confidence::kLow,
            talked_ ? "The log ends while the call is still connected."
                    : "The log ends while the call is still being set up.");
    }

    CallRecord& call_;
    const JudgeContext& context_;
    Verdict verdict_;
    const CcpEvent* talking_start_ = nullptr;
    bool talked_ = false;
    bool decisive_reassigned_ = false;
    ContactFacts facts_;
    std::vector<const Request*> failed_transfers_;  ///< see note_failed_transfers
    std::vector<const Request*> failed_hangups_;    ///< see own_destroy_request
};

}  // namespace

ContactType contact_type_of(const CallRecord& call) {
    return call.type;
}

Verdict judge_call(CallRecord& call, const JudgeContext& context) {
    return Judge(call, context).run();
}

}  // namespace whohungup::ccp
