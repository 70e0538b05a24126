// SPDX-License-Identifier: MIT
// A contact record object (as the contact record stream writes it to S3 or Kinesis) → ContactRecord.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "exports/connect/contact_record.h"

namespace whohungup::exports::connect {

/// Reads one timestamp (ISO 8601); kNoTime when empty or unreadable (the caller warns).
using ReadTime = std::function<std::int64_t(std::string_view)>;

/// Fills `record` from one object; false when it has no ContactId.
bool decode_contact_record(simdjson::dom::object object, const ReadTime& read_time, ContactRecord& record);

}  // namespace whohungup::exports::connect
