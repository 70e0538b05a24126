// SPDX-License-Identifier: MIT
// "asterisk-cel": Asterisk Channel Event Logging as CSV: the `cel` table exported with a header,
// or cel_custom's Master.csv in the sample template's column order (no header). Rows are grouped
// by linkedid (they may come newest first), one verdict per call from its HANGUP rows' extra.
// Every CEL input of a run is one group. Tested by tests/unit/asterisk_cel_test.cc and
// testdata/golden/asterisk_cel_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::asterisk {

[[nodiscard]] bool sniff_cel(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_cel_reader(const Limits& limits);
[[nodiscard]] std::string cel_group_key(std::string_view head);

}  // namespace whohungup::exports::asterisk
