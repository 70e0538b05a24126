// SPDX-License-Identifier: MIT
// The "voice-agent-calls" format: AI voice agent call history (the `disconnection_reason`
// platform): one call object, a bare array (v2 list-calls), a page {"items": [...]} (v3
// list-calls), webhook payloads {"event": ..., "call": {...}}, or JSON Lines of any of these.
// A call seen several times (webhooks: call_started, call_ended, call_analyzed) is reported once,
// from its most complete record. Tested by tests/unit/vendor_readers_test.cc and golden cases.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_voice_agent_calls(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_voice_agent_calls_reader(const Limits& limits);

}  // namespace whohungup::exports
