// SPDX-License-Identifier: MIT
// Plan (expand inputs, detect each format from its first bytes, group one agent's CCP logs),
// then read the groups, several at once with -j, and hand their results to the reporter in input
// order, so the output of any -j is byte-identical to -j 1.
#include "whohungup/run.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>

#include "core/input_list.h"
#include "core/ordered_replay.h"
#include "core/sniff_head.h"
#include "filter/early_stop.h"
#include "filter/verdict_filter.h"
#include "reconcile/reconcile_plan.h"
#include "reconcile/reconciler.h"

namespace whohungup {

namespace {

/// Bytes looked at to recognise a format and find an agent id.
constexpr std::size_t kSniffBytes = std::size_t{64} << 10;

/// Counts errors, drops warnings in quiet mode, says once-per-run messages once, and keeps the
/// progress line from mixing with messages.
class RunDiagnostics final : public DiagnosticSink {
public:
    RunDiagnostics(DiagnosticSink& inner, bool quiet) : inner_(inner), quiet_(quiet) {}
    void report(const Diagnostic& diagnostic) override {
        if (stop_ != nullptr && stop_->load()) {
            return;  // -q stopped reading: what the cut-short readers say is not about the inputs
        }
        if (diagnostic.severity == Severity::kError) {
            ++errors_;
        } else if (quiet_) {
            return;
        }
        if (!diagnostic.once_key.empty() && !said_.insert(diagnostic.once_key).second) {
            return;
        }
        if (clear_progress_) {
            clear_progress_();
        }
        inner_.report(diagnostic);
    }
    [[nodiscard]] std::uint64_t errors() const { return errors_; }
    std::function<void()> clear_progress_;
    const std::atomic<bool>* stop_ = nullptr;

private:
    DiagnosticSink& inner_;
    bool quiet_;
    std::uint64_t errors_ = 0;
    std::set<std::string> said_;
};

/// Applies the filters (--who, --since, ...), feeds the summary, and forwards to the reporter.
/// With -q the first reported call raises `stop`.
class FilteringSink final : public VerdictSink {
public:
    FilteringSink(const Options& options, Reporter& reporter, Summary* summary)
        : options_(options), filter_(options), reporter_(reporter), summary_(summary) {}

    void on_verdict(Verdict&& verdict) override {
        if (!filter_.keep(verdict)) {
            return;
        }
        ++reported_;
        if (options_.quiet) {
            stop.store(true);
        }
        if (summary_ != nullptr) {
            summary_->add(verdict);
        }
        if (!options_.summary && !options_.count && !options_.quiet) {  // quiet: nothing is formatted
            reporter_.on_verdict(verdict);
        }
    }
    std::atomic<bool> stop{false};

    [[nodiscard]] std::uint64_t reported() const { return reported_; }

private:
    const Options& options_;
    VerdictFilter filter_;
    Reporter& reporter_;
    Summary* summary_;
    std::uint64_t reported_ = 0;
};

/// Counts the verdicts decided from each input (before the reconcile stage merges them) for
/// input_end, then hands them on.
class PerInputCount final : public VerdictSink {
public:
    explicit PerInputCount(VerdictSink& next) : next_(next) {}
    void on_verdict(Verdict&& verdict) override {
        ++per_input_[verdict.input];
        ++group_;
        next_.on_verdict(std::move(verdict));
    }
    /// Verdicts since the last end_group(): all of a one-input group's, whatever input they
    /// name (verdicts read back from JSON Lines name the inputs they were first decided from).
    [[nodiscard]] std::uint64_t group_count() const { return group_; }
    void end_group() {
        group_ = 0;
        per_input_.clear();
    }

    std::uint64_t take_count(const std::string& input) {
        auto it = per_input_.find(input);
        if (it == per_input_.end()) {
            return 0;
        }
        const std::uint64_t count = it->second;
        per_input_.erase(it);
        return count;
    }

private:
    VerdictSink& next_;
    std::unordered_map<std::string, std::uint64_t> per_input_;
    std::uint64_t group_ = 0;
};

struct PlannedInput {
    detail::InputSpec spec;
    const ReaderKind* kind = nullptr;
    std::unique_ptr<ByteSource> kept_open;  ///< stdin / FIFO: bytes can be read only once
    bool failed = false;
    bool unrecognised = false;  ///< met in a directory walk and matching no format: skipped, not failed
    std::uint64_t size = 0;     ///< bytes on disk, for progress
    /// A named FIFO or device: opening it can block until a writer comes, so it is opened at its
    /// turn (its own group), after every input before it is read and reported.
    bool deferred = false;
};

std::string no_format_message(std::string_view head) {
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && head[first] == '{') {
        return "a JSON object that matches no known format (a CCP log is a JSON array of entries; see "
               "--list-formats)";
    }
    return "not a recognised log format (see --list-formats)";
}

/// A file met in a directory walk that matches no format (a README, an empty file) is noted once
/// and skipped: a log folder holds such files, and they say nothing about the calls.
bool skip_unrecognised(PlannedInput& input, std::string_view head, DiagnosticSink& diag) {
    if (sniff_reader_kind(head) != nullptr) {
        return false;
    }
    const std::string_view body = head.substr(head.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    const std::string why =
        body.find_first_not_of(" \t\r\n") == std::string_view::npos
            ? std::string(head.empty() ? "empty input" : "nothing but a byte-order mark or whitespace")
            : no_format_message(head);
    diag.report(Diagnostic::warning(input.spec.name, "skipped (met in a directory): " + why));
    input.unrecognised = true;
    input.failed = true;
    return true;
}

/// Opens an input and decides its format. Errors are reported; the input is then marked failed.
void plan_input(PlannedInput& input, const Options& options, DiagnosticSink& diag, std::string& group_key) {
    std::string error;
    std::unique_ptr<ByteSource> source = ByteSource::open(input.spec.name, error);
    if (!source) {
        diag.report(Diagnostic::error(input.spec.name, error));
        input.failed = true;
        return;
    }
    std::string_view head = detail::sniff_head(*source, kSniffBytes, options.limits.max_entry_bytes);
    const bool bom = head.starts_with("\xEF\xBB\xBF");
    if (!source->error().empty()) {
        diag.report(Diagnostic::error(input.spec.name, "read error: " + source->error()));
        input.failed = true;
        return;
    }
    if (options.input_format.empty() && input.spec.from_walk && skip_unrecognised(input, head, diag)) {
        return;
    }
    if (!options.input_format.empty()) {
        input.kind = find_reader_kind(options.input_format);
    } else if (head.substr(bom ? 3 : 0).find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diag.report(Diagnostic::error(
            input.spec.name,
            head.empty() ? "empty input: no log entries" : "input holds nothing but a byte-order mark or whitespace"));
        input.failed = true;
        return;
    } else {
        input.kind = sniff_reader_kind(head);
    }
    if (input.kind == nullptr) {
        diag.report(Diagnostic::error(input.spec.name, no_format_message(head)));
        input.failed = true;
        return;
    }
    if (input.kind->group_key != nullptr) {
        group_key = input.kind->group_key(head);
    }
    if (!input.spec.reopenable) {
        input.kept_open = std::move(source);
    }
}

/// Reads every input of one group into the sinks; returns their reports (verdicts not yet counted).
std::vector<InputReport> read_group(const std::vector<std::size_t>& group,
                                    std::vector<PlannedInput>& inputs,
                                    const Options& options,
                                    const std::atomic<bool>& stop,
                                    unsigned helper_threads,
                                    VerdictSink& sink,
                                    DiagnosticSink& diag) {
    std::unique_ptr<Reader> reader;
    std::vector<InputReport> reports;
    for (std::size_t index : group) {
        PlannedInput& input = inputs[index];
        if (input.deferred) {
            std::string unused_group_key;  // a deferred input stands alone
            plan_input(input, options, diag, unused_group_key);
        }
        InputReport report;
        report.input = input.spec.name;
        if (!input.failed) {
            report.format = std::string(input.kind->name);
            std::unique_ptr<ByteSource> source = std::move(input.kept_open);
            if (!source) {
                std::string error;
                source = ByteSource::open(input.spec.name, error);
                if (!source) {
                    diag.report(Diagnostic::error(input.spec.name, error));
                    input.failed = true;
                }
            }
            if (source) {
                if (!reader) {
                    reader = input.kind->make(options.limits);
                    reader->allow_helper_threads(helper_threads);
                }
                StopAwareSource stoppable(std::move(source), stop);
                const auto start = std::chrono::steady_clock::now();
                report.result = reader->read(stoppable, input.spec.name, sink, diag);
                report.read_us = static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
                        .count());
                input.failed = report.result.failed;
            }
        }
        report.unrecognised = input.unrecognised;
        report.error = input.failed && !input.unrecognised;
        reports.push_back(std::move(report));
    }
    if (reader) {
        reader->finish(sink, diag);
    }
    return reports;
}

/// A group a worker could not read for want of memory: each input is an error, the run goes on
/// (an exception that left a worker thread would end the process).
std::unique_ptr<detail::RecordedGroup> out_of_memory(const std::vector<std::size_t>& group,
                                                     std::vector<PlannedInput>& inputs) {
    auto recorded = std::make_unique<detail::RecordedGroup>();
    for (std::size_t index : group) {
        inputs[index].failed = true;
        recorded->items.emplace_back(Diagnostic::error(
            inputs[index].spec.name, "not enough memory to read this input (fewer -j jobs may help)"));
        InputReport report;
        report.input = inputs[index].spec.name;
        report.error = true;
        recorded->reports.push_back(std::move(report));
    }
    return recorded;
}

/// Adds up what is done and tells the listener, if there is one.
class ProgressCount {
public:
    ProgressCount(ProgressListener* listener, std::size_t files, std::uint64_t bytes)
        : listener_(listener), start_(std::chrono::steady_clock::now()) {
        update_.files_total = files;
        update_.bytes_total = bytes;
    }
    void advance(std::size_t files, std::uint64_t bytes) {
        update_.files_done += files;
        update_.bytes_done += bytes;
        if (listener_ != nullptr) {
            update_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
            listener_->on_progress(update_);
        }
    }
    void pause() const {
        if (listener_ != nullptr) listener_->pause();
    }

private:
    ProgressListener* listener_;
    std::chrono::steady_clock::time_point start_;
    ProgressUpdate update_;
};

}  // namespace

RunStats run(const Options& options, Reporter& reporter, DiagnosticSink& raw_diag) {
    RunDiagnostics diag(raw_diag, options.quiet);
    RunStats stats;
    std::optional<Summary> summary;
    if (options.summary || options.count) {
        summary.emplace();
        summary->set_hour_zone(options.tz);
    }
    FilteringSink filter(options, reporter, summary ? &*summary : nullptr);
    diag.stop_ = &filter.stop;
    reconcile::Reconciler reconciler(filter);
    PerInputCount sink(reconciler);

    std::vector<detail::InputSpec> specs = detail::expand_inputs(options.inputs, diag);
    std::vector<PlannedInput> inputs(specs.size());
    // Groups in order of their first input; one agent's CCP logs share a group.
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::pair<std::string_view, std::string>, std::size_t> group_of_key;
    std::uint64_t total_bytes = 0;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        inputs[i].spec = std::move(specs[i]);
        std::error_code ec;
        inputs[i].size = inputs[i].spec.reopenable ? std::filesystem::file_size(inputs[i].spec.name, ec) : 0;
        total_bytes += ec ? 0 : inputs[i].size;
        if (!inputs[i].spec.reopenable && inputs[i].spec.name != "-") {
            inputs[i].deferred = true;
            groups.push_back({i});
            continue;
        }
        std::string key;
        plan_input(inputs[i], options, diag, key);
        if (inputs[i].unrecognised && summary) {
            summary->add_skipped_input();
        }
        if (!key.empty() && inputs[i].kind != nullptr) {
            auto [it, inserted] = group_of_key.try_emplace({inputs[i].kind->name, key}, groups.size());
            if (!inserted) {
                groups[it->second].push_back(i);
                continue;
            }
        }
        groups.push_back({i});
    }

    std::vector<std::string_view> group_formats;
    for (const std::vector<std::size_t>& group : groups) {
        const ReaderKind* kind = inputs[group.front()].kind;
        group_formats.push_back(kind != nullptr && !inputs[group.front()].failed ? kind->name : std::string_view());
    }
    // -q prints nothing and stops at the first reported call: holding calls to merge them would
    // only delay that answer (and read every input), so with -q nothing is held.
    const reconcile::ReconcilePlan plan = reconcile::plan_reconcile(
        options.quiet ? std::span<const std::string_view>() : std::span<const std::string_view>(group_formats),
        reconciler);

    ProgressCount progress(options.quiet ? nullptr : options.progress, inputs.size(), total_bytes);
    diag.clear_progress_ = [&progress] { progress.pause(); };
    const auto close_group = [&](std::vector<InputReport>& reports, const std::vector<std::size_t>& group,
                                 std::size_t group_index) {
        // Calls no later group can add to are complete: emit them before this group's input_end.
        reconciler.flush([&](std::string_view space) { return plan.last_group_of(space) <= group_index; });
        std::uint64_t bytes = 0;
        for (InputReport& report : reports) {
            ++stats.inputs;
            report.verdicts = reports.size() == 1 ? sink.group_count() : sink.take_count(report.input);
            report.error = report.error || report.result.lost_data();
            stats.inputs_failed += report.error ? 1 : 0;
            progress.pause();
            reporter.on_input_end(report);
        }
        sink.end_group();
        for (std::size_t index : group) bytes += inputs[index].size;
        progress.advance(group.size(), bytes);
    };

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t jobs_asked = options.jobs == 0 ? cores : options.jobs;
    const std::size_t jobs = std::min<std::size_t>(jobs_asked, groups.size());
    // Workers no group needs help read the groups themselves (one large log split across them).
    const auto helper_threads = static_cast<unsigned>(
        jobs_asked > groups.size() && !groups.empty() ? std::min<std::size_t>(jobs_asked / groups.size() - 1, 64) : 0);
    if (jobs <= 1) {
        // One at a time: results stream straight to the reporter.
        for (std::size_t i = 0; i < groups.size() && !filter.stop; ++i) {
            std::vector<InputReport> reports;
            try {
                reports = read_group(groups[i], inputs, options, filter.stop, helper_threads, sink, diag);
            } catch (const std::bad_alloc&) {  // that input's error, not the run's
                const std::unique_ptr<detail::RecordedGroup> failed = out_of_memory(groups[i], inputs);
                failed->replay(sink, diag);
                reports = std::move(failed->reports);
            }
            close_group(reports, groups[i], i);
        }
    } else {
        detail::OrderedReplay replay;
        replay.groups = groups.size();
        replay.jobs = jobs;
        replay.read = [&](std::size_t index) {
            try {
                auto recorded = std::make_unique<detail::RecordedGroup>();
                recorded->reports =
                    read_group(groups[index], inputs, options, filter.stop, helper_threads, *recorded, *recorded);
                return recorded;
            } catch (const std::bad_alloc&) {
                return out_of_memory(groups[index], inputs);
            }
        };
        replay.replay = [&](std::size_t index, detail::RecordedGroup& group) {
            group.replay(sink, diag);
            close_group(group.reports, groups[index], index);
        };
        replay.fewer_workers = [&](std::size_t started) {
            diag.report(Diagnostic::warning(
                "-j", fmt::format("only {} of {} worker threads could start; going on with those", started, jobs)));
        };
        detail::run_ordered(replay, filter.stop);
    }
    reconciler.flush_all();
    progress.pause();
    reporter.finish(summary ? &*summary : nullptr);
    stats.verdicts_reported = filter.reported();
    stats.errors = diag.errors();
    return stats;
}

int exit_code_for(const RunStats& stats, const Options& options) {
    const bool found = stats.verdicts_reported > 0;
    if (found && options.quiet) {
        return 0;
    }
    if (stats.errors > 0 || stats.inputs_failed > 0) {  // a lost record is an input not read in full
        return 2;
    }
    return found ? 0 : 1;
}

}  // namespace whohungup
