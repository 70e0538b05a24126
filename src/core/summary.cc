// SPDX-License-Identifier: MIT
#include "whohungup/summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/time_format.h"

namespace whohungup {

namespace {

void add_all(std::map<std::string, std::uint64_t>& into, const std::map<std::string, std::uint64_t>& from) {
    for (const auto& [key, count] : from) {
        into[key] += count;
    }
}

/// "00".."23" of `ms`, in UTC or in the process's local time zone.
std::string hour_of(std::int64_t ms, bool local) {
    if (!local) {
        constexpr std::int64_t kMsPerHour = 3600000;
        constexpr std::int64_t kHoursPerDay = 24;
        // Floored without overflow, for any time a caller passes (down to INT64_MIN + 1).
        const std::int64_t hours = ms / kMsPerHour - (ms % kMsPerHour < 0 ? 1 : 0);
        return fmt::format("{:02}", ((hours % kHoursPerDay) + kHoursPerDay) % kHoursPerDay);
    }
    const auto seconds = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
    std::tm parts{};
    if (::localtime_r(&seconds, &parts) == nullptr) {
        return "(unknown)";
    }
    return fmt::format("{:02}", parts.tm_hour);
}

}  // namespace

bool is_connected(Category category) {
    return category == Category::kHangup || category == Category::kFailure || category == Category::kTransfer;
}

bool is_never_connected(Category category) {
    return category == Category::kNotConnected || category == Category::kAbandoned;
}

void DurationHistogram::add(std::int64_t ms) {
    const std::int64_t seconds = std::clamp<std::int64_t>(ms / 1000, 0, kMaxSeconds);
    ++buckets_[seconds];
    ++count_;
}

void DurationHistogram::merge(const DurationHistogram& other) {
    for (const auto& [seconds, count] : other.buckets_) {
        buckets_[seconds] += count;
    }
    count_ += other.count_;
}

std::optional<std::int64_t> DurationHistogram::quantile_s(double q) const {
    if (count_ == 0) {
        return std::nullopt;
    }
    // Nearest rank: the ceil(q * n)-th smallest duration (1-based), at least the first.
    const auto rank =
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
    std::uint64_t seen = 0;
    for (const auto& [seconds, count] : buckets_) {
        seen += count;
        if (seen >= rank) {
            return seconds;
        }
    }
    return buckets_.rbegin()->first;
}

std::optional<double> AgentSummary::rate(std::uint64_t count) const {
    if (connected == 0) {
        return std::nullopt;
    }
    return static_cast<double>(count) / static_cast<double>(connected);
}

void AgentSummary::merge(const AgentSummary& other) {
    if (agent_name.empty()) {
        agent_name = other.agent_name;
    }
    calls += other.calls;
    connected += other.connected;
    for (std::size_t i = 0; i < ended_by.size(); ++i) {
        ended_by.at(i) += other.ended_by.at(i);
    }
    for (std::size_t i = 0; i < category.size(); ++i) {
        category.at(i) += other.category.at(i);
    }
    agent_hangups += other.agent_hangups;
    customer_hangups += other.customer_hangups;
    dropped += other.dropped;
}

void Summary::add(const Verdict& verdict) {
    ++total_;
    const std::string ended_by(to_string(verdict.ended_by));
    ++by_ended_by_[ended_by];
    ++by_reason_[fmt::format("{}/{}", ended_by, to_string(verdict.reason))];
    ++by_category_[std::string(to_string(verdict.category))];
    ++by_confidence_[std::string(to_string(verdict.confidence))];
    ++by_channel_[std::string(to_string(verdict.channel))];
    ++by_format_[verdict.source_format];
    const std::int64_t when = verdict.ended_at_ms != kNoTime ? verdict.ended_at_ms : verdict.started_at_ms;
    ++by_day_[when == kNoTime ? std::string("(unknown)") : detail::format_day(when)];
    ++by_hour_[when == kNoTime ? std::string("(unknown)") : hour_of(when, !hour_zone_.empty())];
    if (verdict.agreement == Agreement::kConflict) {
        ++conflicts_;
    }
    const bool connected = is_connected(verdict.category);
    if (verdict.category == Category::kFailure) {
        ++dropped_[ended_by];
    }
    if (is_never_connected(verdict.category)) {
        ++never_connected_[ended_by];
    }
    if (const std::optional<std::int64_t> ms = verdict.duration_ms()) {
        durations_.at(static_cast<std::size_t>(verdict.ended_by)).add(*ms);
    }

    const std::string& id = verdict.agent.empty() ? verdict.agent_name : verdict.agent;
    AgentSummary& agent = by_agent_[id.empty() ? std::string("(none)") : id];
    if (agent.agent_name.empty()) {
        agent.agent_name = verdict.agent_name;
    }
    ++agent.calls;
    ++agent.ended_by.at(static_cast<std::size_t>(verdict.ended_by));
    ++agent.category.at(static_cast<std::size_t>(verdict.category));
    if (connected) {
        ++agent.connected;
        // A hang-up, not a transfer: an agent who transfers a call did not hang up on the customer.
        const bool hangup = verdict.category == Category::kHangup;
        agent.agent_hangups += hangup && verdict.ended_by == Party::kAgent ? 1 : 0;
        agent.customer_hangups += hangup && verdict.ended_by == Party::kCustomer ? 1 : 0;
        agent.dropped += verdict.category == Category::kFailure ? 1 : 0;
    }
}

void Summary::merge(const Summary& other) {
    total_ += other.total_;
    conflicts_ += other.conflicts_;
    inputs_skipped_ += other.inputs_skipped_;
    add_all(by_ended_by_, other.by_ended_by_);
    add_all(by_reason_, other.by_reason_);
    add_all(by_category_, other.by_category_);
    add_all(by_confidence_, other.by_confidence_);
    add_all(by_channel_, other.by_channel_);
    add_all(by_hour_, other.by_hour_);
    add_all(by_day_, other.by_day_);
    add_all(by_format_, other.by_format_);
    add_all(dropped_, other.dropped_);
    add_all(never_connected_, other.never_connected_);
    for (const auto& [key, agent] : other.by_agent_) {
        by_agent_[key].merge(agent);
    }
    for (std::size_t i = 0; i < durations_.size(); ++i) {
        durations_.at(i).merge(other.durations_.at(i));
    }
}

}  // namespace whohungup
