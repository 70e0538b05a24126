// SPDX-License-Identifier: MIT
// "twilio-call-summaries": Twilio Voice Insights call summaries (one, a list page, JSON Lines)
// and Call resources (status only: outcome-only verdicts). One verdict per call_sid: a complete
// summary beats a partial one, and any summary beats a Call resource. Event Streams call-summary
// events (CloudEvents) are unwrapped to their summary. Tested by
// tests/unit/twilio_call_summary_test.cc and testdata/golden/twilio_*.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::twilio {

[[nodiscard]] bool sniff_twilio_calls(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_twilio_calls_reader(const Limits& limits);

}  // namespace whohungup::exports::twilio
