// SPDX-License-Identifier: MIT
// "cisco-cucm-cdr": Cisco Unified CM CDR flat files (cdr_<cluster>_<node>_<time>_<seq>: CSV, line 1
// the field names, line 2 their types), rows grouped by globalCallID_callManagerId +
// globalCallID_callId, one verdict per call. Every CDR file of a run is one group (a call's legs
// may land in consecutive files). Tested by tests/unit/cisco_cucm_cdr_test.cc and
// testdata/golden/cisco_cucm_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::cisco {

[[nodiscard]] bool sniff_cucm_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_cucm_cdr_reader(const Limits& limits);
[[nodiscard]] std::string cucm_group_key(std::string_view head);

}  // namespace whohungup::exports::cisco
