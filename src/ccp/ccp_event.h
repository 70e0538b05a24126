// SPDX-License-Identifier: MIT
// What the CCP reader extracts from a log entry: only the lines that bear on how a call ended.
// Everything else in the log (metrics, heartbeats, most snapshots) is read and dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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
    kDestroyConnection,   ///< the agent's API request to hang up connection Y of contact X
    kContactMissed,       ///< "Publishing event: contact::missed::X"
    kConnectionLink,      ///< snapshot: Y is this agent's connection on contact X
    kAgentDisconnected,   ///< 2019 CCP: "Agent disconnected successfully." (no id)
    kSoftphoneError,      ///< "Softphone error occurred : <type>" (no id)
    kAgentConfiguration,  ///< getAgentConfiguration response: id = agent resource id, detail = username
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
    std::uint64_t seq = 0;         ///< arrival order within the group (stable tie-break)
    std::uint64_t dedupe_key = 0;  ///< hash of (loggerId, time, text)
    bool reassigned = false;       ///< a channel line logged under an earlier contact's id
    EntryPos pos;
    std::string id;      ///< contact id (or channel id) as logged; may be masked
    std::string detail;  ///< connection id, softphone error type, username
    std::string agent;   ///< agentResourceId of the entry
    std::string text;    ///< the entry's text, leading space trimmed
};

}  // namespace whohungup::ccp
