// SPDX-License-Identifier: MIT
// Several sources of one call (a CCP log and the contact record of the same contact) become one
// verdict: the stronger source's, with every source's own view in `sources`, `agreement` set, and
// on a conflict the confidence lowered one step, both sides' evidence kept and the disagreement
// said in `detail`. The precedence is documented in docs/reconcile.md.
#pragma once

#include <vector>

#include "whohungup/verdict.h"

namespace whohungup::reconcile {

/// True when `a` is the stronger evidence of the two: a known party before unknown, then higher
/// confidence, then the format's precedence in its key space.
[[nodiscard]] bool stronger(const Verdict& a, const Verdict& b);

/// One verdict from the winners of two or more sources (one per format). `by_source` is
/// consumed; its order is that of first appearance, kept for equal strength.
[[nodiscard]] Verdict merge_sources(std::vector<Verdict> by_source);

}  // namespace whohungup::reconcile
