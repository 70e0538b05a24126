// SPDX-License-Identifier: MIT
#include "ccp/call_record.h"

#include <algorithm>

namespace whohungup::ccp {

bool CallRecord::add(CcpEvent&& event) {
    // A call has a few dozen lines: a scan of their keys beats a hash set, which only takes over
    // for calls with many lines (a bound on the work for hostile input).
    constexpr std::size_t kScanLimit = 64;
    if (events.size() < kScanLimit) {
        const std::uint64_t key = event.dedupe_key;
        if (std::any_of(events.begin(), events.end(), [key](const CcpEvent& kept) { return kept.dedupe_key == key; })) {
            return false;
        }
    } else {
        if (seen.empty()) {
            for (const CcpEvent& kept : events) {
                seen.insert(kept.dedupe_key);
            }
        }
        if (!seen.insert(event.dedupe_key).second) {
            return false;
        }
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
    } else if (event.kind == EventKind::kContactState && event.contact && type == ContactType::kUnknown) {
        type = event.contact->type;
    }
    if (event.kind == EventKind::kContactState && event.contact && !is_voice(event.contact->type)) {
        // No softphone session will end a chat or task: its snapshot state does.
        const std::string& state = event.contact->state;
        closed = closed || state == "ended" || state == "missed" || state == "rejected" || state == "error";
    }
    bytes += held_bytes(event);
    if (events.empty()) {
        // A call has a few dozen lines: growing from one slot would move them three more times.
        // Bounded: at most Limits::max_open_calls calls hold these slots at once.
        constexpr std::size_t kFirstSlots = 8;
        events.reserve(kFirstSlots);
    }
    events.push_back(std::move(event));
    return true;
}

}  // namespace whohungup::ccp
