// SPDX-License-Identifier: MIT
// `--agent-match REGEX`: the user's own rule for which party of a PBX or carrier record is the
// business (agent) side. Matched (RE2, unanchored) against a channel name, extension, number or
// client name: a party that matches is the agent; a party that does not, facing one that does, is
// the customer; when neither matches (or without a pattern) each platform's documented default
// applies (docs/platforms.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "whohungup/options.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace whohungup::exports {

class AgentMatch {
public:
    explicit AgentMatch(const std::string& pattern);
    ~AgentMatch();
    AgentMatch(const AgentMatch&) = delete;
    AgentMatch& operator=(const AgentMatch&) = delete;
    AgentMatch(AgentMatch&& other) noexcept;
    AgentMatch& operator=(AgentMatch&& other) noexcept;

    /// Whether a pattern was given.
    [[nodiscard]] bool active() const { return regex_ != nullptr; }
    /// With a pattern: whether `party` is the agent side. Without one: nullopt.
    [[nodiscard]] std::optional<bool> is_agent(std::string_view party) const;

private:
    std::unique_ptr<re2::RE2> regex_;
};

/// "" when `pattern` is a valid RE2 pattern that fits Limits::agent_match, else why not.
[[nodiscard]] std::string agent_pattern_error(const std::string& pattern);

/// The pattern held in `limits`, and setting it (cut to what fits; check agent_pattern_error first).
[[nodiscard]] std::string agent_pattern(const Limits& limits);
void set_agent_pattern(Limits& limits, std::string_view pattern);

}  // namespace whohungup::exports
