// SPDX-License-Identifier: MIT
// Counts of verdicts by who ended the call, reason, agent, day and source format. Summaries
// merge, so per-input or per-machine summaries add up to the whole.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup {

class Summary {
public:
    void add(const Verdict& verdict);
    void merge(const Summary& other);

    [[nodiscard]] std::uint64_t total() const { return total_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_ended_by() const { return by_ended_by_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_reason() const { return by_reason_; }
    /// Keyed by the agent's name where any verdict of the run gave it, else by the agent's id, so
    /// the same agent counts once whether or not each input carried the name.
    [[nodiscard]] std::map<std::string, std::uint64_t> by_agent() const;
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_day() const { return by_day_; }
    [[nodiscard]] const std::map<std::string, std::uint64_t>& by_format() const { return by_format_; }
    /// Calls whose sources disagree on who ended them (agreement "conflict").
    [[nodiscard]] std::uint64_t conflicts() const { return conflicts_; }

private:
    std::uint64_t total_ = 0;
    std::map<std::string, std::uint64_t> by_ended_by_;
    std::map<std::string, std::uint64_t> by_reason_;  ///< "ended_by/reason"
    std::map<std::string, std::uint64_t> by_agent_;   ///< by agent id (or name when no id)
    std::map<std::string, std::string> agent_names_;  ///< agent id -> name
    std::map<std::string, std::uint64_t> by_day_;     ///< UTC day of ended_at (or started_at)
    std::map<std::string, std::uint64_t> by_format_;
    std::uint64_t conflicts_ = 0;
};

}  // namespace whohungup
