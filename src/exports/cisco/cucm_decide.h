// SPDX-License-Identifier: MIT
// CUCM CDRs → verdicts: the reason tables (Q.850 clearing causes, OnBehalfOf codes, as data with
// sources) and decide(), which reads a call's final leg record. Rules:
// docs/platforms.md#cisco-cucm-cdr.
#pragma once

#include <vector>

#include "exports/cisco/cucm_cdr_record.h"
#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// origCause_value / destCause_value of the clearing side (Q.850, plus CUCM's own values).
const ReasonTable& cucm_cause_value();
/// orig/destCallTerminationOnBehalfOf of the clearing side (party: from the side).
const ReasonTable& cucm_on_behalf_of();
}  // namespace whohungup::mappings

namespace whohungup::exports::cisco {

/// Whether a device name is an internal phone (SEP…, CSF…, BOT…, TCT…, TAB…: Cisco's phone and
/// Jabber device prefixes) rather than a gateway or trunk.
[[nodiscard]] bool is_phone_device(std::string_view device);

/// One verdict from the records of one call (the final one, by dateTimeDisconnect, decides).
[[nodiscard]] Verdict decide(const std::vector<CucmRecord>& records, const AgentMatch& agents);

}  // namespace whohungup::exports::cisco
