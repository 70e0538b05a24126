// SPDX-License-Identifier: MIT
// The "whohungup-jsonl" format: whohungup's own `--format jsonl` output read back, so per-file
// verdicts (the map step, run anywhere) merge into one summary (the reduce step). Verdict lines
// come back field for field; input_end and summary lines are read and not re-counted.
// Tested by tests/e2e/map_reduce_test.sh and tests/unit/vendor_readers_test.cc.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports {

[[nodiscard]] bool sniff_verdict_jsonl(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_verdict_jsonl_reader(const Limits& limits);

}  // namespace whohungup::exports
