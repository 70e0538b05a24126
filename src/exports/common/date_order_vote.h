// SPDX-License-Identifier: MIT
// The order of a CSV export's slash dates, told from a bounded head of its rows: a UI export
// writes dates in the exporting user's locale, "02/01/2026" is Jan 2 in a day-first file and
// Feb 1 in a month-first one, and only a number above 12 tells them apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time_format.h"
#include "csv/csv_reader.h"

namespace whohungup::exports {

struct DateOrderVote {
    detail::DateOrder order = detail::DateOrder::kMonthFirst;
    std::uint64_t dates = 0;  ///< slash dates read in the head
    std::string day_first;    ///< the first date only day-first reads ("13/01/2026 09:00"), or ""
    std::string month_first;  ///< the first date only month-first reads ("01/13/2026 9:00 AM"), or ""

    /// Slash dates were seen, but none says which number is the day: month first was taken.
    [[nodiscard]] bool ambiguous() const { return dates > 0 && day_first.empty() && month_first.empty(); }
    /// Both orders were seen: month first was taken, and the other rows' dates will not read.
    [[nodiscard]] bool mixed() const { return !day_first.empty() && !month_first.empty(); }
};

/// Reads the header and at most `max_rows` rows of `head` (the peeked start of the file; a row
/// the peek cut short is not read) and votes on the slash dates of the column `date_column`
/// finds in the header. Day first only when some date reads only day first and none only month
/// first; otherwise month first (the US order, and the order dates were read in before).
[[nodiscard]] DateOrderVote vote_date_order(std::string_view head,
                                            bool head_is_whole_file,
                                            int (*date_column)(const detail::CsvHeader&),
                                            std::size_t max_rows);

}  // namespace whohungup::exports
