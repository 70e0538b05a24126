// SPDX-License-Identifier: MIT
#include "report/html/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/html/html_escape.h"

namespace whohungup::detail::html {

namespace {

constexpr int kWidth = 760;
constexpr int kLabelWidth = 230;  ///< bar charts: the label column
constexpr int kBarRight = 560;    ///< bar charts: where the longest bar ends; notes go after it
constexpr int kRowHeight = 22;
constexpr std::size_t kLabelBytes = 30;  ///< longer labels are cut in the chart (whole in the hover)

/// Series are told apart by lightness and texture: dark, hatched, light, mid grey, dotted.
/// The fills are CSS classes (the page's stylesheet gives them colours, dark mode included);
/// the hatches are patterns each chart defines under its own id.
std::string series_fill(const std::string& chart_id, std::size_t series) {
    switch (series % 5) {
        case 1: return fmt::format("url(#{}-hatch)", chart_id);
        case 4: return fmt::format("url(#{}-dots)", chart_id);
        default: return "";
    }
}

std::string series_attributes(const std::string& chart_id, std::size_t series) {
    // A patterned series gets a class with no fill rule: the stylesheet would override the
    // fill attribute that names the pattern.
    const std::string fill = series_fill(chart_id, series);
    return fill.empty() ? fmt::format("class=\"k{}\"", series % 5)
                        : fmt::format(R"(class="p{}" fill="{}")", series % 5, fill);
}

std::string patterns(const std::string& id) {
    return fmt::format(
        "<defs><pattern id=\"{0}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"k1b\"/>"
        "<rect width=\"3\" height=\"6\" class=\"k1\"/></pattern>"
        "<pattern id=\"{0}-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        "<rect width=\"5\" height=\"5\" class=\"k4b\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.4\" class=\"k4\"/>"
        "</pattern></defs>",
        id);
}

std::string cut_label(const std::string& label) {
    const std::string_view prefix = utf8_prefix(label, kLabelBytes);
    return prefix.size() == label.size() ? html(label) : html(prefix) + "\xE2\x80\xA6";
}

std::string format_tick(double value, bool percent) {
    if (percent) {
        return fmt::format("{:.0f}%", value * 100);
    }
    return value == std::floor(value) ? fmt::format("{:.0f}", value) : fmt::format("{:.1f}", value);
}

/// The SVG's opening, its accessible name, the visible title and the legend; returns the y
/// below them.
int open_chart(std::string& out,
               const std::string& id,
               const std::string& title,
               const std::vector<std::string>& series,
               int height) {
    out += fmt::format(R"(<svg class="chart" id="{0}" viewBox="0 0 {1} {2}" role="img" aria-labelledby="{0}-t">)", id,
                       kWidth, height);
    out += fmt::format("<title id=\"{}-t\">{}</title>", id, html(title));
    out += patterns(id);
    out += fmt::format(R"(<text class="ttl" x="0" y="18">{}</text>)", html(title));
    int x = 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        out += fmt::format(
            "<g class=\"legend\"><rect x=\"{}\" y=\"28\" width=\"14\" height=\"14\" {} stroke-width=\"0.5\"/>"
            "<text x=\"{}\" y=\"40\">{}</text></g>",
            x, series_attributes(id, i), x + 19, html(series[i]));
        x += 19 + static_cast<int>(series[i].size()) * 7 + 22;
    }
    return 56;
}

/// A value axis: `steps` grid steps of `step` each, from zero.
struct Axis {
    double step = 1;
    int steps = 1;
    [[nodiscard]] double end() const { return step * steps; }
};

/// Whole-number steps of 1, 2 or 5 times a power of ten, four or so of them, covering `largest`.
Axis count_axis(double largest) {
    Axis axis;
    axis.step = std::max(1.0, nice_ceiling(largest / 4));
    axis.steps = std::max(1, static_cast<int>(std::ceil(largest / axis.step - 1e-9)));
    return axis;
}

}  // namespace

double nice_ceiling(double value) {
    if (value <= 0) {
        return 1;
    }
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= value * (1 - 1e-12)) {
            return step * power;
        }
    }
    return 10 * power;
}

std::string render_bar_chart(const BarChart& chart) {
    Axis axis{chart.max_value / 4, 4};
    if (chart.max_value <= 0) {
        double largest = 0;
        for (const BarRow& row : chart.rows) {
            largest = std::max(largest, std::accumulate(row.values.begin(), row.values.end(), 0.0));
        }
        axis = count_axis(largest);
    }
    const double max_value = axis.end();
    const int rows_top = 56;
    const int axis_y = rows_top + static_cast<int>(chart.rows.size()) * kRowHeight + 4;
    const int height = axis_y + 40;
    std::string out;
    open_chart(out, chart.id, chart.title, chart.series, height);
    const double scale = (kBarRight - kLabelWidth) / max_value;
    for (int step = 0; step <= axis.steps; ++step) {
        const double value = axis.step * step;
        const double x = kLabelWidth + value * scale;
        out += fmt::format(
            "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/>"
            "<text class=\"tick\" x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
            x, rows_top - 4, axis_y, axis_y + 14, format_tick(value, chart.percent));
    }
    out += fmt::format(R"(<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>)",
                       (kLabelWidth + kBarRight) / 2, axis_y + 32, html(chart.axis_label));
    int y = rows_top;
    for (const BarRow& row : chart.rows) {
        out += "<g class=\"row\">";
        out += fmt::format(R"(<text class="label" x="{}" y="{}" text-anchor="end"><title>{}</title>{}</text>)",
                           kLabelWidth - 8, y + 15, html(row.label), cut_label(row.label));
        double x = kLabelWidth;
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const double width = std::max(0.0, row.values[i] * scale);
            const std::string hover = i < row.hovers.size() ? row.hovers[i] : std::string();
            out += fmt::format(R"(<rect x="{:.1f}" y="{}" width="{:.1f}" height="{}" {}><title>{}</title></rect>)", x,
                               y + 3, width, kRowHeight - 6, series_attributes(chart.id, i), html(hover));
            x += width;
        }
        out += fmt::format(R"(<text class="note" x="{:.1f}" y="{}">{}</text>)", x + 6, y + 15, html(row.note));
        out += "</g>";
        y += kRowHeight;
    }
    out += fmt::format(R"(<line class="axisline" x1="{0}" y1="{1}" x2="{0}" y2="{2}"/>)", kLabelWidth, rows_top - 4,
                       axis_y);
    out += "</svg>";
    return out;
}

std::string render_column_chart(const ColumnChart& chart) {
    constexpr int kLeft = 56;
    constexpr int kRight = kWidth - 8;
    constexpr int kTop = 64;
    constexpr int kPlotHeight = 200;
    std::uint64_t largest = 0;
    for (const Column& column : chart.columns) {
        largest = std::max(largest, std::accumulate(column.values.begin(), column.values.end(), std::uint64_t{0}));
    }
    const Axis axis = count_axis(static_cast<double>(largest));
    const double max_value = axis.end();
    const int bottom = kTop + kPlotHeight;
    const int height = bottom + 62;
    std::string out;
    open_chart(out, chart.id, chart.title, chart.series, height);
    const double scale = kPlotHeight / max_value;
    for (int step = 0; step <= axis.steps; ++step) {
        const double value = axis.step * step;
        const double y = bottom - value * scale;
        out += fmt::format(
            "<line class=\"grid\" x1=\"{0}\" y1=\"{2:.1f}\" x2=\"{1}\" y2=\"{2:.1f}\"/>"
            "<text class=\"tick\" x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>",
            kLeft, kRight, y, kLeft - 6, y + 4, format_tick(value, false));
    }
    out +=
        fmt::format("<text class=\"axis\" transform=\"translate(14 {}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
                    kTop + kPlotHeight / 2, html(chart.y_label));
    out += fmt::format(R"(<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>)", (kLeft + kRight) / 2,
                       bottom + 52, html(chart.x_label));
    const std::size_t count = std::max<std::size_t>(chart.columns.size(), 1);
    const double slot = static_cast<double>(kRight - kLeft) / static_cast<double>(count);
    const double bar = std::max(1.0, slot * 0.8);
    for (std::size_t c = 0; c < chart.columns.size(); ++c) {
        const Column& column = chart.columns[c];
        const double x = kLeft + slot * static_cast<double>(c) + (slot - bar) / 2;
        out += fmt::format("<g class=\"col\"><title>{}</title>", html(column.hover));
        double y = bottom;
        for (std::size_t i = 0; i < column.values.size(); ++i) {
            const double h = static_cast<double>(column.values[i]) * scale;
            if (h <= 0) {
                continue;
            }
            y -= h;
            out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" {}/>)", x, y, bar, h,
                               series_attributes(chart.id, i));
        }
        // An invisible full-height target, so the hover works on empty and thin columns too.
        out += fmt::format(R"(<rect class="hit" x="{:.1f}" y="{}" width="{:.1f}" height="{}"/>)", x, kTop, bar,
                           kPlotHeight);
        out += "</g>";
        if (!column.tick.empty()) {
            out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", x + bar / 2,
                               bottom + 16, html(column.tick));
        }
    }
    out += fmt::format(R"(<line class="axisline" x1="{0}" y1="{1}" x2="{2}" y2="{1}"/>)", kLeft, bottom, kRight);
    out += "</svg>";
    return out;
}

}  // namespace whohungup::detail::html
