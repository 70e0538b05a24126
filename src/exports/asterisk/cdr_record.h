// SPDX-License-Identifier: MIT
// One Asterisk CDR row as plain data (the reader fills it from the cdr table's CSV export or from
// Master.csv; decide_cdr() reads it). Field meanings: docs/platforms.md#asterisk-cdr.
#pragma once

#include <cstdint>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup::exports::asterisk {

struct AsteriskCdr {
    std::string uniqueid;
    std::string linkedid;  ///< Asterisk 12+ (and FreePBX's table): joins the CDRs of one call
    std::string src;
    std::string dst;
    std::string channel;      ///< the caller's channel (Party A)
    std::string dstchannel;   ///< the called channel (Party B), "" when nothing was dialled
    std::string disposition;  ///< ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION
    std::string userfield;    ///< site-defined; some sites copy ${CHANNEL(hangupsource)} here
    std::int64_t started_at_ms = kNoTime;
    std::int64_t answered_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
};

}  // namespace whohungup::exports::asterisk
