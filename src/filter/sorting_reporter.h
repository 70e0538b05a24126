// SPDX-License-Identifier: MIT
// --sort: holds every verdict of the run (memory grows with the calls reported, which is why
// this is only used when asked) and hands them to the real reporter in order at the end, then
// the per-input records, then the summary.
#pragma once

#include <memory>

#include "whohungup/options.h"
#include "whohungup/reporter.h"

namespace whohungup {

/// Ties keep the order the calls were reported in (input order). Calls without the sort key's
/// value (no time, no agent) come last either way.
[[nodiscard]] std::unique_ptr<Reporter> make_sorting_reporter(SortKey key, bool descending, Reporter& inner);

}  // namespace whohungup
