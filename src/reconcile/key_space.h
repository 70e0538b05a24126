// SPDX-License-Identifier: MIT
// Which call ids are the same call: a key space per platform (a CCP log and a contact record both
// speak of Amazon Connect contactIds; a Genesys conversation and its Interactions-CSV row of the
// same conversationId), the precedence of each format inside its space, and which readers can
// repeat a call. docs/reconcile.md is the reference for every row.
#pragma once

#include <string_view>

namespace whohungup::reconcile {

struct FormatRole {
    std::string_view format;     ///< reader name
    std::string_view key_space;  ///< formats of one space describe the same calls by the same ids
    /// Breaks ties between sources of equal confidence: higher is the stronger evidence.
    int precedence = 1;
    /// The reader itself gives one verdict per call for all the inputs of its group.
    bool one_per_call = false;
};

/// The format's role; a format this table does not list is its own key space, rank 1, and may
/// repeat a call (the safe default: its verdicts are held and de-duplicated).
[[nodiscard]] FormatRole role_of(std::string_view format);

/// whohungup's own JSON Lines: its verdicts keep their own source_format, so they may belong to
/// any key space.
[[nodiscard]] bool carries_any_key_space(std::string_view format);

}  // namespace whohungup::reconcile
