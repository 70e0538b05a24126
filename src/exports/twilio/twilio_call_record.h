// SPDX-License-Identifier: MIT
// Twilio call records as plain data: a Voice Insights Call Summary or a Call resource (the
// decoder fills one per JSON object; decide() reads it). Field meanings: docs/platforms.md#twilio.
#pragma once

#include <cstdint>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup::exports::twilio {

struct TwilioCall {
    bool summary = false;  ///< a Voice Insights Call Summary; false: a Call resource (status only)
    std::string call_sid;
    std::string parent_call_sid;   ///< Call resource: the parent of a <Dial> child leg
    std::string direction;         ///< inbound, outbound-api, outbound-dial, trunking-originating, -terminating
    std::string disconnected_by;   ///< summary properties.disconnected_by: caller / callee, or ""
    std::string call_state;        ///< summary call_state (completed, busy, fail, …)
    std::string status;            ///< Call resource status (completed, busy, failed, …)
    std::string processing_state;  ///< summary: partial / complete
    std::string from;              ///< the caller: from.caller (summary) or from (Call resource)
    std::string to;                ///< the callee: to.callee (summary) or to (Call resource)
    std::string call_type;         ///< summary: carrier, sip, trunking, client, whatsapp
    std::int64_t last_sip_response = -1;
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
};

}  // namespace whohungup::exports::twilio
