// SPDX-License-Identifier: MIT
#include "exports/roles/agent_match.h"

#include <re2/re2.h>

#include <algorithm>

namespace whohungup::exports {

AgentMatch::AgentMatch(const std::string& pattern) {
    if (pattern.empty()) return;
    auto regex = std::make_unique<re2::RE2>(pattern, re2::RE2::Quiet);
    if (regex->ok()) regex_ = std::move(regex);  // the command line rejects a bad one first
}

AgentMatch::~AgentMatch() = default;
AgentMatch::AgentMatch(AgentMatch&&) noexcept = default;
AgentMatch& AgentMatch::operator=(AgentMatch&&) noexcept = default;

std::optional<bool> AgentMatch::is_agent(std::string_view party) const {
    if (regex_ == nullptr) return std::nullopt;
    return re2::RE2::PartialMatch(party, *regex_);
}

std::string agent_pattern_error(const std::string& pattern) {
    if (pattern.size() >= Limits{}.agent_match.size()) {
        return "longer than " + std::to_string(Limits{}.agent_match.size() - 1) + " bytes";
    }
    const re2::RE2 regex(pattern, re2::RE2::Quiet);
    return regex.ok() ? std::string() : regex.error();
}

std::string agent_pattern(const Limits& limits) {
    const auto& held = limits.agent_match;
    return {held.data(), static_cast<std::size_t>(std::find(held.begin(), held.end(), '\0') - held.begin())};
}

void set_agent_pattern(Limits& limits, std::string_view pattern) {
    auto& held = limits.agent_match;
    held.fill('\0');
    std::copy_n(pattern.begin(), std::min(pattern.size(), held.size() - 1), held.begin());
}

}  // namespace whohungup::exports
