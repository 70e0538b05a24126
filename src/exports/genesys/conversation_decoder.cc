// SPDX-License-Identifier: MIT
#include "exports/genesys/conversation_decoder.h"

#include <array>
#include <utility>

#include "json/dom_access.h"

namespace whohungup::exports::genesys {

namespace {

using detail::array_at;
using detail::string_at;

Role role_of(std::string_view purpose) {
    if (purpose == "agent" || purpose == "user") return Role::kAgent;
    if (purpose == "customer" || purpose == "external") return Role::kCustomer;
    if (purpose == "acd") return Role::kAcd;
    if (purpose == "ivr" || purpose == "botflow" || purpose == "workflow") return Role::kIvr;
    return Role::kOther;
}

/// The system wrap-up code outbound preview dialling sets when the agent skips the preview
/// ("system reserved wrap-up codes" of Genesys Cloud outbound).
constexpr std::string_view kPreviewSkipped = "ININ-OUTBOUND-PREVIEW-SKIPPED";

void read_segments(simdjson::dom::array segments, const ReadTime& read_time, Leg& leg, GenesysConversation& out) {
    std::string alert_disconnect;
    std::string wrapup_disconnect;
    for (simdjson::dom::element segment_item : segments) {
        const auto segment = detail::as_object(segment_item);
        if (!segment) continue;
        const std::string_view type = string_at(*segment, "segmentType");
        const std::string_view disconnect = string_at(*segment, "disconnectType");
        const std::int64_t start = read_time(string_at(*segment, "segmentStart"));
        const std::int64_t end = read_time(string_at(*segment, "segmentEnd"));
        if (string_at(*segment, "segmentEnd").empty()) {
            (type == "wrapup" ? out.open_wrapup : out.open_media) = true;
        }
        if (end != kNoTime && (leg.ended_at == kNoTime || end > leg.ended_at)) leg.ended_at = end;
        if (type == "interact" || type == "hold") {
            if (!leg.connected || (start != kNoTime && start < leg.connected_at)) {
                leg.connected_at = start;
            }
            leg.connected = true;
            if (end != kNoTime && (leg.talk_ended_at == kNoTime || end > leg.talk_ended_at)) leg.talk_ended_at = end;
            if (!disconnect.empty()) {
                leg.final_disconnect = std::string(disconnect);
                leg.final_segment = std::string(type);
            }
        } else if (type == "alert") {
            leg.alerted = true;
            if (!disconnect.empty()) alert_disconnect = std::string(disconnect);
        } else if (type == "wrapup") {
            if (!disconnect.empty()) wrapup_disconnect = std::string(disconnect);
            leg.preview_skipped = leg.preview_skipped || string_at(*segment, "wrapUpCode") == kPreviewSkipped;
        } else if (!disconnect.empty() && !leg.connected) {
            leg.final_disconnect = std::string(disconnect);  // ivr, dialing, contacting...
            leg.final_segment = std::string(type);
        }
    }
    if (leg.final_disconnect.empty()) {
        // The wrap-up repeats the interact's reason; an alert-only leg ends on its alert.
        leg.final_disconnect = !wrapup_disconnect.empty() ? wrapup_disconnect : alert_disconnect;
        leg.final_segment = !wrapup_disconnect.empty() ? "wrapup" : (alert_disconnect.empty() ? "" : "alert");
    }
}

void read_analytics_participants(detail::array participants, const ReadTime& read_time, GenesysConversation& out) {
    for (simdjson::dom::element item : participants) {
        const auto participant = detail::as_object(item);
        if (!participant) continue;
        const std::string_view purpose = string_at(*participant, "purpose");
        const Role role = role_of(purpose);
        const auto sessions = array_at(*participant, "sessions");
        if (!sessions) continue;
        for (simdjson::dom::element session_item : *sessions) {
            const auto session = detail::as_object(session_item);
            if (!session) continue;
            Leg leg;
            leg.role = role;
            leg.user_purpose = purpose == "user";
            leg.media = channel_of_media(string_at(*session, "mediaType"));
            if (out.channel == Channel::kUnknown || role == Role::kCustomer) {
                out.channel = leg.media != Channel::kUnknown ? leg.media : out.channel;
            }
            leg.name = std::string(string_at(*participant, "participantName"));
            leg.user_id = std::string(string_at(*participant, "userId"));
            if (const auto segments = array_at(*session, "segments")) {
                read_segments(*segments, read_time, leg, out);
            }
            if (const auto metrics = array_at(*session, "metrics")) {
                for (simdjson::dom::element metric_item : *metrics) {
                    const auto metric = detail::as_object(metric_item);
                    if (!metric) continue;
                    const std::string_view name = string_at(*metric, "name");
                    leg.not_responding = leg.not_responding || name == "tNotResponding";
                    leg.abandoned_metric = leg.abandoned_metric || name == "tAbandon" || name == "tShortAbandon";
                }
            }
            leg.not_responding = leg.not_responding || (leg.alerted && !leg.connected && leg.role == Role::kAgent);
            out.legs.push_back(std::move(leg));
        }
    }
}

/// The Participant model's media lists, each with the channel it carries. Every one has the same
/// end fields as calls[] (state, connectedTime, disconnectedTime, disconnectType): the
/// Conversations API's Conversation{Call,Chat,Email,…} models.
constexpr std::array<std::pair<std::string_view, Channel>, 9> kMediaLists{{
    {"calls", Channel::kVoice},
    {"chats", Channel::kChat},
    {"emails", Channel::kEmail},
    {"callbacks", Channel::kCallback},
    {"messages", Channel::kMessage},
    {"cobrowsesessions", Channel::kUnknown},
    {"screenshares", Channel::kUnknown},
    {"socialExpressions", Channel::kMessage},
    {"videos", Channel::kUnknown},
}};

void read_api_participants(detail::array participants, const ReadTime& read_time, GenesysConversation& out) {
    for (simdjson::dom::element item : participants) {
        const auto participant = detail::as_object(item);
        if (!participant) continue;
        Leg leg;
        const std::string_view purpose = string_at(*participant, "purpose");
        leg.role = role_of(purpose);
        leg.user_purpose = purpose == "user";
        leg.name = std::string(string_at(*participant, "name"));
        leg.user_id = std::string(string_at(*participant, "userId"));
        if (const auto user = detail::object_at(*participant, "user")) {
            if (leg.user_id.empty()) leg.user_id = std::string(string_at(*user, "id"));
        }
        std::string_view connected = string_at(*participant, "connectedTime");
        std::string_view alerting = string_at(*participant, "startAlertingTime");
        std::string_view ended = string_at(*participant, "endTime");
        std::string_view disconnect = string_at(*participant, "disconnectType");
        const std::string_view state = string_at(*participant, "state");
        out.live = out.live || (!state.empty() && state != "disconnected" && state != "terminated");
        for (const auto& [list, channel] : kMediaLists) {
            const auto media = array_at(*participant, list);
            if (!media || media->size() == 0) continue;  // the API lists every medium, most of them empty
            if (out.channel == Channel::kUnknown) out.channel = channel;
            if (leg.media == Channel::kUnknown) leg.media = channel;
            for (simdjson::dom::element media_item : *media) {
                const auto session = detail::as_object(media_item);
                if (!session) continue;
                if (connected.empty()) connected = string_at(*session, "connectedTime");
                if (alerting.empty()) alerting = string_at(*session, "startAlertingTime");
                if (!string_at(*session, "disconnectedTime").empty()) ended = string_at(*session, "disconnectedTime");
                if (!string_at(*session, "disconnectType").empty()) disconnect = string_at(*session, "disconnectType");
            }
        }
        leg.connected = !connected.empty();
        leg.connected_at = read_time(connected);
        leg.alerted = !alerting.empty();
        leg.ended_at = read_time(ended);
        leg.final_disconnect = std::string(disconnect);
        leg.not_responding = leg.role == Role::kAgent && leg.alerted && !leg.connected;
        out.legs.push_back(std::move(leg));
    }
}

}  // namespace

Channel channel_of_media(std::string_view media) {
    if (media == "voice") return Channel::kVoice;
    if (media == "chat" || media == "webchat") return Channel::kChat;
    if (media == "email") return Channel::kEmail;
    if (media == "callback") return Channel::kCallback;
    if (media == "message" || media == "internalmessage") return Channel::kMessage;
    return Channel::kUnknown;
}

bool decode_conversation(simdjson::dom::object object, const ReadTime& read_time, GenesysConversation& conversation) {
    const auto participants = array_at(object, "participants");
    if (!participants) return false;
    std::string_view end_text;
    if (!string_at(object, "conversationId").empty()) {
        conversation.shape = Shape::kAnalytics;
        conversation.id = std::string(string_at(object, "conversationId"));
        conversation.started_at_ms = read_time(string_at(object, "conversationStart"));
        end_text = string_at(object, "conversationEnd");
        read_analytics_participants(*participants, read_time, conversation);
    } else {
        conversation.shape = Shape::kConversationsApi;
        conversation.id = std::string(string_at(object, "id"));
        conversation.started_at_ms = read_time(string_at(object, "startTime"));
        end_text = string_at(object, "endTime");
        read_api_participants(*participants, read_time, conversation);
    }
    conversation.end_given = !end_text.empty();
    conversation.ended_at_ms = read_time(end_text);
    return true;
}

}  // namespace whohungup::exports::genesys
