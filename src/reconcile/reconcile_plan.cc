// SPDX-License-Identifier: MIT
#include "reconcile/reconcile_plan.h"

#include <algorithm>

#include "reconcile/key_space.h"

namespace whohungup::reconcile {

std::size_t ReconcilePlan::last_group_of(std::string_view key_space) const {
    std::size_t last = any_space_ ? last_any_ : 0;
    const auto it = last_group_.find(std::string(key_space));
    if (it != last_group_.end()) {
        last = std::max(last, it->second);
    }
    return last;
}

ReconcilePlan plan_reconcile(std::span<const std::string_view> group_formats, Reconciler& reconciler) {
    ReconcilePlan plan;
    std::unordered_map<std::string, std::size_t> groups_per_space;
    for (std::size_t i = 0; i < group_formats.size(); ++i) {
        const std::string_view format = group_formats[i];
        if (format.empty()) {
            continue;
        }
        if (carries_any_key_space(format)) {
            plan.any_space_ = true;
            plan.last_any_ = i;
            continue;
        }
        const FormatRole role = role_of(format);
        const std::string space(role.key_space);
        plan.last_group_[space] = i;
        if (++groups_per_space[space] > 1 || !role.one_per_call) {
            reconciler.hold(space);
        }
    }
    if (plan.any_space_) {
        reconciler.hold_every_space();
    }
    return plan;
}

}  // namespace whohungup::reconcile
