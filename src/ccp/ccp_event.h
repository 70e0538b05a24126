// SPDX-License-Identifier: MIT
// What the CCP reader extracts from a log entry: only the lines that bear on how a call ended.
// Everything else in the log (metrics, heartbeats, most snapshots) is read and dropped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace whohungup::ccp {

/// The logger category written after the id: which state machine the line belongs to.
enum class Machine : std::uint8_t {
    kSignaling,             ///< classic signaling channel (may carry a stale id when persistent)
    kSession,               ///< classic RTC session (always the right contact id)
    kCallSession,           ///< V2 per-contact session (always the right contact id)
    kSharedMediaSignaling,  ///< V2 shared channel (carries the first contact's id)
};

/// True for the channel machines, whose lines can carry a stale contact id.
[[nodiscard]] constexpr bool is_channel(Machine machine) {
    return machine == Machine::kSignaling || machine == Machine::kSharedMediaSignaling;
}

/// Softphone state names of connect-rtc-js (SIGNALING, SESSION and CallSession share several).
enum class State : std::uint8_t {
    kNull,
    kPendingConnect,
    kPendingInvite,
    kPendingAnswer,
    kPendingAccept,
    kPendingAcceptAck,
    kPendingConnectContact,
    kIdle,
    kTalking,
    kPendingReconnect,
    kPendingRemoteHangup,
    kPendingLocalHangup,
    kDisconnected,
    kFailed,
    kGrabLocalMedia,
    kCreateOffer,
    kSetLocalSessionDescription,
    kConnectSignalingAndIceCollection,
    kInviteAnswer,
    kAccept,
    kConnectContact,
    kInitial,
    kCleanUp,
    kOther,  ///< a name this version does not know; kept verbatim in the evidence
};

/// A softphone machine's end: the session (or channel) is over, whoever ended it.
[[nodiscard]] constexpr bool is_end_state(State state) {
    return state == State::kDisconnected || state == State::kFailed;
}

[[nodiscard]] State state_from_name(std::string_view name);
[[nodiscard]] std::string_view machine_name(Machine machine);

/// Why a call failed to connect, as named by a line of the log.
enum class FailureCause : std::uint8_t {
    kNone,
    kBusy,                     ///< BusyException / 486: another CCP window holds the softphone
    kCallNotFound,             ///< CallNotFoundException / 404: the caller was already gone
    kAccessDenied,             ///< AccessDeniedException / 403
    kTimeout,                  ///< signaling request timed out
    kIceCollectionTimeout,     ///< ICE candidates not gathered in time
    kSignalingUnreachable,     ///< signaling WebSocket could not be opened
    kHandshakeFailure,         ///< other error answer from the signaling server
    kMicrophoneDenied,         ///< getUserMedia failed (microphone not shared)
    kAgentHangupBeforeAnswer,  ///< "Hangs up in PendingAnswerState" / "Agent clicks hangs up"
};

enum class EventKind : std::uint8_t {
    kTransition,          ///< "<id> <MACHINE> <Old> => <New>"
    kRemoteBye,           ///< "<id> CallSession Received message: bye" (V2 customer hang-up)
    kFailureHint,         ///< a line of this contact naming a failure cause
    kContactDetected,     ///< "Contact detected: contactId X agent connectionId Y" (and variants)
    kApiRequest,          ///< "Sending API_REQUEST event for <method> to upstream" (id may be empty)
    kContactMissed,       ///< "Publishing event: contact::missed::X"
    kContactState,        ///< one contact of a snapshot (`contact` holds what it says)
    kAgentDisconnected,   ///< 2019 CCP: "Agent disconnected successfully." (no id)
    kSoftphoneError,      ///< "Softphone error occurred : <type>" (no id)
    kAgentConfiguration,  ///< getAgentConfiguration response: id = agent resource id, detail = username
    kApiResult,           ///< "AWSClient: <-- Operation '<method>' succeeded." / "... failed: <error>" (no id);
                          ///< detail = "succeeded" or "failed"
    kAutoAccept,          ///< "Auto-accept is disabled, ..." / "Auto-accept is enabled, ..." (no id);
                          ///< detail = "off" or "on"
};

/// An entry's `level` as Streams' logger writes it (log.js LogLevel). A download saved with
/// `filterByLogLevel` (log.js Logger.download) keeps only the entries at or above the logger's
/// level, INFO by default: a file with levels and none below INFO was saved that way, and lacks
/// every TRACE line (snapshots, requests, the worker's answers).
enum class EntryLevel : std::uint8_t {
    kUnknown,      ///< no `level`, not a string, or a name log.js does not define
    kBelowInfo,    ///< TEST, TRACE, DEBUG
    kInfoOrAbove,  ///< INFO, LOG, WARN, ERROR, CRITICAL
};

[[nodiscard]] EntryLevel entry_level_from_name(std::string_view name);

/// The Streams client methods a rule looks at (`connect.ClientMethods` in Streams' client.js).
enum class ApiMethod : std::uint8_t {
    kOther,
    kDestroyConnection,           ///< hang up one leg: the agent's own (End call) or a third party's
    kCreateAdditionalConnection,  ///< add a party (quick connect, number): transfer or consult
    kAddNewConnection,            ///< add a participant (multi-party conference)
    kTransferContact,             ///< transfer API: the agent's leg is removed by the service
    kConferenceConnections,       ///< join the parties
    kHoldConnection,
    kResumeConnection,
    kToggleActiveConnections,
    kRejectContact,
    kAcceptContact,
    kCreateOutboundContact,
    kDestroyContact,
    kClearContact,
    kCompleteContact,
    kUpdateMonitorParticipantState,
};

[[nodiscard]] ApiMethod api_method_from_name(std::string_view name);

/// `endpoint.type` of a request that adds a party (Streams `connect.EndpointType`).
enum class EndpointKind : std::uint8_t { kNone, kAgent, kPhoneNumber, kQueue, kOther };

/// The snapshot's contact `type` (Streams `connect.ContactType`).
enum class ContactType : std::uint8_t { kUnknown, kVoice, kQueueCallback, kChat, kTask, kEmail, kOther };

[[nodiscard]] constexpr bool is_voice(ContactType type) {
    return type == ContactType::kUnknown || type == ContactType::kVoice || type == ContactType::kQueueCallback;
}

/// One connection of a snapshot's contact.
struct ConnectionView {
    std::string id;
    std::string type;   ///< agent | inbound | outbound | monitoring
    std::string state;  ///< init | connecting | connected | hold | disconnected | silent_monitor | barge
    std::string endpoint_type;
    bool initial = false;
    bool barge = false;  ///< monitorStatus BARGE (Streams `isBarge()`) or state `barge`
};

/// What one snapshot says about one contact. Shared, never copied per connection.
struct ContactView {
    ContactType type = ContactType::kUnknown;
    std::string state;        ///< contact state type: connecting, connected, missed, rejected, ended...
    std::string initiation;   ///< initiationMethod: inbound, outbound, callback, transfer...
    std::string agent_state;  ///< the agent's state name in the same snapshot (LineEngagedCustomer...)
    std::vector<ConnectionView> connections;

    [[nodiscard]] const ConnectionView* agent_connection() const;
    [[nodiscard]] const ConnectionView* initial_connection() const;
};

/// Where an entry sits in the input, for evidence and messages.
struct EntryPos {
    std::uint32_t input = 0;  ///< index of the input within the group
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
};

struct CcpEvent {
    EventKind kind = EventKind::kTransition;
    Machine machine = Machine::kSignaling;
    State from = State::kNull;
    State to = State::kNull;
    FailureCause cause = FailureCause::kNone;
    std::int64_t time_ms = 0;
    std::uint64_t seq = 0;                        ///< arrival order within the group (stable tie-break)
    std::uint64_t dedupe_key = 0;                 ///< hash of (loggerId, time, text)
    bool reassigned = false;                      ///< a channel line logged under an earlier contact's id
    bool current_shape = false;                   ///< the entry has `tabId` (Streams >= 2.5, which logs every request)
    ApiMethod method = ApiMethod::kOther;         ///< kApiRequest, kApiResult: which method
    EndpointKind endpoint = EndpointKind::kNone;  ///< kApiRequest: the endpoint a party is added at
    EntryPos pos;
    std::string id;      ///< contact id (or channel id) as logged; may be masked
    std::string detail;  ///< connection id, softphone error type, username
    /// agentResourceId of the entry: one agent writes a whole log, so the lines share one copy.
    std::shared_ptr<const std::string> agent;
    std::string text;                            ///< the entry's text, leading space trimmed
    std::shared_ptr<const ContactView> contact;  ///< kContactState only
};

/// What holding a snapshot's contact view costs, in bytes (an estimate: heap and object sizes).
[[nodiscard]] inline std::size_t held_bytes(const ConnectionView& view) {
    return sizeof(ConnectionView) + view.id.size() + view.type.size() + view.state.size() + view.endpoint_type.size();
}
[[nodiscard]] inline std::size_t held_bytes(const ContactView& view) {
    std::size_t bytes = sizeof(ContactView) + view.state.size() + view.initiation.size() + view.agent_state.size();
    for (const ConnectionView& connection : view.connections) {
        bytes += held_bytes(connection);
    }
    return bytes;
}
/// What holding an event costs, with its view and its slot in a call's duplicate set: the unit
/// of the per-entry cap and of the tracker's byte budgets.
[[nodiscard]] inline std::size_t held_bytes(const CcpEvent& event) {
    constexpr std::size_t kSetSlot = 32;
    return sizeof(CcpEvent) + kSetSlot + event.id.size() + event.detail.size() + event.text.size() +
           (event.contact ? held_bytes(*event.contact) : 0);  // the agent id is shared, not per line
}

}  // namespace whohungup::ccp
