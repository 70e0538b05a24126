// SPDX-License-Identifier: MIT
// What the CLI asks of the terminal: whether to colour, and how wide the table may be.
#pragma once

#include <cstddef>

#include "whohungup/options.h"

namespace whohungup::cli {

/// The colour rule, in one sentence (the same in --help and docs/output-format.md): --color
/// always colours and --color never does not; auto colours only when standard output is a
/// terminal and NO_COLOR is unset or empty.
[[nodiscard]] bool use_color(ColorMode mode);

/// Columns the table must fit: 0 when standard output is not a terminal (piped output keeps
/// every column); else COLUMNS when it is a positive number, else the terminal's own width
/// (TIOCGWINSZ), else 80.
[[nodiscard]] std::size_t table_width();

}  // namespace whohungup::cli
