// SPDX-License-Identifier: MIT
#include "ccp/call_record.h"

#include <algorithm>

namespace whohungup::ccp {

namespace {
bool is_end_state(State state) {
    return state == State::kDisconnected || state == State::kFailed;
}
}  // namespace

bool CallRecord::add(CcpEvent&& event) {
    if (!seen.insert(event.dedupe_key).second) {
        return false;
    }
    first_time = first_time == kNoTime ? event.time_ms : std::min(first_time, event.time_ms);
    last_time = last_time == kNoTime ? event.time_ms : std::max(last_time, event.time_ms);
    if (event.kind == EventKind::kTransition) {
        if (!is_channel(event.machine)) {
            has_session_lines = true;
            if (is_end_state(event.to)) {
                closed = true;
                if (session_end_ms == kNoTime || event.time_ms < session_end_ms) {
                    session_end_ms = event.time_ms;
                }
            }
        } else if (is_end_state(event.to) && !has_session_lines) {
            closed = true;
        }
    } else if (event.kind == EventKind::kContactMissed) {
        closed = true;
    }
    events.push_back(std::move(event));
    return true;
}

}  // namespace whohungup::ccp
