// SPDX-License-Identifier: MIT
#include "reconcile/reconciler.h"

#include <algorithm>

#include "reconcile/key_space.h"
#include "reconcile/merge.h"
#include "reconcile/winner.h"

namespace whohungup::reconcile {

bool Reconciler::held(std::string_view key_space) const {
    return hold_all_ || held_spaces_.contains(std::string(key_space));
}

std::uint32_t Reconciler::input_id(const std::string& name) {
    auto [it, inserted] = input_ids_.try_emplace(name, static_cast<std::uint32_t>(input_names_.size()));
    if (inserted) {
        input_names_.push_back(name);
        next_ordinal_.push_back(0);
    }
    return it->second;
}

void Reconciler::on_verdict(Verdict&& verdict) {
    const std::string_view space = role_of(verdict.source_format).key_space;
    if (!held(space) || verdict.contact_id.empty()) {  // a call without an id is the same as no other
        out_.on_verdict(std::move(verdict));
        return;
    }
    const std::uint32_t input = input_id(verdict.input);
    const std::uint64_t ordinal = next_ordinal_[input]++;
    auto& space_calls = calls_[std::string(space)];
    auto [it, inserted] = space_calls.try_emplace(verdict.contact_id);
    HeldCall& call = it->second;
    const Seen seen{input_names_[input], ordinal};
    if (inserted) {
        ++held_count_;
        call.first_input = input;
        call.first_ordinal = ordinal;
    } else if (seen.before(Seen{input_names_[call.first_input], call.first_ordinal})) {
        call.first_input = input;
        call.first_ordinal = ordinal;
    }
    for (Slot& slot : call.by_format) {
        if (slot.verdict.source_format == verdict.source_format) {
            if (replaces(verdict, seen, slot.verdict, Seen{input_names_[slot.input], slot.ordinal})) {
                slot = Slot{std::move(verdict), input, ordinal};
            }
            return;
        }
    }
    call.by_format.push_back(Slot{std::move(verdict), input, ordinal});
}

void Reconciler::flush(const std::function<bool(std::string_view key_space)>& due) {
    std::vector<HeldCall> ready;
    for (auto space = calls_.begin(); space != calls_.end();) {
        if (!due(space->first)) {
            ++space;
            continue;
        }
        for (auto& [id, call] : space->second) {
            ready.push_back(std::move(call));
        }
        space = calls_.erase(space);
    }
    std::sort(ready.begin(), ready.end(), [this](const HeldCall& a, const HeldCall& b) {
        return Seen{input_names_[a.first_input], a.first_ordinal}.before(
            Seen{input_names_[b.first_input], b.first_ordinal});
    });
    for (HeldCall& call : ready) {
        --held_count_;
        if (call.by_format.size() == 1) {
            out_.on_verdict(std::move(call.by_format.front().verdict));
            continue;
        }
        std::vector<Verdict> by_source;
        by_source.reserve(call.by_format.size());
        for (Slot& slot : call.by_format) {
            by_source.push_back(std::move(slot.verdict));
        }
        out_.on_verdict(merge_sources(std::move(by_source)));
    }
}

}  // namespace whohungup::reconcile
