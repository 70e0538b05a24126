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

struct CallRecord {
    std::string id;
    std::vector<CcpEvent> events;            ///< arrival order; the judge sorts by time
    std::unordered_set<std::uint64_t> seen;  ///< dedupe keys, once the call has many lines
    std::int64_t first_time = kNoTime;
    std::int64_t last_time = kNoTime;
    std::int64_t session_end_ms = kNoTime;     ///< first SESSION/CallSession end, if any
    ContactType type = ContactType::kUnknown;  ///< from the first snapshot that names it
    bool has_session_lines = false;
    bool closed = false;  ///< a terminal state was logged
    bool forced = false;  ///< judged early because too many calls were open

    /// Adds an event unless it is an exact duplicate (same loggerId, time and text).
    bool add(CcpEvent&& event);
};

}  // namespace whohungup::ccp
