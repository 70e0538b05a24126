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

bool replaces(const WinnerKey& incoming, const Seen& incoming_seen, const WinnerKey& held, const Seen& held_seen) {
    if (incoming.update != held.update) {
        return incoming.update > held.update;
    }
    if (incoming.completeness != held.completeness) {
        return incoming.completeness > held.completeness;
    }
    return incoming_seen.before(held_seen);
}

bool replaces(const Verdict& incoming, const Seen& incoming_seen, const Verdict& held, const Seen& held_seen) {
    return replaces(winner_key(incoming), incoming_seen, winner_key(held), held_seen);
}

}  // namespace whohungup::reconcile
