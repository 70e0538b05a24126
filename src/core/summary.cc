// SPDX-License-Identifier: MIT
#include "whohungup/summary.h"

#include <fmt/format.h>

#include "core/time_format.h"

namespace whohungup {

void Summary::add(const Verdict& verdict) {
    ++total_;
    ++by_ended_by_[std::string(to_string(verdict.ended_by))];
    ++by_reason_[fmt::format("{}/{}", to_string(verdict.ended_by), verdict.reason)];
    ++by_agent_[verdict.agent_name.empty() ? (verdict.agent.empty() ? std::string("(none)") : verdict.agent)
                                           : verdict.agent_name];
    const std::int64_t when = verdict.ended_at_ms != kNoTime ? verdict.ended_at_ms : verdict.started_at_ms;
    ++by_day_[when == kNoTime ? std::string("(unknown)") : detail::format_day(when)];
    ++by_format_[verdict.source_format];
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
    add_all(by_day_, other.by_day_);
    add_all(by_format_, other.by_format_);
}

}  // namespace whohungup
