// SPDX-License-Identifier: MIT
// The validated run configuration. The CLI fills it; the library never sees CLI types.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "whohungup/progress.h"
#include "whohungup/verdict.h"

namespace whohungup {

enum class OutputFormat : std::uint8_t { kText, kJsonl, kCsv, kHtml };
enum class ColorMode : std::uint8_t { kAuto, kAlways, kNever };

/// Resource limits that keep memory bounded on hostile or broken input. Defaults are far above
/// anything a real log needs; each limit hit is reported as a diagnostic, never silently.
struct Limits {
    std::size_t max_entry_bytes = std::size_t{64} << 20;  ///< one JSON entry / record
    std::size_t max_depth = 256;                          ///< JSON nesting inside one entry
    std::size_t max_open_calls = 10000;                   ///< calls tracked at once per log (an agent has a few)
    std::size_t max_call_bytes = std::size_t{16} << 20;   ///< CCP: lines held for one call (a real call: kilobytes)
    std::size_t max_held_bytes = std::size_t{256} << 20;  ///< CCP: everything held for one agent's log at once
    /// --agent-match: RE2 over channel names, extensions or numbers of PBX and carrier records;
    /// a match is the agent side (empty: each platform's default). NUL-terminated, in a fixed
    /// array so Limits stays trivially copyable (every reader is made from, and copies, the
    /// Limits); read and set through exports/roles/agent_match.h.
    std::array<char, 512> agent_match{};
    bool include_non_voice = false;  ///< also report chats, tasks and email contacts (`--channel all`)
};

/// The order --sort prints verdicts in (held until the end of the run: only when asked).
enum class SortKey : std::uint8_t { kNone, kEnded, kStarted, kDuration, kAgent, kEndedBy, kReason };

/// Which verdicts are reported and summarised (--since, --until, --agent, --reason, --category,
/// --channel; --who is Options::who). Empty lists keep everything.
struct Selection {
    std::int64_t since_ms = kNoTime;  ///< keep calls at or after this (ended_at, else started_at)
    std::int64_t until_ms = kNoTime;  ///< keep calls before this
    std::vector<std::string> agents;  ///< agent id or username
    std::vector<Reason> reasons;
    std::vector<Category> categories;
    std::vector<Channel> channels;
};

struct Options {
    std::vector<std::string> inputs;  ///< files, directories (recursed), "-" for stdin
    std::string input_format;         ///< empty: detect from content
    OutputFormat format = OutputFormat::kText;
    ColorMode color = ColorMode::kAuto;
    bool summary = false;                  ///< print counts by who / reason / agent / day
    bool explain = false;                  ///< print the evidence under each verdict (text)
    bool quiet = false;                    ///< no verdict output, no warnings; exit status only
    std::vector<Party> who;                ///< keep only these parties; empty keeps all
    bool neutralise_csv_formulas = true;   ///< prefix CSV cells that start with = + - @
    unsigned jobs = 0;                     ///< inputs read at once; 0 = one per core
    ProgressListener* progress = nullptr;  ///< told after each input group (the CLI: a line on terminals)
    Limits limits;
    Selection select;                 ///< filters applied before summaries and reports
    SortKey sort = SortKey::kNone;    ///< --sort: hold verdicts and print them in this order
    bool sort_descending = false;     ///< --sort -KEY
    std::vector<std::string> fields;  ///< --fields: table and CSV columns; empty: the defaults
    bool count = false;               ///< --count: counts per ended_by (text, CSV) or the summary record
    std::string tz;                   ///< --tz: zone of the summary's hours; empty: UTC
};

}  // namespace whohungup
