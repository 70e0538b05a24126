// SPDX-License-Identifier: MIT
#include "exports/cisco/ucce_decide.h"

#include <fmt/format.h>

#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSchema =
    "cisco.com UCCE 11.5 Database Schema Handbook, Call Disposition chapter (Termination_Call_Detail)";
constexpr auto kU = Party::kUnknown;
constexpr auto kC = Party::kCustomer;
constexpr auto kS = Party::kSystem;
constexpr auto kAb = Category::kAbandoned;
constexpr auto kNC = Category::kNotConnected;
constexpr auto kXfer = Category::kTransfer;
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;

// Party only where the handbook's words name who ended it; a handled call's row never does.
constexpr std::array<ReasonRow, 16> kDispositionRows{{
    {"1", kU, kNC, Reason::dropped_before_answer, kMed, kSchema, false,
     "Abandoned in Network: in UCCE the call was routed to an agent but never arrived (or arrived after the "
     "reservation timed out); the record does not say who dropped it."},
    {"2", kC, kAb, Reason::customer_abandoned_in_queue, kMed, kSchema, false,
     "Abandoned in Local Queue: abandoned while queued; inferred to be the caller (in Outbound Option the "
     "customer or the dialer), so medium."},
    {"3", kC, kAb, Reason::customer_abandoned_while_ringing, kHigh, kSchema, false,
     "Abandoned Ring: the caller hung up while the phone was ringing at the agent desktop."},
    {"4", kC, kAb, Reason::abandoned, kLow, kSchema, false,
     "Abandoned Delay: in ICM the caller dropped the call before it could be answered; in UCCE only that the "
     "destination was not connected when the call ended, so low."},
    {"5", kU, kNC, Reason::dropped_before_answer, kMed, kSchema, false,
     "Abandoned Interflow: an interflow call dropped before it could be handled; the record does not say who "
     "dropped it."},
    {"6", kC, Category::kHangup, Reason::customer_hangup, kMed, kSchema, false,
     "Abandoned Agent Terminal: the caller hung up while held at the agent's device; inferred from the "
     "handbook's example, so medium."},
    {"7", kU, kAb, Reason::short_abandon, kLow, kSchema, false,
     "Short: abandoned before the abandoned-call wait time; with that timer set, single-step (blind) "
     "transfers are recorded as Short too, so the record does not say who left."},
    {"8", kU, kNC, Reason::busy, kHigh, kSchema, false, "Busy: an outbound call met a busy signal (Outbound Option)."},
    {"9", kS, kNC, Reason::forced_busy, kHigh, kSchema, false,
     "Forced Busy: the ACD made the call busy because no answering resource was available."},
    {"10", kU, kNC, Reason::no_answer, kMed, kSchema, false, "Disconnect/drop no answer: the record names no party."},
    {"13", kU, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kSchema, false,
     "Disconnect/drop handled primary route: handled, no transfer; the record does not say who hung up."},
    {"14", kU, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kSchema, false,
     "Disconnect/drop handled other: handled; the record does not say who hung up."},
    {"15", kU, kXfer, Reason::redirection, kHigh, kSchema, false, "Redirected."},
    {"28", kU, kXfer, Reason::blind_transfer, kHigh, kSchema, false, "Blind transfer."},
    {"29", kU, kXfer, Reason::attended_transfer, kHigh, kSchema, false, "Announced transfer."},
    {"30", kU, kXfer, Reason::conference, kHigh, kSchema, false, "Conferenced."},
}};

}  // namespace

const ReasonTable& ucce_call_disposition() {
    static const ReasonTable kTable{"Cisco UCCE Termination_Call_Detail CallDisposition", "cisco-ucce-tcd",
                                    kDispositionRows, &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::cisco {

Verdict decide_tcd(const TcdRecord& record) {
    Verdict v;
    v.source_format = "cisco-ucce-tcd";
    v.contact_id = record.call_key;
    v.channel = Channel::kVoice;
    v.started_at_ms = record.started_at_ms;
    v.ended_at_ms = record.ended_at_ms;
    const auto& table = mappings::ucce_call_disposition();
    if (!mappings::apply(table, record.disposition, v)) {
        v.detail = fmt::format("{} \"{}\" is not a value whohungup knows; kept as raw_reason.", table.name,
                               record.disposition);
        return v;
    }
    if (v.category == Category::kAbandoned) v.outcome = "abandoned";
    if (v.category == Category::kHangup) v.outcome = "handled";
    if (v.ended_by == Party::kUnknown && v.category == Category::kHangup) {
        v.detail += " CUCM CDRs or the agent desktop's records tell who ended it.";
    }
    return v;
}

}  // namespace whohungup::exports::cisco
