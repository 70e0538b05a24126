// SPDX-License-Identifier: MIT
// The JSON shapes of a Genesys Cloud conversation, each turned into GenesysConversation:
//  * analytics conversation details (POST /api/v2/analytics/conversations/details/query,
//    GET …/details/{id}, async job results): conversationId, participants[].sessions[].segments[];
//  * the Conversations API (GET /api/v2/conversations/{id}, …/calls/{id}): id, participants[]
//    with their media lists (calls[], chats[], emails[], messages[], callbacks[], …).
// The envelopes around them ({"conversations":[…]}, {"entities":[…]}) are walked by the reader.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "exports/genesys/genesys_conversation.h"

namespace whohungup::exports::genesys {

/// Reads one timestamp (ISO 8601); kNoTime when empty or unreadable (the caller warns).
using ReadTime = std::function<std::int64_t(std::string_view)>;

/// The channel a mediaType (or the Interactions view's Media Type) names; kUnknown for others.
[[nodiscard]] Channel channel_of_media(std::string_view media);

/// Fills `conversation` from one conversation object; false when it has no participants[].
bool decode_conversation(simdjson::dom::object object, const ReadTime& read_time, GenesysConversation& conversation);

}  // namespace whohungup::exports::genesys
