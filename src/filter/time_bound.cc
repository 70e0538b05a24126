// SPDX-License-Identifier: MIT
#include "filter/time_bound.h"

#include <charconv>

#include "core/time_format.h"

namespace whohungup {

namespace {

constexpr std::int64_t kMsPerDay = 86400000;

std::optional<std::int64_t> parse_date(std::string_view text) {
    // YYYY-MM-DD exactly.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    const auto number = [](std::string_view digits, auto& value) {
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return ec == std::errc() && end == digits.data() + digits.size();
    };
    if (!number(text.substr(0, 4), year) || !number(text.substr(5, 2), month) || !number(text.substr(8, 2), day) ||
        month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    return detail::days_from_civil(year, month, day) * kMsPerDay;
}

}  // namespace

std::optional<std::int64_t> parse_time_bound(std::string_view text, BoundKind kind) {
    if (const std::optional<std::int64_t> day = parse_date(text)) {
        return kind == BoundKind::kUntil ? *day + kMsPerDay : *day;
    }
    return detail::parse_iso8601_ms(text);
}

}  // namespace whohungup
