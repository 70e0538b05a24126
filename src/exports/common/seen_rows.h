// SPDX-License-Identifier: MIT
// The rows a held call has already read, by a hash of what they say (not where they were read),
// so the same row again (one file given twice, overlapping exports) adds nothing to the call.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_set>

namespace whohungup::exports {

class SeenRows {
public:
    /// Bounded: a call remembers this many rows at most (a real call has a few dozen), so a
    /// hostile input with one id on millions of rows costs no more than this per call.
    static constexpr std::size_t kMaxKept = 4096;

    /// True the first time `hash` is seen, and always once kMaxKept rows are remembered.
    [[nodiscard]] bool first_time(std::uint64_t hash) {
        for (std::size_t i = 0; i < std::min(count_, kInline); ++i) {
            if (first_[i] == hash) return false;
        }
        if (count_ < kInline) {
            first_[count_++] = hash;
            return true;
        }
        if (count_ >= kMaxKept) return rest_.find(hash) == rest_.end();
        if (!rest_.insert(hash).second) return false;
        ++count_;
        return true;
    }

private:
    /// Most calls have a handful of rows: those are kept inline, with no allocation (a hash set
    /// per call cost more than reading the rows did).
    static constexpr std::size_t kInline = 6;
    std::array<std::uint64_t, kInline> first_{};
    std::size_t count_ = 0;  ///< hashes remembered, inline and in rest_
    std::unordered_set<std::uint64_t> rest_;
};

}  // namespace whohungup::exports
