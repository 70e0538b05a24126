// SPDX-License-Identifier: MIT
// Plan (expand inputs, detect each format from its first bytes, group one agent's CCP logs),
// then read group by group in input order, filtering and counting verdicts on their way to the
// reporter.
#include "whohungup/run.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/input_list.h"

namespace whohungup {

namespace {

/// Bytes looked at to recognise a format and find an agent id.
constexpr std::size_t kSniffBytes = std::size_t{64} << 10;

/// Counts errors on their way to the real sink, and drops warnings in quiet mode.
class CountingDiagnostics final : public DiagnosticSink {
public:
    CountingDiagnostics(DiagnosticSink& inner, bool quiet) : inner_(inner), quiet_(quiet) {}
    void report(const Diagnostic& diagnostic) override {
        if (diagnostic.severity == Severity::kError) {
            ++errors_;
        } else if (quiet_) {
            return;
        }
        inner_.report(diagnostic);
    }
    [[nodiscard]] std::uint64_t errors() const { return errors_; }

private:
    DiagnosticSink& inner_;
    bool quiet_;
    std::uint64_t errors_ = 0;
};

/// Applies --who, feeds the summary, counts per input, and forwards to the reporter.
class FilteringSink final : public VerdictSink {
public:
    FilteringSink(const Options& options, Reporter& reporter, Summary* summary)
        : options_(options), reporter_(reporter), summary_(summary) {}

    void on_verdict(Verdict&& verdict) override {
        ++per_input_[verdict.input];
        if (!options_.who.empty() &&
            std::find(options_.who.begin(), options_.who.end(), verdict.ended_by) == options_.who.end()) {
            return;
        }
        ++reported_;
        if (summary_ != nullptr) {
            summary_->add(verdict);
        }
        if (!options_.summary) {
            reporter_.on_verdict(verdict);
        }
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
    [[nodiscard]] std::uint64_t reported() const { return reported_; }

private:
    const Options& options_;
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
};

std::string no_format_message(std::string_view head) {
    std::size_t i = 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
        ++i;
    }
    if (i < head.size() && head[i] == '{') {
        return "a JSON object that matches no known format (a CCP log is a JSON array of entries; see "
               "--list-formats)";
    }
    return "not a recognised log format (see --list-formats)";
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
    const std::string_view head = source->peek(kSniffBytes);
    if (!source->error().empty()) {
        diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false, "read error: " + source->error()});
        input.failed = true;
        return;
    }
    if (!options.input_format.empty()) {
        input.kind = find_reader_kind(options.input_format);
    } else if (head.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diag.report(Diagnostic{Severity::kError, input.spec.name, 0, 0, false,
                               head.empty() ? "empty input: no log entries" : "input holds only whitespace"});
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

}  // namespace

RunStats run(const Options& options, Reporter& reporter, DiagnosticSink& raw_diag) {
    CountingDiagnostics diag(raw_diag, options.quiet);
    RunStats stats;
    std::optional<Summary> summary;
    if (options.summary) {
        summary.emplace();
    }
    FilteringSink sink(options, reporter, summary ? &*summary : nullptr);

    std::vector<detail::InputSpec> specs = detail::expand_inputs(options.inputs, diag);
    std::vector<PlannedInput> inputs(specs.size());
    // Groups in order of their first input; one agent's CCP logs share a group.
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::pair<std::string_view, std::string>, std::size_t> group_of_key;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        inputs[i].spec = std::move(specs[i]);
        std::string key;
        plan_input(inputs[i], options, diag, key);
        if (!key.empty() && inputs[i].kind != nullptr) {
            auto [it, inserted] = group_of_key.try_emplace({inputs[i].kind->name, key}, groups.size());
            if (!inserted) {
                groups[it->second].push_back(i);
                continue;
            }
        }
        groups.push_back({i});
    }

    for (const std::vector<std::size_t>& group : groups) {
        std::unique_ptr<Reader> reader;
        std::vector<InputReport> reports;
        for (std::size_t index : group) {
            PlannedInput& input = inputs[index];
            InputReport report;
            report.input = input.spec.name;
            ++stats.inputs;
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
                    report.result = reader->read(*source, input.spec.name, sink, diag);
                    input.failed = report.result.failed;
                }
            }
            report.error = input.failed;
            reports.push_back(std::move(report));
        }
        if (reader) {
            reader->finish(sink, diag);
        }
        for (InputReport& report : reports) {
            report.verdicts = sink.take_count(report.input);
            stats.inputs_failed += report.error ? 1 : 0;
            reporter.on_input_end(report);
        }
    }
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
