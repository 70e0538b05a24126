// SPDX-License-Identifier: MIT
// Asterisk CEL as plain data: one channel event (the decoder's output) and one call, the events
// of one linkedid that matter (decide()'s input). Field meanings: docs/platforms.md#asterisk-cel,
// from asterisk main/cel.c and CEL-Specification.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exports/common/seen_rows.h"
#include "whohungup/verdict.h"

namespace whohungup::exports::asterisk {

struct CelEvent {
    std::string eventtype;  ///< CHAN_START, ANSWER, HANGUP, BRIDGE_ENTER, LINKEDID_END, …
    std::int64_t time_ms = kNoTime;
    std::int64_t id = -1;  ///< the table's id column, when there is one (orders same-time rows)
    std::string channel;   ///< channame
    std::string uniqueid;
    std::string linkedid;
    std::string cid_num;
    std::string exten;
    std::string extra;  ///< HANGUP: {"hangupcause":16,"hangupsource":"PJSIP/…","dialstatus":"ANSWER"}
    std::string input;
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
};

/// One HANGUP row, its extra decoded.
struct CelHangup {
    std::int64_t time_ms = kNoTime;
    std::int64_t id = -1;
    std::uint64_t order = 0;  ///< read order, for rows with the same time and no id
    std::string channel;
    std::string hangupsource;
    std::int64_t hangupcause = -1;
    std::string dialstatus;
    std::string input;
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
};

struct CelCall {
    std::string linkedid;
    std::string caller_channel;  ///< the channel whose uniqueid is the linkedid: it placed the call
    std::string caller_number;
    std::string dialled;  ///< exten of the caller's CHAN_START
    std::int64_t started_ms = kNoTime;
    std::int64_t ended_ms = kNoTime;
    std::vector<std::string> bridged;  ///< channels that entered a bridge (capped)
    std::vector<CelHangup> hangups;    ///< capped
    std::string transfer;              ///< BLINDTRANSFER / ATTENDEDTRANSFER when one happened
    bool linkedid_end = false;
    std::uint64_t order = 0;
    /// Rows read again (one file given twice) add nothing: an input given twice changes no verdict.
    SeenRows seen_rows;
};

}  // namespace whohungup::exports::asterisk
