// SPDX-License-Identifier: MIT
// The verdicts a reader must hold until its input ends, one per call id: the best-ranked record of
// each call, where the format itself says which record of a call is final (a complete Twilio
// summary over a partial one over a Call resource). Memory holds the id, the rank and the order of
// arrival; the verdicts wait in a temporary file (reconcile/spill_file.h), so a reader's memory
// does not grow with record size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "reconcile/spill_file.h"
#include "whohungup/reader.h"
#include "whohungup/verdict.h"

namespace whohungup::exports {

class HeldVerdicts {
public:
    /// Holds `verdict` as call `id`'s unless a record of higher rank is held. On equal ranks the
    /// later record wins; the call keeps its first arrival's place in the output.
    void offer(std::string_view id, int rank, const Verdict& verdict);
    /// Emits every held verdict in order of its call's first arrival, then forgets them.
    void drain(VerdictSink& out);
    [[nodiscard]] std::size_t size() const { return held_.size(); }

private:
    struct Held {
        reconcile::SpillFile::Place place;
        int rank = 0;
        std::uint64_t order = 0;
    };
    std::unordered_map<std::string, Held> held_;
    reconcile::SpillFile spill_;
    std::string encoded_;
    std::uint64_t arrivals_ = 0;
};

}  // namespace whohungup::exports
