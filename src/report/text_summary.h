// SPDX-License-Identifier: MIT
// The --summary block of the text format: the per-agent table a supervisor reads first, then
// dropped and never-connected calls, then the counts by every other dimension.
#pragma once

#include <ostream>

#include "whohungup/summary.h"

namespace whohungup::detail {

void write_text_summary(const Summary& summary, std::ostream& out);

}  // namespace whohungup::detail
