// SPDX-License-Identifier: MIT
// The rows a held call has already read, by a hash of what they say (not where they were read),
// so the same row again (one file given twice, overlapping exports) adds nothing to the call.
#pragma once

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
        if (hashes_.size() >= kMaxKept) return hashes_.find(hash) == hashes_.end();
        return hashes_.insert(hash).second;
    }

private:
    std::unordered_set<std::uint64_t> hashes_;
};

}  // namespace whohungup::exports
