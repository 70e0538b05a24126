// SPDX-License-Identifier: MIT
// -j: groups of inputs read on worker threads, their results handed on in input order on the
// calling thread, so the output of any -j is byte-identical to -j 1.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

#include "whohungup/diagnostic.h"
#include "whohungup/reader.h"
#include "whohungup/reporter.h"

namespace whohungup::detail {

/// What a group produced, in order, to be replayed on the calling thread.
struct RecordedGroup final : VerdictSink, DiagnosticSink {
    void on_verdict(Verdict&& verdict) override { items.emplace_back(std::move(verdict)); }
    void report(const Diagnostic& diagnostic) override { items.emplace_back(diagnostic); }
    /// Hands the recorded verdicts and messages on, in the order they came.
    void replay(VerdictSink& verdicts, DiagnosticSink& diagnostics);

    std::vector<std::variant<Verdict, Diagnostic>> items;
    std::vector<InputReport> reports;
};

struct OrderedReplay {
    std::size_t groups = 0;
    std::size_t jobs = 1;
    /// Reads group `index` (on a worker, or on the calling thread when no worker started).
    /// Must not throw: a worker that throws ends the process.
    std::function<std::unique_ptr<RecordedGroup>(std::size_t index)> read;
    /// Called on the calling thread for each group, in order.
    std::function<void(std::size_t index, RecordedGroup& group)> replay;
    /// Told how many workers started, before any replay, when fewer than `jobs` did.
    std::function<void(std::size_t started)> fewer_workers;
};

/// Runs it: workers read ahead, at most two groups per worker waiting to be replayed (memory
/// stays bounded whatever the number of inputs). Stops handing out groups once `stop` is set.
void run_ordered(const OrderedReplay& plan, const std::atomic<bool>& stop);

}  // namespace whohungup::detail
