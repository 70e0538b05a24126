// SPDX-License-Identifier: MIT
// A contact record object (as the contact record stream writes it to S3 or Kinesis), or the
// Contact object of a DescribeContact response (the API's JSON or the AWS CLI's print of it)
// → ContactRecord.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "exports/connect/contact_record.h"

namespace whohungup::exports::connect {

/// Reads the timestamp member `key` of an object: ISO 8601 text, or a number of epoch seconds
/// (DescribeContact as the API returns it); kNoTime when absent or unreadable (the caller warns).
using TimeAt = std::function<std::int64_t(simdjson::dom::object, std::string_view)>;

/// Fills `record` from one contact record; false when it has no ContactId.
bool decode_contact_record(simdjson::dom::object object, const TimeAt& time_at, ContactRecord& record);

/// Fills `record` from DescribeContact's Contact object; false when it has no Id. The API
/// reference's Contact has no NextContactId, TransferCompletedTimestamp, TransferredToEndpoint
/// or agent username, and names the agent and queue AgentInfo.Id and QueueInfo.
bool decode_describe_contact(simdjson::dom::object contact, const TimeAt& time_at, ContactRecord& record);

}  // namespace whohungup::exports::connect
