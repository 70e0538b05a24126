// SPDX-License-Identifier: MIT
// ISO-8601 <-> epoch milliseconds, UTC only, without locale or time-zone database lookups
// (this runs once per log entry, so it is hand-written and allocation-free).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace whohungup::detail {

/// The times whohungup reads: 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z. A call
/// log outside them is corrupt, and inside them every sum and difference of times is exact.
inline constexpr std::int64_t kFirstTimeMs = 0;
inline constexpr std::int64_t kLastTimeMs = 253402300799999;

/// `ms` when it is a time of that range, else nullopt (an unreadable time).
[[nodiscard]] constexpr std::optional<std::int64_t> time_in_range(std::int64_t ms) {
    return ms >= kFirstTimeMs && ms <= kLastTimeMs ? std::optional<std::int64_t>(ms) : std::nullopt;
}

/// Parses "YYYY-MM-DDTHH:MM:SS[.fff...][Z|+hh:mm|-hh:mm]" (a space may replace 'T'; a
/// one-digit month, day or hour is tolerated; an offset is at most 23:59). Returns epoch
/// milliseconds, or nullopt when unreadable or outside the range above.
[[nodiscard]] std::optional<std::int64_t> parse_iso8601_ms(std::string_view text);

/// The same without the shortcut for "YYYY-MM-DDTHH:MM:SS.fffZ" (the shape of nearly every log
/// time); tests check that the shortcut and this agree.
[[nodiscard]] std::optional<std::int64_t> parse_iso8601_ms_general(std::string_view text);

/// Which of a slash date's first two numbers is the month.
enum class DateOrder { kMonthFirst, kDayFirst };

/// "1/5/26 9:07 AM", "01/05/2026 09:07:30 PM", "1/5/2026 21:07", read in `order` (month first
/// is the US order, as Genesys Cloud's US-English UI exports show dates; day first "13/01/2026
/// 09:00" is most other locales'); read as UTC. nullopt when unreadable in that order.
[[nodiscard]] std::optional<std::int64_t> parse_slash_datetime_ms(std::string_view text, DateOrder order);

/// parse_slash_datetime_ms() in the US month/day order.
[[nodiscard]] std::optional<std::int64_t> parse_us_datetime_ms(std::string_view text);

/// "2019-10-03T18:21:26.478Z".
[[nodiscard]] std::string format_iso8601_ms(std::int64_t epoch_ms);

/// The same, appended to `out` (writers call this for every time they print).
void append_iso8601_ms(std::string& out, std::int64_t epoch_ms);

/// "12.345": a millisecond count as seconds with three decimals, exactly.
void append_seconds(std::string& out, std::int64_t ms);

/// "2019-10-03" (UTC day).
[[nodiscard]] std::string format_day(std::int64_t epoch_ms);

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
[[nodiscard]] std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace whohungup::detail
