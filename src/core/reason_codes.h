// SPDX-License-Identifier: MIT
// Every `reason` code whohungup can emit, with its meaning: the one list docs/verdicts.md's
// reason table is rendered from. tests/unit/reason_codes_test.cc fails on a code assigned in
// the sources (or in a vendor reason table) that is missing here, and on a docs table that
// differs from render_reason_table().
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace whohungup {

struct ReasonCode {
    std::string_view name;     ///< the stable snake_case code
    std::string_view meaning;  ///< one sentence, for docs/verdicts.md
};

/// Sorted by name.
[[nodiscard]] std::span<const ReasonCode> reason_codes();
[[nodiscard]] const ReasonCode* find_reason_code(std::string_view name);

/// The Markdown table of docs/verdicts.md ("| reason | meaning |" and one row per code).
[[nodiscard]] std::string render_reason_table();

}  // namespace whohungup
