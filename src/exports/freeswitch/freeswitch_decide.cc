// SPDX-License-Identifier: MIT
#include "exports/freeswitch/freeswitch_decide.h"

#include <fmt/format.h>

#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSofia =
    "signalwire/freeswitch mod_sofia (sofia.c, mod_sofia.c: where sip_hangup_disposition is set); "
    "Channel-Variables-Catalog sip_hangup_disposition";
constexpr std::string_view kSofiaInferred =
    "signalwire/freeswitch mod_sofia; inferred: on the A-leg, send_bye means the B side or the dialplan ended it";
constexpr std::string_view kNotOnLeg = "signalwire/freeswitch mod_sofia: not set on this leg's direction";
constexpr std::string_view kChart = "signalwire/freeswitch src/switch_channel.c CAUSE_CHART";
constexpr std::string_view kCc = "signalwire/freeswitch src/mod/applications/mod_callcenter/mod_callcenter.c";
constexpr auto kHang = Category::kHangup;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;

constexpr std::array<ReasonRow, 12> kDispositionRows{{
    {"a/recv_bye", Party::kCustomer, kHang, Reason::customer_hangup, kHigh, kSofia},
    {"a/send_bye", Party::kAgent, kHang, Reason::agent_hangup, kMed, kSofiaInferred},
    {"a/recv_cancel", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_while_ringing, kHigh, kSofia},
    {"a/send_refuse", Party::kSystem, kNC, Reason::rejected_by_switch, kHigh, kSofia},
    {"a/send_cancel", Party::kUnknown, Category::kOther, Reason::disposition_not_expected_on_leg, kLow, kNotOnLeg},
    {"a/recv_refuse", Party::kUnknown, Category::kOther, Reason::disposition_not_expected_on_leg, kLow, kNotOnLeg},
    {"b/recv_bye", Party::kAgent, kHang, Reason::agent_hangup, kHigh, kSofia},
    {"b/send_bye", Party::kCustomer, kHang, Reason::customer_hangup, kMed, kSofiaInferred},
    {"b/send_cancel", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_while_ringing, kMed, kSofia},
    {"b/recv_refuse", Party::kSystem, kNC, Reason::callee_refused, kMed, kSofia},
    {"b/recv_cancel", Party::kUnknown, Category::kOther, Reason::disposition_not_expected_on_leg, kLow, kNotOnLeg},
    {"b/send_refuse", Party::kUnknown, Category::kOther, Reason::disposition_not_expected_on_leg, kLow, kNotOnLeg},
}};

// Only causes that say more than the disposition (or stand in when there is none).
constexpr std::array<ReasonRow, 24> kCauseRows{{
    {"NORMAL_CLEARING", Party::kUnknown, kHang, Reason::record_does_not_tell, kLow, kChart},
    {"ORIGINATOR_CANCEL", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_while_ringing, kHigh,
     kChart},
    {"LOSE_RACE", Party::kSystem, kNC, Reason::answered_elsewhere, kHigh, kChart},
    {"PICKED_OFF", Party::kSystem, kNC, Reason::answered_elsewhere, kHigh, kChart},
    {"MANAGER_REQUEST", Party::kSystem, kHang, Reason::ended_by_api, kHigh, kChart},
    {"ALLOTTED_TIMEOUT", Party::kSystem, kHang, Reason::time_limit, kHigh, kChart},
    {"SYSTEM_SHUTDOWN", Party::kSystem, Category::kFailure, Reason::system_shutdown, kHigh, kChart},
    {"CRASH", Party::kSystem, Category::kFailure, Reason::system_failure, kHigh, kChart},
    {"MEDIA_TIMEOUT", Party::kSystem, Category::kFailure, Reason::media_timeout, kHigh, kChart},
    {"PROGRESS_TIMEOUT", Party::kSystem, kNC, Reason::progress_timeout, kHigh, kChart},
    {"GATEWAY_DOWN", Party::kSystem, kNC, Reason::gateway_down, kHigh, kChart},
    {"INVALID_GATEWAY", Party::kSystem, kNC, Reason::gateway_invalid, kHigh, kChart},
    {"USER_CHALLENGE", Party::kSystem, kNC, Reason::authentication_challenge, kMed, kChart},
    {"BLIND_TRANSFER", Party::kUnknown, Category::kTransfer, Reason::blind_transfer, kHigh, kChart},
    {"ATTENDED_TRANSFER", Party::kUnknown, Category::kTransfer, Reason::attended_transfer, kHigh, kChart},
    {"USER_BUSY", Party::kSystem, kNC, Reason::user_busy, kHigh, kChart},
    {"NO_ANSWER", Party::kSystem, kNC, Reason::no_answer, kHigh, kChart},
    {"NO_USER_RESPONSE", Party::kSystem, kNC, Reason::no_answer, kHigh, kChart},
    {"CALL_REJECTED", Party::kSystem, kNC, Reason::call_rejected, kHigh, kChart},
    {"UNALLOCATED_NUMBER", Party::kSystem, kNC, Reason::number_invalid, kHigh, kChart},
    {"NO_ROUTE_DESTINATION", Party::kSystem, kNC, Reason::no_route, kHigh, kChart},
    {"USER_NOT_REGISTERED", Party::kSystem, kNC, Reason::user_not_registered, kHigh, kChart},
    {"NORMAL_TEMPORARY_FAILURE", Party::kSystem, Category::kFailure, Reason::network_failure, kMed, kChart},
    {"RECOVERY_ON_TIMER_EXPIRE", Party::kSystem, Category::kFailure, Reason::signalling_timeout, kMed, kChart},
}};

constexpr std::array<ReasonRow, 5> kCcRows{{
    {"BREAK_OUT", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_in_queue, kHigh, kCc},
    {"TIMEOUT", Party::kSystem, kNC, Reason::queue_timeout, kHigh, kCc},
    {"NO_AGENT_TIMEOUT", Party::kSystem, kNC, Reason::queue_no_members, kHigh, kCc},
    {"EXIT_WITH_KEY", Party::kCustomer, Category::kOther, Reason::customer_left_queue_by_key, kHigh, kCc},
    {"NONE", Party::kUnknown, Category::kOther, Reason::record_does_not_tell, kLow, kCc},
}};

}  // namespace

const ReasonTable& freeswitch_sip_hangup_disposition() {
    static const ReasonTable kTable{"FreeSWITCH leg/sip_hangup_disposition", "freeswitch-json-cdr, freeswitch-xml-cdr",
                                    kDispositionRows, &lower_snake};
    return kTable;
}

const ReasonTable& freeswitch_hangup_cause() {
    static const ReasonTable kTable{"FreeSWITCH hangup_cause", "freeswitch-json-cdr, freeswitch-xml-cdr", kCauseRows,
                                    &upper_trimmed};
    return kTable;
}

const ReasonTable& freeswitch_cc_cancel_reason() {
    static const ReasonTable kTable{"FreeSWITCH mod_callcenter cc_cancel_reason",
                                    "freeswitch-json-cdr, freeswitch-xml-cdr", kCcRows, &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::freeswitch {

namespace {

/// Causes that decide whatever the disposition says: nobody's BYE ended these calls.
bool cause_overrides(std::string_view cause) {
    const mappings::ReasonRow* row = mappings::lookup(mappings::freeswitch_hangup_cause(), cause);
    return row != nullptr && cause != "NORMAL_CLEARING" && cause != "ORIGINATOR_CANCEL" && cause != "USER_BUSY" &&
           cause != "NO_ANSWER" && cause != "NO_USER_RESPONSE" && cause != "CALL_REJECTED";
}

Evidence evidence_of(const FreeswitchLeg& leg, char role) {
    return Evidence{leg.ended_at_ms, leg.input, leg.line, leg.byte,
                    fmt::format("{}-leg uuid={} direction={} sip_hangup_disposition={} hangup_cause={} "
                                "last_bridge_hangup_cause={} caller_id_number={} destination_number={}",
                                role, leg.uuid, leg.direction.empty() ? "-" : leg.direction,
                                leg.sip_hangup_disposition.empty() ? "-" : leg.sip_hangup_disposition,
                                leg.hangup_cause.empty() ? "-" : leg.hangup_cause,
                                leg.last_bridge_hangup_cause.empty() ? "-" : leg.last_bridge_hangup_cause,
                                leg.caller_id_number.empty() ? "-" : leg.caller_id_number,
                                leg.destination_number.empty() ? "-" : leg.destination_number)};
}

/// The B-leg that was bridged (answered), else the last one.
const FreeswitchLeg* main_b_leg(const FreeswitchCall& call) {
    const FreeswitchLeg* best = nullptr;
    for (const FreeswitchLeg& leg : call.b_legs) {
        if (best == nullptr || (leg.answered_at_ms != kNoTime && best->answered_at_ms == kNoTime)) best = &leg;
    }
    return best;
}

/// Whether the caller (A-leg side) is the agent: --agent-match over the numbers, then
/// FusionPBX's call_direction, then what the legs show (a directory user calling out through a
/// gateway); default no (a contact centre's A-leg is the customer calling in). `known` false: the
/// record shows the default does not hold and does not say which side is the agent.
struct Roles {
    bool caller_is_agent = false;
    bool callee_is_agent = true;
    bool known = true;
    std::string how = "default: the A-leg caller is the customer, the B-leg callee the agent";
    bool certain = false;
};

/// `leg` is the A-leg, or the B-leg when the call has no A-leg; `b` the main B-leg, if any.
Roles roles_of(const FreeswitchLeg& leg, const FreeswitchLeg* b, bool have_a, const AgentMatch& agents) {
    Roles roles;
    const std::optional<bool> caller = agents.is_agent(leg.caller_id_number);
    const std::optional<bool> callee = agents.is_agent(leg.destination_number);
    if (caller && callee && (*caller || *callee)) {
        roles.caller_is_agent = *caller;
        roles.callee_is_agent = *callee;
        roles.how = "--agent-match over caller_id_number / destination_number";
        roles.certain = true;
        return roles;
    }
    if (leg.call_direction == "outbound") {
        roles.caller_is_agent = true;
        roles.callee_is_agent = false;
        roles.how = "call_direction=outbound: an extension called out";
        roles.certain = true;
    } else if (leg.call_direction == "local") {
        roles.caller_is_agent = true;
        roles.callee_is_agent = true;
        roles.how = "call_direction=local: extension to extension";
        roles.certain = true;
    } else if (leg.call_direction == "inbound") {
        roles.how = "call_direction=inbound: the caller is outside";
        roles.certain = true;
    } else if (!have_a && leg.originating_leg_uuid.empty() && leg.last_bridge_to.empty()) {
        // switch_ivr_originate.c sets originating_leg_uuid only when a caller's session originates
        // the leg, and a bridge sets last_bridge_to: neither means the API or the dialplan dialled
        // this leg and it never met a caller, so the callee may be anyone.
        roles.known = false;
        roles.how =
            "a leg originated with no caller (no originating_leg_uuid, never bridged), so nothing says "
            "whether the callee is an agent or a customer";
    } else if (b != nullptr && !b->sip_gateway_name.empty()) {
        roles.callee_is_agent = false;
        if (have_a && !leg.sip_auth_username.empty()) {
            roles.caller_is_agent = true;
            roles.how = fmt::format(
                "the caller is directory user {} (sip_auth_username: it passed digest authentication) and the "
                "callee went out through gateway {}: an outbound call (inferred)",
                leg.sip_auth_username, b->sip_gateway_name);
        } else {
            roles.known = false;
            roles.how = fmt::format(
                "the callee went out through gateway {} and the caller is not an authenticated directory user, "
                "so nothing says which side is the agent (a forwarded call?)",
                b->sip_gateway_name);
        }
    }
    return roles;
}

}  // namespace

Verdict decide(const FreeswitchCall& call, const AgentMatch& agents, std::string_view format) {
    Verdict v;
    v.source_format = std::string(format);
    v.contact_id = call.call_id;
    v.channel = Channel::kVoice;
    const FreeswitchLeg* b = main_b_leg(call);
    const bool have_a = call.a_leg.has_value();
    if (!have_a && b == nullptr) {  // the assembler never makes such a call; decide() stays total
        v.reason = Reason::record_does_not_tell;
        v.detail = "No leg of this call was read.";
        return v;
    }
    const FreeswitchLeg& leg = have_a ? *call.a_leg : *b;  // the call has at least one leg
    const char role = have_a ? 'a' : 'b';
    v.input = leg.input;
    v.started_at_ms = leg.started_at_ms;
    v.ended_at_ms = leg.ended_at_ms;
    v.evidence.push_back(evidence_of(leg, static_cast<char>(role - 'a' + 'A')));
    if (have_a && b != nullptr) v.evidence.push_back(evidence_of(*b, 'B'));
    const Roles roles = roles_of(leg, b, have_a, agents);
    Side side = Side::kNone;

    if (leg.cc_cause == "cancel" && !leg.cc_cancel_reason.empty() &&
        mappings::lookup(mappings::freeswitch_cc_cancel_reason(), leg.cc_cancel_reason) != nullptr) {
        mappings::apply(mappings::freeswitch_cc_cancel_reason(), leg.cc_cancel_reason, v);
        v.detail = fmt::format("mod_callcenter cancelled the member: cc_cancel_reason {}.", leg.cc_cancel_reason);
        side = v.ended_by == Party::kCustomer ? Side::kCaller : Side::kNone;
    } else if (cause_overrides(leg.hangup_cause)) {
        mappings::apply(mappings::freeswitch_hangup_cause(), leg.hangup_cause, v);
        v.detail = fmt::format("hangup_cause {}: no party's BYE ended the call.", leg.hangup_cause);
    } else if (!leg.sip_hangup_disposition.empty()) {
        const std::string key = fmt::format("{}/{}", role, leg.sip_hangup_disposition);
        const auto& table = mappings::freeswitch_sip_hangup_disposition();
        if (!mappings::apply(table, key, v)) {
            v.detail = fmt::format("sip_hangup_disposition \"{}\" is not a value whohungup knows.",
                                   leg.sip_hangup_disposition);
        }
        const std::string_view d = leg.sip_hangup_disposition;
        const bool caller_side = (role == 'a') == (d == "recv_bye" || d == "recv_cancel");
        if (d == "recv_bye" || d == "send_bye" || d == "recv_cancel" || d == "send_cancel") {
            side = caller_side ? Side::kCaller : Side::kCallee;
        }
        if (role == 'a' && d == "send_bye") {
            // FreeSWITCH hung up the caller: the callee's BYE, or the dialplan/API.
            if (b != nullptr && b->sip_hangup_disposition == "recv_bye") {
                v.confidence = Confidence::kHigh;
                v.detail = "The B-leg received the callee's BYE (recv_bye) and FreeSWITCH then hung up the caller.";
            } else if (leg.last_bridge_hangup_cause == "NORMAL_CLEARING") {
                v.detail =
                    "FreeSWITCH sent the caller a BYE after the bridged leg cleared normally "
                    "(last_bridge_hangup_cause NORMAL_CLEARING): the callee hung up (inferred; no B-leg CDR).";
            } else {
                v.ended_by = Party::kSystem;
                v.reason = Reason::ended_by_switch;
                v.confidence = Confidence::kMedium;
                side = Side::kNone;
                v.detail = fmt::format(
                    "FreeSWITCH sent the caller a BYE with no sign the callee hung up (last_bridge_hangup_cause {}): "
                    "the dialplan or an API ended it.",
                    leg.last_bridge_hangup_cause.empty() ? "-" : leg.last_bridge_hangup_cause);
            }
        } else if (role == 'b' && d == "send_bye" && !roles.known && !have_a) {
            v.ended_by = Party::kSystem;
            v.reason = Reason::ended_by_switch;
            v.confidence = Confidence::kMedium;
            side = Side::kNone;
            v.detail =
                "FreeSWITCH sent the callee a BYE on a leg it originated with no caller (no originating_leg_uuid, "
                "never bridged): the application or API that placed the call ended it.";
        } else if (role == 'b' && d == "send_cancel" && leg.hangup_cause != "ORIGINATOR_CANCEL" &&
                   !leg.hangup_cause.empty()) {
            mappings::apply(mappings::freeswitch_hangup_cause(), leg.hangup_cause, v);
            side = Side::kNone;
            v.detail = fmt::format("FreeSWITCH cancelled the ringing callee: {}.", leg.hangup_cause);
        } else if (role == 'b' && d == "recv_refuse") {
            if (mappings::lookup(mappings::freeswitch_hangup_cause(), leg.hangup_cause) != nullptr) {
                mappings::apply(mappings::freeswitch_hangup_cause(), leg.hangup_cause, v);
            }
            v.detail = fmt::format("The callee (or its network) refused the call: {}.", leg.hangup_cause);
        } else {
            v.detail = fmt::format("sip_hangup_disposition {} on the {}-leg: the {} ended it.", d,
                                   static_cast<char>(role - 'a' + 'A'), side == Side::kCaller ? "caller" : "callee");
        }
        if (role == 'a' && d == "send_bye" && v.ended_by != Party::kSystem) side = Side::kCallee;
    } else if (mappings::lookup(mappings::freeswitch_hangup_cause(), leg.hangup_cause) != nullptr) {
        mappings::apply(mappings::freeswitch_hangup_cause(), leg.hangup_cause, v);
        v.detail = fmt::format("No sip_hangup_disposition (not a SIP leg); hangup_cause {}.", leg.hangup_cause);
        if (v.ended_by == Party::kCustomer) side = Side::kCaller;
    } else {
        v.reason = leg.hangup_cause.empty() ? Reason::record_does_not_tell : Reason::unmapped_code;
        v.detail = "The leg has neither sip_hangup_disposition nor a hangup_cause whohungup knows.";
    }
    v.ended_by_side = side;
    // The tables assume the A-leg caller is the customer; put the side on the party it really is.
    if (side != Side::kNone && (v.ended_by == Party::kAgent || v.ended_by == Party::kCustomer) && !roles.known) {
        v.ended_by = Party::kUnknown;
        v.reason = side == Side::kCaller ? Reason::caller_hangup_role_unknown : Reason::callee_hangup_role_unknown;
        v.confidence = Confidence::kLow;
        v.detail += fmt::format(" Roles: {}.", roles.how);
    } else if (side != Side::kNone && (v.ended_by == Party::kAgent || v.ended_by == Party::kCustomer)) {
        const bool agent = side == Side::kCaller ? roles.caller_is_agent : roles.callee_is_agent;
        const Party party = agent ? Party::kAgent : Party::kCustomer;
        if (party != v.ended_by) {
            v.ended_by = party;
            v.reason = agent ? Reason::agent_hangup : Reason::customer_hangup;
            if (v.category == Category::kAbandoned) v.reason = Reason::agent_cancelled_while_ringing;
        }
        if (!roles.certain && v.confidence == Confidence::kHigh) v.confidence = Confidence::kMedium;
        v.detail += fmt::format(" Roles: {}.", roles.how);
    }
    // The agent's extension or number, where the roles say which end is the agent.
    if (roles.known && roles.callee_is_agent) {
        v.agent = b != nullptr && !b->destination_number.empty() ? b->destination_number : leg.destination_number;
    } else if (roles.known && roles.caller_is_agent) {
        v.agent = leg.caller_id_number;
    }
    if (v.category == Category::kHangup && v.ended_by != Party::kSystem) v.outcome = "handled";
    if (v.category == Category::kAbandoned) v.outcome = "abandoned";
    // The leg's own words, whichever table decided.
    v.raw_reason = leg.sip_hangup_disposition.empty() ? leg.hangup_cause
                                                      : fmt::format("{} {}", leg.sip_hangup_disposition,
                                                                    leg.hangup_cause.empty() ? "-" : leg.hangup_cause);
    if (call.extra_b_legs > 0) v.detail += fmt::format(" {} more B-legs not kept.", call.extra_b_legs);
    return v;
}

}  // namespace whohungup::exports::freeswitch
