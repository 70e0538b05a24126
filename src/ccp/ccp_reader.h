// SPDX-License-Identifier: MIT
// The "ccp-log" format: Amazon Connect CCP agent logs (agent-log.txt). One reader serves a group
// of inputs from the same agent (overlapping downloads), so a call is judged once from all of
// them. Tested by tests/unit/ccp_reader_test.cc and the golden cases.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::ccp {

[[nodiscard]] bool sniff_ccp_log(std::string_view head);
/// The first agentResourceId in the head, so one agent's files are read together.
[[nodiscard]] std::string ccp_log_group_key(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_ccp_log_reader(const Limits& limits);

}  // namespace whohungup::ccp
