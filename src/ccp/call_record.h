// SPDX-License-Identifier: MIT
// Everything the log says about one contact, gathered until the call can be judged.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "ccp/ccp_event.h"
#include "whohungup/verdict.h"

namespace whohungup::ccp {

/// Why a call was judged before the log had moved a grace period past its end.
enum class ForcedBy : std::uint8_t {
    kNone,
    kOpenCalls,  ///< more than Limits::max_open_calls open at once: the oldest go first
    kCallBytes,  ///< its own lines took more than Limits::max_call_bytes
    kHeldBytes,  ///< everything held took more than Limits::max_held_bytes: the oldest go first
};

struct CallRecord {
    std::string id;
    std::vector<CcpEvent> events;            ///< arrival order; the judge sorts by time
    std::unordered_set<std::uint64_t> seen;  ///< dedupe keys, once the call has many lines
    std::int64_t first_time = kNoTime;
    std::int64_t last_time = kNoTime;
    std::int64_t session_end_ms = kNoTime;     ///< first SESSION/CallSession end, if any
    ContactType type = ContactType::kUnknown;  ///< from the first snapshot that names it
    bool has_session_lines = false;
    bool closed = false;                ///< a terminal state was logged
    ForcedBy forced = ForcedBy::kNone;  ///< judged early, and why
    std::size_t bytes = 0;              ///< held_bytes() of its events

    /// Adds an event unless it is an exact duplicate (same loggerId, time and text).
    bool add(CcpEvent&& event);
};

}  // namespace whohungup::ccp
