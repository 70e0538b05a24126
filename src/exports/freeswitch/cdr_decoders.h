// SPDX-License-Identifier: MIT
// The wire shapes of FreeSWITCH CDRs, each turned into FreeswitchLeg:
//  * mod_json_cdr: {"core-uuid", "channel_data": {"direction", …}, "variables": {…}, "callflow": …},
//    values URL-encoded when encode-values=true (the shipped default; switch_ivr_generate_json_cdr);
//  * mod_xml_cdr: <cdr><channel_data><direction>…</direction></channel_data><variables>…</variables>
//    …</cdr>, variable text always URL-encoded (switch_ivr_set_xml_chan_var), read with expat.
// Tested by tests/unit/freeswitch_cdr_test.cc.
#pragma once

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>

#include "exports/freeswitch/freeswitch_cdr_record.h"
#include "whohungup/byte_source.h"

namespace whohungup::exports::freeswitch {

/// "%2B1555%20x" → "+1555 x". Only %XX is decoded ('+' stays: it is a number's '+').
[[nodiscard]] std::string url_decoded(std::string_view text);

/// Fills `leg` from one mod_json_cdr document; false when it has no variables object or uuid.
bool decode_json_cdr(simdjson::dom::object cdr, FreeswitchLeg& leg);

/// Streams mod_xml_cdr XML: one <cdr> root, or several <cdr> elements under any wrapper.
/// Calls `on_leg` per <cdr> (false when it had no uuid). Returns "" or the XML error with its
/// line ("line 7: mismatched tag").
std::string read_xml_cdrs(ByteSource& source,
                          const std::function<void(FreeswitchLeg&&, bool ok, std::uint64_t line)>& on_leg,
                          std::uint64_t& bytes_read);

/// Fills the leg's fields from one (decoded) variable.
void set_variable(FreeswitchLeg& leg, std::string_view name, std::string value);

}  // namespace whohungup::exports::freeswitch
