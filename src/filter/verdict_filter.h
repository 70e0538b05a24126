// SPDX-License-Identifier: MIT
// Which verdicts a run reports and summarises: --who, --since/--until, --agent, --reason,
// --category and --channel, all of which must hold (each list keeps any of its values).
#pragma once

#include "whohungup/options.h"
#include "whohungup/verdict.h"

namespace whohungup {

class VerdictFilter {
public:
    explicit VerdictFilter(const Options& options) : who_(options.who), select_(options.select) {}

    [[nodiscard]] bool keep(const Verdict& verdict) const;

private:
    std::vector<Party> who_;
    Selection select_;
};

/// The time --since and --until compare: ended_at, else started_at, else kNoTime (such a call
/// is dropped by either bound: it cannot be placed in the window).
[[nodiscard]] std::int64_t filter_time(const Verdict& verdict);

}  // namespace whohungup
