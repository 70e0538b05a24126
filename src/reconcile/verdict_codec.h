// SPDX-License-Identifier: MIT
// A held verdict, whole, as bytes for the reconcile stage's spill file (reconcile/spill_file.h):
// every field, so that a verdict read back is equal to the one written (the output of a held call
// is the same bytes as if it had stayed in memory). Private to one run: not a file format.
#pragma once

#include <string>
#include <string_view>

#include "whohungup/verdict.h"

namespace whohungup::reconcile {

/// Appends `verdict` to `out`.
void encode_verdict(const Verdict& verdict, std::string& out);

/// The verdict `encode_verdict` wrote into `bytes`. The bytes come from this run's own spill file;
/// a short or damaged record throws std::runtime_error rather than reading past its end.
[[nodiscard]] Verdict decode_verdict(std::string_view bytes);

}  // namespace whohungup::reconcile
