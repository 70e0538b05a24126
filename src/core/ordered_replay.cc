// SPDX-License-Identifier: MIT
#include "core/ordered_replay.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/start_workers.h"

namespace whohungup::detail {

void RecordedGroup::replay(VerdictSink& verdicts, DiagnosticSink& diagnostics) {
    for (auto& item : items) {
        if (auto* verdict = std::get_if<Verdict>(&item)) {
            verdicts.on_verdict(std::move(*verdict));
        } else {
            diagnostics.report(std::get<Diagnostic>(item));
        }
    }
    items.clear();
}

void run_ordered(const OrderedReplay& plan, const std::atomic<bool>& stop) {
    std::vector<std::unique_ptr<RecordedGroup>> done(plan.groups);
    std::mutex mutex;
    std::condition_variable ready;
    std::condition_variable room;
    std::size_t next = 0;
    std::size_t replayed = 0;
    std::size_t window = plan.jobs * 2;
    std::vector<std::thread> workers;
    const auto read_ahead = [&] {
        for (;;) {
            std::size_t mine = 0;
            {
                std::unique_lock<std::mutex> lock(mutex);
                room.wait(lock, [&] { return stop || next >= plan.groups || next < replayed + window; });
                if (stop || next >= plan.groups) return;
                mine = next++;
            }
            std::unique_ptr<RecordedGroup> recorded = plan.read(mine);
            {
                const std::lock_guard<std::mutex> lock(mutex);
                done[mine] = std::move(recorded);
            }
            ready.notify_all();
        }
    };
    {
        // Threads the system refuses (-j 100000, a low ulimit -v) are not an error: the run
        // goes on with those that started, or on this thread when none did.
        const std::lock_guard<std::mutex> lock(mutex);
        workers = start_workers(plan.jobs, read_ahead);
        window = std::max<std::size_t>(workers.size(), 1) * 2;
    }
    if (workers.size() < plan.jobs && plan.fewer_workers) {
        plan.fewer_workers(workers.size());
    }
    for (std::size_t i = 0; i < plan.groups && !stop; ++i) {
        std::unique_ptr<RecordedGroup> group;
        if (workers.empty()) {
            group = plan.read(i);
        } else {
            std::unique_lock<std::mutex> lock(mutex);
            ready.wait(lock, [&] { return done[i] != nullptr; });
            group = std::move(done[i]);
            replayed = i + 1;
        }
        room.notify_all();
        plan.replay(i, *group);
    }
    {
        const std::lock_guard<std::mutex> lock(mutex);  // a worker between its test and its wait
    }
    room.notify_all();  // after a -q stop, waiting workers see it and end
    for (std::thread& worker : workers) worker.join();
}

}  // namespace whohungup::detail
