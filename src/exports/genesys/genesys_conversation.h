// SPDX-License-Identifier: MIT
// One Genesys Cloud conversation as plain data, whichever shape carried it: the analytics
// conversation-details object (participants → sessions → segments), the Conversations API
// object (participants with calls[] / chats[] / … media lists), or a row of the Interactions
// view's CSV export (one conversation-level Disconnect Type). The decoders fill it
// (conversation_decoder.h, interactions_csv_reader.cc); decide() reads it (conversation_decide.h).
// Field meanings: docs/vendor-exports.md#genesys-cloud.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "whohungup/verdict.h"

namespace whohungup::exports::genesys {

enum class Role : std::uint8_t { kAgent, kCustomer, kAcd, kIvr, kOther };

/// One participant's session (analytics) or one participant (Conversations API), reduced to
/// what decides the end.
struct Leg {
    Role role = Role::kOther;
    bool user_purpose = false;  ///< purpose "user": a Genesys Cloud user reached outside a queue
    std::string name;
    std::string user_id;
    bool connected = false;  ///< reached interact/hold (analytics) or has connectedTime
    bool alerted = false;    ///< rang (alert segment / startAlertingTime)
    bool not_responding = false;
    bool abandoned_metric = false;      ///< tAbandon on an ACD session
    bool preview_skipped = false;       ///< a wrap-up segment with wrapUpCode ININ-OUTBOUND-PREVIEW-SKIPPED
    Channel media = Channel::kUnknown;  ///< the session's mediaType
    std::int64_t connected_at = kNoTime;
    std::int64_t ended_at = kNoTime;       ///< the latest end of any of its segments (wrap-up included)
    std::int64_t talk_ended_at = kNoTime;  ///< analytics: the end of its last interact/hold segment
    std::string final_disconnect;          ///< disconnectType of the leg's deciding segment
    std::string final_segment;             ///< its segment type (analytics)
};

enum class Shape : std::uint8_t { kAnalytics, kConversationsApi, kInteractionsRow };

struct GenesysConversation {
    std::string id;
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;  ///< conversationEnd / endTime, kNoTime when absent or unreadable
    std::vector<Leg> legs;

    // The Interactions row: the view's own summary of the conversation, no legs.
    std::string disconnect_type;  ///< "Disconnect Type" (Agent, External, System, …); "" while in progress
    std::string users;            ///< "Users - Interacted"
    std::string media;            ///< "Media Type" as written

    Shape shape = Shape::kAnalytics;
    Channel channel = Channel::kUnknown;  ///< the customer's media, else the first known
    bool end_given = false;               ///< conversationEnd (analytics) / endTime (API) is present
    bool open_media = false;              ///< analytics: a segment other than wrap-up has no segmentEnd
    bool open_wrapup = false;             ///< analytics: an agent's wrap-up has no segmentEnd (the talk is over)
    bool live = false;                    ///< API: a participant's state is neither disconnected nor terminated
    bool abandoned = false;               ///< the Interactions row's "Abandoned" is YES
};

}  // namespace whohungup::exports::genesys
