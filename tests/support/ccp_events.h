// SPDX-License-Identifier: MIT
// Builders for CCP events in unit tests: each takes the exact log text, so tests read like logs.
#pragma once

#include <string>
#include <vector>

#include "ccp/ccp_event.h"
#include "ccp/line_classifier.h"

namespace whohungup::testing {

/// Classifies `text` like the reader does and stamps time and arrival order.
inline ccp::CcpEvent line(std::int64_t time_ms, const std::string& text, const std::string& agent = "agent-1") {
    static std::uint64_t seq = 0;
    ccp::CcpEvent event;
    std::string_view trimmed = text;
    while (!trimmed.empty() && trimmed.front() == ' ') {
        trimmed.remove_prefix(1);
    }
    if (!ccp::classify_line(trimmed, event)) {
        throw std::runtime_error("test line is not a call line: " + text);
    }
    event.time_ms = time_ms;
    event.seq = ++seq;
    event.text = std::string(trimmed);
    event.agent = agent;
    event.dedupe_key = std::hash<std::string>{}(text)*31U + static_cast<std::uint64_t>(time_ms);
    event.pos.line = seq;
    return event;
}

inline ccp::CcpEvent destroy_request(std::int64_t time_ms, const std::string& contact, const std::string& connection) {
    static std::uint64_t seq = 1000000;
    ccp::CcpEvent event;
    event.kind = ccp::EventKind::kDestroyConnection;
    event.time_ms = time_ms;
    event.seq = ++seq;
    event.id = contact;
    event.detail = connection;
    event.text = "Sending API_REQUEST event for destroyConnection to upstream";
    event.dedupe_key = seq;
    return event;
}

}  // namespace whohungup::testing
