// SPDX-License-Identifier: MIT
// Expands what the user named into the list of inputs to read: files as given, directories
// recursively (sorted, hidden entries and anything but regular files skipped, symlinked
// directories not followed so loops cannot happen), "-" for stdin.
#pragma once

#include <string>
#include <vector>

#include "whohungup/diagnostic.h"

namespace whohungup::detail {

struct InputSpec {
    std::string name;        ///< as shown to the user ("-" for stdin)
    bool reopenable = true;  ///< false for stdin and FIFOs: read once, keep the planning handle
    bool from_walk = false;  ///< met while walking a directory (not named on the command line)
};

/// Problems (missing files, unreadable directories) are reported to `diag` as errors.
[[nodiscard]] std::vector<InputSpec> expand_inputs(const std::vector<std::string>& named, DiagnosticSink& diag);

}  // namespace whohungup::detail
