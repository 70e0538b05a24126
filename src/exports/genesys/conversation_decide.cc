// SPDX-License-Identifier: MIT
#include "exports/genesys/conversation_decide.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/concat.h"

namespace whohungup::exports::genesys {

namespace {

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

void set(Verdict& v, Party party, Category category, Reason reason, Confidence confidence) {
    v.ended_by = party;
    v.category = category;
    v.reason = reason;
    v.confidence = confidence;
}

bool is_messaging(Channel channel) {
    return channel != Channel::kVoice && channel != Channel::kUnknown;
}

void map_code(const mappings::ReasonTable& table,
              std::string_view code,
              Verdict& v,
              std::vector<UnknownCode>& unknown) {
    if (!mappings::apply(table, code, v)) {
        v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name, code);
        unknown.push_back({&table, std::string(code)});
    }
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

bool any_agent_leg(const std::vector<Leg>& legs) {
    return std::ranges::any_of(legs, [](const Leg& leg) { return leg.role == Role::kAgent; });
}

bool any_voice_leg(const std::vector<Leg>& legs) {
    return std::ranges::any_of(legs, [](const Leg& leg) { return leg.media == Channel::kVoice; });
}

/// Genesys Cloud documents disconnectType 'system' as "the cloud or the provider caused the
/// disconnect" (seed genesys-cloud-disconnect-reasons.txt). When every person's leg of a chat,
/// message, email or callback says so, the platform closed the interaction (a customer closing
/// the window and an idle timeout look alike): system, medium, because the human cause behind the
/// closing is not recorded.
void closed_by_platform(Verdict& v, std::string_view said) {
    set(v, Party::kSystem, Category::kOther, Reason::closed_by_platform, Confidence::kMedium);
    v.detail = fmt::format(
        "{} this {} conversation ended 'system' (the cloud or the provider caused the disconnect): the platform "
        "closed it, and what a person did before that is not recorded.",
        said, to_string(v.channel));
}

/// Not over when the record was written, and may be over now: a snapshot, so medium, from any shape.
void in_progress_snapshot(Verdict& v, std::string_view detail) {
    set(v, Party::kUnknown, Category::kInProgress, Reason::conversation_in_progress, Confidence::kMedium);
    v.outcome = "in_progress";
    v.detail = std::string(detail);
}

/// The Interactions view's one Disconnect Type for the conversation (its own summary of the legs).
void decide_row(const GenesysConversation& row, Verdict& v, std::vector<UnknownCode>& unknown) {
    v.agent_name = row.users;
    if (row.abandoned) {
        mappings::apply(mappings::genesys_outcome(), "abandoned", v);
        v.raw_reason = row.disconnect_type.empty() ? std::string("Abandoned=YES") : row.disconnect_type;
        v.outcome = "abandoned";
        v.detail = "The export marks the interaction abandoned.";
    } else if (row.disconnect_type.empty()) {
        in_progress_snapshot(v, "The export has no Disconnect Type: the interaction was still in progress.");
    } else if (is(row.disconnect_type, "system") && is_messaging(v.channel)) {
        closed_by_platform(v, "The export's Disconnect Type says");
        if (!row.users.empty()) v.outcome = "handled";
        v.raw_reason = row.disconnect_type;
    } else {
        map_code(mappings::genesys_interactions_disconnect_type(), row.disconnect_type, v, unknown);
        if (v.detail.empty()) {
            v.detail = detail::concat({"The export's Disconnect Type is ", row.disconnect_type, "."});
        }
        if (!row.users.empty()) v.outcome = "handled";
    }
    if (!row.media.empty()) {
        v.detail += detail::concat({" Media: ", row.media, "."});
    }
}

/// The side the last agent talked to: the latest customer leg, else (an internal call, as in the
/// 2016 analytics sample) a leg of purpose "user" other than the agent's, which placed the call.
struct Counterpart {
    const Leg* leg = nullptr;
    bool internal_caller = false;
};

Counterpart counterpart_of(const std::vector<Leg>& legs, const Leg* customer, const Leg* last_agent) {
    if (customer != nullptr || last_agent == nullptr) return {customer, false};
    const Leg* caller = nullptr;
    for (const Leg& leg : legs) {
        if (&leg == last_agent || !leg.user_purpose || leg.final_disconnect.empty() || !leg.connected) continue;
        if (caller == nullptr || leg.ended_at >= caller->ended_at) caller = &leg;
    }
    return {caller, caller != nullptr};
}

void decide_legs(const GenesysConversation& c, Verdict& v, bool in_progress, std::vector<UnknownCode>& unknown) {
    const std::vector<Leg>& legs = c.legs;
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
    const Counterpart other = counterpart_of(legs, customer, last_agent);
    const std::string customer_dt = other.leg != nullptr ? other.leg->final_disconnect : std::string();
    const std::string missed = not_responding > 0
                                   ? fmt::format(" {} agent leg{} alerted without answering (not responding).",
                                                 not_responding, not_responding == 1 ? "" : "s")
                                   : std::string();
    if (in_progress) {
        in_progress_snapshot(v, "The conversation was not over when the record was written (a leg has not ended).");
    } else if (last_agent != nullptr && last_agent->preview_skipped && last_agent->media == Channel::kCallback &&
               !any_voice_leg(legs)) {
        // Outbound preview dialling: the agent is offered the contact as a callback and skips it;
        // the platform then writes the system wrap-up ININ-OUTBOUND-PREVIEW-SKIPPED and places no
        // call. The agent's 'client' is the skip, not a hang-up ("system reserved wrap-up codes",
        // Genesys Cloud outbound). Medium: read from the wrap-up code, not a disconnect of a call.
        v.agent = last_agent->user_id;
        v.agent_name = last_agent->name;
        v.started_at_ms = last_agent->connected_at != kNoTime ? last_agent->connected_at : v.started_at_ms;
        set(v, Party::kAgent, Category::kNotConnected, Reason::preview_skipped, Confidence::kMedium);
        v.raw_reason = "ININ-OUTBOUND-PREVIEW-SKIPPED";
        v.detail = "The agent skipped the preview (system wrap-up ININ-OUTBOUND-PREVIEW-SKIPPED); no call was placed.";
        v.evidence.push_back(Evidence{
            last_agent->ended_at,
            {},
            0,
            0,
            fmt::format("agent leg {} ({}) callback wrapUpCode=ININ-OUTBOUND-PREVIEW-SKIPPED disconnectType={}",
                        last_agent->name, last_agent->user_id,
                        last_agent->final_disconnect.empty() ? "-" : last_agent->final_disconnect)});
    } else if (last_agent != nullptr) {
        v.agent = last_agent->user_id;
        v.agent_name = last_agent->name;
        v.started_at_ms = last_agent->connected_at != kNoTime ? last_agent->connected_at : v.started_at_ms;
        v.outcome = "handled";
        const std::string& dt = last_agent->final_disconnect;
        const std::string_view side = other.internal_caller ? "caller's (a user: an internal call)" : "customer's";
        if (dt.empty()) {
            v.ended_by = Party::kUnknown;
            v.reason = Reason::no_disconnect_type;
            v.category = Category::kOther;
            v.detail = "The last agent leg carries no disconnectType.";
        } else {
            map_code(mappings::genesys_disconnect_type(), dt, v, unknown);
            const mappings::ReasonRow* customer_row =
                mappings::lookup(mappings::genesys_disconnect_type(), customer_dt);
            if (is(dt, "peer") && customer_row != nullptr && customer_row->party == Party::kSystem) {
                // The agent was ended by the other side, and that side was ended by the platform
                // (messaging inactivity, session expiry, a timeout): the system ended it.
                map_code(mappings::genesys_disconnect_type(), customer_dt, v, unknown);
                v.detail = fmt::format(
                    "The last agent leg ended 'peer' and the {} ended '{}': the platform ended the conversation.", side,
                    customer_dt);
            } else if (is(dt, "peer")) {
                const bool customer_hung_up = is(customer_dt, "endpoint");
                v.confidence = customer_hung_up ? Confidence::kHigh : Confidence::kMedium;
                v.detail = customer_hung_up ? fmt::format(
                                                  "The last agent leg ended 'peer' and the {} ended 'endpoint': the {} "
                                                  "hung up.",
                                                  side, other.internal_caller ? "caller" : "customer")
                                            : fmt::format(
                                                  "The last agent leg ended 'peer' (another participant ended it); the "
                                                  "customer's leg ended '{}'.",
                                                  customer_dt.empty() ? "-" : customer_dt);
            } else if (v.detail.empty()) {
                v.detail = fmt::format("The last connected agent leg ended '{}'.", dt);
            }
        }
        v.detail += missed;
        // The call ended when the deciding leg's talk did: conversationEnd is the end of the last
        // wrap-up (after-call work), later by the wrap-up's length (a 2024 job result: conversationEnd
        // 17:38:17.974 is the wrap-up's end; the interact ended 17:38:14.974, tTalk 374.894 s). A
        // transfer is the exception: the conversation went on after this leg.
        if (last_agent->talk_ended_at != kNoTime && v.category != Category::kTransfer) {
            v.ended_at_ms = last_agent->talk_ended_at;
        }
        v.evidence.push_back(
            Evidence{last_agent->ended_at,
                     {},
                     0,
                     0,
                     fmt::format("agent leg {} ({}) {} disconnectType={}", last_agent->name, last_agent->user_id,
                                 last_agent->final_segment, dt.empty() ? "-" : dt)});
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
    } else if (is(customer_dt, "peer") && is_messaging(c.channel) && other.leg->connected && !any_agent_leg(legs)) {
        // A Conversations API record that holds only the customer's participant: its chat ended
        // 'peer', "the other side ended it" (MyPureCloud developer-center blog, "Accessing collected
        // chat v2 information"). In a one-agent chat the other side is the agent, but the agent's
        // participant is not in the record: an inference, hence medium.
        map_code(mappings::genesys_disconnect_type(), customer_dt, v, unknown);
        set(v, Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kMedium);
        v.detail = fmt::format(
            "The customer's {} leg ended 'peer': the other side ended it. No agent participant is in the record; in "
            "a one-agent {} that side is the agent (an inference).",
            to_string(c.channel), to_string(c.channel));
    } else if (!customer_dt.empty()) {
        map_code(mappings::genesys_disconnect_type(), customer_dt, v, unknown);
        if (is(customer_dt, "endpoint")) {
            v.ended_by = Party::kCustomer;
            v.category = Category::kNotConnected;
            v.reason = Reason::customer_hangup_before_connect;
        } else if (v.ended_by == Party::kAgent || v.ended_by == Party::kCustomer) {
            v.ended_by = Party::kSystem;  // read on the customer leg, "peer" means our side
        }
        v.detail = fmt::format("No agent connected; the customer's leg ended '{}'.", customer_dt);
    } else {
        v.ended_by = Party::kUnknown;
        v.category = Category::kOther;
        v.reason = Reason::no_disconnect_type;
        v.detail = "No leg of the conversation carries a disconnectType.";
    }
    if (other.leg != nullptr) {
        v.evidence.push_back(Evidence{
            other.leg->ended_at,
            {},
            0,
            0,
            other.internal_caller
                ? fmt::format("caller leg {} ({}) disconnectType={}", other.leg->name, other.leg->user_id, customer_dt)
                : fmt::format("customer leg {} disconnectType={}", other.leg->name,
                              customer_dt.empty() ? "-" : customer_dt)});
    }
}

}  // namespace

Verdict decide(const GenesysConversation& c, std::vector<UnknownCode>& unknown) {
    Verdict v;
    v.contact_id = c.id;
    v.started_at_ms = c.started_at_ms;
    v.channel = c.channel;
    if (c.shape == Shape::kInteractionsRow) {
        decide_row(c, v, unknown);
        return v;
    }
    // conversationEnd is absent while the conversation goes on, and in older analytics records
    // altogether: only an unended segment (analytics) or a connected participant (API) says it is
    // still going on.
    const bool in_progress = !c.end_given && (c.shape == Shape::kAnalytics ? c.open_media : c.live);
    const bool ended_without_end = c.shape == Shape::kAnalytics && !c.end_given && !in_progress;
    v.ended_at_ms = c.ended_at_ms;
    if (v.ended_at_ms == kNoTime && !in_progress) {
        for (const Leg& leg : c.legs) {  // no end of its own: the last leg's
            if (leg.ended_at != kNoTime && (v.ended_at_ms == kNoTime || leg.ended_at > v.ended_at_ms)) {
                v.ended_at_ms = leg.ended_at;
            }
        }
    }
    decide_legs(c, v, in_progress, unknown);
    if (!in_progress && is_messaging(v.channel) && every_leg_ended_system(c.legs)) {
        closed_by_platform(v, "Every leg of");
    }
    if (!in_progress && v.reason == Reason::timeout &&
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
    if (ended_without_end || c.open_wrapup) {
        // The record is incomplete (no conversationEnd, or a wrap-up still open): never high.
        v.confidence = one_step_lower(v.confidence);
        if (c.open_wrapup) {
            v.detail +=
                " An agent was still in wrap-up when the record was written; every other segment has "
                "ended, so the conversation is decided from its segments.";
        } else {
            v.detail +=
                " The record has no conversationEnd; every participant's last segment has ended, so "
                "the conversation is decided from its segments.";
        }
    }
    return v;
}

}  // namespace whohungup::exports::genesys
