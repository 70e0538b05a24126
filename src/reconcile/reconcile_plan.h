// SPDX-License-Identifier: MIT
// Decided at plan time, from the formats of the input groups: which key spaces the reconcile
// stage holds (those more than one group can produce, or whose reader can repeat a call; every
// space once a whohungup JSON Lines input is given) and after which group each space is complete.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "reconcile/reconciler.h"

namespace whohungup::reconcile {

class ReconcilePlan {
public:
    /// The last group that can produce verdicts of `key_space`: after it, the space's calls are
    /// complete.
    [[nodiscard]] std::size_t last_group_of(std::string_view key_space) const;

private:
    friend ReconcilePlan plan_reconcile(std::span<const std::string_view> group_formats, Reconciler& reconciler);
    std::unordered_map<std::string, std::size_t> last_group_;
    bool any_space_ = false;  ///< some group can produce verdicts of any key space
    std::size_t last_any_ = 0;
};

/// `group_formats[i]` is the reader name of group i (empty when its inputs failed to open). Tells
/// `reconciler` what to hold.
[[nodiscard]] ReconcilePlan plan_reconcile(std::span<const std::string_view> group_formats, Reconciler& reconciler);

}  // namespace whohungup::reconcile
