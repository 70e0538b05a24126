// SPDX-License-Identifier: MIT
// The text table's columns, and how they shrink to fit a terminal. Rows stream out as calls are
// judged, so widths are fixed before the first row: they come from the columns, never the data.
//
// On a terminal narrower than the full table (124 columns and the agent), these steps are taken
// in order until the table fits, and the agent column gets what is left (cut with "~"):
//   1. times compacted to "MM-DD HH:MM:SS" (year and milliseconds dropped);
//   2. contact ids elided to their first 8 and last 4 characters ("c0ffee00~0001");
//   3. the CONF column dropped;
//   4. the CONTACT column dropped;
//   5. the REASON column cut to what is left (at least 12 characters);
//   6. the DURATION column dropped.
// Piped output, and the columns chosen with --fields, keep every column whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/fields.h"

namespace whohungup::detail {

struct TableColumn {
    Field field;
    std::string_view header;
    std::size_t width;   ///< padded to this; values longer than it are cut only when `cut`
    bool right = false;  ///< right-aligned (durations)
    bool cut = false;    ///< values longer than `width` are cut with "~"
};

struct TableLayout {
    std::vector<TableColumn> columns;  ///< the last one is not padded
    bool compact_times = false;
    bool elide_contact = false;
    std::size_t last_width = 0;  ///< the last column is cut to this; 0: no limit
    std::size_t line_width = 0;  ///< every line (evidence under --explain too) is cut to this; 0: no limit
};

/// `fields` empty: the default columns, fitted to `width` (0: no limit). Otherwise the named
/// columns (already checked), whole.
[[nodiscard]] TableLayout layout_table(const std::vector<std::string>& fields, std::size_t width);

/// Characters (code points) of valid UTF-8 text: its width on the terminal, wide scripts aside.
[[nodiscard]] std::size_t text_width(std::string_view text);
/// `text` cut to `width` characters, the last of them "~" when anything was cut.
[[nodiscard]] std::string cut_text(std::string_view text, std::size_t width);
/// The first 8 and last 4 characters around "~" (contact ids), when longer than 13.
[[nodiscard]] std::string elide_middle(std::string_view text);

}  // namespace whohungup::detail
