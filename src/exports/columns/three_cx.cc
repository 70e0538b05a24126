// SPDX-License-Identifier: MIT
// 3CX CDRs: reason-terminated says which end of the segment ended it (TerminatedBySrc /
// TerminatedByDst, v20's src_/dst_participant_terminated) or how it failed; which end is the
// agent comes from --agent-match or the from-type / to-type columns. docs/platforms.md#3cx-cdr.
#include <fmt/format.h>

#include <array>

#include "core/concat.h"
#include "exports/columns/column_product.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kField = "3cx.com/blog/docs/cdr-call-data-records (reason-terminated)";
constexpr std::string_view kSeen =
    "3cx.com/blog/docs/cdr-call-data-records; the value's name as 3CX exports write it (no per-value definition "
    "published)";
constexpr auto kU = Party::kUnknown;
constexpr auto kS = Party::kSystem;
constexpr auto kHang = Category::kHangup;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kMed = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;

// The side rows: party from the side (decide); unknown when neither --agent-match nor the type
// columns say which side is the agent.
constexpr std::array<ReasonRow, 17> kRows{{
    {"TerminatedBySrc", kU, kHang, Reason::caller_hangup_role_unknown, kLow, kField},
    {"TerminatedByDst", kU, kHang, Reason::callee_hangup_role_unknown, kLow, kField},
    {"src_participant_terminated", kU, kHang, Reason::caller_hangup_role_unknown, kLow, kField},
    {"dst_participant_terminated", kU, kHang, Reason::callee_hangup_role_unknown, kLow, kField},
    {"TerminatedByRule", kS, kHang, Reason::ended_by_pbx_rule, kMed, kSeen, false,
     "A PBX rule ended the call (inferred from the value's name)."},
    {"Failed", kS, kNC, Reason::call_failed, kMed, kSeen},
    {"Failed_Cancelled", kU, kNC, Reason::canceled, kLow, kSeen, false,
     "The attempt was cancelled; the value does not say by whom."},
    {"NoAnswerTimeout", kU, kNC, Reason::no_answer, kMed, kSeen},
    {"TargetBusy", kU, kNC, Reason::busy, kMed, kSeen},
    {"TargetNotFound", kS, kNC, Reason::number_invalid, kMed, kSeen},
    {"RouteBusy", kS, kNC, Reason::no_circuit, kMed, kSeen, false,
     "No route had a free line (inferred from the value's name)."},
    {"Redirected", kU, Category::kTransfer, Reason::redirection, kMed, kSeen},
    {"no_route", kS, kNC, Reason::no_route, kMed, kSeen},
    {"declined", kU, kNC, Reason::call_rejected, kMed, kSeen, false, "v20: the callee declined the call."},
    {"not_found", kS, kNC, Reason::number_invalid, kMed, kSeen},
    {"timeout", kU, kNC, Reason::no_answer, kMed, kSeen},
    {"busy", kU, kNC, Reason::busy, kMed, kSeen},
}};

std::string three_cx_key(std::string_view code) {
    return exports::columns::canonical_code(kRows, code);
}

}  // namespace

const ReasonTable& three_cx_reason_terminated() {
    static const ReasonTable kTable{"3CX CDR reason-terminated", "3cx-cdr", kRows, &three_cx_key};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::columns {

namespace {

Side side_of(Reason reason) {
    if (reason == Reason::caller_hangup_role_unknown) return Side::kCaller;
    if (reason == Reason::callee_hangup_role_unknown) return Side::kCallee;
    return Side::kNone;
}

Verdict decide_three_cx(const ColumnRow& row, const AgentMatch& agents) {
    Verdict v = start_verdict(three_cx_cdr(), row, mappings::three_cx_reason_terminated(), row.value);
    const Side side = side_of(v.reason);
    if (side == Side::kNone) return v;
    v.ended_by_side = side;
    const std::string_view who = side == Side::kCaller ? "source (the caller)" : "destination (the callee)";
    const std::string& party = side == Side::kCaller ? row.caller : row.callee;
    const std::string& type = side == Side::kCaller ? row.caller_type : row.callee_type;
    const SideParty ended_by = party_of_side(row, side, agents);
    if (ended_by.party == Party::kUnknown) {
        v.detail = fmt::format(
            "The segment's {}, {}, ended it, but nothing says whether that is the agent or the customer (use "
            "--agent-match, or export from-type / to-type).",
            who, detail::or_dash(party));
        return v;
    }
    v.ended_by = ended_by.party;
    v.reason = ended_by.party == Party::kAgent ? Reason::agent_hangup : Reason::customer_hangup;
    // --agent-match is the user's own rule; the DN type is 3CX's, read as Extension = agent.
    v.confidence = ended_by.from_pattern ? Confidence::kHigh : Confidence::kMedium;
    v.detail =
        ended_by.from_pattern
            ? fmt::format("The segment's {}, {}, ended it; --agent-match says it is {}.", who, detail::or_dash(party),
                          ended_by.party == Party::kAgent ? "the agent side" : "not the agent side")
            : fmt::format("The segment's {}, {}, a 3CX {}, ended it.", who, detail::or_dash(party), type);
    return v;
}

// v20's termination_reason is too common a name to detect by; such files are read with
// --input-format 3cx-cdr.
constexpr std::array<std::string_view, 2> kHasOne{"reason-terminated", "reason_terminated"};
constexpr std::array<std::string_view, 5> kCallId{"historyid", "callid", "call_history_id", "call-id", "cdr_id"};
constexpr std::array<std::string_view, 3> kValue{"reason-terminated", "reason_terminated", "termination_reason"};
constexpr std::array<std::string_view, 4> kCaller{"from-no", "from-dn", "from_no", "source_dn_number"};
constexpr std::array<std::string_view, 4> kCallee{"to-no", "to-dn", "to_no", "destination_dn_number"};
constexpr std::array<std::string_view, 3> kCallerType{"from-type", "from_type", "source_dn_type"};
constexpr std::array<std::string_view, 3> kCalleeType{"to-type", "to_type", "destination_dn_type"};
constexpr std::array<std::string_view, 3> kStarted{"time-start", "time_start", "cdr_started_at"};
constexpr std::array<std::string_view, 3> kEnded{"time-end", "time_end", "cdr_ended_at"};

}  // namespace

const ColumnProduct& three_cx_cdr() {
    static const ColumnProduct kProduct{
        .format = "3cx-cdr",
        .title = "a 3CX CDR export",
        .header_has_one_of = kHasOne,
        .call_id = kCallId,
        .value = kValue,
        .caller = kCaller,
        .callee = kCallee,
        .caller_type = kCallerType,
        .callee_type = kCalleeType,
        .started = kStarted,
        .ended = kEnded,
        .table = &mappings::three_cx_reason_terminated,
        .decide = &decide_three_cx,
    };
    return kProduct;
}

}  // namespace whohungup::exports::columns
