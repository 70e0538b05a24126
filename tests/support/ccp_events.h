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
    event.agent = std::make_shared<const std::string>(agent);
    event.dedupe_key = std::hash<std::string>{}(text)*31U + static_cast<std::uint64_t>(time_ms);
    event.pos.line = seq;
    return event;
}

/// "Sending API_REQUEST event for <method> to upstream" with params {contactId, connectionId}
/// (empty strings: the relayed copy with `objects: []`).
inline ccp::CcpEvent request(std::int64_t time_ms,
                             const std::string& method,
                             const std::string& contact,
                             const std::string& connection,
                             ccp::EndpointKind endpoint = ccp::EndpointKind::kNone) {
    static std::uint64_t seq = 1000000;
    ccp::CcpEvent event;
    event.kind = ccp::EventKind::kApiRequest;
    event.method = ccp::api_method_from_name(method);
    event.endpoint = endpoint;
    event.time_ms = time_ms;
    event.seq = ++seq;
    event.id = contact;
    event.detail = connection;
    event.text = "Sending API_REQUEST event for " + method + " to upstream";
    event.dedupe_key = seq;
    return event;
}

inline ccp::CcpEvent destroy_request(std::int64_t time_ms, const std::string& contact, const std::string& connection) {
    return request(time_ms, "destroyConnection", contact, connection);
}

/// One contact of a GET_AGENT_SNAPSHOT succeeded. entry.
inline ccp::CcpEvent contact_state(std::int64_t time_ms, const std::string& contact, const ccp::ContactView& view) {
    static std::uint64_t seq = 2000000;
    ccp::CcpEvent event;
    event.kind = ccp::EventKind::kContactState;
    event.time_ms = time_ms;
    event.seq = ++seq;
    event.id = contact;
    event.text = "GET_AGENT_SNAPSHOT succeeded.";
    event.dedupe_key = seq;
    event.contact = std::make_shared<const ccp::ContactView>(view);
    return event;
}

}  // namespace whohungup::testing
