// SPDX-License-Identifier: MIT
// Command line -> Options. The only place that knows CLI11.
#pragma once

#include <optional>

#include "whohungup/options.h"

namespace whohungup::cli {

struct ParsedArgs {
    Options options;
    bool list_formats = false;
    bool list_mappings = false;
    bool verbose = false;
    bool show_progress = false;  ///< stderr is a terminal and --no-progress was not given
};

/// Parses argv. Returns nullopt when the process should exit with `exit_code` right away
/// (--help, --version, or a usage error already printed).
std::optional<ParsedArgs> parse_args(int argc, char** argv, int& exit_code);

}  // namespace whohungup::cli
