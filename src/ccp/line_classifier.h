// SPDX-License-Identifier: MIT
// Recognises the softphone and CCP lines that matter (exact texts in docs/ccp-rules.md) from an
// entry's `text`. Pure function of the text; never looks at `component`.
// Tested by tests/unit/line_classifier_test.cc.
#pragma once

#include <optional>
#include <string_view>

#include "ccp/ccp_event.h"

namespace whohungup::ccp {

/// Texts whose meaning is in the entry's `objects` rather than its text.
enum class ObjectLine : std::uint8_t {
    kNone,
    kApiRequest,          ///< "Sending API_REQUEST event for <method> to upstream"
    kAgentConfiguration,  ///< "AWSClient: <-- Operation 'getAgentConfiguration' succeeded."
    kAgentSnapshot,       ///< "GET_AGENT_SNAPSHOT succeeded."
};

[[nodiscard]] ObjectLine object_line_kind(std::string_view text);

/// The method named by a request line ("Sending API_REQUEST event for <method> to upstream").
[[nodiscard]] std::string_view request_method_in(std::string_view text);

/// False only when neither classify_line nor object_line_kind can accept the text, whatever
/// the JSON escapes in it (other than \u) stand for: a cheap test for texts still escaped.
[[nodiscard]] bool may_be_recognised(std::string_view text);

/// Classifies a text (leading spaces already trimmed). Fills kind, machine, states, cause, id
/// and detail of `out`; returns false when the line does not bear on any call's end.
[[nodiscard]] bool classify_line(std::string_view text, CcpEvent& out);

}  // namespace whohungup::ccp
