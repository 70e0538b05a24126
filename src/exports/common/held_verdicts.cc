// SPDX-License-Identifier: MIT
#include "exports/common/held_verdicts.h"

#include <algorithm>
#include <vector>

#include "reconcile/verdict_codec.h"

namespace whohungup::exports {

void HeldVerdicts::offer(std::string_view id, int rank, const Verdict& verdict) {
    auto [it, inserted] = held_.try_emplace(std::string(id));
    if (!inserted && rank < it->second.rank) {
        return;
    }
    encoded_.clear();
    reconcile::encode_verdict(verdict, encoded_);
    it->second.place = spill_.append(encoded_);  // a replaced record's bytes stay, unread
    it->second.rank = rank;
    if (inserted) {
        it->second.order = ++arrivals_;
    }
}

void HeldVerdicts::drain(VerdictSink& out) {
    std::vector<const Held*> ordered;
    ordered.reserve(held_.size());
    for (const auto& [id, held] : held_) {
        ordered.push_back(&held);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Held* a, const Held* b) { return a->order < b->order; });
    for (const Held* held : ordered) {
        out.on_verdict(reconcile::decode_verdict(spill_.read(held->place)));
    }
    held_.clear();
    spill_.clear();
}

}  // namespace whohungup::exports
