// SPDX-License-Identifier: MIT
// The hot path sees every entry's text, so cheap substring tests gate every regex.
#include "ccp/line_classifier.h"

#include <algorithm>
#include <array>
#include <utility>

namespace whohungup::ccp {

namespace {

constexpr std::array<std::pair<std::string_view, State>, 23> kStateNames{{
    {"null", State::kNull},
    {"PendingConnectState", State::kPendingConnect},
    {"PendingInviteState", State::kPendingInvite},
    {"PendingAnswerState", State::kPendingAnswer},
    {"PendingAcceptState", State::kPendingAccept},
    {"PendingAcceptAckState", State::kPendingAcceptAck},
    {"PendingConnectContactState", State::kPendingConnectContact},
    {"IdleState", State::kIdle},
    {"TalkingState", State::kTalking},
    {"PendingReconnectState", State::kPendingReconnect},
    {"PendingRemoteHangupState", State::kPendingRemoteHangup},
    {"PendingLocalHangupState", State::kPendingLocalHangup},
    {"DisconnectedState", State::kDisconnected},
    {"FailedState", State::kFailed},
    {"GrabLocalMediaState", State::kGrabLocalMedia},
    {"CreateOfferState", State::kCreateOffer},
    {"SetLocalSessionDescriptionState", State::kSetLocalSessionDescription},
    {"ConnectSignalingAndIceCollectionState", State::kConnectSignalingAndIceCollection},
    {"InviteAnswerState", State::kInviteAnswer},
    {"AcceptState", State::kAccept},
    {"ConnectContactState", State::kConnectContact},
    {"InitialState", State::kInitial},
    {"CleanUpState", State::kCleanUp},
}};

constexpr std::array<std::pair<std::string_view, Machine>, 4> kMachineNames{{
    {"SIGNALING", Machine::kSignaling},
    {"SESSION", Machine::kSession},
    {"CallSession", Machine::kCallSession},
    {"SharedMediaSIGNALING", Machine::kSharedMediaSignaling},
}};

/// Failure texts logged by the RTC session just before it fails, and what they mean.
constexpr std::array<std::pair<std::string_view, FailureCause>, 14> kFailureTexts{{
    // Most specific first: the generic handshake message is followed by the exception's name.
    {"Hangs up in PendingAnswerState", FailureCause::kAgentHangupBeforeAnswer},
    {"Agent clicks hangs up", FailureCause::kAgentHangupBeforeAnswer},
    {"BusyException", FailureCause::kBusy},
    {"User Busy", FailureCause::kBusy},
    {"CallNotFoundException", FailureCause::kCallNotFound},
    {"Call not found", FailureCause::kCallNotFound},
    {"AccessDeniedException", FailureCause::kAccessDenied},
    {"Access Denied", FailureCause::kAccessDenied},
    {"ICE collection timed out", FailureCause::kIceCollectionTimeout},
    {"Ice Collection Timeout", FailureCause::kIceCollectionTimeout},
    {"Failed connecting to signaling server", FailureCause::kSignalingUnreachable},
    {"Local media initialization failed", FailureCause::kMicrophoneDenied},
    {"Timeout", FailureCause::kTimeout},
    {"Failed handshaking with signaling server", FailureCause::kHandshakeFailure},
}};

// Line openings the classifier recognises (after the leading space is trimmed).
constexpr std::string_view kContactDetected = "Contact detected";
constexpr std::string_view kSoftphoneCallDetected = "Softphone call detected";
constexpr std::string_view kContactInSnapshot = "Contact exist in the snapshot";
constexpr std::string_view kAgentDisconnected = "Agent disconnected successfully";
constexpr std::string_view kSoftphoneError = "Softphone error occurred";
constexpr std::string_view kCallNotFound = "Softphone call failed due to CallNotFoundException";
constexpr std::string_view kContactMissed = "Publishing event: contact::missed::";
constexpr std::string_view kApiRequest = "Sending API_REQUEST event for ";
constexpr std::string_view kAgentConfiguration = "AWSClient: <-- Operation 'getAgentConfiguration' succeeded";
constexpr std::string_view kAgentSnapshot = "GET_AGENT_SNAPSHOT succeeded";
constexpr std::string_view kApiResult = "AWSClient: <-- Operation ";
// softphone.js fireContactAcceptedEvent, when the session reaches TalkingState (INFO, no id).
constexpr std::string_view kAutoAccept = "Auto-accept is ";
constexpr std::array<std::string_view, 12> kLineOpenings{
    kContactDetected,    kSoftphoneCallDetected, kContactInSnapshot, kAgentDisconnected,
    kSoftphoneError,     kCallNotFound,          kContactMissed,     kApiRequest,
    kAgentConfiguration, kAgentSnapshot,         kApiResult,         kAutoAccept};

std::string_view next_token(std::string_view text, std::size_t& pos) {
    while (pos < text.size() && text[pos] == ' ') {
        ++pos;
    }
    const std::size_t start = pos;
    pos = std::min(text.find(' ', pos), text.size());  // memchr: tokens are mostly 36-byte ids
    return text.substr(start, pos - start);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<Machine> machine_from_token(std::string_view token) {
    // Most tokens are ids and state names: every machine name starts with 'S' or 'C'.
    if (token.empty() || (token.front() != 'S' && token.front() != 'C')) {
        return std::nullopt;
    }
    for (const auto& [name, machine] : kMachineNames) {
        if (token == name) {
            return machine;
        }
    }
    return std::nullopt;
}

/// An id slot the library fills when it has no contact: not a call.
bool is_placeholder_id(std::string_view id) {
    // An empty id slot leaves the manager's own category where the id would be.
    return id.empty() || id == "null" || id == "unknown" || id == "undefined" ||
           id.starts_with("RtcPeerConnectionManager");
}

/// "<Old> => <New>" and nothing else.
bool parse_transition(std::string_view rest, State& from, State& to) {
    const std::size_t arrow = rest.find(" => ");
    if (arrow == std::string_view::npos) {
        return false;
    }
    const std::string_view old_name = trim(rest.substr(0, arrow));
    const std::string_view new_name = trim(rest.substr(arrow + 4));
    if (old_name.empty() || new_name.empty() || old_name.find(' ') != std::string_view::npos ||
        new_name.find(' ') != std::string_view::npos) {
        return false;
    }
    from = state_from_name(old_name);
    to = state_from_name(new_name);
    return true;
}

FailureCause failure_cause_in(std::string_view rest) {
    for (const auto& [needle, cause] : kFailureTexts) {
        if (rest.find(needle) != std::string_view::npos) {
            return cause;
        }
    }
    return FailureCause::kNone;
}

/// Lines of one contact's state machines: "<id> <MACHINE> ...", possibly after a
/// "<id> RtcPeerConnectionManager[V2]" prefix. The id nearest the machine name wins.
bool classify_machine_line(std::string_view text, CcpEvent& out) {
    std::size_t pos = 0;
    std::string_view previous;
    for (int tokens = 0; tokens < 6 && pos < text.size(); ++tokens) {
        const std::string_view token = next_token(text, pos);
        const std::optional<Machine> machine = machine_from_token(token);
        if (!machine) {
            previous = token;
            continue;
        }
        if (is_placeholder_id(previous) || machine_from_token(previous)) {
            return false;
        }
        const std::string_view rest = trim(text.substr(pos));
        out.machine = *machine;
        out.id = std::string(previous);
        if (parse_transition(rest, out.from, out.to)) {
            out.kind = EventKind::kTransition;
            return true;
        }
        if (*machine == Machine::kCallSession && rest.starts_with("Received message: bye")) {
            out.kind = EventKind::kRemoteBye;
            return true;
        }
        if (*machine == Machine::kSession || *machine == Machine::kCallSession || *machine == Machine::kSignaling) {
            const FailureCause cause = failure_cause_in(rest);
            if (cause != FailureCause::kNone) {
                out.kind = EventKind::kFailureHint;
                out.cause = cause;
                return true;
            }
        }
        return false;
    }
    return false;
}

/// RE2's \\s: the Perl space class.
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/// The run of non-space bytes at `pos` (advancing past it).
std::string_view non_space_run(std::string_view text, std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) {
        ++pos;
    }
    return text.substr(start, pos - start);
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_space(text[pos])) {
        ++pos;
    }
    return pos;
}

/// The leftmost match of `contactId\s*(\S+)\s+agent connectionId\s+(\S+)` (the pattern the
/// rules document), by hand: a regex engine costs more than every other line of a call.
bool classify_connection_line(std::string_view text, CcpEvent& out) {
    // " Contact detected: contactId X agent connectionId Y", " Softphone call detected: ...",
    // " Contact exist in the snapshot. Reinitiate ... for contactId<X> agent connectionId <Y>".
    constexpr std::string_view kContactKey = "contactId";
    constexpr std::string_view kAgentKey = "agent connectionId";
    std::size_t next = 0;
    for (std::size_t at = text.find(kContactKey); at != std::string_view::npos; at = text.find(kContactKey, next)) {
        std::size_t pos = skip_spaces(text, at + kContactKey.size());
        const std::string_view contact = non_space_run(text, pos);
        // Every later "contactId" that ends before this id does reads the same id and fails the
        // same way: search on from the last one that could end with it, which keeps a line of
        // back-to-back "contactId"s linear rather than quadratic.
        next = std::max(at + 1, pos - std::min(pos, kContactKey.size()));
        // The id runs to a space or the end, so `\\s+` before the key holds whenever the key follows.
        const std::size_t agent_at = skip_spaces(text, pos);
        if (contact.empty() || text.substr(agent_at, kAgentKey.size()) != kAgentKey) {
            continue;
        }
        pos = skip_spaces(text, agent_at + kAgentKey.size());
        if (pos == agent_at + kAgentKey.size()) {
            continue;
        }
        const std::string_view connection = non_space_run(text, pos);
        if (connection.empty()) {
            continue;
        }
        out.kind = EventKind::kContactDetected;
        out.id = std::string(contact);
        out.detail = std::string(connection);
        return true;
    }
    return false;
}

/// The worker's answer to a request whose failure changes a rule (a transfer or a party added
/// that did not happen, an End call that did not hang up). Streams' client.js logs
/// "AWSClient: <-- Operation '<m>' succeeded.", "... '<m>' failed: <error>", and, for retried
/// methods, "... <m> failed with <e> error. Retrying ..." (not an answer yet) and "... <m>
/// exhausted max <n> number of retries ..." (failed).
bool classify_api_result(std::string_view text, CcpEvent& out) {
    text.remove_prefix(kApiResult.size());
    const bool quoted = text.starts_with('\'');
    if (quoted) {
        text.remove_prefix(1);
    }
    const std::size_t name_end = text.find(quoted ? '\'' : ' ');
    if (name_end == std::string_view::npos) {
        return false;
    }
    const ApiMethod method = api_method_from_name(text.substr(0, name_end));
    if (method != ApiMethod::kTransferContact && method != ApiMethod::kCreateAdditionalConnection &&
        method != ApiMethod::kAddNewConnection && method != ApiMethod::kConferenceConnections &&
        method != ApiMethod::kDestroyConnection) {
        return false;
    }
    std::string_view outcome = text.substr(name_end + (quoted ? 1 : 0));
    if (outcome.starts_with(" succeeded")) {
        out.detail = "succeeded";
    } else if (outcome.starts_with(" failed: ") || outcome.starts_with(" exhausted max ")) {
        out.detail = "failed";
    } else {
        return false;  // a retry on the way, or a line this version does not know
    }
    out.kind = EventKind::kApiResult;
    out.method = method;
    return true;
}

}  // namespace

std::string_view machine_name(Machine machine) {
    for (const auto& [name, value] : kMachineNames) {
        if (value == machine) {
            return name;
        }
    }
    return {};
}

State state_from_name(std::string_view name) {
    for (const auto& [text, state] : kStateNames) {
        if (text == name) {
            return state;
        }
    }
    return State::kOther;
}

ObjectLine object_line_kind(std::string_view text) {
    // Only the methods a rule reads: the others (getAgentSnapshot, sendClientLogs...) are busy
    // lines that need no DOM.
    if (text.starts_with(kApiRequest) && api_method_from_name(request_method_in(text)) != ApiMethod::kOther) {
        return ObjectLine::kApiRequest;
    }
    if (text.starts_with(kAgentConfiguration)) {
        return ObjectLine::kAgentConfiguration;
    }
    if (text.starts_with(kAgentSnapshot)) {
        return ObjectLine::kAgentSnapshot;
    }
    return ObjectLine::kNone;
}

std::string_view request_method_in(std::string_view text) {
    if (!text.starts_with(kApiRequest)) {
        return {};
    }
    text.remove_prefix(kApiRequest.size());
    return text.substr(0, text.find(' '));
}

ApiMethod api_method_from_name(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, ApiMethod>, 15> kMethods{{
        {"destroyConnection", ApiMethod::kDestroyConnection},
        {"createAdditionalConnection", ApiMethod::kCreateAdditionalConnection},
        {"addNewConnection", ApiMethod::kAddNewConnection},
        {"transferContact", ApiMethod::kTransferContact},
        {"conferenceConnections", ApiMethod::kConferenceConnections},
        {"holdConnection", ApiMethod::kHoldConnection},
        {"resumeConnection", ApiMethod::kResumeConnection},
        {"toggleActiveConnections", ApiMethod::kToggleActiveConnections},
        {"rejectContact", ApiMethod::kRejectContact},
        {"acceptContact", ApiMethod::kAcceptContact},
        {"createOutboundContact", ApiMethod::kCreateOutboundContact},
        {"destroyContact", ApiMethod::kDestroyContact},
        {"clearContact", ApiMethod::kClearContact},
        {"completeContact", ApiMethod::kCompleteContact},
        {"updateMonitorParticipantState", ApiMethod::kUpdateMonitorParticipantState},
    }};
    for (const auto& [text, method] : kMethods) {
        if (text == name) {
            return method;
        }
    }
    return ApiMethod::kOther;
}

const ConnectionView* ContactView::agent_connection() const {
    for (const ConnectionView& connection : connections) {
        if (connection.type == "agent") {
            return &connection;
        }
    }
    return nullptr;
}

const ConnectionView* ContactView::initial_connection() const {
    for (const ConnectionView& connection : connections) {
        if (connection.initial && connection.type != "agent") {
            return &connection;
        }
    }
    return nullptr;
}

bool may_be_recognised(std::string_view text) {
    if (text.starts_with(kApiRequest)) {
        return object_line_kind(text) != ObjectLine::kNone;
    }
    if (std::ranges::any_of(kLineOpenings, [text](std::string_view opening) { return text.starts_with(opening); })) {
        return true;
    }
    // A state machine line names its machine as a whole word; every name holds one of these.
    return text.find("SIGNALING") != std::string_view::npos || text.find("SESSION") != std::string_view::npos ||
           text.find("CallSession") != std::string_view::npos;
}

bool classify_line(std::string_view text, CcpEvent& out) {
    if (text.starts_with(kContactDetected) || text.starts_with(kSoftphoneCallDetected) ||
        text.starts_with(kContactInSnapshot)) {
        return classify_connection_line(text, out);
    }
    if (text.starts_with(kAgentDisconnected)) {
        out.kind = EventKind::kAgentDisconnected;
        return true;
    }
    if (text.starts_with(kSoftphoneError)) {
        // " Softphone error occurred :  <type> <message>"
        std::size_t pos = text.find(':');
        const std::string_view type = pos == std::string_view::npos ? std::string_view{} : next_token(text, ++pos);
        out.kind = EventKind::kSoftphoneError;
        out.detail = std::string(type);
        return true;
    }
    if (text.starts_with(kCallNotFound)) {
        out.kind = EventKind::kSoftphoneError;
        out.detail = "call_not_found";
        return true;
    }
    if (text.starts_with(kContactMissed)) {
        out.kind = EventKind::kContactMissed;
        out.id = std::string(trim(text.substr(kContactMissed.size())));
        return !out.id.empty();
    }
    if (text.starts_with(kApiResult)) {
        return classify_api_result(text, out);
    }
    if (text.starts_with(kAutoAccept)) {
        // "Auto-accept is disabled, ringtone will be stopped by user action." / "Auto-accept is
        // enabled, sending out Accepted event to stop ringtone..": the agent's setting for this call.
        const std::string_view setting = text.substr(kAutoAccept.size());
        if (setting.starts_with("disabled")) {
            out.detail = "off";
        } else if (setting.starts_with("enabled")) {
            out.detail = "on";
        } else {
            return false;
        }
        out.kind = EventKind::kAutoAccept;
        return true;
    }
    return classify_machine_line(text, out);
}

}  // namespace whohungup::ccp
