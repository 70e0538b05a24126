// SPDX-License-Identifier: MIT
#include "exports/genesys/conversation_reader.h"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "exports/common/json_record_reader.h"
#include "json/dom_access.h"
#include "mappings/reason_table.h"

namespace whohungup::exports {

namespace {

using detail::array_at;
using detail::string_at;

enum class Role : std::uint8_t { kAgent, kCustomer, kAcd, kIvr, kOther };

Role role_of(std::string_view purpose) {
    if (purpose == "agent" || purpose == "user") return Role::kAgent;
    if (purpose == "customer" || purpose == "external") return Role::kCustomer;
    if (purpose == "acd") return Role::kAcd;
    if (purpose == "ivr" || purpose == "botflow" || purpose == "workflow") return Role::kIvr;
    return Role::kOther;
}

/// One participant's session (analytics) or one participant (Conversations API), reduced to
/// what decides the end.
struct Leg {
    Role role = Role::kOther;
    std::string name;
    std::string user_id;
    bool connected = false;  ///< reached interact/hold (analytics) or has connectedTime
    bool alerted = false;    ///< rang (alert segment / startAlertingTime)
    bool not_responding = false;
    bool abandoned_metric = false;  ///< tAbandon on an ACD session
    std::int64_t connected_at = kNoTime;
    std::int64_t ended_at = kNoTime;
    std::string final_disconnect;  ///< disconnectType of the leg's deciding segment
    std::string final_segment;     ///< its segment type (analytics)
};

/// What the segments say about the conversation as a whole (analytics shape).
struct SegmentState {
    bool open_media = false;   ///< a segment other than wrap-up has no segmentEnd: still going on
    bool open_wrapup = false;  ///< an agent's wrap-up has no segmentEnd: the talk is over
    Channel channel = Channel::kUnknown;
};

Channel channel_of_media(std::string_view media) {
    if (media == "voice") return Channel::kVoice;
    if (media == "chat" || media == "webchat") return Channel::kChat;
    if (media == "email") return Channel::kEmail;
    if (media == "callback") return Channel::kCallback;
    if (media == "message" || media == "internalmessage") return Channel::kMessage;
    return Channel::kUnknown;
}

/// True when every agent and customer leg that carries a disconnectType carries 'system' (and one
/// does); queue and flow legs end 'transfer' whatever happens next.
bool every_leg_ended_system(const std::vector<Leg>& legs) {
    bool any = false;
    for (const Leg& leg : legs) {
        if (leg.final_disconnect.empty() || (leg.role != Role::kAgent && leg.role != Role::kCustomer)) continue;
        if (leg.final_disconnect != "system") return false;
        any = true;
    }
    return any;
}

Confidence one_step_lower(Confidence confidence) {
    return confidence == Confidence::kHigh ? Confidence::kMedium : Confidence::kLow;
}

bool is(std::string_view code, std::string_view normalised) {
    std::string squashed;
    for (char c : code) {
        if (c != '.' && c != '_' && c != ' ' && c != '-') {
            squashed.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
    }
    return squashed == normalised;
}

class GenesysConversationsReader final : public JsonRecordReader {
public:
    /// The analytics query and async job results list "conversations", the Conversations API "entities".
    explicit GenesysConversationsReader(const Limits& limits)
        : JsonRecordReader(limits, detail::EnvelopeKeys{{"conversations", "entities"}}) {}

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, "not a JSON object");
            return;
        }
        count_record();
        const auto participants = array_at(*object, "participants");
        if (!participants) {
            skip_record(pos, "no participants");
            return;
        }
        Verdict v = new_verdict("genesys-cloud");
        std::vector<Leg> legs;
        std::string_view end_text;
        bool in_progress = false;
        bool ended_without_end = false;
        SegmentState segments;
        if (!string_at(*object, "conversationId").empty()) {
            v.contact_id = std::string(string_at(*object, "conversationId"));
            v.started_at_ms = read_time(string_at(*object, "conversationStart"), pos);
            end_text = string_at(*object, "conversationEnd");
            read_analytics_participants(*participants, legs, segments, pos);
            // conversationEnd is absent while the conversation goes on, and in older records
            // altogether: only an unended segment says it is still going on.
            in_progress = end_text.empty() && segments.open_media;
            ended_without_end = end_text.empty() && !in_progress;
        } else {
            v.contact_id = std::string(string_at(*object, "id"));
            v.started_at_ms = read_time(string_at(*object, "startTime"), pos);
            end_text = string_at(*object, "endTime");
            in_progress = end_text.empty() && read_api_participants(*participants, legs, segments, pos);
        }
        if (v.contact_id.empty()) {
            skip_record(pos, "no conversationId");
            return;
        }
        v.ended_at_ms = read_time(end_text, pos);
        if (v.ended_at_ms == kNoTime && !in_progress) {
            for (const Leg& leg : legs) {  // the Conversations API has no end of its own: the last leg's
                if (leg.ended_at != kNoTime && (v.ended_at_ms == kNoTime || leg.ended_at > v.ended_at_ms)) {
                    v.ended_at_ms = leg.ended_at;
                }
            }
        }
        v.channel = segments.channel;
        decide(v, legs, in_progress, pos);
        if (!in_progress && v.channel != Channel::kVoice && v.channel != Channel::kUnknown &&
            every_leg_ended_system(legs)) {
            // Messaging legs all end 'system' when the interaction is closed, whoever closed it.
            v.ended_by = Party::kUnknown;
            v.category = Category::kOther;
            v.reason = "closed_by_platform";
            v.confidence = Confidence::kLow;
            v.detail = fmt::format(
                "Every leg of this {} conversation ended 'system': the platform closed it, and who left first is "
                "not recorded.",
                to_string(v.channel));
        }
        if (!in_progress && v.reason == "timeout" &&
            (v.channel == Channel::kChat || v.channel == Channel::kMessage || v.channel == Channel::kEmail)) {
            // On messaging media 'timeout' ends an idle session; it is not a dial nobody answered
            // (an inference from the voice-centred wording of the disconnect type): the conversation
            // may well have connected, so neither "never connected" nor a confident verdict.
            v.category = Category::kOther;
            v.confidence = Confidence::kLow;
            v.detail += fmt::format(
                " On a {} conversation 'timeout' is read as the session's idle timeout, not an unanswered "
                "dial (an inference), so it says nothing about whether it connected.",
                to_string(v.channel));
        }
        if (ended_without_end || segments.open_wrapup) {
            // The record is incomplete (no conversationEnd, or a wrap-up still open): never high.
            v.confidence = one_step_lower(v.confidence);
            if (segments.open_wrapup) {
                v.detail +=
                    " An agent was still in wrap-up when the record was written; every other segment has "
                    "ended, so the conversation is decided from its segments.";
            } else {
                v.detail +=
                    " The record has no conversationEnd; every participant's last segment has ended, so "
                    "the conversation is decided from its segments.";
            }
        }
        out.on_verdict(std::move(v));
    }

private:
    void read_analytics_participants(detail::array participants,
                                     std::vector<Leg>& legs,
                                     SegmentState& state,
                                     const RecordPos& pos) {
        for (simdjson::dom::element item : participants) {
            const auto participant = detail::as_object(item);
            if (!participant) continue;
            const Role role = role_of(string_at(*participant, "purpose"));
            const auto sessions = array_at(*participant, "sessions");
            if (!sessions) continue;
            for (simdjson::dom::element session_item : *sessions) {
                const auto session = detail::as_object(session_item);
                if (!session) continue;
                Leg leg;
                leg.role = role;
                const Channel media = channel_of_media(string_at(*session, "mediaType"));
                if (state.channel == Channel::kUnknown || role == Role::kCustomer) {
                    state.channel = media != Channel::kUnknown ? media : state.channel;
                }
                leg.name = std::string(string_at(*participant, "participantName"));
                leg.user_id = std::string(string_at(*participant, "userId"));
                std::string alert_disconnect;
                std::string wrapup_disconnect;
                if (const auto segments = array_at(*session, "segments")) {
                    for (simdjson::dom::element segment_item : *segments) {
                        const auto segment = detail::as_object(segment_item);
                        if (!segment) continue;
                        const std::string_view type = string_at(*segment, "segmentType");
                        const std::string_view disconnect = string_at(*segment, "disconnectType");
                        const std::int64_t start = read_time(string_at(*segment, "segmentStart"), pos);
                        const std::int64_t end = read_time(string_at(*segment, "segmentEnd"), pos);
                        if (string_at(*segment, "segmentEnd").empty()) {
                            (type == "wrapup" ? state.open_wrapup : state.open_media) = true;
                        }
                        if (end != kNoTime && (leg.ended_at == kNoTime || end > leg.ended_at)) leg.ended_at = end;
                        if (type == "interact" || type == "hold") {
                            if (!leg.connected || (start != kNoTime && start < leg.connected_at)) {
                                leg.connected_at = start;
                            }
                            leg.connected = true;
                            if (!disconnect.empty()) {
                                leg.final_disconnect = std::string(disconnect);
                                leg.final_segment = std::string(type);
                            }
                        } else if (type == "alert") {
                            leg.alerted = true;
                            if (!disconnect.empty()) alert_disconnect = std::string(disconnect);
                        } else if (type == "wrapup") {
                            if (!disconnect.empty()) wrapup_disconnect = std::string(disconnect);
                        } else if (!disconnect.empty() && !leg.connected) {
                            leg.final_disconnect = std::string(disconnect);  // ivr, dialing, contacting...
                            leg.final_segment = std::string(type);
                        }
                    }
                }
                if (leg.final_disconnect.empty()) {
                    // The wrap-up repeats the interact's reason; an alert-only leg ends on its alert.
                    leg.final_disconnect = !wrapup_disconnect.empty() ? wrapup_disconnect : alert_disconnect;
                    leg.final_segment =
                        !wrapup_disconnect.empty() ? "wrapup" : (alert_disconnect.empty() ? "" : "alert");
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
                legs.push_back(std::move(leg));
            }
        }
    }

    /// Returns true when some participant is still connected (the conversation is in progress).
    bool read_api_participants(detail::array participants,
                               std::vector<Leg>& legs,
                               SegmentState& segments,
                               const RecordPos& pos) {
        bool live = false;
        for (simdjson::dom::element item : participants) {
            const auto participant = detail::as_object(item);
            if (!participant) continue;
            Leg leg;
            leg.role = role_of(string_at(*participant, "purpose"));
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
            live = live || (!state.empty() && state != "disconnected" && state != "terminated");
            for (const auto& [list, channel] :
                 {std::pair{"calls", Channel::kVoice}, std::pair{"chats", Channel::kChat},
                  std::pair{"emails", Channel::kEmail}, std::pair{"callbacks", Channel::kCallback},
                  std::pair{"messages", Channel::kMessage}}) {
                if (segments.channel == Channel::kUnknown && array_at(*participant, list)) segments.channel = channel;
            }
            if (const auto calls = array_at(*participant, "calls")) {  // Participant with media lists
                for (simdjson::dom::element call_item : *calls) {
                    const auto call = detail::as_object(call_item);
                    if (!call) continue;
                    if (connected.empty()) connected = string_at(*call, "connectedTime");
                    if (alerting.empty()) alerting = string_at(*call, "startAlertingTime");
                    if (!string_at(*call, "disconnectedTime").empty()) ended = string_at(*call, "disconnectedTime");
                    if (!string_at(*call, "disconnectType").empty()) disconnect = string_at(*call, "disconnectType");
                }
            }
            leg.connected = !connected.empty();
            leg.connected_at = read_time(connected, pos);
            leg.alerted = !alerting.empty();
            leg.ended_at = read_time(ended, pos);
            leg.final_disconnect = std::string(disconnect);
            leg.not_responding = leg.role == Role::kAgent && leg.alerted && !leg.connected;
            legs.push_back(std::move(leg));
        }
        return live;
    }

    void decide(Verdict& v, const std::vector<Leg>& legs, bool in_progress, const RecordPos& pos) {
        const Leg* last_agent = nullptr;
        const Leg* customer = nullptr;
        bool queued = false;
        bool ivr = false;
        bool abandoned_metric = false;
        int not_responding = 0;
        for (const Leg& leg : legs) {
            switch (leg.role) {
                case Role::kAgent:
                    if (leg.connected && (last_agent == nullptr || leg.connected_at >= last_agent->connected_at)) {
                        last_agent = &leg;
                    }
                    not_responding += leg.not_responding ? 1 : 0;
                    break;
                case Role::kCustomer:
                    if (customer == nullptr || leg.ended_at >= customer->ended_at) customer = &leg;
                    break;
                case Role::kAcd:
                    queued = true;
                    abandoned_metric = abandoned_metric || leg.abandoned_metric;
                    break;
                case Role::kIvr: ivr = true; break;
                case Role::kOther: break;
            }
        }
        const std::string customer_dt = customer != nullptr ? customer->final_disconnect : std::string();
        const std::string missed = not_responding > 0
                                       ? fmt::format(" {} agent leg{} alerted without answering (not responding).",
                                                     not_responding, not_responding == 1 ? "" : "s")
                                       : std::string();
        if (in_progress) {
            v.ended_by = Party::kUnknown;
            v.category = Category::kInProgress;
            v.reason = "conversation_in_progress";
            // A snapshot: not over when the record was written, and may be over now.
            v.confidence = Confidence::kMedium;
            v.outcome = "in_progress";
            v.detail = "The conversation was not over when the record was written (a leg has not ended).";
        } else if (last_agent != nullptr) {
            v.agent = last_agent->user_id;
            v.agent_name = last_agent->name;
            v.started_at_ms = last_agent->connected_at != kNoTime ? last_agent->connected_at : v.started_at_ms;
            v.outcome = "handled";
            const std::string& dt = last_agent->final_disconnect;
            if (dt.empty()) {
                v.ended_by = Party::kUnknown;
                v.reason = "no_disconnect_type";
                v.category = Category::kOther;
                v.detail = "The last agent leg carries no disconnectType.";
            } else {
                map_code(mappings::genesys_disconnect_type(), dt, v, pos);
                const mappings::ReasonRow* customer_row =
                    mappings::lookup(mappings::genesys_disconnect_type(), customer_dt);
                if (is(dt, "peer") && customer_row != nullptr && customer_row->party == Party::kSystem) {
                    // The agent was ended by the other side, and that side was ended by the platform
                    // (messaging inactivity, session expiry, a timeout): the system ended it.
                    map_code(mappings::genesys_disconnect_type(), customer_dt, v, pos);
                    v.detail = fmt::format(
                        "The last agent leg ended 'peer' and the customer's ended '{}': the "
                        "platform ended the conversation.",
                        customer_dt);
                } else if (is(dt, "peer")) {
                    const bool customer_hung_up = is(customer_dt, "endpoint");
                    v.confidence = customer_hung_up ? Confidence::kHigh : Confidence::kMedium;
                    v.detail = customer_hung_up
                                   ? "The last agent leg ended 'peer' and the customer's ended 'endpoint': the "
                                     "customer hung up."
                                   : fmt::format(
                                         "The last agent leg ended 'peer' (another participant ended it); the "
                                         "customer's leg ended '{}'.",
                                         customer_dt.empty() ? "-" : customer_dt);
                } else if (v.detail.empty()) {
                    v.detail = fmt::format("The last connected agent leg ended '{}'.", dt);
                }
            }
            v.detail += missed;
            v.evidence.push_back(
                evidence(pos, last_agent->ended_at,
                         fmt::format("agent leg {} ({}) {} disconnectType={}", last_agent->name, last_agent->user_id,
                                     last_agent->final_segment, dt.empty() ? "-" : dt)));
        } else if ((queued || not_responding > 0) && (is(customer_dt, "endpoint") || abandoned_metric)) {
            mappings::apply(mappings::genesys_outcome(), "abandoned", v);
            v.raw_reason = customer_dt.empty() ? "tAbandon" : customer_dt;
            v.outcome = "abandoned";
            v.detail = (not_responding > 0 ? "The customer hung up while an agent was alerting, before anyone answered."
                                           : "The customer hung up in queue, before any agent answered.") +
                       missed;
        } else if (ivr && !queued && is(customer_dt, "endpoint")) {
            mappings::apply(mappings::genesys_outcome(), "abandonedinivr", v);
            v.raw_reason = customer_dt;
            v.detail = "The customer hung up in the IVR (not counted as an abandon).";
        } else if (not_responding > 0) {
            mappings::apply(mappings::genesys_outcome(), "notresponding", v);
            v.raw_reason = customer_dt;
            v.outcome = "not_responding";
            v.detail = fmt::format("No agent answered; the customer's leg ended '{}'.{}",
                                   customer_dt.empty() ? "-" : customer_dt, missed);
        } else if (!customer_dt.empty()) {
            map_code(mappings::genesys_disconnect_type(), customer_dt, v, pos);
            if (is(customer_dt, "endpoint")) {
                v.ended_by = Party::kCustomer;
                v.category = Category::kNotConnected;
                v.reason = "customer_hangup_before_connect";
            } else if (v.ended_by == Party::kAgent || v.ended_by == Party::kCustomer) {
                v.ended_by = Party::kSystem;  // read on the customer leg, "peer" means our side
            }
            v.detail = fmt::format("No agent connected; the customer's leg ended '{}'.", customer_dt);
        } else {
            v.ended_by = Party::kUnknown;
            v.category = Category::kOther;
            v.reason = "no_disconnect_type";
            v.detail = "No leg of the conversation carries a disconnectType.";
        }
        if (customer != nullptr) {
            v.evidence.push_back(evidence(pos, customer->ended_at,
                                          fmt::format("customer leg {} disconnectType={}", customer->name,
                                                      customer_dt.empty() ? "-" : customer_dt)));
        }
    }
};

}  // namespace

bool sniff_genesys_conversations(std::string_view head) {
    const bool participants = head.find("\"participants\"") != std::string_view::npos;
    const bool purpose = head.find("\"purpose\"") != std::string_view::npos;
    return (head.find("\"conversationId\"") != std::string_view::npos && participants) ||
           (participants && purpose && head.find("\"disconnectType\"") != std::string_view::npos) ||
           (head.find("\"conversations\"") != std::string_view::npos &&
            head.find("\"conversationId\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_genesys_conversations_reader(const Limits& limits) {
    return std::make_unique<GenesysConversationsReader>(limits);
}

}  // namespace whohungup::exports
