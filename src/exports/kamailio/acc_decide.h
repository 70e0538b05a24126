// SPDX-License-Identifier: MIT
// Kamailio / OpenSIPS acc rows → verdicts: the reason tables (which side sent the BYE; the
// INVITE's final reply on calls without one) and decide(). Rules: docs/platforms.md#kamailio--opensips-acc.
#pragma once

#include "exports/kamailio/acc_record.h"
#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// Which side sent the BYE: "caller", "callee", or "neither" (its From tag is neither dialog tag).
const ReasonTable& kamailio_acc_bye_side();
/// The INVITE's final reply code (RFC 3261 §21) on a call with no BYE row.
const ReasonTable& kamailio_acc_invite_code();
}  // namespace whohungup::mappings

namespace whohungup::exports::kamailio {

/// "caller", "callee" or "neither": the BYE's From tag against the INVITE's From and To tags
/// (detect_direction = 0, the default, logs a request's own From and To).
[[nodiscard]] std::string_view bye_side(const AccRow& invite, const AccRow& bye);

/// One verdict from one Call-ID's rows (it has an INVITE or a BYE).
[[nodiscard]] Verdict decide(const AccCall& call, const AgentMatch& agents);

}  // namespace whohungup::exports::kamailio
