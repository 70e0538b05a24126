// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_decoder.h"

#include "json/dom_access.h"

namespace whohungup::exports::connect {

using detail::object_at;
using detail::string_at;

namespace {

/// The members a contact record and DescribeContact's Contact name alike.
void decode_shared(simdjson::dom::object object, const TimeAt& time_at, ContactRecord& record) {
    record.last_update_ms = time_at(object, "LastUpdateTimestamp");
    record.previous_contact = std::string(string_at(object, "PreviousContactId"));
    record.initial_contact = std::string(string_at(object, "InitialContactId"));
    record.initiation_method = std::string(string_at(object, "InitiationMethod"));
    record.initiated_at_ms = time_at(object, "InitiationTimestamp");
    record.disconnected_at_ms = time_at(object, "DisconnectTimestamp");
    record.connected_to_system_ms = time_at(object, "ConnectedToSystemTimestamp");
    record.disconnect_reason = std::string(string_at(object, "DisconnectReason"));
    record.channel = std::string(string_at(object, "Channel"));
}

}  // namespace

bool decode_contact_record(simdjson::dom::object object, const TimeAt& time_at, ContactRecord& record) {
    record.contact_id = std::string(string_at(object, "ContactId"));
    if (record.contact_id.empty()) return false;
    decode_shared(object, time_at, record);
    record.next_contact = std::string(string_at(object, "NextContactId"));
    record.transfer_recorded = !string_at(object, "TransferCompletedTimestamp").empty() ||
                               object_at(object, "TransferredToEndpoint").has_value();
    if (const auto agent = object_at(object, "Agent")) {
        record.has_agent = true;
        const std::string_view arn = string_at(*agent, "ARN");
        record.agent_id = std::string(arn.substr(arn.rfind('/') == std::string_view::npos ? 0 : arn.rfind('/') + 1));
        record.agent_username = std::string(string_at(*agent, "Username"));
        record.connected_to_agent_ms = time_at(*agent, "ConnectedToAgentTimestamp");
    }
    record.has_queue = object_at(object, "Queue").has_value();
    return true;
}

bool decode_describe_contact(simdjson::dom::object contact, const TimeAt& time_at, ContactRecord& record) {
    record.contact_id = std::string(string_at(contact, "Id"));
    if (record.contact_id.empty()) return false;
    decode_shared(contact, time_at, record);
    record.source = RecordSource::kDescribeContact;
    record.lists_next_contact = false;
    if (const auto agent = object_at(contact, "AgentInfo")) {
        record.has_agent = true;
        record.agent_id = std::string(string_at(*agent, "Id"));  // the user id Agent.ARN ends with
        record.connected_to_agent_ms = time_at(*agent, "ConnectedToAgentTimestamp");
    }
    record.has_queue = object_at(contact, "QueueInfo").has_value();
    return true;
}

}  // namespace whohungup::exports::connect
