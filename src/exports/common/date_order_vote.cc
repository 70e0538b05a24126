// SPDX-License-Identifier: MIT
#include "exports/common/date_order_vote.h"

#include <vector>

#include "whohungup/byte_source.h"

namespace whohungup::exports {

DateOrderVote vote_date_order(std::string_view head,
                              bool head_is_whole_file,
                              int (*date_column)(const detail::CsvHeader&),
                              std::size_t max_rows) {
    DateOrderVote vote;
    if (!head_is_whole_file) {
        // The peek may end inside a row; that row's date could be cut ("13/0").
        const std::size_t last_newline = head.rfind('\n');
        head = last_newline == std::string_view::npos ? std::string_view() : head.substr(0, last_newline + 1);
    }
    const auto source = ByteSource::from_memory(std::string(head));
    detail::CsvReader csv(*source, head.size() + 1);
    std::vector<std::string> row;
    if (csv.next(row) != detail::CsvReader::Status::kRow) return vote;
    const int column = date_column(detail::CsvHeader(row));
    if (column < 0) return vote;
    for (std::size_t rows = 0; rows < max_rows && csv.next(row) == detail::CsvReader::Status::kRow; ++rows) {
        const std::string_view text = detail::cell(row, column);
        const bool month_first = detail::parse_slash_datetime_ms(text, detail::DateOrder::kMonthFirst).has_value();
        const bool day_first = detail::parse_slash_datetime_ms(text, detail::DateOrder::kDayFirst).has_value();
        if (!month_first && !day_first) continue;
        ++vote.dates;
        if (day_first && !month_first && vote.day_first.empty()) vote.day_first = std::string(text);
        if (month_first && !day_first && vote.month_first.empty()) vote.month_first = std::string(text);
    }
    if (!vote.day_first.empty() && vote.month_first.empty()) vote.order = detail::DateOrder::kDayFirst;
    return vote;
}

}  // namespace whohungup::exports
