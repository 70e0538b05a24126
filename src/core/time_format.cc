// SPDX-License-Identifier: MIT
#include "core/time_format.h"

#include <fmt/format.h>

#include <charconv>
#include <iterator>

namespace whohungup::detail {

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3U : 9U)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {year + (month <= 2 ? 1 : 0), month, day};
}

/// Reads 1..max_digits digits at `pos`; advances `pos`.
bool read_number(std::string_view text, std::size_t& pos, std::size_t max_digits, unsigned& out) {
    std::size_t digits = 0;
    out = 0;
    while (pos < text.size() && digits < max_digits && text[pos] >= '0' && text[pos] <= '9') {
        out = out * 10 + static_cast<unsigned>(text[pos] - '0');
        ++pos;
        ++digits;
    }
    return digits > 0;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

}  // namespace

std::optional<std::int64_t> parse_iso8601_ms(std::string_view text) {
    // "2019-10-03T18:21:26.478Z": fixed positions, read in one go.
    constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (text.size() != kShape.size()) {
        return parse_iso8601_ms_general(text);
    }
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) {
            return parse_iso8601_ms_general(text);
        }
    }
    const auto number = [text](std::size_t at, std::size_t digits) {
        unsigned value = 0;
        for (std::size_t i = at; i < at + digits; ++i) {
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
        }
        return value;
    };
    const unsigned month = number(5, 2);
    const unsigned day = number(8, 2);
    const unsigned hour = number(11, 2);
    const unsigned minute = number(14, 2);
    const unsigned second = number(17, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    const std::int64_t days = days_from_civil(number(0, 4), month, day);
    const std::int64_t seconds = days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
    return time_in_range(seconds * 1000 + number(20, 3));
}

std::optional<std::int64_t> parse_iso8601_ms_general(std::string_view text) {
    std::size_t pos = 0;
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!read_number(text, pos, 4, year) || pos != 4 || !expect(text, pos, '-') || !read_number(text, pos, 2, month) ||
        !expect(text, pos, '-') || !read_number(text, pos, 2, day)) {
        return std::nullopt;
    }
    if (!expect(text, pos, 'T') && !expect(text, pos, ' ')) {
        return std::nullopt;
    }
    if (!read_number(text, pos, 2, hour) || !expect(text, pos, ':') || !read_number(text, pos, 2, minute)) {
        return std::nullopt;
    }
    if (expect(text, pos, ':') && !read_number(text, pos, 2, second)) {
        return std::nullopt;
    }
    unsigned millis = 0;
    if (expect(text, pos, '.') || expect(text, pos, ',')) {
        unsigned scale = 100;
        std::size_t digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis += static_cast<unsigned>(text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
            ++digits;
        }
        if (digits == 0) {
            return std::nullopt;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    std::int64_t offset_minutes = 0;
    if (pos < text.size()) {
        const char zone = text[pos];
        if (zone == 'Z' || zone == 'z') {
            ++pos;
        } else if (zone == '+' || zone == '-') {
            ++pos;
            unsigned oh = 0;
            unsigned om = 0;
            if (!read_number(text, pos, 2, oh)) {
                return std::nullopt;
            }
            expect(text, pos, ':');
            read_number(text, pos, 2, om);
            if (oh > 23 || om > 59) {
                return std::nullopt;  // "+99:99" is no time zone
            }
            offset_minutes = static_cast<std::int64_t>(oh * 60 + om) * (zone == '-' ? -1 : 1);
        }
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    const std::int64_t days = days_from_civil(year, month, day);
    const std::int64_t seconds = days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
    return time_in_range((seconds - offset_minutes * 60) * 1000 + millis);
}

std::optional<std::int64_t> parse_us_datetime_ms(std::string_view text) {
    return parse_slash_datetime_ms(text, DateOrder::kMonthFirst);
}

std::optional<std::int64_t> parse_slash_datetime_ms(std::string_view text, DateOrder order) {
    std::size_t pos = 0;
    unsigned first_number = 0;
    unsigned second_number = 0;
    unsigned year = 0;
    if (!read_number(text, pos, 2, first_number) || !expect(text, pos, '/') ||
        !read_number(text, pos, 2, second_number) || !expect(text, pos, '/') || !read_number(text, pos, 4, year)) {
        return std::nullopt;
    }
    const unsigned month = order == DateOrder::kMonthFirst ? first_number : second_number;
    const unsigned day = order == DateOrder::kMonthFirst ? second_number : first_number;
    if (year < 100) {
        year += 2000;
    }
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (expect(text, pos, ' ')) {
        if (!read_number(text, pos, 2, hour) || !expect(text, pos, ':') || !read_number(text, pos, 2, minute)) {
            return std::nullopt;
        }
        if (expect(text, pos, ':') && !read_number(text, pos, 2, second)) {
            return std::nullopt;
        }
        if (expect(text, pos, ' ')) {
            const std::string_view meridiem = text.substr(pos);
            if ((meridiem == "PM" || meridiem == "pm") && hour < 12) {
                hour += 12;
            } else if ((meridiem == "AM" || meridiem == "am") && hour == 12) {
                hour = 0;
            } else if (meridiem != "AM" && meridiem != "am" && meridiem != "PM" && meridiem != "pm") {
                return std::nullopt;
            }
            pos = text.size();
        }
    }
    if (pos != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 59) {
        return std::nullopt;
    }
    const std::int64_t days = days_from_civil(year, month, day);
    return time_in_range((days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second) * 1000);
}

std::string format_iso8601_ms(std::int64_t epoch_ms) {
    std::string out;
    append_iso8601_ms(out, epoch_ms);
    return out;
}

void append_seconds(std::string& out, std::int64_t ms) {
    if (ms < 0) {
        out.push_back('-');
        ms = -ms;  // durations are never negative; kept exact for any caller all the same
    }
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), ms / 1000);
    out.append(std::begin(digits), result.ptr);
    const auto fraction = static_cast<int>(ms % 1000);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + fraction / 100));
    out.push_back(static_cast<char>('0' + fraction / 10 % 10));
    out.push_back(static_cast<char>('0' + fraction % 10));
}

void append_iso8601_ms(std::string& out, std::int64_t epoch_ms) {
    // Hand-formatted: every verdict line writes several of these.
    const std::int64_t days = floor_div(epoch_ms, 86400000);
    const std::int64_t ms_of_day = epoch_ms - days * 86400000;
    const Civil civil = civil_from_days(days);
    if (civil.year < 0 || civil.year > 9999) {
        fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", civil.year, civil.month,
                       civil.day, ms_of_day / 3600000, (ms_of_day / 60000) % 60, (ms_of_day / 1000) % 60,
                       ms_of_day % 1000);
        return;
    }
    const std::size_t start = out.size();
    out += "0000-00-00T00:00:00.000Z";
    const auto put = [&out, start](std::size_t at, std::int64_t value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[start + at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, civil.year, 4);
    put(5, civil.month, 2);
    put(8, civil.day, 2);
    put(11, ms_of_day / 3600000, 2);
    put(14, (ms_of_day / 60000) % 60, 2);
    put(17, (ms_of_day / 1000) % 60, 2);
    put(20, ms_of_day % 1000, 3);
}

std::string format_day(std::int64_t epoch_ms) {
    const Civil civil = civil_from_days(floor_div(epoch_ms, 86400000));
    return fmt::format("{:04}-{:02}-{:02}", civil.year, civil.month, civil.day);
}

}  // namespace whohungup::detail
