// SPDX-License-Identifier: MIT
// One Amazon Connect contact record as plain data (the decoder fills it from one JSON object;
// decide() reads it; the reader links the legs of a transfer chain). Field meanings: the Admin
// Guide's contact records data model, summarised in docs/vendor-exports.md#amazon-connect. A
// DescribeContact response's Contact fills the same struct (see decode_describe_contact()).
#pragma once

#include <cstdint>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup::exports::connect {

/// Where the record came from, for verdict texts that name it.
enum class RecordSource { kContactRecord, kDescribeContact };

struct ContactRecord {
    RecordSource source = RecordSource::kContactRecord;
    std::string contact_id;
    std::string previous_contact;   ///< PreviousContactId
    std::string next_contact;       ///< NextContactId
    std::string initial_contact;    ///< InitialContactId
    std::string initiation_method;  ///< INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, DISCONNECT, …
    std::string channel;            ///< VOICE, CHAT, TASK, EMAIL
    std::string disconnect_reason;  ///< "" when null or absent
    bool has_agent = false;         ///< an Agent object
    std::string agent_id;           ///< the last part of Agent.ARN
    std::string agent_username;
    bool has_queue = false;          ///< a Queue object
    bool transfer_recorded = false;  ///< TransferCompletedTimestamp or TransferredToEndpoint is set
    bool lists_next_contact = true;  ///< false for DescribeContact, which has no NextContactId or transfer fields
    std::int64_t last_update_ms = kNoTime;
    std::int64_t initiated_at_ms = kNoTime;
    std::int64_t disconnected_at_ms = kNoTime;
    std::int64_t connected_to_system_ms = kNoTime;  ///< ConnectedToSystemTimestamp
    std::int64_t connected_to_agent_ms = kNoTime;   ///< Agent.ConnectedToAgentTimestamp
};

}  // namespace whohungup::exports::connect
