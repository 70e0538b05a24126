// SPDX-License-Identifier: MIT
#include "core/start_workers.h"

#include <algorithm>
#include <future>
#include <new>
#include <system_error>

namespace whohungup::detail {

std::vector<std::thread> start_workers(std::size_t wanted, const std::function<void()>& body) {
    // Threads wait at a gate until it is known how many may work: when the system refuses some,
    // it is short of threads or address space, and the work itself needs memory too, so only
    // half of those that started go on; the others end at once and give their stacks back.
    std::promise<std::size_t> open;  // the gate carries how many may work
    const std::shared_future<std::size_t> gate = open.get_future().share();
    std::vector<std::thread> started;
    try {
        started.reserve(wanted);
    } catch (const std::exception&) {
        // Room for the handles grows as threads start.
    }
    for (std::size_t i = 0; i < wanted; ++i) {
        try {
            started.emplace_back([i, gate, body] {
                if (i < gate.get()) {
                    body();
                }
            });
        } catch (const std::system_error&) {
            break;  // std::thread reports EAGAIN (no thread or no stack) as system_error
        } catch (const std::bad_alloc&) {
            break;
        }
    }
    const std::size_t usable = started.size() == wanted ? wanted : started.size() / 2;
    open.set_value(usable);
    for (std::size_t i = usable; i < started.size(); ++i) {
        started[i].join();
    }
    // Shrinking allocates nothing, so no joinable thread can be dropped by a failed allocation.
    started.erase(started.begin() + static_cast<std::ptrdiff_t>(usable), started.end());
    return started;
}

}  // namespace whohungup::detail
