// SPDX-License-Identifier: MIT
#include "exports/asterisk/cdr_decide.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "exports/asterisk/cel_decide.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kCdr =
    "asterisk main/cdr.c (disposition strings); CDR-Specification.md: the CDR is an outcome, no hang-up party";
constexpr std::string_view kCongestion = "asterisk main/cdr.c; written only with congestion=yes in cdr.conf";
constexpr auto kU = Party::kUnknown;
constexpr auto kHigh = Confidence::kHigh;

constexpr std::array<ReasonRow, 5> kDispositionRows{{
    {"ANSWERED", kU, Category::kHangup, Reason::record_does_not_tell, Confidence::kLow, kCdr},
    {"NO ANSWER", kU, Category::kNotConnected, Reason::no_answer, kHigh, kCdr},
    {"BUSY", kU, Category::kNotConnected, Reason::busy, kHigh, kCdr},
    {"FAILED", kU, Category::kNotConnected, Reason::call_failed, kHigh, kCdr},
    {"CONGESTION", kU, Category::kNotConnected, Reason::congestion, kHigh, kCongestion},
}};

}  // namespace

const ReasonTable& asterisk_cdr_disposition() {
    static const ReasonTable kTable{"Asterisk CDR disposition (outcome only)", "asterisk-cdr", kDispositionRows,
                                    &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

namespace {

bool is_tech_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/// The userfield convention: the site wrote the channel that hung up. Low confidence: whohungup
/// cannot check that the site's dialplan really writes ${CHANNEL(hangupsource)} there.
void read_userfield(const AsteriskCdr& cdr, const AgentMatch& agents, Verdict& v) {
    const std::string_view source = cdr.userfield;
    if (mappings::lookup(mappings::asterisk_cel_hangupsource(), source) != nullptr) {
        mappings::apply(mappings::asterisk_cel_hangupsource(), source, v);  // dialplan/builtin, dialplan/agi
    } else {
        const bool agent = agents.is_agent(source).value_or(is_extension_channel(source));
        v.ended_by = agent ? Party::kAgent : Party::kCustomer;
        v.category = Category::kHangup;
        v.reason = agent ? Reason::agent_hangup : Reason::customer_hangup;
    }
    if (source == cdr.channel) v.ended_by_side = Side::kCaller;
    if (source == cdr.dstchannel) v.ended_by_side = Side::kCallee;
    v.raw_reason = cdr.disposition + " userfield=" + cdr.userfield;
    v.confidence = Confidence::kLow;
    v.outcome = "handled";
    v.detail = fmt::format(
        "The CDR's disposition is ANSWERED; its userfield names {} as the channel that hung up (a site's "
        "convention, CDR(userfield)=${{CHANNEL(hangupsource)}}, which whohungup cannot check: low confidence).",
        cdr.userfield);
}

}  // namespace

bool userfield_names_channel(std::string_view userfield) {
    const std::size_t slash = userfield.find('/');
    if (slash == std::string_view::npos || slash < 2 || slash + 1 >= userfield.size()) return false;
    const std::string_view tech = userfield.substr(0, slash);
    if (!std::all_of(tech.begin(), tech.end(), is_tech_char)) return false;
    return std::none_of(userfield.begin(), userfield.end(), [](char c) { return c == ' ' || c == '\t'; });
}

Verdict decide_cdr(const AsteriskCdr& cdr, const AgentMatch& agents) {
    Verdict v;
    v.source_format = "asterisk-cdr";
    v.contact_id = cdr.linkedid.empty() ? cdr.uniqueid : cdr.linkedid;
    v.channel = Channel::kVoice;
    v.started_at_ms = cdr.started_at_ms;
    v.ended_at_ms = cdr.ended_at_ms;
    const auto& table = mappings::asterisk_cdr_disposition();
    if (!mappings::apply(table, cdr.disposition, v)) {
        v.detail =
            fmt::format("{} \"{}\" is not a value whohungup knows; kept as raw_reason.", table.name, cdr.disposition);
        return v;
    }
    v.ended_by = Party::kUnknown;  // an outcome, never a party
    if (mappings::upper_trimmed(cdr.disposition) == "ANSWERED" && userfield_names_channel(cdr.userfield)) {
        read_userfield(cdr, agents, v);
        return v;
    }
    if (v.category == Category::kHangup) v.outcome = "handled";
    v.detail = fmt::format(
        "An Asterisk CDR says only disposition {}: it does not tell who hung up (CEL's HANGUP rows or the "
        "queue_log do).",
        cdr.disposition);
    return v;
}

namespace {

/// 2: ANSWERED with the hangup source in the userfield; 1: ANSWERED; 0: not connected.
int describes(const AsteriskCdr& cdr) {
    if (mappings::upper_trimmed(cdr.disposition) != "ANSWERED") return 0;
    return userfield_names_channel(cdr.userfield) ? 2 : 1;
}

}  // namespace

bool cdr_describes_call_better(const AsteriskCdr& row, const AsteriskCdr& held) {
    if (describes(row) != describes(held)) return describes(row) > describes(held);
    return row.ended_at_ms != kNoTime && (held.ended_at_ms == kNoTime || row.ended_at_ms > held.ended_at_ms);
}

void AsteriskCdrCall::add(AsteriskCdr&& cdr, Evidence&& line) {
    ++rows;
    if (cdr.started_at_ms != kNoTime && (started_at_ms == kNoTime || cdr.started_at_ms < started_at_ms)) {
        started_at_ms = cdr.started_at_ms;
    }
    if (cdr.ended_at_ms != kNoTime && (ended_at_ms == kNoTime || cdr.ended_at_ms > ended_at_ms)) {
        ended_at_ms = cdr.ended_at_ms;
    }
    if (evidence.size() < kEvidenceKept) evidence.push_back(std::move(line));
    if (!best || cdr_describes_call_better(cdr, *best)) best = std::move(cdr);
}

Verdict decide_cdr_call(const AsteriskCdrCall& call, const AgentMatch& agents) {
    Verdict v = decide_cdr(*call.best, agents);
    v.started_at_ms = call.started_at_ms;
    v.ended_at_ms = call.ended_at_ms;
    v.evidence = call.evidence;
    if (!v.evidence.empty()) v.input = v.evidence.front().input;
    if (call.rows > 1) {
        v.detail += fmt::format(
            " The call has {} CDRs under linkedid {} (Asterisk 12+ writes one per Party A/B pair); {} decides.",
            call.rows, call.best->linkedid,
            describes(*call.best) == 2   ? "its answered one whose userfield names a channel"
            : describes(*call.best) == 1 ? "its answered one (the latest, if several)"
                                         : "the latest");
    }
    return v;
}

}  // namespace whohungup::exports::asterisk
