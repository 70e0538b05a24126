// SPDX-License-Identifier: MIT
// whohungup: the command line. Parse, run, pick the exit status; the work is in the library.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/checked_stdout.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "cli/verbose_reporter.h"
#include "filter/sorting_reporter.h"
#include "mappings/reason_table.h"
#include "whohungup/reader.h"
#include "whohungup/run.h"

namespace {

/// One line per diagnostic on stderr; stdout carries only results.
class StderrDiagnostics final : public whohungup::DiagnosticSink {
public:
    void report(const whohungup::Diagnostic& diagnostic) override {
        std::cout.flush();  // keep results and messages in order on a shared terminal
        std::cerr << whohungup::format_diagnostic(diagnostic) << '\n';
    }
};

/// Sends each input's results out when the input ends, so a later input that blocks (a FIFO
/// waiting for its writer, a slow pipe) never holds back what was already decided.
class FlushAtInputEnd final : public whohungup::Reporter {
public:
    FlushAtInputEnd(whohungup::Reporter& inner, std::ostream& out) : inner_(inner), out_(out) {}
    void on_verdict(const whohungup::Verdict& verdict) override { inner_.on_verdict(verdict); }
    void on_input_end(const whohungup::InputReport& report) override {
        inner_.on_input_end(report);
        out_.flush();
    }
    void finish(const whohungup::Summary* summary) override { inner_.finish(summary); }

private:
    whohungup::Reporter& inner_;
    std::ostream& out_;
};

/// The reporter of the run: the format's own, behind --sort's holding one and --verbose's.
struct ReporterChain {
    std::unique_ptr<whohungup::Reporter> format;
    std::unique_ptr<whohungup::Reporter> sorted;
    std::unique_ptr<whohungup::Reporter> verbose;
    whohungup::Reporter* front = nullptr;
};

ReporterChain make_reporters(const whohungup::Options& options, bool verbose, std::ostream& out) {
    whohungup::ReportStyle style;
    style.color = whohungup::cli::use_color(options.color);
    style.explain = options.explain;
    style.summary_only = options.summary;
    style.neutralise_csv_formulas = options.neutralise_csv_formulas;
    style.terminal = ::isatty(STDOUT_FILENO) != 0;
    style.count_only = options.count;
    style.fields = options.fields;
    style.width = options.format == whohungup::OutputFormat::kText ? whohungup::cli::table_width() : 0;
    ReporterChain chain;
    chain.format = whohungup::make_reporter(options.format, style, out);
    chain.front = chain.format.get();
    if (options.sort != whohungup::SortKey::kNone && !options.summary && !options.count && !options.quiet) {
        chain.sorted = whohungup::make_sorting_reporter(options.sort, options.sort_descending, *chain.front);
        chain.front = chain.sorted.get();
    }
    if (verbose) {
        chain.verbose = whohungup::cli::make_verbose_reporter(*chain.front);
        chain.front = chain.verbose.get();
    }
    return chain;
}

int run_main(int argc, char** argv) {
    int exit_code = 0;
    auto parsed = whohungup::cli::parse_args(argc, argv, exit_code);
    if (!parsed) {
        return exit_code;
    }
    if (parsed->list_formats) {
        for (const whohungup::ReaderKind& kind : whohungup::reader_kinds()) {
            std::cout << fmt::format("{:<26}{}\n", kind.name, kind.description);
        }
        return 0;
    }
    if (parsed->list_mappings) {
        std::cout << whohungup::mappings::render_markdown();
        return 0;
    }
    auto logger = spdlog::stderr_color_mt("whohungup");
    logger->set_level(parsed->verbose ? spdlog::level::debug : spdlog::level::warn);
    logger->set_pattern("whohungup: %v");
    spdlog::set_default_logger(logger);

    whohungup::cli::ProgressLine progress_line;
    if (parsed->show_progress) {
        parsed->options.progress = &progress_line;
    }
    const whohungup::Options& options = parsed->options;
    std::ostream null_stream(nullptr);
    std::ostream& out = options.quiet ? null_stream : std::cout;
    ReporterChain reporters = make_reporters(options, parsed->verbose, out);
    FlushAtInputEnd flushing(*reporters.front, out);
    StderrDiagnostics diagnostics;
    const whohungup::RunStats stats = whohungup::run(options, flushing, diagnostics);
    spdlog::debug("{} inputs, {} failed, {} calls reported", stats.inputs, stats.inputs_failed,
                  stats.verdicts_reported);
    return whohungup::exit_code_for(stats, options);
}

}  // namespace

int main(int argc, char** argv) {
    // Large outputs are written through one buffer; a closed pipe (| head) ends the process
    // quietly through the default SIGPIPE action, like grep. Any other write error (a full disk,
    // a closed stdout) is said at the end and is exit 2: output that did not arrive is no success.
    whohungup::cli::reserve_standard_descriptors();
    std::ios::sync_with_stdio(false);
    std::signal(SIGPIPE, SIG_DFL);
    whohungup::cli::CheckedStdoutBuffer stdout_buffer;
    std::streambuf* const previous = std::cout.rdbuf(&stdout_buffer);
    int code = 2;
    try {
        code = run_main(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "whohungup: error: " << error.what() << '\n';
    }
    std::cout.flush();
    std::cout.rdbuf(previous);
    if (const std::string error = stdout_buffer.error(); !error.empty()) {
        std::cerr << "whohungup: error: writing output: " << error << '\n';
        code = 2;
    }
    return code;
}
