// SPDX-License-Identifier: MIT
#include "exports/kamailio/acc_decide.h"

#include <fmt/format.h>

#include <array>

#include "core/concat.h"
#include "core/time_format.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kDirection =
    "Kamailio and OpenSIPS acc README (detect_direction: 0, the default, logs a request's own From and To; 1 "
    "swaps them for requests from the callee); the INVITE row's to_tag is its reply's (Kamailio acc_logic.c)";
constexpr std::string_view kRfc = "RFC 3261 §21 (response codes); the INVITE row holds the final reply (acc README)";
constexpr auto kU = Party::kUnknown;
constexpr auto kS = Party::kSystem;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;

constexpr std::array<ReasonRow, 3> kByeRows{{
    {"caller", kU, Category::kHangup, Reason::caller_hangup_role_unknown, kMed, kDirection, false,
     "The BYE's From tag is the INVITE's From tag: the caller sent it. Inferred from the tags (the rule holds with "
     "detect_direction 0, the default), so medium."},
    {"callee", kU, Category::kHangup, Reason::callee_hangup_role_unknown, kMed, kDirection, false,
     "The BYE's From tag is the INVITE's To tag: the callee sent it. Inferred from the tags (the rule holds with "
     "detect_direction 0, the default), so medium."},
    {"neither", kU, Category::kHangup, Reason::bye_sender_unknown, kMed, kDirection, false,
     "A BYE was accounted, but its From tag is neither tag of the INVITE row (or there is no INVITE row): which "
     "side sent it is unknown."},
}};

constexpr std::array<ReasonRow, 17> kInviteRows{{
    {"2", kU, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kRfc, true,
     "The INVITE was answered, but no BYE row was accounted for the call (BYE not flagged for accounting, "
     "OpenSIPS's CDR mode, or the call is still up): the rows do not say who ended it."},
    {"3", kU, Category::kTransfer, Reason::redirection, kHigh, kRfc, true},
    {"4", kS, kNC, Reason::call_failed, kMed, kRfc, true},
    {"5", kS, kNC, Reason::call_failed, kMed, kRfc, true},
    {"6", kU, kNC, Reason::callee_refused, kMed, kRfc, true},
    {"403", kS, kNC, Reason::destination_not_allowed, kMed, kRfc},
    {"404", kS, kNC, Reason::number_invalid, kHigh, kRfc},
    {"408", kU, kNC, Reason::no_answer, kMed, kRfc, false,
     "408 Request Timeout: no final reply in time (the proxy's INVITE timer), so the call was not answered."},
    {"480", kU, kNC, Reason::no_answer, kMed, kRfc, false,
     "480 Temporarily Unavailable: the callee was not reachable or did not answer."},
    {"484", kS, kNC, Reason::number_invalid, kHigh, kRfc},
    {"486", kU, kNC, Reason::busy, kHigh, kRfc},
    {"487", kU, kNC, Reason::caller_cancelled_while_ringing, kMed, kRfc, false,
     "487 Request Terminated: the INVITE was cancelled before an answer, normally by the caller's CANCEL (a proxy "
     "may cancel too), so medium."},
    {"488", kS, kNC, Reason::call_failed, kMed, kRfc, false, "488 Not Acceptable Here: no common media."},
    {"600", kU, kNC, Reason::busy, kHigh, kRfc},
    {"603", kU, kNC, Reason::callee_refused, kHigh, kRfc, false, "603 Decline: the callee declined the call."},
    {"604", kS, kNC, Reason::number_invalid, kHigh, kRfc},
    {"606", kU, kNC, Reason::call_rejected, kMed, kRfc},
}};

}  // namespace

const ReasonTable& kamailio_acc_bye_side() {
    static const ReasonTable kTable{"Kamailio / OpenSIPS acc BYE sender (inferred from tags)", "kamailio-acc", kByeRows,
                                    nullptr};
    return kTable;
}

const ReasonTable& kamailio_acc_invite_code() {
    static const ReasonTable kTable{"Kamailio / OpenSIPS acc INVITE sip_code (calls without a BYE row)", "kamailio-acc",
                                    kInviteRows, nullptr};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::kamailio {

namespace {

/// The side an INVITE's final code speaks for: the caller cancels (487), the callee is busy or
/// declines (486, 600, 603).
Side side_of_code(std::string_view code) {
    if (code == "487") return Side::kCaller;
    if (code == "486" || code == "600" || code == "603") return Side::kCallee;
    return Side::kNone;
}

/// --agent-match over the side's party: a party that matches is the agent; one that does not,
/// facing one that does, is the customer; otherwise unknown.
Party party_of(const AccRow& invite, Side side, const AgentMatch& agents) {
    const std::string& party = side == Side::kCaller ? invite.caller : invite.callee;
    const std::string& other = side == Side::kCaller ? invite.callee : invite.caller;
    const std::optional<bool> agent = agents.is_agent(party);
    if (!agent || party.empty()) return Party::kUnknown;
    if (*agent) return Party::kAgent;
    return agents.is_agent(other).value_or(false) ? Party::kCustomer : Party::kUnknown;
}

/// OpenSIPS's CDR mode: the 200 OK came `setuptime` after `created` (the `time` column holds
/// that second too), and the BYE `ms_duration` after the 200 OK (acc README, "cdr" flag; the
/// acc table schema). Whole seconds in, so the end is good to the second. kNoTime without them.
std::int64_t cdr_end_ms(const AccRow& invite) {
    if (!invite.duration_ms) return kNoTime;
    std::int64_t answered_ms = invite.time_ms;
    if (invite.created_ms != kNoTime && (invite.setup_ms || answered_ms == kNoTime)) {
        answered_ms = invite.created_ms + invite.setup_ms.value_or(0);
    }
    if (answered_ms == kNoTime) return kNoTime;
    return detail::time_in_range(answered_ms + *invite.duration_ms).value_or(kNoTime);
}

void add_evidence(Verdict& v, const AccRow& row) {
    v.evidence.push_back(Evidence{row.time_ms, row.input, row.line, row.byte, row.text});
}

Verdict from_bye(const AccCall& call, const AgentMatch& agents) {
    Verdict v;
    const AccRow& bye = *call.bye;
    const std::string_view side_key = call.invite ? bye_side(*call.invite, bye) : "neither";
    mappings::apply(mappings::kamailio_acc_bye_side(), side_key, v);
    v.raw_reason = fmt::format("BYE {}", side_key);
    v.outcome = "handled";
    v.ended_at_ms = bye.time_ms;
    if (side_key == "neither") return v;
    const Side side = side_key == "caller" ? Side::kCaller : Side::kCallee;
    v.ended_by_side = side;
    const Party party = party_of(*call.invite, side, agents);
    if (party == Party::kUnknown) return v;
    const std::string& name = side == Side::kCaller ? call.invite->caller : call.invite->callee;
    v.ended_by = party;
    v.reason = party == Party::kAgent ? Reason::agent_hangup : Reason::customer_hangup;
    v.detail = fmt::format(
        "The BYE came from the {} ({}), which --agent-match says is {}. Which side sent the BYE is inferred from "
        "the tags (detect_direction 0, the default), so medium.",
        side == Side::kCaller ? "caller" : "callee", name,
        party == Party::kAgent ? "the agent side" : "not the agent side");
    return v;
}

Verdict from_invite(const AccRow& invite, const AgentMatch& agents) {
    Verdict v;
    const auto& table = mappings::kamailio_acc_invite_code();
    if (!mappings::apply(table, invite.sip_code, v)) {
        v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name,
                               detail::or_dash(invite.sip_code));
    }
    v.raw_reason = fmt::format("INVITE {} {}", invite.sip_code, invite.sip_reason);
    while (!v.raw_reason.empty() && v.raw_reason.back() == ' ') v.raw_reason.pop_back();
    if (v.category == Category::kHangup) v.outcome = "handled";
    v.ended_at_ms = v.category == Category::kHangup ? cdr_end_ms(invite) : invite.time_ms;
    if (v.category == Category::kHangup && v.ended_at_ms != kNoTime && invite.duration_ms) {
        std::string lasted;
        detail::append_seconds(lasted, *invite.duration_ms);
        // The table's text lists the CDR as one of the reasons there is no BYE row; this row is one.
        v.detail = fmt::format(
            "The row is an OpenSIPS CDR (the cdr flag's one INVITE row per call, written at the BYE): the call was "
            "answered, lasted {} s and ended at {}, but the row does not say who ended it.",
            lasted, detail::format_iso8601_ms(v.ended_at_ms));
    }
    v.ended_by_side = side_of_code(invite.sip_code);
    // A cancel (487) or a decline (603) is a party's own act; busy (486, 600) is the line's state.
    const bool own_act = invite.sip_code == "487" || invite.sip_code == "603";
    if (own_act) {
        const Party party = party_of(invite, v.ended_by_side, agents);
        if (party != Party::kUnknown) v.ended_by = party;
    }
    return v;
}

}  // namespace

std::string_view bye_side(const AccRow& invite, const AccRow& bye) {
    if (bye.from_tag.empty()) return "neither";
    if (bye.from_tag == invite.from_tag) return "caller";
    if (!invite.to_tag.empty() && bye.from_tag == invite.to_tag) return "callee";
    return "neither";
}

Verdict decide(const AccCall& call, const AgentMatch& agents) {
    Verdict v = call.bye ? from_bye(call, agents) : from_invite(*call.invite, agents);
    v.source_format = "kamailio-acc";
    v.channel = Channel::kVoice;
    const AccRow& first = call.invite ? *call.invite : *call.bye;
    v.input = first.input;
    v.contact_id = first.callid;
    if (call.invite) {
        // The agent of the call: the side --agent-match names (the callee first, as queues ring agents).
        for (const std::string* party : {&call.invite->callee, &call.invite->caller}) {
            if (v.agent.empty() && !party->empty() && agents.is_agent(*party).value_or(false)) v.agent = *party;
        }
        v.started_at_ms = call.invite->time_ms;
        add_evidence(v, *call.invite);
    }
    if (call.bye) add_evidence(v, *call.bye);
    return v;
}

}  // namespace whohungup::exports::kamailio
