// SPDX-License-Identifier: MIT
#include "cli/args.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/selection_flags.h"
#include "cli/version.h"
#include "exports/roles/agent_match.h"
#include "whohungup/reader.h"

namespace whohungup::cli {

namespace {

constexpr const char* kFooter = R"(
Exit status:
  0  at least one call was reported (with --quiet: at least one, even if an input failed)
  1  no call was found (or none matched the filters)
  2  an error: bad usage, output that could not be written, or an input that could not be
     read in full (a record skipped or a time unreadable); every other input is still
     reported first

Examples:
  whohungup agent-log.txt                      who ended each call in one CCP log
  whohungup --explain agent-log.txt            ... with the log lines behind each verdict
  whohungup --who agent --format csv logs/     agent hang-ups in a directory, as CSV
  whohungup --summary logs/                    per-agent rates, then counts by every dimension
  whohungup --format html logs/ > report.html  one page with charts and every call's evidence
  whohungup --agent jdoe --since 2026-11-20 --count logs/
                                               how each of jdoe's calls since that day ended
  whohungup --sort -duration --fields ended_at,duration_s,agent,reason logs/
                                               longest calls first, four columns
  cat agent-log.txt | whohungup -              read standard input

Colour: --color always colours and --color never does not; auto (the default) colours only
when standard output is a terminal and NO_COLOR is unset or empty.)";

std::vector<Party> parse_who(const std::vector<std::string>& values) {
    std::vector<Party> parties;
    for (const std::string& value : values) {
        std::stringstream stream(value);
        std::string item;
        while (std::getline(stream, item, ',')) {
            if (item.empty()) {
                continue;
            }
            const std::optional<Party> party = party_from_string(item);
            if (!party) {
                throw CLI::ValidationError(
                    "--who", "unknown party '" + item + "' (use agent, customer, third_party, system, unknown)");
            }
            parties.push_back(*party);
        }
    }
    return parties;
}

/// A count: decimal digits only (CLI11 alone would read "-1" into an unsigned as its maximum),
/// and above zero when `positive`.
CLI::Validator count_validator(bool positive) {
    return {[positive](std::string& value) -> std::string {
                const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
                if (!digits) {
                    return "'" + value + "' is not a whole number";
                }
                if (positive && value.find_first_not_of('0') == std::string::npos) {
                    return "must be at least 1";
                }
                return {};
            },
            positive ? "N>0" : "N"};
}

/// "whohungup: error: MESSAGE" and the --help hint: every usage error is said this way.
void usage_error(const std::string& message) {
    std::string line = message;
    std::replace(line.begin(), line.end(), '\n', ' ');
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    std::cerr << "whohungup: error: " << line << "\nTry 'whohungup --help' for more information.\n";
}

/// "0.1.0 (build 7f2c8eb, RelWithDebInfo, GCC 12.2.0)".
std::string version_text() {
    return std::string("whohungup ") + kVersion + " (build " + kBuildId + ", " + kBuildType + ", " + kCompiler + ")";
}

}  // namespace

std::optional<ParsedArgs> parse_args(int argc, char** argv, int& exit_code) {
    ParsedArgs parsed;
    Options& options = parsed.options;
    CLI::App app{"whohungup: who ended each call (agent, customer or system), from Amazon Connect CCP logs.",
                 "whohungup"};
    app.footer(kFooter);
    app.set_version_flag("-V,--version", version_text());

    std::string format = "text";
    std::string color = "auto";
    std::vector<std::string> who;
    app.add_option("inputs", options.inputs, "Log files or directories (recursed); - reads standard input")
        ->type_name("INPUT");
    app.add_option("-f,--format", format,
                   "Output: text (a table), jsonl (JSON Lines), csv, or html (a self-contained report page)")
        ->check(CLI::IsMember({"text", "jsonl", "csv", "html"}))
        ->capture_default_str();
    app.add_flag("-s,--summary", options.summary,
                 "Print per-agent hang-up and drop rates, then counts by every dimension, "
                 "instead of one row per call");
    app.add_flag("-e,--explain", options.explain, "Show the log lines behind each verdict (text output)");
    app.add_option("-w,--who", who, "Keep only calls ended by these: agent,customer,third_party,system,unknown")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_flag("-q,--quiet", options.quiet,
                 "Print no results and no warnings, stop at the first reported call; the exit status says");
    app.add_option("--color,--colour", color,
                   "Colour the table: always, never, or auto (a terminal, NO_COLOR unset or empty)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--input-format", options.input_format, "Read every input as this format (see --list-formats)")
        ->type_name("NAME");
    app.add_flag("--list-formats", parsed.list_formats, "List the input formats and exit");
    app.add_flag("--list-mappings", parsed.list_mappings,
                 "Print every vendor reason code and its verdict (Markdown) and exit");
    bool no_csv_safety = false;
    app.add_flag("--no-csv-safety", no_csv_safety,
                 "Do not prefix CSV cells that start with = + - @ (formula injection guard)");
    app.add_option("--max-entry-bytes", options.limits.max_entry_bytes, "Skip log entries larger than this")
        ->check(count_validator(true))
        ->capture_default_str();
    app.add_option("--max-depth", options.limits.max_depth, "Skip log entries nested deeper than this")
        ->check(count_validator(true))
        ->capture_default_str();
    app.add_option("--max-open-calls", options.limits.max_open_calls,
                   "Judge the oldest call early when more calls than this are open at once")
        ->check(count_validator(true))
        ->capture_default_str();
    app.add_option("--max-call-bytes", options.limits.max_call_bytes,
                   "CCP logs: judge a call early, with what is held, when its lines take more than this")
        ->check(count_validator(true))
        ->capture_default_str();
    app.add_option("--max-held-bytes", options.limits.max_held_bytes,
                   "CCP logs: judge the oldest calls early when what one log holds takes more than this")
        ->check(count_validator(true))
        ->capture_default_str();
    app.add_option("-j,--jobs", options.jobs,
                   "Inputs read at once (0: one per core); spare ones help read a large CCP log")
        ->check(count_validator(false))
        ->capture_default_str();
    std::string agent_match;
    app.add_option("--agent-match", agent_match,
                   "PBX and carrier records: parties (channel, extension, number) matching this RE2 pattern "
                   "are the agent side")
        ->type_name("REGEX");
    bool no_progress = false;
    app.add_flag("--no-progress", no_progress, "Never show the progress line (shown on a terminal only)");
    app.add_flag("-v,--verbose", parsed.verbose,
                 "Say on stderr, per input, its format, bytes, records, verdicts and reading time");
    SelectionFlags selection;
    add_selection_flags(app, selection);

    try {
        app.parse(argc, argv);
        options.who = parse_who(who);
        apply_selection_flags(selection, options);
        if (const std::string why = exports::agent_pattern_error(agent_match); !agent_match.empty() && !why.empty()) {
            throw CLI::ValidationError("--agent-match", "not a valid pattern: " + why);
        }
        exports::set_agent_pattern(options.limits, agent_match);
        if (!options.input_format.empty() && find_reader_kind(options.input_format) == nullptr) {
            throw CLI::ValidationError("--input-format",
                                       "unknown format '" + options.input_format + "' (see --list-formats)");
        }
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {  // --help, --version
            exit_code = app.exit(error);
            return std::nullopt;
        }
        usage_error(error.what());
        exit_code = 2;  // CLI11 numbers usage errors from 100; grep's convention is 2
        return std::nullopt;
    }
    static const std::map<std::string, OutputFormat> kFormats{{"text", OutputFormat::kText},
                                                              {"jsonl", OutputFormat::kJsonl},
                                                              {"csv", OutputFormat::kCsv},
                                                              {"html", OutputFormat::kHtml}};
    static const std::map<std::string, ColorMode> kColors{
        {"auto", ColorMode::kAuto}, {"always", ColorMode::kAlways}, {"never", ColorMode::kNever}};
    options.format = kFormats.at(format);
    if (options.format == OutputFormat::kHtml) {
        options.summary = false;  // the page always holds the summary, and needs every call for its charts
    }
    options.color = kColors.at(color);
    options.neutralise_csv_formulas = !no_csv_safety;
    if (options.inputs.empty()) {
        if (::isatty(STDIN_FILENO) != 0) {
            usage_error("no input given (name a log file or directory, or - for standard input)");
            exit_code = 2;
            return std::nullopt;
        }
        options.inputs.emplace_back("-");
    }
    parsed.show_progress = !no_progress && ::isatty(STDERR_FILENO) != 0;
    return parsed;
}

}  // namespace whohungup::cli
