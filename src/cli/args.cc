// SPDX-License-Identifier: MIT
#include "cli/args.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <map>
#include <sstream>

#include "cli/version.h"
#include "exports/roles/agent_match.h"
#include "whohungup/reader.h"

namespace whohungup::cli {

namespace {

constexpr const char* kFooter = R"(
Exit status:
  0  at least one call was reported (with --quiet: at least one, even if an input failed)
  1  no call was found (or none matched --who)
  2  an error: bad usage, or an input that could not be read in full (every other input is
     still reported first)

Examples:
  whohungup agent-log.txt                      who ended each call in one CCP log
  whohungup --explain agent-log.txt            ... with the log lines behind each verdict
  whohungup --who agent --format csv logs/     agent hang-ups in a directory, as CSV
  whohungup --summary logs/                    counts by who, reason, agent and day
  cat agent-log.txt | whohungup -              read standard input)";

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

}  // namespace

std::optional<ParsedArgs> parse_args(int argc, char** argv, int& exit_code) {
    ParsedArgs parsed;
    Options& options = parsed.options;
    CLI::App app{"whohungup: who ended each call (agent, customer or system), from Amazon Connect CCP logs.",
                 "whohungup"};
    app.footer(kFooter);
    app.set_version_flag("-V,--version", std::string("whohungup ") + kVersion);

    std::string format = "text";
    std::string color = "auto";
    std::vector<std::string> who;
    app.add_option("inputs", options.inputs, "Log files or directories (recursed); - reads standard input")
        ->type_name("INPUT");
    app.add_option("-f,--format", format, "Output: text (a table), jsonl (JSON Lines) or csv")
        ->check(CLI::IsMember({"text", "jsonl", "csv"}))
        ->capture_default_str();
    app.add_flag("-s,--summary", options.summary,
                 "Print counts by who ended the call, reason, agent and day "
                 "instead of one row per call");
    app.add_flag("-e,--explain", options.explain, "Show the log lines behind each verdict (text output)");
    app.add_option("-w,--who", who, "Keep only calls ended by these: agent,customer,third_party,system,unknown")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_flag("-q,--quiet", options.quiet, "Print no results and no warnings; only the exit status says");
    app.add_option("--color,--colour", color, "Colour the table: auto (only on a terminal), always, never")
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
        ->capture_default_str();
    app.add_option("--max-depth", options.limits.max_depth, "Skip log entries nested deeper than this")
        ->capture_default_str();
    app.add_option("--max-open-calls", options.limits.max_open_calls,
                   "Judge the oldest call early when more calls than this are open at once")
        ->capture_default_str();
    std::string agent_match;
    app.add_option("--agent-match", agent_match,
                   "PBX and carrier records: parties (channel, extension, number) matching this RE2 pattern "
                   "are the agent side")
        ->type_name("REGEX");
    app.add_option("-j,--jobs", options.jobs, "Inputs read at once (0: one per core)")->capture_default_str();
    bool no_progress = false;
    app.add_flag("--no-progress", no_progress, "Never show the progress line (shown on a terminal only)");
    app.add_flag("-v,--verbose", parsed.verbose, "Log what the run does (inputs, formats, timings) to stderr");

    try {
        app.parse(argc, argv);
        options.who = parse_who(who);
        if (const std::string why = exports::agent_pattern_error(agent_match); !agent_match.empty() && !why.empty()) {
            throw CLI::ValidationError("--agent-match", "not a valid pattern: " + why);
        }
        exports::set_agent_pattern(options.limits, agent_match);
        if (!options.input_format.empty() && find_reader_kind(options.input_format) == nullptr) {
            throw CLI::ValidationError("--input-format",
                                       "unknown format '" + options.input_format + "' (see --list-formats)");
        }
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        // CLI11 numbers usage errors from 100; grep's convention is 2.
        exit_code = code == 0 ? 0 : 2;
        return std::nullopt;
    }
    static const std::map<std::string, OutputFormat> kFormats{
        {"text", OutputFormat::kText}, {"jsonl", OutputFormat::kJsonl}, {"csv", OutputFormat::kCsv}};
    static const std::map<std::string, ColorMode> kColors{
        {"auto", ColorMode::kAuto}, {"always", ColorMode::kAlways}, {"never", ColorMode::kNever}};
    options.format = kFormats.at(format);
    options.color = kColors.at(color);
    options.neutralise_csv_formulas = !no_csv_safety;
    options.progress = !no_progress && ::isatty(STDERR_FILENO) != 0;
    if (options.inputs.empty()) {
        if (::isatty(STDIN_FILENO) != 0) {
            std::cerr << "whohungup: no input given (name a log file or directory, or - for standard input; "
                         "see --help)\n";
            exit_code = 2;
            return std::nullopt;
        }
        options.inputs.emplace_back("-");
    }
    return parsed;
}

}  // namespace whohungup::cli
