// SPDX-License-Identifier: MIT
// "kamailio-acc": the Kamailio / OpenSIPS acc table (one row per accounted SIP transaction:
// method, from_tag, to_tag, callid, sip_code, sip_reason, time, plus any extra columns) exported
// as CSV with a header. Rows are grouped by callid, one verdict per call: who sent the BYE (its
// From tag against the INVITE's tags), or the INVITE's final code when there is no BYE. Every acc
// input of a run is one group. Tested by tests/unit/kamailio_acc_test.cc and
// testdata/golden/kamailio_acc_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::kamailio {

[[nodiscard]] bool sniff_acc(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_acc_reader(const Limits& limits);
[[nodiscard]] std::string acc_group_key(std::string_view head);

}  // namespace whohungup::exports::kamailio
