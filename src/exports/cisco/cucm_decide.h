// SPDX-License-Identifier: MIT
// CUCM CDRs → verdicts: the reason tables (Q.850 clearing causes, OnBehalfOf codes, as data with
// sources) and decide(), which reads a call's final leg record. Rules:
// docs/platforms.md#cisco-cucm-cdr.
#pragma once

#include <optional>
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

/// What decide() reads of one call's records, kept as they are read so a call costs one record
/// however many it has: the final one (by dateTimeDisconnect, the later read on a tie) and the
/// earliest dateTimeOrigination (unknown when the first record read has none).
struct CucmCall {
    CucmCall() = default;  // not an aggregate: decide({record}) means the vector of records

    std::optional<CucmRecord> last;
    std::int64_t started_ms = kNoTime;
    std::uint64_t order = 0;  ///< arrival order, for output

    /// Takes one more record of the call.
    void add(CucmRecord&& record);
};

/// One verdict from one call (the final record decides).
[[nodiscard]] Verdict decide(const CucmCall& call, const AgentMatch& agents);
/// The same from all the records of one call, in the order read (not empty).
[[nodiscard]] Verdict decide(const std::vector<CucmRecord>& records, const AgentMatch& agents);

}  // namespace whohungup::exports::cisco
