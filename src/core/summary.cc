// SPDX-License-Identifier: MIT
#include "whohungup/summary.h"

#include <fmt/format.h>

#include "core/time_format.h"

namespace whohungup {

void Summary::add(const Verdict& verdict) {
    ++total_;
    ++by_ended_by_[std::string(to_string(verdict.ended_by))];
    ++by_reason_[fmt::format("{}/{}", to_string(verdict.ended_by), verdict.reason)];
    const std::string& id = verdict.agent.empty() ? verdict.agent_name : verdict.agent;
    ++by_agent_[id.empty() ? std::string("(none)") : id];
    if (!verdict.agent.empty() && !verdict.agent_name.empty()) {
        agent_names_.emplace(verdict.agent, verdict.agent_name);
    }
    const std::int64_t when = verdict.ended_at_ms != kNoTime ? verdict.ended_at_ms : verdict.started_at_ms;
    ++by_day_[when == kNoTime ? std::string("(unknown)") : detail::format_day(when)];
    ++by_format_[verdict.source_format];
    conflicts_ += verdict.agreement == Agreement::kConflict ? 1 : 0;
}

void Summary::merge(const Summary& other) {
    total_ += other.total_;
    auto add_all = [](std::map<std::string, std::uint64_t>& into, const std::map<std::string, std::uint64_t>& from) {
        for (const auto& [key, count] : from) {
            into[key] += count;
        }
    };
    add_all(by_ended_by_, other.by_ended_by_);
    add_all(by_reason_, other.by_reason_);
    add_all(by_agent_, other.by_agent_);
    agent_names_.insert(other.agent_names_.begin(), other.agent_names_.end());
    add_all(by_day_, other.by_day_);
    add_all(by_format_, other.by_format_);
    conflicts_ += other.conflicts_;
}

std::map<std::string, std::uint64_t> Summary::by_agent() const {
    std::map<std::string, std::uint64_t> out;
    for (const auto& [id, count] : by_agent_) {
        const auto name = agent_names_.find(id);
        out[name != agent_names_.end() ? name->second : id] += count;
    }
    return out;
}

}  // namespace whohungup
