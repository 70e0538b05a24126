// SPDX-License-Identifier: MIT
// The values of --since and --until: an ISO-8601 time (UTC unless it carries an offset) or a
// date, which stands for its whole day in UTC (--since DAY from its first millisecond, --until
// DAY up to the end of it).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace whohungup {

enum class BoundKind : std::uint8_t { kSince, kUntil };

/// Epoch milliseconds of the bound (--since inclusive, --until exclusive), or nullopt when the
/// text is neither a time nor a date.
[[nodiscard]] std::optional<std::int64_t> parse_time_bound(std::string_view text, BoundKind kind);

}  // namespace whohungup
