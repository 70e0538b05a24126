// SPDX-License-Identifier: MIT
// "asterisk-cdr": Asterisk CDRs as CSV: the cdr table exported with a header row (calldate …
// disposition, billsec), or cdr-csv's Master.csv without one (cdr_csv's column order, or
// cdr_custom's sample mapping). One outcome-only verdict per row. Tested by
// tests/unit/asterisk_cdr_test.cc and testdata/golden/asterisk_cdr_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::asterisk {

[[nodiscard]] bool sniff_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_cdr_reader(const Limits& limits);

}  // namespace whohungup::exports::asterisk
