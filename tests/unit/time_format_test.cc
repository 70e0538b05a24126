// SPDX-License-Identifier: MIT
#include "core/time_format.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "whohungup/verdict.h"

namespace whohungup::detail {
namespace {

TEST(TimeFormat, ParsesCcpTimestamps) {
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21:26.478Z"), 1570126886478);
    EXPECT_EQ(parse_iso8601_ms("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21:26.4Z"), 1570126886400);
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21:26.478123Z"), 1570126886478);
}

TEST(TimeFormat, AppliesOffsetsAndSpaces) {
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T20:21:26.478+02:00"), 1570126886478);
    EXPECT_EQ(parse_iso8601_ms("2019-10-03 18:21:26.478"), 1570126886478);
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21Z"), 1570126860000);
}

TEST(TimeFormat, ToleratesOneDigitDayAndMonth) {
    EXPECT_EQ(parse_iso8601_ms("2024-3-5T09:00:00Z"), parse_iso8601_ms("2024-03-05T09:00:00Z"));
}

TEST(TimeFormat, RejectsGarbage) {
    EXPECT_FALSE(parse_iso8601_ms(""));
    EXPECT_FALSE(parse_iso8601_ms("yesterday"));
    EXPECT_FALSE(parse_iso8601_ms("2019-13-03T18:21:26Z"));
    EXPECT_FALSE(parse_iso8601_ms("2019-10-03T18:21:26.478Zjunk"));
    EXPECT_FALSE(parse_iso8601_ms("19-10-03T18:21:26Z"));
}

TEST(TimeFormat, FormatsRoundTrip) {
    EXPECT_EQ(format_iso8601_ms(1570126886478), "2019-10-03T18:21:26.478Z");
    EXPECT_EQ(format_iso8601_ms(-1), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(format_day(1570126886478), "2019-10-03");
    for (std::int64_t ms : {0LL, 951782400000LL, 4102444799999LL}) {
        EXPECT_EQ(parse_iso8601_ms(format_iso8601_ms(ms)), ms);
    }
    std::string appended = "at ";
    append_iso8601_ms(appended, 1570126886478);
    EXPECT_EQ(appended, "at 2019-10-03T18:21:26.478Z");  // appends, keeps what was there
}

TEST(TimeFormat, ShortcutForTheCommonShapeAgreesWithTheGeneralReader) {
    // Random digits in every position of "YYYY-MM-DDTHH:MM:SS.fffZ", in and out of range, and
    // every separator replaced once by a near miss.
    std::mt19937 random(11);
    std::uniform_int_distribution<int> digit(0, 9);
    for (int i = 0; i < 20000; ++i) {
        std::string text = "dddd-dd-ddTdd:dd:dd.dddZ";
        for (char& c : text) {
            if (c == 'd') c = static_cast<char>('0' + digit(random));
        }
        EXPECT_EQ(parse_iso8601_ms(text), parse_iso8601_ms_general(text)) << text;
        const std::size_t at = static_cast<std::size_t>(i) % text.size();
        for (const char near : {' ', 'T', 'z', '+', '/', 'x'}) {
            std::string changed = text;
            changed[at] = near;
            EXPECT_EQ(parse_iso8601_ms(changed), parse_iso8601_ms_general(changed)) << changed;
        }
    }
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21:26.478Z"), 1570126886478);
    EXPECT_FALSE(parse_iso8601_ms("2019-13-03T18:21:26.478Z"));
}

TEST(TimeFormat, SecondsFromMillisecondsMatchThreeDecimalFormatting) {
    const auto seconds = [](std::int64_t ms) {
        std::string out;
        append_seconds(out, ms);
        return out;
    };
    EXPECT_EQ(seconds(0), "0.000");
    EXPECT_EQ(seconds(5), "0.005");
    EXPECT_EQ(seconds(1234), "1.234");
    EXPECT_EQ(seconds(86400000), "86400.000");
    EXPECT_EQ(seconds(-1500), "-1.500");
    std::mt19937_64 random(7);
    for (int i = 0; i < 10000; ++i) {
        const auto ms = static_cast<std::int64_t>(random() % 100000000000ULL);  // up to about three years
        EXPECT_EQ(seconds(ms), fmt::format("{:.3f}", static_cast<double>(ms) / 1000.0)) << ms;
    }
}

}  // namespace
TEST(TimeFormat, AcceptsOnlyYears1970To9999) {
    EXPECT_EQ(parse_iso8601_ms("1970-01-01T00:00:00.000Z"), 0);
    EXPECT_EQ(parse_iso8601_ms("9999-12-31T23:59:59.999Z"), kLastTimeMs);
    EXPECT_FALSE(parse_iso8601_ms("1969-12-31T23:59:59.999Z"));
    EXPECT_FALSE(parse_iso8601_ms("0000-01-01T00:00:00Z"));
    EXPECT_FALSE(parse_iso8601_ms("1970-01-01T00:30:00+01:00"));  // 1969 in UTC
    EXPECT_FALSE(parse_us_datetime_ms("12/31/1969 11:00 PM"));
    EXPECT_EQ(time_in_range(kLastTimeMs + 1), std::nullopt);
    EXPECT_EQ(time_in_range(INT64_MIN + 1), std::nullopt);
    EXPECT_EQ(time_in_range(INT64_MAX), std::nullopt);
    EXPECT_EQ(time_in_range(1570126886478), 1570126886478);
}

TEST(TimeFormat, SlashDatesReadInEitherOrder) {
    EXPECT_EQ(parse_slash_datetime_ms("13/01/2026 09:00", DateOrder::kDayFirst),
              parse_iso8601_ms("2026-01-13T09:00:00Z"));
    EXPECT_FALSE(parse_slash_datetime_ms("13/01/2026 09:00", DateOrder::kMonthFirst));
    EXPECT_EQ(parse_slash_datetime_ms("02/01/2026", DateOrder::kDayFirst), parse_iso8601_ms("2026-01-02T00:00:00Z"));
    EXPECT_EQ(parse_slash_datetime_ms("02/01/2026", DateOrder::kMonthFirst), parse_iso8601_ms("2026-02-01T00:00:00Z"));
    EXPECT_EQ(parse_us_datetime_ms("1/5/26 9:07 PM"), parse_slash_datetime_ms("5/1/26 9:07 PM", DateOrder::kDayFirst));
    EXPECT_FALSE(parse_slash_datetime_ms("01/13/2026", DateOrder::kDayFirst));
}

TEST(TimeFormat, RejectsOffsetsThatAreNoTimeZone) {
    EXPECT_FALSE(parse_iso8601_ms("2019-10-03T18:21:26+99:99"));
    EXPECT_FALSE(parse_iso8601_ms("2019-10-03T18:21:26-24:00"));
    EXPECT_FALSE(parse_iso8601_ms("2019-10-03T18:21:26+05:60"));
    EXPECT_EQ(parse_iso8601_ms("2019-10-03T18:21:26+23:59"), parse_iso8601_ms("2019-10-02T18:22:26Z"));
}

TEST(Verdict, DurationNeverOverflows) {
    Verdict verdict;
    verdict.started_at_ms = INT64_MIN + 1;
    verdict.ended_at_ms = INT64_MAX;
    EXPECT_EQ(verdict.duration_ms(), std::nullopt);
    verdict.started_at_ms = 1000;
    verdict.ended_at_ms = 61000;
    EXPECT_EQ(verdict.duration_ms(), 60000);
}

}  // namespace whohungup::detail
