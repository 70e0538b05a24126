// SPDX-License-Identifier: MIT
#include "reconcile/call_table.h"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace whohungup::reconcile {

std::size_t CallTable::hash(std::uint16_t space, std::string_view id) {
    return std::hash<std::string_view>{}(id) ^ (std::size_t{space} * 0x9E3779B97F4A7C15ULL);
}

HeldCall CallTable::intern(std::string_view id) {
    HeldCall call;
    call.id_size = static_cast<std::uint32_t>(id.size());
    if (id.size() > kBlock / 4) {  // a long id gets a block of its own, so blocks stay dense
        blocks_.push_back(std::make_unique<char[]>(id.size()));
        call.id_block = static_cast<std::uint32_t>(blocks_.size() - 1);
        std::memcpy(blocks_.back().get(), id.data(), id.size());
        return call;
    }
    if (kBlock - block_used_ < id.size()) {
        blocks_.push_back(std::make_unique<char[]>(kBlock));
        last_block_ = static_cast<std::uint32_t>(blocks_.size() - 1);
        block_used_ = 0;
    }
    call.id_block = last_block_;
    call.id_at = block_used_;
    std::memcpy(blocks_[last_block_].get() + block_used_, id.data(), id.size());
    block_used_ += call.id_size;
    return call;
}

void CallTable::grow() {
    std::vector<std::uint32_t> bigger(index_.empty() ? 1024 : index_.size() * 2, 0);
    std::vector<std::uint16_t> bigger_tags(bigger.size(), 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t i = 0; i < calls_.size(); ++i) {
        const std::size_t h = hash(calls_[i].space, id(calls_[i]));
        std::size_t at = h & mask;
        while (bigger[at] != 0) {
            at = (at + 1) & mask;
        }
        bigger[at] = i + 1;
        bigger_tags[at] = tag(h);
    }
    index_ = std::move(bigger);
    tags_ = std::move(bigger_tags);
}

std::pair<std::uint32_t, bool> CallTable::find_or_add(std::uint16_t space, std::string_view id) {
    if ((calls_.size() + 1) * 2 > index_.size()) {  // at most half full: short probe runs
        if (calls_.size() >= UINT32_MAX - 1) {
            throw std::length_error("reconcile: more than 4 billion held calls");
        }
        grow();
    }
    const std::size_t mask = index_.size() - 1;
    const std::size_t h = hash(space, id);
    const std::uint16_t wanted = tag(h);
    std::size_t at = h & mask;
    while (index_[at] != 0) {
        if (tags_[at] == wanted) {
            const std::uint32_t found = index_[at] - 1;
            const HeldCall& call = calls_[found];
            if (call.space == space && this->id(call) == id) {
                return {found, false};
            }
        }
        at = (at + 1) & mask;
    }
    HeldCall added = intern(id);
    added.space = space;
    calls_.push_back(added);
    const auto index = static_cast<std::uint32_t>(calls_.size() - 1);
    index_[at] = index + 1;
    tags_[at] = wanted;
    return {index, true};
}

std::uint32_t CallTable::add_source(std::uint32_t index, const HeldSource& source) {
    sources_.push_back(source);
    const auto added = static_cast<std::uint32_t>(sources_.size() - 1);
    sources_.back().next = kNoSlot;
    std::uint32_t* link = &calls_[index].first_source;
    while (*link != kNoSlot) {
        link = &sources_[*link].next;
    }
    *link = added;
    return added;
}

}  // namespace whohungup::reconcile
