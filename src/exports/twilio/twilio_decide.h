// SPDX-License-Identifier: MIT
// Twilio records → verdicts: the reason tables (as data, with sources) and decide().
// properties.disconnected_by says which end sent the BYE; `direction` says which end is the
// business: docs/platforms.md#twilio.
#pragma once

#include <string>
#include <string_view>

#include "exports/roles/agent_match.h"
#include "exports/twilio/twilio_call_record.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// Key "direction/disconnected_by" ("inbound/caller"), or the side alone when no direction.
const ReasonTable& twilio_disconnected_by();
/// Summary call_state when there is no disconnected_by: outcome only.
const ReasonTable& twilio_call_state();
/// Call resource status: outcome only.
const ReasonTable& twilio_call_status();
}  // namespace whohungup::mappings

namespace whohungup::exports::twilio {

/// "outbound_api" and "Outbound-API" as the Call resource spells them: "outbound-api".
[[nodiscard]] std::string normalised_direction(std::string_view direction);

/// One verdict. `agents` (--agent-match over the From / To party) overrides the direction rule.
[[nodiscard]] Verdict decide(const TwilioCall& call, const AgentMatch& agents);

}  // namespace whohungup::exports::twilio
