// SPDX-License-Identifier: MIT
// A Cisco Unified CM CDR as plain data: one row of a flat file (line 1 field names, line 2 types).
// Field meanings: docs/platforms.md#cisco-cucm-cdr, from Cisco's CDR Definition (field table,
// Call Clearing Causes, OnBehalfOf codes).
#pragma once

#include <cstdint>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup::exports::cisco {

struct CucmRecord {
    std::string call_manager_id;  ///< globalCallID_callManagerId
    std::string call_id;          ///< globalCallID_callId: the legs of one call share it
    std::int64_t originated_ms = kNoTime;
    std::int64_t connected_ms = kNoTime;  ///< kNoTime: never connected (dateTimeConnect 0)
    std::int64_t disconnected_ms = kNoTime;
    std::string calling_number;
    std::string called_number;    ///< finalCalledPartyNumber, else originalCalledPartyNumber
    std::int64_t orig_cause = 0;  ///< non-zero only when the originating party cleared (Q.850)
    std::int64_t dest_cause = 0;  ///< non-zero when the destination cleared or rejected
    std::int64_t orig_on_behalf_of = -1;
    std::int64_t dest_on_behalf_of = -1;
    std::string orig_device;  ///< origDeviceName: SEP… phones, or a gateway / trunk
    std::string dest_device;
    std::string input;
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
    std::string text;  ///< the fields that decide, for evidence
};

}  // namespace whohungup::exports::cisco
