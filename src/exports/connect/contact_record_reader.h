// SPDX-License-Identifier: MIT
// The "connect-ctr" format: Amazon Connect contact records (the contact record stream as it
// lands in S3: records back to back, JSON Lines, arrays, or one record). The record with the
// latest LastUpdateTimestamp wins for a ContactId; transfer legs are linked so a transferred
// call is one transfer and one hang-up, not two hang-ups.
// Tested by tests/unit/vendor_readers_test.cc and the golden cases.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_connect_ctr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_connect_ctr_reader(const Limits& limits);

}  // namespace whohungup::exports
