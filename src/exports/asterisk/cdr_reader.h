// SPDX-License-Identifier: MIT
// "asterisk-cdr": Asterisk CDRs as CSV: the cdr table exported with a header row (calldate …
// disposition, billsec), or cdr-csv's Master.csv without one (cdr_csv's column order, or
// cdr_custom's sample mapping). One outcome-only verdict per call: rows sharing a linkedid
// (Asterisk 12+ writes one per Party A/B pair) are one call, across every CDR input of the run;
// rows without one stand alone. Tested by tests/unit/outcome_only_records_test.cc and
// testdata/golden/asterisk_cdr_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::asterisk {

[[nodiscard]] bool sniff_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_cdr_reader(const Limits& limits);
[[nodiscard]] std::string cdr_group_key(std::string_view head);

}  // namespace whohungup::exports::asterisk
