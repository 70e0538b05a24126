// SPDX-License-Identifier: MIT
#include "exports/twilio/twilio_decide.h"

#include <fmt/format.h>

#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSummary =
    "twilio.com/docs/voice/voice-insights/api/call/details-call-summary (disconnected_by: direction of the SIP "
    "BYE; direction)";
constexpr std::string_view kTrunk =
    "details-call-summary; inferred: trunking-originating = Elastic SIP Trunking origination (PSTN to the "
    "business), trunking-terminating = termination (business to PSTN)";
constexpr std::string_view kDial =
    "details-call-summary; inferred: a <Dial> child leg usually reaches the agent (use --agent-match otherwise)";
constexpr std::string_view kInboundCallee =
    "details-call-summary; inferred: on an inbound call the callee is the Twilio application, whose BYE is the "
    "agent's leg ending, a <Hangup>, or the end of the TwiML or flow";
constexpr std::string_view kStates = "twilio.com/docs/voice/voice-insights/api/call/call-summary-resource (call_state)";
constexpr std::string_view kStatus = "Twilio OpenAPI CallEnumStatus (docs.rs twilio-openapi 1.2.1); Call resource";
constexpr auto kHang = Category::kHangup;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kIn = Category::kInProgress;
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;

constexpr std::array<ReasonRow, 12> kDisconnectedByRows{{
    {"inbound/caller", Party::kCustomer, kHang, Reason::customer_hangup, kHigh, kSummary},
    {"inbound/callee", Party::kAgent, kHang, Reason::agent_hangup, kMed, kInboundCallee},
    {"outbound-api/caller", Party::kAgent, kHang, Reason::agent_hangup, kHigh, kSummary},
    {"outbound-api/callee", Party::kCustomer, kHang, Reason::customer_hangup, kHigh, kSummary},
    {"outbound-dial/caller", Party::kCustomer, kHang, Reason::customer_hangup, kMed, kDial},
    {"outbound-dial/callee", Party::kAgent, kHang, Reason::agent_hangup, kMed, kDial},
    {"trunking-originating/caller", Party::kCustomer, kHang, Reason::customer_hangup, kMed, kTrunk},
    {"trunking-originating/callee", Party::kAgent, kHang, Reason::agent_hangup, kMed, kTrunk},
    {"trunking-terminating/caller", Party::kAgent, kHang, Reason::agent_hangup, kMed, kTrunk},
    {"trunking-terminating/callee", Party::kCustomer, kHang, Reason::customer_hangup, kMed, kTrunk},
    {"caller", Party::kUnknown, kHang, Reason::caller_hangup_role_unknown, Confidence::kLow, kSummary},
    {"callee", Party::kUnknown, kHang, Reason::callee_hangup_role_unknown, Confidence::kLow, kSummary},
}};

constexpr std::array<ReasonRow, 8> kCallStateRows{{
    {"completed", Party::kUnknown, Category::kOther, Reason::record_does_not_tell, Confidence::kLow, kStates},
    {"answered", Party::kUnknown, kIn, Reason::call_in_progress, kMed, kStates},
    {"ringing", Party::kUnknown, kIn, Reason::call_ringing, kHigh, kStates},
    {"busy", Party::kUnknown, kNC, Reason::busy, kHigh, kStates},
    {"noanswer", Party::kUnknown, kNC, Reason::no_answer, kHigh, kStates},
    {"canceled", Party::kUnknown, kNC, Reason::canceled, kHigh, kStates},
    {"fail", Party::kUnknown, Category::kFailure, Reason::call_failed, kHigh, kStates},
    {"undialed", Party::kUnknown, kNC, Reason::undialed, kHigh, kStates},
}};

constexpr std::array<ReasonRow, 8> kStatusRows{{
    {"completed", Party::kUnknown, Category::kOther, Reason::record_does_not_tell, Confidence::kLow, kStatus},
    {"in-progress", Party::kUnknown, kIn, Reason::call_in_progress, kHigh, kStatus},
    {"ringing", Party::kUnknown, kIn, Reason::call_ringing, kHigh, kStatus},
    {"queued", Party::kUnknown, kIn, Reason::call_queued, kHigh, kStatus},
    {"busy", Party::kUnknown, kNC, Reason::busy, kHigh, kStatus},
    {"no-answer", Party::kUnknown, kNC, Reason::no_answer, kHigh, kStatus},
    {"canceled", Party::kUnknown, kNC, Reason::canceled, kHigh, kStatus},
    {"failed", Party::kUnknown, Category::kFailure, Reason::call_failed, kHigh, kStatus},
}};

/// Lower case, '_' as '-' (the list filter spells directions outbound_api).
std::string lower_dashed(std::string_view code) {
    std::string out = lower_snake(code);
    for (char& c : out) c = c == '_' ? '-' : c;
    return out;
}

}  // namespace

const ReasonTable& twilio_disconnected_by() {
    static const ReasonTable kTable{"Twilio Voice Insights properties.direction/disconnected_by",
                                    "twilio-call-summaries", kDisconnectedByRows, &lower_dashed};
    return kTable;
}

const ReasonTable& twilio_call_state() {
    static const ReasonTable kTable{"Twilio Voice Insights call_state (no disconnected_by)", "twilio-call-summaries",
                                    kCallStateRows, &lower_snake};
    return kTable;
}

const ReasonTable& twilio_call_status() {
    static const ReasonTable kTable{"Twilio Call resource status", "twilio-call-summaries", kStatusRows, &lower_dashed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::twilio {

namespace {

Side side_of(std::string_view disconnected_by) {
    if (disconnected_by == "caller") return Side::kCaller;
    if (disconnected_by == "callee") return Side::kCallee;
    return Side::kNone;
}

void outcome_only(const TwilioCall& call, Verdict& v) {
    const bool summary = call.summary;
    const std::string_view code = summary ? call.call_state : call.status;
    const auto& table = summary ? mappings::twilio_call_state() : mappings::twilio_call_status();
    if (code.empty()) {
        v.reason = Reason::record_does_not_tell;
        v.detail = "The record has neither disconnected_by nor a call state.";
        return;
    }
    if (!mappings::apply(table, code, v)) {
        v.detail = fmt::format("{} \"{}\" is not a value whohungup knows; kept as raw_reason.", table.name, code);
        return;
    }
    v.ended_by = Party::kUnknown;  // an outcome, never a party
    if (v.category == Category::kInProgress) {
        v.outcome = "in_progress";
        v.ended_at_ms = kNoTime;  // a time the API fills in before the end is no end
        v.detail = fmt::format("The call is not over ({} {}).", summary ? "call_state" : "status", code);
    } else if (summary) {
        v.detail = fmt::format(
            "The summary has call_state {} but no properties.disconnected_by (a partial summary, or a call that "
            "never connected): it does not tell who hung up.",
            code);
    } else {
        v.detail = fmt::format(
            "A Call resource says only status {}: it does not tell who hung up (Voice Insights call summaries do).",
            code);
    }
}

}  // namespace

std::string normalised_direction(std::string_view direction) {
    std::string out;
    out.reserve(direction.size());
    for (const char c : direction) {
        out += c == '_' ? '-' : (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

Verdict decide(const TwilioCall& call, const AgentMatch& agents) {
    Verdict v;
    v.source_format = "twilio-call-summaries";
    v.contact_id = call.call_sid;
    v.channel = Channel::kVoice;
    v.started_at_ms = call.started_at_ms;
    v.ended_at_ms = call.ended_at_ms;
    const Side side = call.summary ? side_of(call.disconnected_by) : Side::kNone;
    if (side == Side::kNone) {
        outcome_only(call, v);
        if (!call.disconnected_by.empty()) {
            v.detail += fmt::format(" disconnected_by \"{}\" is not caller or callee.", call.disconnected_by);
        }
        return v;
    }
    const std::string direction = normalised_direction(call.direction);
    const std::string key = direction.empty() ? call.disconnected_by : direction + "/" + call.disconnected_by;
    const auto& table = mappings::twilio_disconnected_by();
    if (mappings::lookup(table, key) == nullptr) {
        mappings::apply(table, call.disconnected_by, v);  // a direction whohungup does not know
    } else {
        mappings::apply(table, key, v);
    }
    v.raw_reason = call.disconnected_by;
    v.ended_by_side = side;
    const std::string& party = side == Side::kCaller ? call.from : call.to;
    const std::string& other = side == Side::kCaller ? call.to : call.from;
    // --agent-match decides when it names either party; else the direction rule stands.
    std::optional<bool> agent = agents.is_agent(party);
    if (agent && !*agent && !agents.is_agent(other).value_or(false)) agent.reset();
    if (agent) {
        v.ended_by = *agent ? Party::kAgent : Party::kCustomer;
        v.reason = *agent ? Reason::agent_hangup : Reason::customer_hangup;
        v.confidence = Confidence::kHigh;
        v.detail = fmt::format("The {} ({}) sent the BYE; --agent-match says it is {}.", call.disconnected_by,
                               party.empty() ? "-" : party, *agent ? "the agent side" : "not the agent side");
    } else if (party.starts_with("client:") && v.ended_by != Party::kAgent) {
        // A Voice SDK identity is a browser or app softphone: the business's side whatever the direction.
        v.ended_by = Party::kAgent;
        v.reason = Reason::agent_hangup;
        v.confidence = Confidence::kMedium;
        v.detail = fmt::format("The {} ({}) sent the BYE: a Voice SDK identity, an agent's softphone (inferred).",
                               call.disconnected_by, party);
    } else if (other.starts_with("client:") && !party.starts_with("client:") && v.ended_by == Party::kAgent) {
        // The agent's softphone is the other end, so this side is the application or the customer it dialled.
        v.ended_by = Party::kUnknown;
        v.reason = side == Side::kCaller ? Reason::caller_hangup_role_unknown : Reason::callee_hangup_role_unknown;
        v.confidence = Confidence::kLow;
        v.detail = fmt::format(
            "The {} ({}) sent the BYE, but the other end, {}, is a Voice SDK identity (an agent's softphone), so "
            "this side is the application or the customer it dialled: the summary does not say which.",
            call.disconnected_by, party.empty() ? "-" : party, other);
    } else if (v.ended_by == Party::kUnknown) {
        v.detail = fmt::format(
            "The {} ({}) sent the BYE, but direction \"{}\" does not say whether that is the business or the "
            "customer (use --agent-match).",
            call.disconnected_by, party.empty() ? "-" : party, call.direction.empty() ? "-" : call.direction);
    } else {
        v.detail = fmt::format("The {} ({}) sent the BYE; on an {} call that is the {}.", call.disconnected_by,
                               party.empty() ? "-" : party, direction,
                               v.ended_by == Party::kAgent ? "business side" : "customer");
        if (direction == "inbound" && side == Side::kCallee) {
            v.detail +=
                " It is the Twilio application: the agent's leg ending, a <Hangup> or the end of the TwiML "
                "(taken to be the agent).";
        }
    }
    if (call.last_sip_response >= 0) v.detail += fmt::format(" Last SIP response {}.", call.last_sip_response);
    if (call.processing_state == "partial") v.detail += " The summary is partial.";
    v.outcome = "handled";
    return v;
}

}  // namespace whohungup::exports::twilio
