// SPDX-License-Identifier: MIT
// The flags that choose and shape what is reported: --since, --until, --agent, --reason,
// --category, --channel, --sort, --fields, --count, --tz. Declared here, checked and turned into
// Options after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "whohungup/options.h"

namespace whohungup::cli {

/// The raw values, as CLI11 fills them.
struct SelectionFlags {
    std::string since;
    std::string until;
    std::vector<std::string> agents;
    std::vector<std::string> reasons;
    std::vector<std::string> categories;
    std::vector<std::string> channels;
    std::string sort;
    std::vector<std::string> fields;
    bool count = false;
    std::string tz;
};

void add_selection_flags(CLI::App& app, SelectionFlags& flags);

/// Checks the values and fills `options`; throws CLI::ValidationError naming the flag.
/// A --tz other than UTC sets the process's TZ, so local hours are that zone's.
void apply_selection_flags(const SelectionFlags& flags, Options& options);

}  // namespace whohungup::cli
