// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_decoder.h"

#include "json/dom_access.h"

namespace whohungup::exports::connect {

using detail::object_at;
using detail::string_at;

bool decode_contact_record(simdjson::dom::object object, const ReadTime& read_time, ContactRecord& record) {
    record.contact_id = std::string(string_at(object, "ContactId"));
    if (record.contact_id.empty()) return false;
    record.last_update_ms = read_time(string_at(object, "LastUpdateTimestamp"));
    record.previous_contact = std::string(string_at(object, "PreviousContactId"));
    record.next_contact = std::string(string_at(object, "NextContactId"));
    record.initial_contact = std::string(string_at(object, "InitialContactId"));
    record.initiation_method = std::string(string_at(object, "InitiationMethod"));
    record.transfer_recorded = !string_at(object, "TransferCompletedTimestamp").empty() ||
                               object_at(object, "TransferredToEndpoint").has_value();
    if (const auto agent = object_at(object, "Agent")) {
        record.has_agent = true;
        const std::string_view arn = string_at(*agent, "ARN");
        record.agent_id = std::string(arn.substr(arn.rfind('/') == std::string_view::npos ? 0 : arn.rfind('/') + 1));
        record.agent_username = std::string(string_at(*agent, "Username"));
        record.connected_to_agent_ms = read_time(string_at(*agent, "ConnectedToAgentTimestamp"));
    }
    record.initiated_at_ms = read_time(string_at(object, "InitiationTimestamp"));
    record.disconnected_at_ms = read_time(string_at(object, "DisconnectTimestamp"));
    record.connected_to_system_ms = read_time(string_at(object, "ConnectedToSystemTimestamp"));
    record.disconnect_reason = std::string(string_at(object, "DisconnectReason"));
    record.channel = std::string(string_at(object, "Channel"));
    record.has_queue = object_at(object, "Queue").has_value();
    return true;
}

}  // namespace whohungup::exports::connect
