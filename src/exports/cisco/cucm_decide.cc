// SPDX-License-Identifier: MIT
#include "exports/cisco/cucm_decide.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kCauses =
    "Cisco Unified CallManager CDR Definition, Call Clearing Causes (Q.850); CUCM Reporting & Billing guide";
constexpr std::string_view kBehalf = "Cisco CUCM CDR Definition, OnBehalfOf codes";
constexpr std::string_view kCcti =
    "Cisco CUCM CDR Definition; community.cisco.com \"On Behalf Of Code CctiLine\": a CTI application (e.g. the "
    "agent desktop) ended that side";
constexpr auto kHang = Category::kHangup;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kFail = Category::kFailure;
constexpr auto kXfer = Category::kTransfer;
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;
constexpr auto kU = Party::kUnknown;
constexpr auto kS = Party::kSystem;

// Party kUnknown: the party is the clearing side's (decide() puts it on); kSystem: no person.
constexpr std::array<ReasonRow, 26> kCauseRows{{
    {"16", kU, kHang, Reason::normal_clearing, kHigh, kCauses},
    {"31", kU, kHang, Reason::normal_clearing, kMed, kCauses},
    {"17", kS, kNC, Reason::user_busy, kHigh, kCauses},
    {"18", kS, kNC, Reason::no_answer, kHigh, kCauses},
    {"19", kS, kNC, Reason::no_answer, kHigh, kCauses},
    {"21", kU, kNC, Reason::call_rejected, kHigh, kCauses},
    {"1", kS, kNC, Reason::number_invalid, kHigh, kCauses},
    {"3", kS, kNC, Reason::no_route, kHigh, kCauses},
    {"22", kS, kNC, Reason::number_changed, kHigh, kCauses},
    {"27", kS, kFail, Reason::destination_out_of_order, kHigh, kCauses},
    {"28", kS, kNC, Reason::number_invalid, kHigh, kCauses},
    {"34", kS, kFail, Reason::no_circuit, kHigh, kCauses},
    {"38", kS, kFail, Reason::network_out_of_order, kHigh, kCauses},
    {"41", kS, kFail, Reason::temporary_failure, kHigh, kCauses},
    {"42", kS, kFail, Reason::switch_congestion, kHigh, kCauses},
    {"47", kS, kFail, Reason::resource_unavailable, kHigh, kCauses},
    {"58", kS, kFail, Reason::bearer_unavailable, kHigh, kCauses},
    {"102", kS, kFail, Reason::signalling_timeout, kHigh, kCauses},
    {"127", kS, kFail, Reason::interworking_failure, kHigh, kCauses},
    {"8", kS, kHang, Reason::preempted, kHigh, kCauses},
    {"9", kS, kHang, Reason::preempted, kHigh, kCauses},
    {"46", kS, kNC, Reason::precedence_call_blocked, kHigh, kCauses},
    {"50", kS, kNC, Reason::facility_not_subscribed, kHigh, kCauses},
    {"128", kU, kHang, Reason::conference_drop_any_party, kMed, kCauses},
    {"126", kS, kXfer, Reason::split_by_feature, kHigh, kCauses},
    {"393216", kS, kXfer, Reason::split_by_feature, kHigh, kCauses},
}};

constexpr std::array<ReasonRow, 36> kBehalfRows{{
    {"0", kU, kHang, Reason::unknown_on_behalf_of, kMed, kBehalf},
    {"1", kU, kHang, Reason::cti_application_hangup, kMed, kCcti},
    {"2", kS, kHang, Reason::media_resource, kMed, kBehalf},
    {"3", kU, kXfer, Reason::call_parked, kHigh, kBehalf},
    {"4", kU, kXfer, Reason::conference, kHigh, kBehalf},
    {"5", kU, kXfer, Reason::forwarded, kHigh, kBehalf},
    {"6", kU, kXfer, Reason::meet_me_conference, kHigh, kBehalf},
    {"7", kS, kHang, Reason::meet_me_conference_intercept, kMed, kBehalf},
    {"8", kS, kHang, Reason::message_waiting, kMed, kBehalf},
    {"9", kS, kHang, Reason::media_resource, kMed, kBehalf},
    {"10", kU, kXfer, Reason::transfer, kHigh, kBehalf},
    {"11", kS, kHang, Reason::ssapi_manager, kMed, kBehalf},
    {"12", kU, kHang, Reason::device_hangup, kHigh, kBehalf},
    {"13", kS, kHang, Reason::call_control, kMed, kBehalf},
    {"14", kU, kXfer, Reason::immediate_divert, kHigh, kBehalf},
    {"15", kU, Category::kOther, Reason::barge, kMed, kBehalf},
    {"16", kS, kNC, Reason::answered_elsewhere, kHigh, kBehalf},
    {"17", kU, kXfer, Reason::refer, kHigh, kBehalf},
    {"18", kU, kXfer, Reason::replaces, kHigh, kBehalf},
    {"19", kU, kXfer, Reason::redirection, kHigh, kBehalf},
    {"20", kS, kHang, Reason::callback, kMed, kBehalf},
    {"21", kS, kHang, Reason::path_replacement, kMed, kBehalf},
    {"22", kS, kHang, Reason::fac_cmc_manager, kMed, kBehalf},
    {"23", kS, kHang, Reason::malicious_call, kMed, kBehalf},
    {"24", kU, kXfer, Reason::mobility, kMed, kBehalf},
    {"25", kS, kXfer, Reason::aar_reroute, kMed, kBehalf},
    {"26", kU, kXfer, Reason::call_parked, kHigh, kBehalf},
    {"27", kS, kHang, Reason::recording, kMed, kBehalf},
    {"28", kS, kHang, Reason::monitoring, kMed, kBehalf},
    {"29", kS, kHang, Reason::ccd_requesting_service, kMed, kBehalf},
    {"30", kS, kHang, Reason::intercompany_media_engine, kMed, kBehalf},
    {"31", kS, kHang, Reason::fallback_manager, kMed, kBehalf},
    {"32", kS, kXfer, Reason::presence_enabled_routing, kMed, kBehalf},
    {"33", kS, kHang, Reason::agent_greeting, kMed, kBehalf},
    {"34", kS, kXfer, Reason::native_call_queuing, kMed, kBehalf},
    {"35", kS, kHang, Reason::mobile_call_type, kMed, kBehalf},
}};

}  // namespace

const ReasonTable& cucm_cause_value() {
    static const ReasonTable kTable{"Cisco CUCM origCause_value / destCause_value (party: the clearing side)",
                                    "cisco-cucm-cdr", kCauseRows, &upper_trimmed};
    return kTable;
}

const ReasonTable& cucm_on_behalf_of() {
    static const ReasonTable kTable{"Cisco CUCM CallTerminationOnBehalfOf (party: the clearing side)", "cisco-cucm-cdr",
                                    kBehalfRows, &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::cisco {

namespace {

std::optional<bool> party_is_agent(const AgentMatch& agents, const std::string& device, const std::string& number) {
    if (!agents.active()) return std::nullopt;
    return agents.is_agent(device).value_or(false) || agents.is_agent(number).value_or(false);
}

}  // namespace

bool is_phone_device(std::string_view device) {
    static constexpr std::array<std::string_view, 6> kPrefixes{"SEP", "CSF", "BOT", "TCT", "TAB", "ATA"};
    return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                       [device](std::string_view prefix) { return device.starts_with(prefix); });
}

void CucmCall::add(CucmRecord&& record) {
    // The first record's start, then any earlier one; a first record without a time leaves the
    // start unknown (kNoTime is the smallest value: no start is earlier).
    const bool earlier = record.originated_ms != kNoTime && record.originated_ms < started_ms;
    if (!last || earlier) started_ms = record.originated_ms;
    if (!last || record.disconnected_ms >= last->disconnected_ms) last = std::move(record);
}

Verdict decide(const std::vector<CucmRecord>& records, const AgentMatch& agents) {
    CucmCall call;
    for (CucmRecord record : records) call.add(std::move(record));
    return decide(call, agents);
}

Verdict decide(const CucmCall& call, const AgentMatch& agents) {
    const CucmRecord& r = *call.last;
    Verdict v;
    v.source_format = "cisco-cucm-cdr";
    v.input = r.input;
    v.contact_id = r.call_id;
    v.channel = Channel::kVoice;
    v.started_at_ms = call.started_ms;
    v.ended_at_ms = r.disconnected_ms;
    v.evidence.push_back(Evidence{r.disconnected_ms, r.input, r.line, r.byte, r.text});
    v.raw_reason = fmt::format("origCause_value={} destCause_value={} origOnBehalfOf={} destOnBehalfOf={}",
                               r.orig_cause, r.dest_cause, r.orig_on_behalf_of, r.dest_on_behalf_of);

    // Which side cleared: the non-zero cause (the CDR Definition: the other side's is zero).
    Side side = Side::kNone;
    if (r.orig_cause != 0 && r.dest_cause == 0) side = Side::kCaller;
    if (r.dest_cause != 0 && r.orig_cause == 0) side = Side::kCallee;
    if (r.orig_cause != 0 && r.dest_cause != 0) {  // both set: the side a device hung up breaks the tie
        if (r.orig_on_behalf_of == 12 && r.dest_on_behalf_of != 12) side = Side::kCaller;
        if (r.dest_on_behalf_of == 12 && r.orig_on_behalf_of != 12) side = Side::kCallee;
    }
    const std::int64_t cause = side == Side::kCallee ? r.dest_cause : r.orig_cause;
    const std::int64_t behalf = side == Side::kCallee ? r.dest_on_behalf_of : r.orig_on_behalf_of;

    if (side == Side::kNone) {
        const std::int64_t any = r.orig_cause != 0 ? r.orig_cause : r.dest_cause;
        if (any == 393216 || any == 126) {
            mappings::apply(mappings::cucm_cause_value(), std::to_string(any), v);
            v.detail = "A feature (transfer or conference) split the call: this record ends no conversation.";
        } else {
            v.reason = any == 0 ? Reason::nobody_cleared : Reason::both_sides_cleared;
            v.detail = any == 0 ? "Both cause values are 0: the record says nobody cleared the call."
                                : "Both sides have a clearing cause and no device hang-up breaks the tie.";
        }
        return v;
    }
    const auto& causes = mappings::cucm_cause_value();
    const auto& behalfs = mappings::cucm_on_behalf_of();
    const mappings::ReasonRow* cause_row = mappings::lookup(causes, std::to_string(cause));
    const mappings::ReasonRow* behalf_row = behalf >= 0 ? mappings::lookup(behalfs, std::to_string(behalf)) : nullptr;
    const std::string side_name = side == Side::kCaller ? "originating party" : "destination";
    if (cause_row != nullptr && cause_row->party == Party::kSystem) {
        mappings::apply(causes, std::to_string(cause), v);
        v.detail = fmt::format("The {} side cleared with cause {} ({}): the network or the system.", side_name, cause,
                               to_string(cause_row->reason));
        v.ended_by_side = Side::kNone;
        return v;
    }
    if (behalf_row != nullptr && behalf_row->party == Party::kSystem) {
        mappings::apply(behalfs, std::to_string(behalf), v);
        v.detail = fmt::format("The {} side was ended on behalf of {} ({}).", side_name, behalf,
                               to_string(behalf_row->reason));
        return v;
    }
    // A person (or the agent's CTI desktop) ended this side.
    if (behalf_row != nullptr && (behalf_row->category == Category::kTransfer || behalf == 1)) {
        mappings::apply(behalfs, std::to_string(behalf), v);
    } else if (cause_row != nullptr) {
        mappings::apply(causes, std::to_string(cause), v);
        if (r.connected_ms == kNoTime && cause_row->category == Category::kHangup) {
            v.category = side == Side::kCaller ? Category::kAbandoned : Category::kNotConnected;
            v.reason =
                side == Side::kCaller ? Reason::caller_hung_up_before_answer : Reason::callee_cleared_before_answer;
        }
    } else {
        v.reason = Reason::unmapped_code;
        v.confidence = Confidence::kLow;
        v.category = Category::kOther;
    }
    v.raw_reason = fmt::format("origCause_value={} destCause_value={} origOnBehalfOf={} destOnBehalfOf={}",
                               r.orig_cause, r.dest_cause, r.orig_on_behalf_of, r.dest_on_behalf_of);
    v.ended_by_side = side;
    const std::string& device = side == Side::kCaller ? r.orig_device : r.dest_device;
    const std::string& number = side == Side::kCaller ? r.calling_number : r.called_number;
    const std::string& other_device = side == Side::kCaller ? r.dest_device : r.orig_device;
    const std::string& other_number = side == Side::kCaller ? r.called_number : r.calling_number;
    std::optional<bool> agent = party_is_agent(agents, device, number);
    bool certain = agent.has_value();
    if (agent && !*agent && !party_is_agent(agents, other_device, other_number).value_or(false)) {
        agent.reset();  // the pattern names neither side: the device rule stands
        certain = false;
    }
    if (!agent) {
        const bool phone = is_phone_device(device);
        const bool other_phone = is_phone_device(other_device);
        if (phone || other_phone) agent = phone;  // a phone is internal; facing a phone, a gateway is outside
    }
    if (agent) {
        v.ended_by = *agent ? Party::kAgent : Party::kCustomer;
        if (v.category == Category::kHangup && v.reason == Reason::normal_clearing) {
            v.reason = *agent ? Reason::agent_hangup : Reason::customer_hangup;
        }
    } else {
        v.ended_by = Party::kUnknown;
        if (v.reason == Reason::normal_clearing) {
            v.reason = side == Side::kCaller ? Reason::caller_hangup_role_unknown : Reason::callee_hangup_role_unknown;
        }
    }
    if (!certain && v.confidence == Confidence::kHigh) v.confidence = Confidence::kMedium;
    if (behalf == 12 && v.ended_by != Party::kUnknown && certain) v.confidence = Confidence::kHigh;
    v.detail = fmt::format(
        "The {} ({}, device {}) cleared the call: cause {}, on behalf of {}{}.", side_name,
        number.empty() ? "-" : number, device.empty() ? "-" : device, cause, behalf,
        behalf == 12 ? " (Device: the phone hung up)" : (behalf == 1 ? " (CctiLine: a CTI application)" : ""));
    if (v.ended_by == Party::kUnknown) v.detail += " Neither device is a phone: use --agent-match to say which is.";
    if (v.category == Category::kHangup) v.outcome = "handled";
    if (v.category == Category::kAbandoned) v.outcome = "abandoned";
    return v;
}

}  // namespace whohungup::exports::cisco
