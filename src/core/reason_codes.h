// SPDX-License-Identifier: MIT
// The reason codes as a table (code, name, meaning), made from whohungup/reason_codes.inc: what
// docs/verdicts.md's reason table is rendered from. tests/unit/reason_codes_test.cc fails when the
// list is not sorted or the docs table differs from render_reason_table().
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "whohungup/reason.h"

namespace whohungup {

struct ReasonCode {
    Reason code;
    std::string_view name;     ///< the stable snake_case code
    std::string_view meaning;  ///< one sentence, for docs/verdicts.md
};

/// In enum order, which is sorted by name.
[[nodiscard]] std::span<const ReasonCode> reason_codes();
[[nodiscard]] const ReasonCode* find_reason_code(std::string_view name);

/// The Markdown table of docs/verdicts.md ("| reason | meaning |" and one row per code).
[[nodiscard]] std::string render_reason_table();

}  // namespace whohungup
