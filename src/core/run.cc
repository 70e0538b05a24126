// SPDX-License-Identifier: MIT
// Plan (expand inputs, detect each format from its first bytes, group one agent's CCP logs),
// then read the groups, several at once with -j, and hand their results to the reporter in input
// order, so the output of any -j is byte-identical to -j 1.
#include "whohungup/run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <variant>

#include "core/input_list.h"
#include "filter/early_stop.h"
#include "filter/verdict_filter.h"

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

/// Applies the filters (--who, --since, ...), feeds the summary, counts per input, and forwards
/// to the reporter. With -q the first reported call raises `stop`.
class FilteringSink final : public VerdictSink {
public:
    FilteringSink(const Options& options, Reporter& reporter, Summary* summary)
        : options_(options), filter_(options), reporter_(reporter), summary_(summary) {}

    void on_verdict(Verdict&& verdict) override {
        ++per_input_[verdict.input];
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

    std::uint64_t take_count(const std::string& input) {
        auto it = per_input_.find(input);
        if (it == per_input_.end()) {
            return 0;
        }
        const std::uint64_t count = it->second;
        per_input_.erase(it);
        return count;
    }
    [[nodiscard]] std::uint64_t reported() const { return reported_; }

private:
    const Options& options_;
    VerdictFilter filter_;
    Reporter& reporter_;
    Summary* summary_;
    std::unordered_map<std::string, std::uint64_t> per_input_;
    std::uint64_t reported_ = 0;
};

struct PlannedInput {
    detail::InputSpec spec;
    const ReaderKind* kind = nullptr;
    std::unique_ptr<ByteSource> kept_open;  ///< stdin / FIFO: bytes can be read only once
    bool failed = false;
    bool unrecognised = false;  ///< met in a directory walk and matching no format: skipped, not failed
    std::uint64_t size = 0;     ///< bytes on disk, for progress
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
    diag.report(Diagnostic{Severity::kWarning, input.spec.name, 0, 0, false, "skipped (met in a directory): " + why});
    input.unrecognised = true;
    input.failed = true;
    return true;
}

/// Opens an input and decides its format. Errors are reported; the input is then marked failed.
void plan_input(PlannedInput& input, const Options& options, DiagnosticSink& diag, std::string& group_key) {
    std::string error;
    std::unique_ptr<ByteSource> source = ByteSource::open(input.spec.name, error);
    if (!source) {
        diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false, error});
        input.failed = true;
        return;
    }
    std::string_view head = source->peek(kSniffBytes);
    const bool bom = head.starts_with("\xEF\xBB\xBF");
    if (!source->error().empty()) {
        diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false, "read error: " + source->error()});
        input.failed = true;
        return;
    }
    if (options.input_format.empty() && input.spec.from_walk && skip_unrecognised(input, head, diag)) {
        return;
    }
    if (!options.input_format.empty()) {
        input.kind = find_reader_kind(options.input_format);
    } else if (head.substr(bom ? 3 : 0).find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diag.report(Diagnostic{
            Severity::kError, input.spec.name, 0, 0, false,
            head.empty() ? "empty input: no log entries" : "input holds nothing but a byte-order mark or whitespace"});
        input.failed = true;
        return;
    } else {
        input.kind = sniff_reader_kind(head);
    }
    if (input.kind == nullptr) {
        diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false, no_format_message(head)});
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
                                    VerdictSink& sink,
                                    DiagnosticSink& diag) {
    std::unique_ptr<Reader> reader;
    std::vector<InputReport> reports;
    for (std::size_t index : group) {
        PlannedInput& input = inputs[index];
        InputReport report;
        report.input = input.spec.name;
        if (!input.failed) {
            report.format = std::string(input.kind->name);
            std::unique_ptr<ByteSource> source = std::move(input.kept_open);
            if (!source) {
                std::string error;
                source = ByteSource::open(input.spec.name, error);
                if (!source) {
                    diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false, error});
                    input.failed = true;
                }
            }
            if (source) {
                if (!reader) {
                    reader = input.kind->make(options.limits);
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

/// What a group produced, in order, to be replayed on the main thread.
struct RecordedGroup final : VerdictSink, DiagnosticSink {
    void on_verdict(Verdict&& verdict) override { items.emplace_back(std::move(verdict)); }
    void report(const Diagnostic& diagnostic) override { items.emplace_back(diagnostic); }
    std::vector<std::variant<Verdict, Diagnostic>> items;
    std::vector<InputReport> reports;
};

class Progress {
public:
    Progress(bool enabled, std::size_t files, std::uint64_t bytes)
        : enabled_(enabled), files_(files), bytes_(bytes), start_(std::chrono::steady_clock::now()) {}
    void advance(std::size_t files, std::uint64_t bytes) {
        done_files_ += files;
        done_bytes_ += bytes;
        if (!enabled_) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(done_bytes_) / seconds : 0.0;
        const double left = rate > 0 ? static_cast<double>(bytes_ - std::min(bytes_, done_bytes_)) / rate : 0.0;
        const std::string line = fmt::format("\r\x1b[K{}/{} files, {:.0f} MB, {:.0f} MB/s, ETA {:.0f}s", done_files_,
                                             files_, static_cast<double>(done_bytes_) / 1e6, rate / 1e6, left);
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
        shown_ = true;
    }
    void clear() {
        if (shown_) {
            [[maybe_unused]] const auto written = ::write(STDERR_FILENO, "\r\x1b[K", 4);
            shown_ = false;
        }
    }

private:
    bool enabled_;
    std::size_t files_;
    std::uint64_t bytes_;
    std::chrono::steady_clock::time_point start_;
    std::size_t done_files_ = 0;
    std::uint64_t done_bytes_ = 0;
    bool shown_ = false;
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
    FilteringSink sink(options, reporter, summary ? &*summary : nullptr);
    diag.stop_ = &sink.stop;

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

    Progress progress(options.progress && !options.quiet, inputs.size(), total_bytes);
    diag.clear_progress_ = [&progress] { progress.clear(); };
    const auto close_group = [&](std::vector<InputReport>& reports, const std::vector<std::size_t>& group) {
        std::uint64_t bytes = 0;
        for (InputReport& report : reports) {
            ++stats.inputs;
            report.verdicts = sink.take_count(report.input);
            stats.inputs_failed += report.error ? 1 : 0;
            progress.clear();
            reporter.on_input_end(report);
        }
        for (std::size_t index : group) bytes += inputs[index].size;
        progress.advance(group.size(), bytes);
    };

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t jobs = std::min<std::size_t>(options.jobs == 0 ? cores : options.jobs, groups.size());
    if (jobs <= 1) {
        // One at a time: results stream straight to the reporter.
        for (const std::vector<std::size_t>& group : groups) {
            if (sink.stop) {
                break;
            }
            std::vector<InputReport> reports = read_group(group, inputs, options, sink.stop, sink, diag);
            close_group(reports, group);
        }
    } else {
        // Workers read groups ahead (at most 2 per worker waiting); the main thread replays them in order.
        std::vector<std::unique_ptr<RecordedGroup>> done(groups.size());
        std::mutex mutex;
        std::condition_variable ready;
        std::condition_variable room;
        std::size_t next = 0;
        std::size_t replayed = 0;
        const std::size_t window = jobs * 2;
        std::vector<std::thread> workers;
        for (std::size_t w = 0; w < jobs; ++w) {
            workers.emplace_back([&] {
                for (;;) {
                    std::size_t mine = 0;
                    {
                        std::unique_lock<std::mutex> lock(mutex);
                        room.wait(lock, [&] { return sink.stop || next >= groups.size() || next < replayed + window; });
                        if (sink.stop || next >= groups.size()) return;
                        mine = next++;
                    }
                    auto recorded = std::make_unique<RecordedGroup>();
                    recorded->reports = read_group(groups[mine], inputs, options, sink.stop, *recorded, *recorded);
                    {
                        const std::lock_guard<std::mutex> lock(mutex);
                        done[mine] = std::move(recorded);
                    }
                    ready.notify_all();
                }
            });
        }
        for (std::size_t i = 0; i < groups.size() && !sink.stop; ++i) {
            std::unique_ptr<RecordedGroup> group;
            {
                std::unique_lock<std::mutex> lock(mutex);
                ready.wait(lock, [&] { return done[i] != nullptr; });
                group = std::move(done[i]);
                replayed = i + 1;
            }
            room.notify_all();
            for (auto& item : group->items) {
                if (auto* verdict = std::get_if<Verdict>(&item)) {
                    sink.on_verdict(std::move(*verdict));
                } else {
                    diag.report(std::get<Diagnostic>(item));
                }
            }
            close_group(group->reports, groups[i]);
        }
        {
            const std::lock_guard<std::mutex> lock(mutex);  // a worker between its test and its wait
        }
        room.notify_all();  // after a -q stop, waiting workers see it and end
        for (std::thread& worker : workers) worker.join();
    }
    progress.clear();
    reporter.finish(summary ? &*summary : nullptr);
    stats.verdicts_reported = sink.reported();
    stats.errors = diag.errors();
    return stats;
}

int exit_code_for(const RunStats& stats, const Options& options) {
    const bool found = stats.verdicts_reported > 0;
    if (found && options.quiet) {
        return 0;
    }
    if (stats.errors > 0) {
        return 2;
    }
    return found ? 0 : 1;
}

}  // namespace whohungup
