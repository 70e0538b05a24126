// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "report/html/svg_charts.h"

namespace whohungup::detail::html {
namespace {

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

BarChart two_rows() {
    BarChart chart;
    chart.id = "c";
    chart.title = "Calls <by> who";
    chart.axis_label = "calls";
    chart.series = {"connected", "never connected"};
    chart.rows.push_back(BarRow{"agent", {30, 10}, {"agent: 30 connected", "agent: 10 never"}, "40"});
    chart.rows.push_back(BarRow{"<script>x</script>", {5, 0}, {"5", "0"}, "5"});
    return chart;
}

TEST(SvgCharts, NiceCeilingIsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_EQ(nice_ceiling(0), 1);
    EXPECT_EQ(nice_ceiling(1), 1);
    EXPECT_EQ(nice_ceiling(1.2), 2);
    EXPECT_EQ(nice_ceiling(37), 50);
    EXPECT_EQ(nice_ceiling(51), 100);
    EXPECT_EQ(nice_ceiling(0.3), 0.5);
}

TEST(SvgCharts, BarChartHasTitleLegendAxisHoverAndEscapedLabels) {
    const std::string svg = render_bar_chart(two_rows());
    EXPECT_EQ(svg.rfind("<svg class=\"chart\" id=\"c\"", 0), 0U);
    EXPECT_NE(svg.find("<title id=\"c-t\">Calls &lt;by&gt; who</title>"), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"c-t\""), std::string::npos);
    EXPECT_EQ(count(svg, "class=\"legend\""), 2U);
    EXPECT_NE(svg.find(">calls</text>"), std::string::npos);  // the axis label
    EXPECT_NE(svg.find("<title>agent: 30 connected</title>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    // The second series is hatched: a pattern the chart defines under its own id.
    EXPECT_NE(svg.find("<pattern id=\"c-hatch\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"url(#c-hatch)\""), std::string::npos);
    EXPECT_EQ(svg.find("http"), std::string::npos);  // no xmlns or other address: the page is inline HTML
}

TEST(SvgCharts, BarLengthsAreProportionalOnAWholeNumberAxis) {
    const std::string svg = render_bar_chart(two_rows());
    // Largest total 40: ticks of 10 up to 40, over the 330 units between label column and bar end.
    EXPECT_NE(svg.find(">40</text>"), std::string::npos);
    EXPECT_EQ(svg.find(">50</text>"), std::string::npos);
    EXPECT_NE(svg.find("width=\"247.5\""), std::string::npos);  // 30 of 40
    EXPECT_NE(svg.find("width=\"82.5\""), std::string::npos);   // 10 of 40
}

TEST(SvgCharts, PercentChartsRunToOneHundredPercent) {
    BarChart chart;
    chart.id = "r";
    chart.title = "rate";
    chart.series = {"rate"};
    chart.percent = true;
    chart.max_value = 1;
    chart.rows.push_back(BarRow{"a", {0.5}, {"50%"}, ""});
    const std::string svg = render_bar_chart(chart);
    EXPECT_NE(svg.find(">100%</text>"), std::string::npos);
    EXPECT_NE(svg.find(">25%</text>"), std::string::npos);
    EXPECT_NE(svg.find("width=\"165.0\""), std::string::npos);
}

TEST(SvgCharts, LongLabelsAreCutOnScreenAndWholeInTheHover) {
    BarChart chart = two_rows();
    chart.rows[0].label = std::string(40, 'x') + "\xC3\xA9";
    const std::string svg = render_bar_chart(chart);
    EXPECT_NE(svg.find("<title>" + std::string(40, 'x') + "\xC3\xA9</title>" + std::string(30, 'x') + "\xE2\x80\xA6"),
              std::string::npos);
}

TEST(SvgCharts, ColumnChartStacksSeriesWithOneHoverPerColumn) {
    ColumnChart chart;
    chart.id = "t";
    chart.title = "over time";
    chart.x_label = "hour";
    chart.y_label = "calls";
    chart.series = {"dropped", "never connected", "other"};
    chart.columns.push_back(Column{"14h", {1, 2, 3}, "14:00: 6 calls"});
    chart.columns.push_back(Column{"", {0, 0, 0}, "15:00: 0 calls"});
    const std::string svg = render_column_chart(chart);
    EXPECT_EQ(count(svg, "<g class=\"col\">"), 2U);
    EXPECT_NE(svg.find("<title>14:00: 6 calls</title>"), std::string::npos);
    EXPECT_NE(svg.find("<title>15:00: 0 calls</title>"), std::string::npos);
    EXPECT_EQ(count(svg, "class=\"hit\""), 2U);  // hover targets on empty columns too
    EXPECT_NE(svg.find(">14h</text>"), std::string::npos);
    EXPECT_NE(svg.find(">hour</text>"), std::string::npos);
    EXPECT_NE(svg.find(">calls</text>"), std::string::npos);
    EXPECT_EQ(count(svg, "class=\"legend\""), 3U);
}

}  // namespace
}  // namespace whohungup::detail::html
