// SPDX-License-Identifier: MIT
// "cisco-ucce-tcd": Cisco UCCE/PCCE Termination_Call_Detail rows exported as CSV with a header
// (RecoveryKey, DateTime, PeripheralCallKey, RouterCallKey…, CallDisposition). One outcome-only
// verdict per row. Tested by tests/unit/cisco_ucce_tcd_test.cc and testdata/golden/cisco_ucce_*.
#pragma once

#include <memory>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::cisco {

[[nodiscard]] bool sniff_ucce_tcd(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_ucce_tcd_reader(const Limits& limits);

}  // namespace whohungup::exports::cisco
