// SPDX-License-Identifier: MIT
// The JSON shapes of Twilio call records, each turned into TwilioCall:
//  * a Voice Insights Call Summary (GET /v1/Voice/{CallSid}/Summary), alone or in the list
//    envelope {"meta":{…,"key":"call_summaries"},"call_summaries":[…]};
//  * a Call resource (GET /2010-04-01/Accounts/{Sid}/Calls/{Sid}.json), alone or in the list
//    envelope {"calls":[…], …}.
// Tested by tests/unit/twilio_call_summary_test.cc.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "exports/twilio/twilio_call_record.h"

namespace whohungup::exports::twilio {

/// The records of one top-level JSON object: the object itself, or its envelope's list.
enum class TwilioShape : std::uint8_t { kSummary, kSummaryList, kCall, kCallList, kNone };

[[nodiscard]] TwilioShape shape_of(simdjson::dom::object object);

/// Fills `call` from one summary object; false when it has no call_sid.
bool decode_call_summary(simdjson::dom::object object, TwilioCall& call);
/// Fills `call` from one Call resource; false when it has no sid.
bool decode_call_resource(simdjson::dom::object object, TwilioCall& call);

/// "Thu, 27 Nov 2026 16:00:10 +0000" (RFC 2822, as the Call resource writes times).
[[nodiscard]] std::optional<std::int64_t> parse_rfc2822_ms(std::string_view text);

}  // namespace whohungup::exports::twilio
