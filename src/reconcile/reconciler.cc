// SPDX-License-Identifier: MIT
#include "reconcile/reconciler.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "reconcile/key_space.h"
#include "reconcile/merge.h"
#include "reconcile/verdict_codec.h"

namespace whohungup::reconcile {

std::uint16_t Interned::id(std::string_view name) {
    for (std::size_t i = 0; i < names_.size(); ++i) {
        if (names_[i] == name) {
            return static_cast<std::uint16_t>(i);
        }
    }
    if (names_.size() > std::numeric_limits<std::uint16_t>::max()) {
        throw std::length_error("reconcile: too many distinct formats or key spaces");
    }
    names_.emplace_back(name);
    return static_cast<std::uint16_t>(names_.size() - 1);
}

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
    const std::uint16_t space_id = spaces_.id(space);
    const auto [index, inserted] = table_.find_or_add(space_id, verdict.contact_id);
    if (inserted) {
        if (held_in_space_.size() <= space_id) {
            held_in_space_.resize(space_id + std::size_t{1}, 0);
        }
        ++held_in_space_[space_id];
    }
    {
        HeldCall& call = table_.call(index);
        if (inserted || seen(input, ordinal).before(seen(call.first_input, call.first_ordinal))) {
            call.first_input = input;
            call.first_ordinal = ordinal;
        }
    }
    const WinnerKey key = winner_key(verdict);
    HeldSource incoming;
    incoming.update = key.update;
    incoming.completeness = static_cast<std::uint8_t>(key.completeness);
    incoming.ordinal = ordinal;
    incoming.input = input;
    incoming.format = formats_.id(verdict.source_format);
    const auto spill = [&] {
        encoded_.clear();
        encode_verdict(verdict, encoded_);
        return spill_.append(encoded_);
    };
    for (std::uint32_t at = table_.call(index).first_source; at != kNoSlot; at = table_.source(at).next) {
        HeldSource& held_source = table_.source(at);
        if (held_source.format == incoming.format) {
            if (replaces(key, seen(input, ordinal), held_source.key(), seen(held_source.input, held_source.ordinal))) {
                incoming.next = held_source.next;
                incoming.place = spill();  // the loser's bytes stay in the file, unreferenced
                held_source = incoming;
            }
            return;
        }
    }
    incoming.place = spill();
    table_.add_source(index, incoming);
}

Verdict Reconciler::read_back(const HeldSource& source) {
    return decode_verdict(spill_.read(source.place));
}

void Reconciler::emit(const HeldCall& call) {
    const HeldSource& first = table_.source(call.first_source);
    if (first.next == kNoSlot) {
        out_.on_verdict(read_back(first));
        return;
    }
    std::vector<Verdict> by_source;
    for (std::uint32_t at = call.first_source; at != kNoSlot; at = table_.source(at).next) {
        by_source.push_back(read_back(table_.source(at)));
    }
    out_.on_verdict(merge_sources(std::move(by_source)));
}

void Reconciler::flush(const std::function<bool(std::string_view key_space)>& due) {
    std::vector<bool> space_due(held_in_space_.size(), false);
    bool any_due = false;
    for (std::size_t space = 0; space < held_in_space_.size(); ++space) {
        if (held_in_space_[space] > 0 && due(spaces_.name(static_cast<std::uint16_t>(space)))) {
            space_due[space] = true;
            any_due = true;
        }
    }
    if (!any_due) {
        return;
    }
    std::vector<std::uint32_t> ready;
    std::vector<std::uint32_t> kept;
    for (std::uint32_t i = 0; i < table_.size(); ++i) {
        (space_due[table_.call(i).space] ? ready : kept).push_back(i);
    }
    for (std::size_t space = 0; space < space_due.size(); ++space) {
        if (space_due[space]) {
            held_in_space_[space] = 0;
        }
    }
    // Seen::before orders inputs by name; ranking the names once lets the sort compare integers.
    std::vector<std::uint32_t> by_name(input_names_.size());
    std::iota(by_name.begin(), by_name.end(), 0U);
    std::sort(by_name.begin(), by_name.end(),
              [this](std::uint32_t a, std::uint32_t b) { return input_names_[a] < input_names_[b]; });
    std::vector<std::uint32_t> rank(input_names_.size());
    for (std::uint32_t i = 0; i < by_name.size(); ++i) {
        rank[by_name[i]] = i;
    }
    const auto first_seen_before = [&](std::uint32_t a, std::uint32_t b) {
        const HeldCall& call_a = table_.call(a);
        const HeldCall& call_b = table_.call(b);
        const std::uint32_t rank_a = rank[call_a.first_input];
        const std::uint32_t rank_b = rank[call_b.first_input];
        return rank_a != rank_b ? rank_a < rank_b : call_a.first_ordinal < call_b.first_ordinal;
    };
    if (!std::is_sorted(ready.begin(), ready.end(), first_seen_before)) {  // one input: already in order
        std::sort(ready.begin(), ready.end(), first_seen_before);
    }
    for (const std::uint32_t index : ready) {
        emit(table_.call(index));
    }
    // The calls of spaces not yet due move to a fresh table; their verdicts stay where they are in
    // the file, which is emptied only once nothing is held.
    CallTable rest;
    for (const std::uint32_t index : kept) {
        const HeldCall& call = table_.call(index);
        const auto [moved, inserted] = rest.find_or_add(call.space, table_.id(call));
        HeldCall& copy = rest.call(moved);
        copy.first_input = call.first_input;
        copy.first_ordinal = call.first_ordinal;
        for (std::uint32_t at = call.first_source; at != kNoSlot; at = table_.source(at).next) {
            rest.add_source(moved, table_.source(at));
        }
    }
    table_ = std::move(rest);
    if (table_.size() == 0) {
        spill_.clear();
    }
}

}  // namespace whohungup::reconcile
