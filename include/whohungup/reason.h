// SPDX-License-Identifier: MIT
// A verdict's `reason`: one stable code from the list in whohungup/reason_codes.inc. Code that
// decides or branches on a reason uses the enumerator (`Reason::agent_hangup`), so a misspelt or
// unlisted code does not compile; the text appears only where verdicts are written or read back.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace whohungup {

// The enumerators are the wire codes themselves (snake_case, unlike the project's other enums), so
// the code a user sees in the output is the word to grep for in the sources.
enum class Reason : std::uint16_t {
#define WHOHUNGUP_REASON(code, meaning) code,
#include "whohungup/reason_codes.inc"
#undef WHOHUNGUP_REASON
};

/// The length of the longest code: the text table's REASON column is this wide.
inline constexpr std::size_t kLongestReasonCode = std::max({
#define WHOHUNGUP_REASON(code, meaning) sizeof(#code) - 1,
#include "whohungup/reason_codes.inc"
#undef WHOHUNGUP_REASON
});

/// The stable snake_case code, as the writers print it.
[[nodiscard]] std::string_view to_string(Reason reason);
/// The one-sentence meaning (docs/verdicts.md).
[[nodiscard]] std::string_view meaning_of(Reason reason);
/// The code spelt `text`, or nothing when no code is spelt so.
[[nodiscard]] std::optional<Reason> reason_from_string(std::string_view text);

}  // namespace whohungup
