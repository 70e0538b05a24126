// SPDX-License-Identifier: MIT
// Amazon Connect contact record `DisconnectReason`. The Admin Guide lists the codes per channel
// (voice, outbound campaign voice, chat, task, email); one code can mean different things on
// different channels (EXPIRED), and TELECOM_ORIGINATOR_CANCEL names a different side on inbound
// and outbound calls: a table keyed by the code alone gives the channel-free reading, and says in
// the note what the code leaves open.
#include <array>

#include "mappings/reason_table.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kDataModel =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason";
constexpr std::string_view kVoice =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason: voice contacts";
constexpr std::string_view kCampaignVoice =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason: outbound campaign voice contacts";
constexpr std::string_view kChat =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason: chats";
constexpr std::string_view kTask =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason: tasks";
constexpr std::string_view kEmail =
    "Amazon Connect Admin Guide, contact records data model (docs.aws.amazon.com/connect/latest/adminguide/"
    "ctr-data-model.html), DisconnectReason: emails";
constexpr std::string_view kCampaigns = "Amazon Connect outbound campaigns / GetMetricDataV2 filter values";
constexpr std::string_view kPreviewSpelling =
    "Amazon Connect Admin Guide, contact records data model: documented as OUTBUND_PREVIEW_DISCARDED; the "
    "corrected spelling reads the same";

constexpr auto kNC = Category::kNotConnected;

constexpr std::array<ReasonRow, 29> kRows{{
    {"CUSTOMER_DISCONNECT", Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh, kDataModel,
     /*prefix=*/false,
     "The contact record says DisconnectReason CUSTOMER_DISCONNECT: the customer's side ended the contact (Amazon "
     "Connect cannot tell a deliberate hang-up from lost reception)."},
    {"AGENT_DISCONNECT", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh, kDataModel},
    {"THIRD_PARTY_DISCONNECT", Party::kThirdParty, Category::kHangup, Reason::third_party_hangup, Confidence::kHigh,
     kDataModel},
    // The network's fault either way; whether the call had connected is in the record, not the
    // code (the current text describes a dialing result, the older one a dropped call too).
    {"TELECOM_PROBLEM", Party::kSystem, Category::kFailure, Reason::telecom_problem, Confidence::kHigh, kVoice,
     /*prefix=*/false,
     "The contact record says DisconnectReason TELECOM_PROBLEM: the telephone network failed (the Admin Guide: the "
     "destination network could not be reached; its earlier text: carrier, congestion or network errors)."},
    {"BARGED", Party::kThirdParty, Category::kHangup, Reason::supervisor_barged, Confidence::kHigh, kDataModel},
    {"CONTACT_FLOW_DISCONNECT", Party::kSystem, Category::kHangup, Reason::flow_disconnect, Confidence::kHigh,
     kDataModel},
    {"OTHER", Party::kUnknown, Category::kOther, Reason::other_disconnect, Confidence::kLow, kDataModel},
    {"EXPIRED", Party::kSystem, Category::kOther, Reason::task_expired, Confidence::kHigh, kDataModel},
    {"API", Party::kSystem, Category::kHangup, Reason::api_stop, Confidence::kHigh, kDataModel},
    // Voice.
    {"TELECOM_ORIGINATOR_CANCEL", Party::kUnknown, kNC, Reason::originator_cancelled, Confidence::kLow, kVoice,
     /*prefix=*/false,
     "The contact record says DisconnectReason TELECOM_ORIGINATOR_CANCEL: the originating party cancelled the call "
     "before it connected. On an inbound call that is the customer; on an outbound call the agent or API user, or "
     "60 seconds without an answer. The code alone does not say which."},
    {"CUSTOMER_NEVER_ARRIVED", Party::kCustomer, kNC, Reason::customer_never_arrived, Confidence::kHigh, kVoice,
     /*prefix=*/false,
     "The contact record says DisconnectReason CUSTOMER_NEVER_ARRIVED: Amazon Connect ended an inbound web calling "
     "contact because the customer did not connect in time."},
    // Outbound campaign voice.
    {"OUTBOUND_DESTINATION_ENDPOINT_ERROR", Party::kSystem, kNC, Reason::destination_not_allowed, Confidence::kHigh,
     kCampaignVoice},
    {"OUTBOUND_RESOURCE_ERROR", Party::kSystem, kNC, Reason::outbound_resource_error, Confidence::kHigh,
     kCampaignVoice},
    {"OUTBOUND_ATTEMPT_FAILED", Party::kSystem, kNC, Reason::outbound_attempt_failed, Confidence::kHigh,
     kCampaignVoice},
    {"OUTBUND_PREVIEW_DISCARDED", Party::kAgent, kNC, Reason::preview_discarded, Confidence::kMedium, kCampaignVoice,
     /*prefix=*/false,
     "The contact record says DisconnectReason OUTBUND_PREVIEW_DISCARDED: no contact was made and the recipient was "
     "removed from the campaign list. In preview dialing the agent discards the preview; the record does not name "
     "who discarded it, so this is inferred."},
    {"OUTBOUND_PREVIEW_DISCARDED", Party::kAgent, kNC, Reason::preview_discarded, Confidence::kMedium, kPreviewSpelling,
     /*prefix=*/false,
     "The contact record says DisconnectReason OUTBOUND_PREVIEW_DISCARDED: no contact was made and the recipient "
     "was removed from the campaign list. In preview dialing the agent discards the preview; the record does not "
     "name who discarded it, so this is inferred."},
    // Chat.
    {"AGENT_NETWORK_DISCONNECT", Party::kSystem, Category::kFailure, Reason::agent_network_lost, Confidence::kHigh,
     kChat,
     /*prefix=*/false,
     "The contact record says DisconnectReason AGENT_NETWORK_DISCONNECT: the agent was disconnected from the chat "
     "by a network issue."},
    {"CUSTOMER_CONNECTION_NOT_ESTABLISHED", Party::kCustomer, kNC, Reason::customer_connection_not_established,
     Confidence::kMedium, kChat, /*prefix=*/false,
     "The contact record says DisconnectReason CUSTOMER_CONNECTION_NOT_ESTABLISHED: the customer started a chat but "
     "never got a connection (websocket or streaming). Whether the customer's side or the service failed is not "
     "recorded."},
    {"IDLE_DISCONNECT", Party::kSystem, Category::kOther, Reason::idle_disconnect, Confidence::kMedium, kChat,
     /*prefix=*/false,
     "The contact record says DisconnectReason IDLE_DISCONNECT: Amazon Connect ended the chat because a participant "
     "was idle. Which participant was idle is not recorded."},
    {"SYSTEM_ERROR", Party::kSystem, Category::kFailure, Reason::system_error, Confidence::kHigh, kChat,
     /*prefix=*/false,
     "The contact record says DisconnectReason SYSTEM_ERROR: an error in the system ended the chat session "
     "abnormally."},
    // Task.
    {"AGENT_COMPLETED", Party::kAgent, Category::kHangup, Reason::agent_completed_task, Confidence::kHigh, kTask,
     /*prefix=*/false,
     "The contact record says DisconnectReason AGENT_COMPLETED: the agent completed the task and disconnected it "
     "before its time ran out."},
    // Email.
    {"TRANSFERRED", Party::kUnknown, Category::kTransfer, Reason::transferred, Confidence::kMedium, kEmail,
     /*prefix=*/false,
     "The contact record says DisconnectReason TRANSFERRED: the email contact was transferred to another queue or "
     "agent. An agent or a flow can transfer an email; the code does not say which."},
    {"DISCARDED", Party::kAgent, kNC, Reason::email_draft_discarded, Confidence::kMedium, kEmail, /*prefix=*/false,
     "The contact record says DisconnectReason DISCARDED: an outbound email (an agent's reply or an agent-initiated "
     "email) was discarded as a draft and never sent. Drafts are the agent's, so the agent discarded it (inferred)."},
    // Dialing results of calls placed by Amazon Connect (outbound and campaign calls).
    {"TELECOM_BUSY", Party::kCustomer, kNC, Reason::busy, Confidence::kHigh, kVoice},
    {"TELECOM_UNANSWERED", Party::kCustomer, kNC, Reason::no_answer, Confidence::kMedium, kVoice, /*prefix=*/false,
     "The contact record says DisconnectReason TELECOM_UNANSWERED: the network or the handset said the call cannot "
     "be delivered at this time. That is usually a phone nobody answered, but the code does not say so."},
    {"TELECOM_NUMBER_INVALID", Party::kSystem, kNC, Reason::invalid_number, Confidence::kHigh, kVoice},
    {"TELECOM_TIMEOUT", Party::kSystem, kNC, Reason::telecom_timeout, Confidence::kHigh, kVoice},
    {"TELECOM_POTENTIAL_BLOCKING", Party::kSystem, kNC, Reason::potential_blocking, Confidence::kHigh, kVoice},
    {"TELECOM_", Party::kSystem, kNC, Reason::telecom_not_connected, Confidence::kMedium, kCampaigns, /*prefix=*/true},
}};

}  // namespace

const ReasonTable& connect_disconnect_reason() {
    static const ReasonTable kTable{"Amazon Connect contact record DisconnectReason", "connect-ctr", kRows,
                                    &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings
