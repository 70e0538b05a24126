// SPDX-License-Identifier: MIT
// Inline SVG charts drawn by the reporter, so they read with scripts off and on paper: a title,
// axis labels, a legend, a <title> with the value on every mark (the browser shows it on hover)
// and series told apart by lightness and hatching, not by hue alone. Tested by
// tests/unit/html_charts_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace whohungup::detail::html {

/// One horizontal bar, made of one segment per series.
struct BarRow {
    std::string label;
    std::vector<double> values;       ///< one per series
    std::vector<std::string> hovers;  ///< one per series: the text of its <title>
    std::string note;                 ///< printed after the bar ("48% of 25")
};

struct BarChart {
    std::string id;  ///< unique in the page: prefixes the chart's element ids
    std::string title;
    std::string axis_label;           ///< under the value axis
    std::vector<std::string> series;  ///< legend names; series i is drawn in style i
    std::vector<BarRow> rows;
    double max_value = 0;  ///< the axis end; 0: the largest row total
    bool percent = false;  ///< values are fractions of 1, ticks are percentages
};

/// One vertical column (a time bucket), stacked by series.
struct Column {
    std::string tick;  ///< label under the column; empty: none
    std::vector<std::uint64_t> values;
    std::string hover;
};

struct ColumnChart {
    std::string id;
    std::string title;
    std::string x_label;
    std::string y_label;
    std::vector<std::string> series;
    std::vector<Column> columns;
};

[[nodiscard]] std::string render_bar_chart(const BarChart& chart);
[[nodiscard]] std::string render_column_chart(const ColumnChart& chart);

/// The smallest 1, 2 or 5 times a power of ten that is at least `value` (1 for 0).
[[nodiscard]] double nice_ceiling(double value);

}  // namespace whohungup::detail::html
