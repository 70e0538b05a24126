// SPDX-License-Identifier: MIT
#include "exports/asterisk/cel_decide.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace whohungup::mappings {

namespace {

constexpr std::string_view kCel =
    "asterisk main/cel.c (HANGUP extra), main/channel.c ast_set_hangupsource(), funcs/func_channel.c";
constexpr std::string_view kDial = "asterisk apps/app_dial.c DIALSTATUS";
constexpr auto kNC = Category::kNotConnected;
constexpr auto kHigh = Confidence::kHigh;

constexpr std::array<ReasonRow, 3> kSourceRows{{
    {"dialplan/builtin", Party::kSystem, Category::kHangup, Reason::ended_by_dialplan, kHigh, kCel},
    {"dialplan/agi", Party::kSystem, Category::kHangup, Reason::ended_by_agi_script, kHigh, kCel},
    {"(empty)", Party::kUnknown, Category::kOther, Reason::no_hangup_source, Confidence::kLow, kCel},
}};

constexpr std::array<ReasonRow, 9> kDialRows{{
    {"ANSWER", Party::kUnknown, Category::kOther, Reason::record_does_not_tell, Confidence::kLow, kDial},
    {"BUSY", Party::kSystem, kNC, Reason::user_busy, kHigh, kDial},
    {"NOANSWER", Party::kSystem, kNC, Reason::no_answer, kHigh, kDial},
    {"CANCEL", Party::kCustomer, Category::kAbandoned, Reason::caller_cancelled_while_ringing, Confidence::kMedium,
     kDial},
    {"CONGESTION", Party::kSystem, kNC, Reason::congestion, kHigh, kDial},
    {"CHANUNAVAIL", Party::kSystem, kNC, Reason::channel_unavailable, kHigh, kDial},
    {"DONTCALL", Party::kSystem, kNC, Reason::privacy_dont_call, kHigh, kDial},
    {"TORTURE", Party::kSystem, kNC, Reason::privacy_torture, kHigh, kDial},
    {"INVALIDARGS", Party::kSystem, Category::kFailure, Reason::dial_invalid_arguments, kHigh, kDial},
}};

/// An empty hangupsource is looked up, and listed, as "(empty)".
std::string empty_named(std::string_view code) {
    return code.empty() ? std::string("(empty)") : std::string(code);
}

}  // namespace

const ReasonTable& asterisk_cel_hangupsource() {
    static const ReasonTable kTable{"Asterisk CEL HANGUP hangupsource (not a channel)", "asterisk-cel", kSourceRows,
                                    &empty_named};
    return kTable;
}

const ReasonTable& asterisk_cel_dialstatus() {
    static const ReasonTable kTable{"Asterisk CEL HANGUP dialstatus (no one answered)", "asterisk-cel", kDialRows,
                                    &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

namespace {

/// "PJSIP/1001-0000002a" → "PJSIP/1001": the endpoint, without the per-call suffix.
std::string_view endpoint_of(std::string_view channel) {
    const std::size_t dash = channel.rfind('-');
    return dash == std::string_view::npos ? channel : channel.substr(0, dash);
}

bool same_endpoint(std::string_view a, std::string_view b) {
    return !a.empty() && endpoint_of(a) == endpoint_of(b);
}

/// Local/…;1 and ;2 are the two halves of a dialplan hop, not a party.
bool is_local(std::string_view channel) {
    return channel.starts_with("Local/");
}

/// A channel name ("PJSIP/1001-0000002a", "DAHDI/1-1"): a technology, '/', a resource. Other
/// strings (dialplan/…, or anything a dialplan set with CHANNEL(hangupsource)) are not parties.
bool is_party(std::string_view source) {
    const std::size_t slash = source.find('/');
    if (slash == 0 || slash == std::string_view::npos || slash + 1 == source.size()) return false;
    const bool tech = std::all_of(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(slash), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    return tech && !is_local(source) && !source.starts_with("dialplan/");
}

Evidence evidence_of(const CelHangup& h) {
    return Evidence{h.time_ms, h.input, h.line, h.byte,
                    fmt::format("HANGUP channel={} hangupsource={} hangupcause={} dialstatus={}", h.channel,
                                h.hangupsource.empty() ? "\"\"" : h.hangupsource, h.hangupcause,
                                h.dialstatus.empty() ? "-" : h.dialstatus)};
}

/// Whether a channel of the call other than `source`'s endpoint looks like an extension.
bool any_other_extension(const CelCall& call, std::string_view source) {
    const auto other_extension = [&](std::string_view channel) {
        return !channel.empty() && !same_endpoint(source, channel) && is_extension_channel(channel);
    };
    return other_extension(call.caller_channel) ||
           std::any_of(call.bridged.begin(), call.bridged.end(), other_extension) ||
           std::any_of(call.hangups.begin(), call.hangups.end(),
                       [&](const CelHangup& h) { return other_extension(h.channel); });
}

}  // namespace

bool is_extension_channel(std::string_view channel) {
    for (const std::string_view tech : {"PJSIP/", "SIP/", "IAX2/"}) {
        if (!channel.starts_with(tech)) continue;
        const std::string_view name = endpoint_of(channel.substr(tech.size()));
        if (name.size() < 2 || name.size() > 6) return false;
        return std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    return false;
}

Verdict decide(const CelCall& call, const AgentMatch& agents) {
    Verdict v;
    v.source_format = "asterisk-cel";
    v.contact_id = call.linkedid;
    v.channel = Channel::kVoice;
    v.started_at_ms = call.started_ms;
    v.ended_at_ms = call.ended_ms;
    std::vector<const CelHangup*> hangups;
    for (const CelHangup& h : call.hangups) hangups.push_back(&h);
    std::sort(hangups.begin(), hangups.end(), [](const CelHangup* a, const CelHangup* b) {
        if (a->time_ms != b->time_ms) return a->time_ms < b->time_ms;
        if (a->id != b->id) return a->id < b->id;
        return a->order < b->order;
    });
    for (const CelHangup* h : hangups) v.evidence.push_back(evidence_of(*h));
    if (!v.evidence.empty()) v.input = v.evidence.front().input;
    if (hangups.empty()) {
        v.reason = Reason::call_in_progress;
        v.category = Category::kInProgress;
        v.outcome = "in_progress";
        v.confidence = Confidence::kMedium;
        v.detail = "No HANGUP event for this linkedid: the call was not over when the records end.";
        return v;
    }
    if (!call.transfer.empty()) {
        v.category = Category::kTransfer;
        v.reason = Reason::transferred;
        v.raw_reason = call.transfer;
        v.confidence = Confidence::kMedium;
        v.detail = fmt::format("The call was transferred ({}): its HANGUP rows do not say who ended the conversation.",
                               call.transfer);
        return v;
    }
    // The tail: HANGUP rows within a second of the last one; the first whose source is a party.
    const std::int64_t last = hangups.back()->time_ms;
    const CelHangup* deciding = nullptr;
    const CelHangup* caller_hangup = nullptr;
    for (const CelHangup* h : hangups) {
        if (h->channel == call.caller_channel) caller_hangup = h;
        if (deciding == nullptr && (last == kNoTime || h->time_ms == kNoTime || last - h->time_ms <= 1000) &&
            is_party(h->hangupsource)) {
            deciding = h;
        }
    }
    if (call.bridged.empty()) {  // nobody answered: the caller's dialstatus is the outcome
        const CelHangup& h = caller_hangup != nullptr ? *caller_hangup : *hangups.back();
        if (!h.dialstatus.empty() && mappings::apply(mappings::asterisk_cel_dialstatus(), h.dialstatus, v)) {
            v.detail = fmt::format("No channel entered a bridge; the caller's dialstatus is {}.", h.dialstatus);
            if (v.ended_by == Party::kCustomer) {
                const bool caller_agent =
                    agents.is_agent(call.caller_channel).value_or(is_extension_channel(call.caller_channel));
                v.ended_by = caller_agent ? Party::kAgent : Party::kCustomer;
                v.ended_by_side = Side::kCaller;
            }
            if (v.category == Category::kAbandoned) v.outcome = "abandoned";
            return v;
        }
    }
    const CelHangup& tail = deciding != nullptr ? *deciding : *hangups.back();
    v.ended_at_ms = tail.time_ms;
    if (deciding == nullptr) {
        mappings::apply(mappings::asterisk_cel_hangupsource(), tail.hangupsource, v);
        if (v.reason == Reason::unmapped_code) {
            v.detail = fmt::format("hangupsource \"{}\" is neither a channel nor the dialplan; kept as raw_reason.",
                                   tail.hangupsource);
        } else {
            v.detail =
                tail.hangupsource.empty()
                    ? "No HANGUP row names a channel that hung up (Local optimisation, AMI hangup or a "
                      "masquerade)."
                    : fmt::format("The {} ended the call (hangupsource {}).",
                                  tail.hangupsource == "dialplan/agi" ? "AGI script" : "dialplan", tail.hangupsource);
        }
        return v;
    }
    const std::string& source = deciding->hangupsource;
    v.raw_reason = source;
    v.ended_by_side = same_endpoint(source, call.caller_channel) ? Side::kCaller : Side::kCallee;
    const std::optional<bool> matched = agents.is_agent(source);
    const bool agent = matched.value_or(is_extension_channel(source));
    if (!matched && !agent && !any_other_extension(call, source)) {
        // The inference needs an extension on one side: with none (a trunk to a trunk, or a PBX that
        // names its endpoints by anything but 2-6 digits), "not an extension" says nothing.
        v.ended_by = Party::kUnknown;
        v.category = Category::kHangup;
        v.reason =
            v.ended_by_side == Side::kCaller ? Reason::caller_hangup_role_unknown : Reason::callee_hangup_role_unknown;
        v.confidence = Confidence::kLow;
        v.outcome = "handled";
        v.detail = fmt::format(
            "hangupsource {} (the {}) ended the call, hangupcause {}; no channel of the call looks like an extension "
            "(PJSIP/, SIP/ or IAX2/ and 2-6 digits), so which side is the agent is not known (use --agent-match).",
            source, v.ended_by_side == Side::kCaller ? "caller" : "callee", deciding->hangupcause);
        return v;
    }
    v.ended_by = agent ? Party::kAgent : Party::kCustomer;
    v.category = Category::kHangup;
    v.reason = agent ? Reason::agent_hangup : Reason::customer_hangup;
    v.confidence = matched ? Confidence::kHigh : Confidence::kMedium;
    v.outcome = "handled";
    if (agent) v.agent = std::string(endpoint_of(source));
    v.detail = fmt::format("hangupsource {} (the {}) ended the call, hangupcause {}; {}.", source,
                           v.ended_by_side == Side::kCaller ? "caller" : "callee", deciding->hangupcause,
                           matched ? (agent ? "--agent-match names it an agent" : "--agent-match does not name it")
                                   : (agent ? "an extension channel, so the agent (inferred)"
                                            : "not an extension channel, so the customer "
                                              "(inferred)"));
    return v;
}

}  // namespace whohungup::exports::asterisk
