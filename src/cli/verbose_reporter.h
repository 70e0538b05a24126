// SPDX-License-Identifier: MIT
// --verbose: one line per input on stderr (format, bytes, records, verdicts, reading time),
// said through spdlog's debug level, while everything goes on to the real reporter.
#pragma once

#include <memory>

#include "whohungup/reporter.h"

namespace whohungup::cli {

[[nodiscard]] std::unique_ptr<Reporter> make_verbose_reporter(Reporter& inner);

}  // namespace whohungup::cli
