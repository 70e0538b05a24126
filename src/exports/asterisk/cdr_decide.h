// SPDX-License-Identifier: MIT
// Asterisk CDRs → verdicts: the disposition table (as data, with sources) and decide_cdr(). A CDR
// is an outcome: it never says who hung up, unless the site copies the hangup source into the
// userfield (a convention, read with low confidence). Rules: docs/platforms.md#asterisk-cdr.
#pragma once

#include <string_view>

#include "exports/asterisk/cdr_record.h"
#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// The CDR disposition: outcome only (ended_by unknown on every row).
const ReasonTable& asterisk_cdr_disposition();
}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

/// Whether a userfield holds a channel name ("PJSIP/1001-0000000a", "dialplan/builtin"), as a site
/// writes it with CDR(userfield)=${CHANNEL(hangupsource)}.
[[nodiscard]] bool userfield_names_channel(std::string_view userfield);

/// One verdict. Source format "asterisk-cdr", contact id the linkedid (else the uniqueid).
[[nodiscard]] Verdict decide_cdr(const AsteriskCdr& cdr, const AgentMatch& agents);

/// Whether `row` describes its call better than `held` (same linkedid): an ANSWERED row whose
/// userfield names the channel that hung up, then any ANSWERED row, then the others; within a
/// kind, the later end (a tie keeps the row read first).
[[nodiscard]] bool cdr_describes_call_better(const AsteriskCdr& row, const AsteriskCdr& held);

/// One verdict per linkedid: decide_cdr() of the best row, with the call's whole span and every
/// row's evidence; the detail says how many CDRs the call had.
[[nodiscard]] Verdict decide_cdr_call(const AsteriskCdrCall& call, const AgentMatch& agents);

}  // namespace whohungup::exports::asterisk
