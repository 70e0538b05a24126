// SPDX-License-Identifier: MIT
#include "reconcile/winner.h"

#include <algorithm>

namespace whohungup::reconcile {

std::int64_t update_time(const Verdict& verdict) {
    std::int64_t latest = std::max(verdict.ended_at_ms, verdict.started_at_ms);  // kNoTime is the minimum
    for (const Evidence& line : verdict.evidence) {
        latest = std::max(latest, line.time_ms);
    }
    return latest;
}

int completeness(const Verdict& verdict) {
    return (verdict.category != Category::kInProgress ? 4 : 0) + (verdict.ended_by != Party::kUnknown ? 2 : 0) +
           (verdict.ended_at_ms != kNoTime ? 1 : 0);
}

bool replaces(const Verdict& incoming, const Seen& incoming_seen, const Verdict& held, const Seen& held_seen) {
    const std::int64_t incoming_update = update_time(incoming);
    const std::int64_t held_update = update_time(held);
    if (incoming_update != held_update) {
        return incoming_update > held_update;
    }
    const int incoming_complete = completeness(incoming);
    const int held_complete = completeness(held);
    if (incoming_complete != held_complete) {
        return incoming_complete > held_complete;
    }
    return incoming_seen.before(held_seen);
}

}  // namespace whohungup::reconcile
