// SPDX-License-Identifier: MIT
#include "exports/asterisk/queue_log_decide.h"

#include <fmt/format.h>

#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kDocs =
    "asterisk/documentation docs/Operation/Logging/Queue-Logs.md; asterisk apps/app_queue.c ast_queue_log()";
constexpr std::string_view kCode = "asterisk apps/app_queue.c (ast_queue_log call; not on the docs page)";
constexpr std::string_view kOld = "asterisk Queue-Logs.md (no longer written by app_queue; old logs)";
constexpr std::string_view kWazo = "wazo-pbx/xivo-doc source/api_sdk/queue_log.rst (written by Wazo's dialplan)";
constexpr std::string_view kInferred = "inferred from apps/app_queue.c: RINGCANCELED is followed by ABANDON";
constexpr auto kNC = Category::kNotConnected;
constexpr auto kHigh = Confidence::kHigh;

constexpr std::array<ReasonRow, 23> kEventRows{{
    {"COMPLETEAGENT", Party::kAgent, Category::kHangup, Reason::agent_hangup, kHigh, kDocs},
    {"COMPLETECALLER", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kHigh, kDocs},
    {"ABANDON", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_in_queue, kHigh, kDocs},
    {"EXITWITHKEY", Party::kCustomer, Category::kOther, Reason::customer_left_queue_by_key, kHigh, kDocs},
    {"EXITWITHTIMEOUT", Party::kSystem, kNC, Reason::queue_timeout, kHigh, kDocs},
    {"EXITEMPTY", Party::kSystem, kNC, Reason::queue_no_members, kHigh, kDocs},
    {"WITHDRAW", Party::kSystem, kNC, Reason::withdrawn_from_queue, kHigh, kCode},
    {"AGENTDUMP", Party::kAgent, kNC, Reason::agent_dumped_caller, kHigh, kDocs},
    {"SYSCOMPAT", Party::kSystem, Category::kFailure, Reason::incompatible_channels, kHigh, kDocs},
    {"BLINDTRANSFER", Party::kAgent, Category::kTransfer, Reason::blind_transfer, kHigh, kDocs},
    {"ATTENDEDTRANSFER", Party::kAgent, Category::kTransfer, Reason::attended_transfer, kHigh, kDocs},
    {"TRANSFER", Party::kAgent, Category::kTransfer, Reason::transfer, Confidence::kMedium, kOld},
    {"FULL", Party::kSystem, kNC, Reason::queue_full, kHigh, kWazo},
    {"JOINEMPTY", Party::kSystem, kNC, Reason::queue_no_members, kHigh, kWazo},
    {"LEAVEEMPTY", Party::kSystem, kNC, Reason::queue_no_members, kHigh, kWazo},
    {"CLOSED", Party::kSystem, kNC, Reason::queue_closed, kHigh, kWazo},
    {"DIVERT_CA_RATIO", Party::kSystem, kNC, Reason::diverted_by_queue_ratio, kHigh, kWazo},
    {"DIVERT_HOLDTIME", Party::kSystem, kNC, Reason::diverted_by_hold_time, kHigh, kWazo},
    {"OUTCALL", Party::kUnknown, Category::kOther, Reason::record_does_not_tell, Confidence::kLow, kDocs},
    // The last event of a call that has not ended (yet).
    {"ENTERQUEUE", Party::kUnknown, Category::kInProgress, Reason::waiting_in_queue, kHigh, kDocs},
    {"RINGNOANSWER", Party::kUnknown, Category::kInProgress, Reason::waiting_in_queue, kHigh, kDocs},
    {"CONNECT", Party::kUnknown, Category::kInProgress, Reason::call_in_progress, kHigh, kDocs},
    {"RINGCANCELED", Party::kCustomer, Category::kAbandoned, Reason::customer_abandoned_while_ringing,
     Confidence::kMedium, kInferred},
}};

}  // namespace

const ReasonTable& asterisk_queue_log_event() {
    static const ReasonTable kTable{"Asterisk queue_log event", "asterisk-queue-log", kEventRows, &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

namespace {

/// Agent session and queue administration events (Queue-Logs.md): not calls.
constexpr std::array<std::string_view, 14> kSessionEvents{
    "ADDMEMBER",  "REMOVEMEMBER", "PAUSE",      "UNPAUSE",     "PAUSEALL",           "UNPAUSEALL",
    "PENALTY",    "RINGINUSE",    "AGENTLOGIN", "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF",
    "QUEUESTART", "CONFIGRELOAD",
};

/// Where the ending party sits: the queue's caller is the one who called in, the member was called.
Side side_of(Party party) {
    switch (party) {
        case Party::kCustomer: return Side::kCaller;
        case Party::kAgent: return Side::kCallee;
        default: return Side::kNone;
    }
}

Evidence evidence_of(const QueueLogEvent& event) {
    return Evidence{event.time_ms, event.input, event.line, event.byte, event.text};
}

/// data field `index` (0-based) of an event, or "".
std::string_view data_at(const QueueLogEvent& event, std::size_t index) {
    return index < event.data.size() ? std::string_view(event.data[index]) : std::string_view();
}

std::string sentence_for(const QueueLogEvent& end) {
    const std::string_view event = end.event;
    if (event == "COMPLETEAGENT") return "The queue member hung up first (COMPLETEAGENT).";
    if (event == "COMPLETECALLER") return "The caller hung up first (COMPLETECALLER).";
    if (event == "ABANDON") {
        return fmt::format("The caller hung up while waiting in the queue (ABANDON after {} s).",
                           data_at(end, 2).empty() ? "?" : data_at(end, 2));
    }
    if (event == "EXITWITHKEY") {
        return fmt::format("The caller pressed {} to leave the queue; the call went on in the dialplan.",
                           data_at(end, 0).empty() ? "a key" : data_at(end, 0));
    }
    if (event == "EXITWITHTIMEOUT") return "The queue timed out; the call went on in the dialplan.";
    if (event == "EXITEMPTY") return "The queue had no reachable members; the call left it.";
    if (event == "WITHDRAW") return "The caller was withdrawn from the queue (AMI QueueWithdrawCaller).";
    if (event == "AGENTDUMP") return "The member hung up on the caller during the announcement (AGENTDUMP).";
    if (event == "SYSCOMPAT") return "Asterisk dropped the call: the channels were not compatible (SYSCOMPAT).";
    if (event == "BLINDTRANSFER" || event == "ATTENDEDTRANSFER" || event == "TRANSFER") {
        return fmt::format("The member transferred the call ({}); it went on elsewhere.", event);
    }
    if (event == "OUTCALL") {
        return fmt::format(
            "An outbound call logged by QueueUpdate() with status {}: the record does not say who hung up.",
            data_at(end, 0).empty() ? "-" : data_at(end, 0));
    }
    return fmt::format("Wazo's dialplan logged {}: the call did not reach a member.", event);
}

}  // namespace

bool is_non_call_id(std::string_view callid) {
    return callid.empty() || callid == "NONE" || callid == "REALTIME" || callid == "MANAGER" || callid == "CLI";
}

QueueLogEventKind kind_of(std::string_view event) {
    if (event == "ENTERQUEUE") return QueueLogEventKind::kEnter;
    if (event == "CONNECT") return QueueLogEventKind::kConnect;
    if (event == "RINGNOANSWER") return QueueLogEventKind::kRing;
    if (event == "RINGCANCELED") return QueueLogEventKind::kRingCanceled;
    for (const std::string_view session : kSessionEvents) {
        if (event == session) return QueueLogEventKind::kSession;
    }
    const mappings::ReasonRow* row = mappings::lookup(mappings::asterisk_queue_log_event(), event);
    return row != nullptr ? QueueLogEventKind::kEnd : QueueLogEventKind::kUnknown;
}

Verdict decide(const QueueLogCall& call) {
    Verdict v;
    v.source_format = "asterisk-queue-log";
    v.contact_id = call.callid;
    v.channel = Channel::kVoice;
    if (call.enter) {
        v.started_at_ms = call.enter->time_ms;
        v.evidence.push_back(evidence_of(*call.enter));
    }
    if (call.connect) {
        v.agent = call.connect->agent;
        v.evidence.push_back(evidence_of(*call.connect));
    }
    const auto& table = mappings::asterisk_queue_log_event();
    // An event whohungup does not know decides nothing while a known end is there; alone, it is
    // kept raw (a dialer's or fork's own verb may be what ended the call).
    const bool unknown_last = call.unknown && !call.end && !call.ring_canceled;
    if (call.end) {
        const QueueLogEvent& end = *call.end;
        mappings::apply(table, end.event, v);
        v.ended_at_ms = end.time_ms;
        if (!end.agent.empty() && end.agent != "NONE") v.agent = end.agent;
        v.detail = sentence_for(end);
        if (end.event == "COMPLETEAGENT" || end.event == "COMPLETECALLER") v.outcome = "handled";
        if (end.event == "ABANDON") v.outcome = "abandoned";
        v.evidence.push_back(evidence_of(end));
        if (call.unknown && call.unknown->time_ms >= end.time_ms) {
            v.detail += fmt::format(" A later {} line (an event whohungup does not know) is kept as evidence.",
                                    call.unknown->event);
            v.evidence.push_back(evidence_of(*call.unknown));
        }
    } else if (unknown_last) {
        mappings::apply(table, call.unknown->event, v);  // unknown: unmapped_code, raw kept
        v.ended_at_ms = call.unknown->time_ms;
        v.detail = fmt::format("The call's last line is {}, an event whohungup does not know; kept as raw_reason.",
                               call.unknown->event);
        v.evidence.push_back(evidence_of(*call.unknown));
    } else if (call.ring_canceled) {
        mappings::apply(table, "RINGCANCELED", v);
        v.ended_at_ms = call.ring_canceled->time_ms;
        v.outcome = "abandoned";
        v.detail =
            "The caller hung up while a member was ringing (RINGCANCELED); the ABANDON line that normally follows "
            "is missing (inferred).";
        v.evidence.push_back(evidence_of(*call.ring_canceled));
    } else if (call.connect) {
        mappings::apply(table, "CONNECT", v);
        v.outcome = "in_progress";
        v.detail = "The call was answered (CONNECT) and the log has no end for it: still in progress.";
    } else {
        mappings::apply(table, call.last_ring ? "RINGNOANSWER" : "ENTERQUEUE", v);
        v.outcome = "in_progress";
        v.detail = "The call entered the queue and the log has no end for it: still waiting.";
        if (call.last_ring) v.evidence.push_back(evidence_of(*call.last_ring));
    }
    v.ended_by_side = side_of(v.ended_by);
    if (!v.evidence.empty()) v.input = v.evidence.back().input;
    if (call.ring_no_answer > 0) {
        v.detail +=
            fmt::format(" {} member ring{} went unanswered.", call.ring_no_answer, call.ring_no_answer == 1 ? "" : "s");
    }
    if (call.earlier_ends > 0) {
        v.detail += fmt::format(" It had left a queue {} time{} before ({}).", call.earlier_ends,
                                call.earlier_ends == 1 ? "" : "s", call.earlier_end_events);
    }
    return v;
}

}  // namespace whohungup::exports::asterisk
