// SPDX-License-Identifier: MIT
// Talkdesk Calls report: agent_disconnected (Yes / No) on answered calls; the call type
// (abandoned, missed, voicemail, …) for the others. docs/platforms.md#talkdesk-calls-report.
#include <array>

#include "exports/columns/column_product.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kReport = "docs.talkdesk.com/docs/calls-report (agent_disconnected, type)";
constexpr std::string_view kHangups = "docs.talkdesk.com/docs/calls-report; support.talkdesk.com Hangup causes";
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;

constexpr std::array<ReasonRow, 2> kDisconnectedRows{{
    {"Yes", Party::kAgent, Category::kHangup, Reason::agent_hangup, kHigh, kReport, false,
     "agent_disconnected Yes: the agent ended the call."},
    {"No", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kMed, kReport, false,
     "agent_disconnected No: the agent did not end the call, so the customer did (or the network dropped it: "
     "the report does not tell these apart, so medium)."},
}};

constexpr std::array<ReasonRow, 7> kTypeRows{{
    {"abandoned", Party::kCustomer, Category::kAbandoned, Reason::abandoned, kHigh, kHangups, false,
     "The caller hung up before an agent answered."},
    {"short_abandoned", Party::kCustomer, Category::kAbandoned, Reason::short_abandon, kHigh, kHangups, false,
     "The caller hung up within the short-abandon threshold."},
    {"missed", Party::kSystem, Category::kNotConnected, Reason::missed_by_agent, kMed, kHangups, false,
     "No agent answered (timeout or flow); inferred, so medium."},
    {"outbound_missed", Party::kUnknown, Category::kNotConnected, Reason::outbound_not_connected, kHigh, kReport},
    {"voicemail", Party::kUnknown, Category::kNotConnected, Reason::voicemail_reached, kHigh, kReport},
    {"inbound", Party::kUnknown, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kReport, false,
     "An answered inbound call without agent_disconnected: the row does not tell who hung up."},
    {"outbound", Party::kUnknown, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kReport, false,
     "An answered outbound call without agent_disconnected: the row does not tell who hung up."},
}};

std::string disconnected_key(std::string_view code) {
    return exports::columns::canonical_code(kDisconnectedRows, code);
}
std::string type_key(std::string_view code) {
    return exports::columns::canonical_code(kTypeRows, lower_snake(code));
}

}  // namespace

const ReasonTable& talkdesk_agent_disconnected() {
    static const ReasonTable kTable{"Talkdesk Calls report agent_disconnected", "talkdesk-calls", kDisconnectedRows,
                                    &disconnected_key};
    return kTable;
}

const ReasonTable& talkdesk_call_type() {
    static const ReasonTable kTable{"Talkdesk Calls report type (calls no agent answered)", "talkdesk-calls", kTypeRows,
                                    &type_key};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::columns {

namespace {

/// The answered types (inbound, outbound) defer to agent_disconnected; the others decide alone.
Verdict decide_talkdesk(const ColumnRow& row, const AgentMatch& /*agents*/) {
    return start_by_kind(talkdesk_calls(), row, mappings::talkdesk_call_type(), row.value);
}

constexpr std::array<std::string_view, 2> kHasOne{"agent_disconnected", "agent disconnected"};
constexpr std::array<std::string_view, 3> kCallId{"call_id", "call id", "interaction_id"};
constexpr std::array<std::string_view, 2> kValue{"agent_disconnected", "agent disconnected"};
constexpr std::array<std::string_view, 3> kKind{"type", "call_type", "call type"};
constexpr std::array<std::string_view, 2> kCaller{"customer_phone_number", "customer phone number"};
constexpr std::array<std::string_view, 2> kCallee{"talkdesk_phone_number", "talkdesk phone number"};
constexpr std::array<std::string_view, 4> kAgent{"agent_name", "agent name", "user_name", "agent"};
constexpr std::array<std::string_view, 3> kStarted{"start_at", "started_at", "start time"};
constexpr std::array<std::string_view, 3> kEnded{"end_at", "ended_at", "end time"};

}  // namespace

const ColumnProduct& talkdesk_calls() {
    static const ColumnProduct kProduct{
        .format = "talkdesk-calls",
        .title = "a Talkdesk Calls report",
        .header_has_one_of = kHasOne,
        .call_id = kCallId,
        .value = kValue,
        .kind = kKind,
        .caller = kCaller,
        .callee = kCallee,
        .agent = kAgent,
        .started = kStarted,
        .ended = kEnded,
        .table = &mappings::talkdesk_agent_disconnected,
        .decide = &decide_talkdesk,
    };
    return kProduct;
}

}  // namespace whohungup::exports::columns
