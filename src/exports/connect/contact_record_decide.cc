// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_decide.h"

#include <fmt/format.h>

#include "core/concat.h"

namespace whohungup::exports::connect {

namespace {

Channel channel_of(std::string_view channel) {
    return channel == "VOICE"   ? Channel::kVoice
           : channel == "CHAT"  ? Channel::kChat
           : channel == "TASK"  ? Channel::kTask
           : channel == "EMAIL" ? Channel::kEmail
                                : Channel::kUnknown;
}

/// The guide's figure for an outbound call nobody answered (TELECOM_ORIGINATOR_CANCEL).
constexpr std::int64_t kUnansweredAfterMs = 60'000;

void set(Verdict& v, Party party, Category category, Reason reason, Confidence confidence, std::string detail) {
    v.ended_by = party;
    v.category = category;
    v.reason = reason;
    v.confidence = confidence;
    v.detail = std::move(detail);
}

/// Rule C-1. Admin Guide, contact records data model, DisconnectReason (voice):
/// "TELECOM_ORIGINATOR_CANCEL – This occurs when the call is cancelled by the originating party
/// before the connection is established. For inbound calls, this happens when the customer cancels
/// the call before connecting. For outbound calls, this occurs when the agent/API user cancels the
/// call before connecting, or when the call remains unanswered after 60 seconds."
/// (docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html). The 60 s split is read on
/// the record's whole-second timestamps, hence medium for the outbound readings.
void originator_cancel(const ContactRecord& record, Verdict& v) {
    const std::string& method = record.initiation_method;
    if (method == "INBOUND") {
        set(v, Party::kCustomer, Category::kNotConnected, Reason::customer_cancelled, Confidence::kHigh,
            "The contact record says DisconnectReason TELECOM_ORIGINATOR_CANCEL on an inbound call: the customer "
            "cancelled the call before it connected.");
        return;
    }
    const bool agent_dialled = method == "OUTBOUND" || method == "EXTERNAL_OUTBOUND";
    const bool api_dialled = method == "API" || method == "CALLBACK";
    if ((!agent_dialled && !api_dialled) || record.initiated_at_ms == kNoTime || record.disconnected_at_ms == kNoTime) {
        return;  // the table's reading: the originator is not known
    }
    const std::int64_t rang_ms = record.disconnected_at_ms - record.initiated_at_ms;
    if (rang_ms >= kUnansweredAfterMs) {
        set(v, Party::kCustomer, Category::kNotConnected, Reason::no_answer, Confidence::kMedium,
            fmt::format("The contact record says DisconnectReason TELECOM_ORIGINATOR_CANCEL on an {} call after {} s: "
                        "unanswered after 60 seconds (the Admin Guide's reading of this code for outbound calls).",
                        method, rang_ms / 1000));
    } else if (agent_dialled) {
        set(v, Party::kAgent, Category::kNotConnected, Reason::agent_cancelled, Confidence::kMedium,
            fmt::format("The contact record says DisconnectReason TELECOM_ORIGINATOR_CANCEL on an {} call after {} s: "
                        "the agent cancelled the call before it connected.",
                        method, rang_ms / 1000));
    } else {
        set(v, Party::kSystem, Category::kNotConnected, Reason::api_cancelled, Confidence::kMedium,
            fmt::format("The contact record says DisconnectReason TELECOM_ORIGINATOR_CANCEL on an {} call after {} s: "
                        "the API user that placed it cancelled it before it connected.",
                        method, rang_ms / 1000));
    }
}

/// Rule C-4. The data model lists EXPIRED for several channels, each with its own meaning: for
/// outbound campaign voice "Not enough agents available, or not enough telecom capacity for such
/// calls"; for emails "expired before it could be accepted or handled by an agent"; for chats the
/// "expiration of configured chat duration"; for tasks the task's expiry (the table's row).
void expired(const ContactRecord& record, Verdict& v) {
    if (record.channel == "VOICE") {
        set(v, Party::kSystem, Category::kNotConnected, Reason::campaign_expired, Confidence::kHigh,
            "The contact record says DisconnectReason EXPIRED on a voice contact: an outbound campaign call was not "
            "placed (not enough agents or telecom capacity).");
    } else if (record.channel == "EMAIL") {
        set(v, Party::kSystem, Category::kNotConnected, Reason::email_expired, Confidence::kHigh,
            "The contact record says DisconnectReason EXPIRED on an email: it expired before an agent accepted or "
            "handled it.");
    } else if (record.channel == "CHAT") {
        set(v, Party::kSystem, Category::kOther, Reason::chat_expired, Confidence::kHigh,
            "The contact record says DisconnectReason EXPIRED on a chat: the configured chat duration ran out.");
    }
}

bool dialled_out(const std::string& method) {
    return method == "OUTBOUND" || method == "API" || method == "CALLBACK" || method == "EXTERNAL_OUTBOUND";
}

/// Rule C-6. The TELECOM_* codes are dialing results. TELECOM_PROBLEM's current text describes a
/// call attempt; its earlier text ("issue with connecting the call from the carrier, network
/// congestion, network error", awsdocs/amazon-connect-admin-guide doc_source/ctr-data-model.md)
/// covers a dropped call too, so it stays a failure unless the record shows the call was never
/// connected: dialled out and never connected to the system.
void telecom(const ContactRecord& record, Verdict& v) {
    if (record.disconnect_reason == "TELECOM_PROBLEM") {
        if (dialled_out(record.initiation_method) && record.connected_to_system_ms == kNoTime) {
            v.category = Category::kNotConnected;
            v.detail += fmt::format(
                " The {} call was never connected (no ConnectedToSystemTimestamp): the network failed while dialling.",
                record.initiation_method);
        }
        return;
    }
    const bool agent_dialled =
        record.initiation_method == "OUTBOUND" || record.initiation_method == "EXTERNAL_OUTBOUND";
    if (record.connected_to_agent_ms != kNoTime && !agent_dialled && v.category == Category::kNotConnected &&
        v.confidence == Confidence::kHigh) {
        // A dialing result with a connected agent: the record contradicts itself. Not so on a call
        // the agent dials from the CCP: the agent is on the contact while it rings (an inference
        // from how CCP outbound calls connect the agent first), so those keep the table's reading.
        v.confidence = Confidence::kMedium;
        v.detail +=
            record.source == RecordSource::kDescribeContact
                ? " Yet the response has AgentInfo.ConnectedToAgentTimestamp, which a dialing result should not "
                  "have."
                : " Yet the record has Agent.ConnectedToAgentTimestamp, which a dialing result should not have.";
    }
}

/// The texts above and the table's rows speak of "the contact record"; a DescribeContact
/// response is named as what it is, so a reader of the verdict knows which input said it.
void name_source(const ContactRecord& record, Verdict& v) {
    constexpr std::string_view kRecord = "The contact record ";
    if (record.source == RecordSource::kDescribeContact && v.detail.starts_with(kRecord)) {
        v.detail.replace(0, kRecord.size(), "The DescribeContact response ");
    }
}

Verdict decide_record(const ContactRecord& record) {
    Verdict v;
    v.contact_id = record.contact_id;
    v.agent = record.agent_id;
    v.agent_name = record.agent_username;
    v.started_at_ms = record.connected_to_agent_ms != kNoTime ? record.connected_to_agent_ms : record.initiated_at_ms;
    v.ended_at_ms = record.disconnected_at_ms;
    v.channel = channel_of(record.channel);
    const std::string& reason = record.disconnect_reason;
    if (reason.empty()) {
        set(v, Party::kUnknown, Category::kOther, Reason::no_disconnect_reason, Confidence::kLow,
            "The contact record has no DisconnectReason (contacts ended by flows or APIs often have none).");
        return v;
    }
    if (!mappings::apply(mappings::connect_disconnect_reason(), reason, v)) {
        v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.",
                               mappings::connect_disconnect_reason().name, reason);
        return v;
    }
    if (v.detail.empty()) {
        v.detail = detail::concat({"The contact record says DisconnectReason ", reason, "."});
    }
    // Rule C-3: a customer who hangs up while queued, before any agent, abandoned the queue (the
    // Admin Guide's "Contacts abandoned" metric: "disconnected by the customer while in queue"),
    // not a hang-up. A queued callback has no customer waiting on the line.
    if (reason == "CUSTOMER_DISCONNECT" && record.has_queue && record.connected_to_agent_ms == kNoTime &&
        record.initiation_method != "CALLBACK") {
        v.category = Category::kAbandoned;
        v.reason = Reason::abandoned;
        v.detail =
            "The contact record says CUSTOMER_DISCONNECT while the contact was queued, with no agent "
            "connected: the customer abandoned the queue.";
    } else if (reason == "TELECOM_ORIGINATOR_CANCEL") {
        originator_cancel(record, v);
    } else if (reason == "EXPIRED") {
        expired(record, v);
    } else if (reason.starts_with("TELECOM_")) {
        telecom(record, v);
    }
    return v;
}

}  // namespace

Verdict decide(const ContactRecord& record) {
    Verdict v = decide_record(record);
    name_source(record, v);
    return v;
}

}  // namespace whohungup::exports::connect
