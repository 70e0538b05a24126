// SPDX-License-Identifier: MIT
// Starting worker threads without letting a refusal abort the run.
#pragma once

#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace whohungup::detail {

/// Starts up to `wanted` threads running `body`. The system may refuse some (a thread limit, a
/// low ulimit -v for their stacks): then half of those that started are kept, to leave memory
/// for the work, and returned, possibly none; the caller goes on with them. Each thread runs
/// its own copy of `body`.
[[nodiscard]] std::vector<std::thread> start_workers(std::size_t wanted, const std::function<void()>& body);

}  // namespace whohungup::detail
