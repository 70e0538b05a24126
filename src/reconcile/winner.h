// SPDX-License-Identifier: MIT
// The one rule for which record of a call wins when one source gives the same call more than once
// (overlapping exports, the same file twice, webhook events of one call): the latest update, then
// the most complete, then the first seen. "First seen" is by input name, then position in the
// input, so the winner does not depend on the order the inputs were given in.
#pragma once

#include <cstdint>
#include <string_view>

#include "whohungup/verdict.h"

namespace whohungup::reconcile {

/// Where a record was met: its input's name and its ordinal among that input's verdicts.
struct Seen {
    std::string_view input;
    std::uint64_t ordinal = 0;

    [[nodiscard]] bool before(const Seen& other) const {
        return input != other.input ? input < other.input : ordinal < other.ordinal;
    }
};

/// The latest time a record speaks of (its end, its start, its evidence), or kNoTime.
[[nodiscard]] std::int64_t update_time(const Verdict& verdict);

/// How much of the call a record settles: over before in progress, a known party before
/// unknown, an end time before none.
[[nodiscard]] int completeness(const Verdict& verdict);

/// What the rule needs of a record, so that a held call keeps these and not the whole verdict.
struct WinnerKey {
    std::int64_t update = kNoTime;  ///< update_time()
    int completeness = 0;           ///< completeness()
};
[[nodiscard]] inline WinnerKey winner_key(const Verdict& verdict) {
    return WinnerKey{update_time(verdict), completeness(verdict)};
}

/// True when a record of key `incoming` (met at `incoming_seen`) should replace the held one.
[[nodiscard]] bool replaces(const WinnerKey& incoming,
                            const Seen& incoming_seen,
                            const WinnerKey& held,
                            const Seen& held_seen);

/// The same, from the records themselves.
[[nodiscard]] bool replaces(const Verdict& incoming,
                            const Seen& incoming_seen,
                            const Verdict& held,
                            const Seen& held_seen);

}  // namespace whohungup::reconcile
