// SPDX-License-Identifier: MIT
// One AI-voice-agent call as every wire shape gives it (API call object, list page, webhook
// event, dashboard CSV row), and the one decision over it, so JSON and CSV of the same call give
// the same verdict (tests/unit/vendor_readers_test.cc runs both).
#pragma once

#include <cstdint>
#include <string_view>

#include "whohungup/verdict.h"

namespace whohungup::exports {

struct VoiceAgentCall {
    std::string_view call_id;
    std::string_view agent_id;
    std::string_view agent_name;
    std::string_view disconnection_reason;
    std::string_view call_status;  ///< registered | ongoing | ended | error | not_connected
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
};

/// Fills who / category / reason / confidence / detail / channel of `verdict` from `call`.
/// Returns false when the disconnection reason is not a code the table knows (the caller warns).
bool decide(const VoiceAgentCall& call, Verdict& verdict);

}  // namespace whohungup::exports
