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

bool use_color(whohungup::ColorMode mode) {
    if (mode == whohungup::ColorMode::kAlways) {
        return true;
    }
    if (mode == whohungup::ColorMode::kNever) {
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    return (no_color == nullptr || *no_color == '\0') && ::isatty(STDOUT_FILENO) != 0;
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
    spdlog::set_default_logger(logger);

    const whohungup::Options& options = parsed->options;
    whohungup::ReportStyle style;
    style.color = use_color(options.color);
    style.explain = options.explain;
    style.summary_only = options.summary;
    style.neutralise_csv_formulas = options.neutralise_csv_formulas;
    style.terminal = ::isatty(STDOUT_FILENO) != 0;
    std::ostream null_stream(nullptr);
    std::ostream& out = options.quiet ? null_stream : std::cout;
    auto reporter = whohungup::make_reporter(options.format, style, out);
    FlushAtInputEnd flushing(*reporter, out);
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
