// SPDX-License-Identifier: MIT
#include "filter/verdict_filter.h"

#include <algorithm>

namespace whohungup {

namespace {

template <typename T>
bool allowed(const std::vector<T>& values, const T& value) {
    return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::int64_t filter_time(const Verdict& verdict) {
    return verdict.ended_at_ms != kNoTime ? verdict.ended_at_ms : verdict.started_at_ms;
}

bool VerdictFilter::keep(const Verdict& verdict) const {
    if (!allowed(who_, verdict.ended_by) || !allowed(select_.categories, verdict.category) ||
        !allowed(select_.channels, verdict.channel) || !allowed(select_.reasons, verdict.reason)) {
        return false;
    }
    if (!select_.agents.empty() &&
        std::none_of(select_.agents.begin(), select_.agents.end(), [&](const std::string& agent) {
            return agent == verdict.agent || (!verdict.agent_name.empty() && agent == verdict.agent_name);
        })) {
        return false;
    }
    if (select_.since_ms != kNoTime || select_.until_ms != kNoTime) {
        const std::int64_t when = filter_time(verdict);
        if (when == kNoTime || (select_.since_ms != kNoTime && when < select_.since_ms) ||
            (select_.until_ms != kNoTime && when >= select_.until_ms)) {
            return false;
        }
    }
    return true;
}

}  // namespace whohungup
