// SPDX-License-Identifier: MIT
// "genesys-interactions-csv": Genesys Cloud Performance > Interactions export ("Conversation
// ID", "Disconnect Type", "Abandoned", "Users - Interacted", durations in milliseconds).
// Tested by tests/unit/vendor_readers_test.cc and the golden cases.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_genesys_interactions_csv(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_genesys_interactions_csv_reader(const Limits& limits);

}  // namespace whohungup::exports
