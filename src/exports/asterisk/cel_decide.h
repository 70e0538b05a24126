// SPDX-License-Identifier: MIT
// CEL calls → verdicts: the reason tables (hangupsource kinds, dialstatus, as data with sources)
// and decide(). The HANGUP rows' hangupsource names the channel whose end hung up; the channel's
// role (extension = agent, trunk = customer) comes from --agent-match or the default rule.
// Rules: docs/platforms.md#asterisk-cel.
#pragma once

#include <string_view>

#include "exports/asterisk/cel_record.h"
#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"

namespace whohungup::mappings {
/// The hangupsource values that are not a channel: dialplan/builtin, dialplan/agi, "".
const ReasonTable& asterisk_cel_hangupsource();
/// The caller's dialstatus when no one answered.
const ReasonTable& asterisk_cel_dialstatus();
}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

/// Default role of a channel: PJSIP/SIP/IAX2 endpoints named by 2–6 digits (PJSIP/1001-0000002a)
/// are extensions (agents); other channels (trunks, DAHDI lines) are outside (customers).
[[nodiscard]] bool is_extension_channel(std::string_view channel);

/// One verdict. Source format "asterisk-cel", contact id the linkedid.
[[nodiscard]] Verdict decide(const CelCall& call, const AgentMatch& agents);

}  // namespace whohungup::exports::asterisk
