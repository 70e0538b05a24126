// SPDX-License-Identifier: MIT
// The reconcile stage's compact state: per held call, its interned id, where it was first met, and
// per source format the winner rule's keys and where the winning verdict is in the spill file
// (reconcile/spill_file.h). Nothing here grows with the size of a record: a call costs its id's
// bytes plus fixed-size entries (docs/reconcile.md, "Memory"). Ids live in an arena of large
// blocks, entries in deques (no doubling slack), the index is open addressing over 32-bit slots.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "reconcile/spill_file.h"
#include "reconcile/winner.h"

namespace whohungup::reconcile {

inline constexpr std::uint32_t kNoSlot = UINT32_MAX;

/// The winning record of one source format of a call.
struct HeldSource {
    SpillFile::Place place;  ///< the whole verdict
    std::int64_t update = kNoTime;
    std::uint64_t ordinal = 0;     ///< among its input's verdicts
    std::uint32_t input = 0;       ///< the reconciler's input index
    std::uint32_t next = kNoSlot;  ///< the call's next source, in order of first appearance
    std::uint16_t format = 0;      ///< the reconciler's format index
    std::uint8_t completeness = 0;

    [[nodiscard]] WinnerKey key() const { return WinnerKey{update, completeness}; }
};

struct HeldCall {
    std::uint32_t id_block = 0;
    std::uint32_t id_at = 0;
    std::uint32_t id_size = 0;
    std::uint32_t first_input = 0;  ///< where the call was first met (orders the output)
    std::uint64_t first_ordinal = 0;
    std::uint32_t first_source = kNoSlot;
    std::uint16_t space = 0;  ///< the reconciler's key-space index
};

class CallTable {
public:
    /// The index of the call (space, id), and whether it was added now (its fields then zero, no
    /// source yet).
    [[nodiscard]] std::pair<std::uint32_t, bool> find_or_add(std::uint16_t space, std::string_view id);

    [[nodiscard]] HeldCall& call(std::uint32_t index) { return calls_[index]; }
    [[nodiscard]] const HeldCall& call(std::uint32_t index) const { return calls_[index]; }
    [[nodiscard]] HeldSource& source(std::uint32_t index) { return sources_[index]; }
    [[nodiscard]] const HeldSource& source(std::uint32_t index) const { return sources_[index]; }
    /// Appends `source` as the last source of call `index`; returns the source's index.
    std::uint32_t add_source(std::uint32_t index, const HeldSource& source);

    [[nodiscard]] std::string_view id(const HeldCall& call) const {
        return {blocks_[call.id_block].get() + call.id_at, call.id_size};
    }
    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(calls_.size()); }

private:
    [[nodiscard]] static std::size_t hash(std::uint16_t space, std::string_view id);
    /// The hash's top 16 bits (the index uses its low bits), whatever the width of size_t.
    [[nodiscard]] static std::uint16_t tag(std::size_t hash) {
        return static_cast<std::uint16_t>(hash >> (sizeof(std::size_t) * 8U - 16U));
    }
    [[nodiscard]] HeldCall intern(std::string_view id);
    void grow();

    static constexpr std::uint32_t kBlock = 1U << 20;  ///< arena block; longer ids get their own

    std::vector<std::unique_ptr<char[]>> blocks_;
    std::uint32_t block_used_ = kBlock;  ///< bytes used in the last normal block
    std::uint32_t last_block_ = 0;       ///< index of the last normal block
    std::deque<HeldCall> calls_;
    std::deque<HeldSource> sources_;
    std::vector<std::uint32_t> index_;  ///< call index + 1, 0 when free; size a power of two
    /// The top bits of each used slot's hash: a probe compares ids only when these match, so passing
    /// an occupied slot costs no visit to the call and its id (two cache misses).
    std::vector<std::uint16_t> tags_;
};

}  // namespace whohungup::reconcile
