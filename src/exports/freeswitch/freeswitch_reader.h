// SPDX-License-Identifier: MIT
// "freeswitch-json-cdr" (mod_json_cdr) and "freeswitch-xml-cdr" (mod_xml_cdr): one document per
// leg, legs joined by the A-leg's uuid (a B-leg names it in originating_leg_uuid), one verdict per
// call. Every input of a run of one format is one group, so a directory of per-leg files joins.
// Tested by tests/unit/freeswitch_cdr_test.cc and testdata/golden/freeswitch_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::freeswitch {

[[nodiscard]] bool sniff_json_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_json_cdr_reader(const Limits& limits);
[[nodiscard]] bool sniff_xml_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_xml_cdr_reader(const Limits& limits);
[[nodiscard]] std::string cdr_group_key(std::string_view head);

}  // namespace whohungup::exports::freeswitch
