// SPDX-License-Identifier: MIT
// The validated run configuration. The CLI fills it; the library never sees CLI types.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "whohungup/verdict.h"

namespace whohungup {

enum class OutputFormat : std::uint8_t { kText, kJsonl, kCsv };
enum class ColorMode : std::uint8_t { kAuto, kAlways, kNever };

/// Resource limits that keep memory bounded on hostile or broken input. Defaults are far above
/// anything a real log needs; each limit hit is reported as a diagnostic, never silently.
struct Limits {
    std::size_t max_entry_bytes = std::size_t{64} << 20;  ///< one JSON entry / record
    std::size_t max_depth = 256;                          ///< JSON nesting inside one entry
    std::size_t max_open_calls = 10000;                   ///< calls tracked at once per log (an agent has a few)
    /// --agent-match: RE2 over channel names, extensions or numbers of PBX and carrier records;
    /// a match is the agent side (empty: each platform's default). NUL-terminated, in a fixed
    /// array so Limits stays trivially copyable (every reader is made from, and copies, the
    /// Limits); read and set through exports/roles/agent_match.h.
    std::array<char, 512> agent_match{};
};

struct Options {
    std::vector<std::string> inputs;  ///< files, directories (recursed), "-" for stdin
    std::string input_format;         ///< empty: detect from content
    OutputFormat format = OutputFormat::kText;
    ColorMode color = ColorMode::kAuto;
    bool summary = false;                 ///< print counts by who / reason / agent / day
    bool explain = false;                 ///< print the evidence under each verdict (text)
    bool quiet = false;                   ///< no verdict output, no warnings; exit status only
    std::vector<Party> who;               ///< keep only these parties; empty keeps all
    bool neutralise_csv_formulas = true;  ///< prefix CSV cells that start with = + - @
    unsigned jobs = 0;                    ///< inputs read at once; 0 = one per core
    bool progress = false;                ///< progress line on stderr (the CLI sets it on terminals)
    Limits limits;
};

}  // namespace whohungup
