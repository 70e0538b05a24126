// SPDX-License-Identifier: MIT
// "voice-agent-calls-csv": the AI voice agent dashboard's call history export
// ("disconnection_reason" / "Disconnection Reason" / "End Reason", and the call id).
// Tested by tests/unit/vendor_readers_test.cc and the golden cases.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_voice_agent_calls_csv(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_voice_agent_calls_csv_reader(const Limits& limits);

}  // namespace whohungup::exports
