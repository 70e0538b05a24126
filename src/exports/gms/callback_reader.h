// SPDX-License-Identifier: MIT
// The "gms-callbacks" format: Genesys GMS callback query results, either a JSON array of
// records (query by id or properties) or an object keyed by callback service name whose values
// are arrays (the admin query by queue). Tested by tests/unit/vendor_readers_test.cc.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_gms_callbacks(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_gms_callbacks_reader(const Limits& limits);

}  // namespace whohungup::exports
