// SPDX-License-Identifier: MIT
// FreeSWITCH CDR legs → one verdict per call: the reason tables (as data, with sources) and
// decide(). sip_hangup_disposition says which way the BYE/CANCEL went on a leg; the leg's role
// (A = the caller's leg, B = the callee's) turns that into a side. Rules:
// docs/platforms.md#freeswitch.
#pragma once

#include "exports/freeswitch/freeswitch_cdr_record.h"
#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// Key "a/recv_bye", "b/send_cancel", …: the leg and its sip_hangup_disposition. Parties assume
/// the contact-centre default (the A-leg caller is the customer); decide() swaps them when the
/// A-leg is the agent's.
const ReasonTable& freeswitch_sip_hangup_disposition();
/// hangup_cause names that decide on their own (system ends, transfers, cancels) or stand in
/// when a leg has no sip_hangup_disposition (non-SIP channels).
const ReasonTable& freeswitch_hangup_cause();
/// mod_callcenter cc_cancel_reason on the member's leg (cc_cause=cancel).
const ReasonTable& freeswitch_cc_cancel_reason();
}  // namespace whohungup::mappings

namespace whohungup::exports::freeswitch {

/// One verdict. Source format "freeswitch-json-cdr" or "freeswitch-xml-cdr" (`format`).
[[nodiscard]] Verdict decide(const FreeswitchCall& call, const AgentMatch& agents, std::string_view format);

}  // namespace whohungup::exports::freeswitch
