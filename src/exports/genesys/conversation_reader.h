// SPDX-License-Identifier: MIT
// The "genesys-cloud" format: Genesys Cloud conversations, in the analytics shape (details
// query {conversations, aggregations, totalHits}, async job results {conversations, cursor},
// one conversation, arrays of them) and the Conversations-API shape (flat participants with
// state, connectedTime and a dotted disconnectType). The verdict is read on the last connected
// agent leg; outcomes (handled, abandoned, not responding) are derived from the segments.
// Tested by tests/unit/vendor_readers_test.cc and the golden cases.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_genesys_conversations(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_genesys_conversations_reader(const Limits& limits);

}  // namespace whohungup::exports
