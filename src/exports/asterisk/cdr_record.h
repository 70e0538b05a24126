// SPDX-License-Identifier: MIT
// One Asterisk CDR row as plain data (the reader fills it from the cdr table's CSV export or from
// Master.csv; decide_cdr() reads it), and the rows of one linkedid. Field meanings: docs/platforms.md#asterisk-cdr.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exports/common/seen_rows.h"
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

/// The CDRs of one linkedid (Asterisk 12+ writes one per Party A/B pair, CDR-Specification.md), as
/// decide_cdr_call() reads them: the row that describes the call (cdr_describes_call_better), the
/// span of all rows, and their evidence (bounded), so a call costs one row however many it has.
struct AsteriskCdrCall {
    static constexpr std::size_t kEvidenceKept = 16;

    std::optional<AsteriskCdr> best;
    std::int64_t started_at_ms = kNoTime;  ///< the earliest start of its rows
    std::int64_t ended_at_ms = kNoTime;    ///< the latest end (a CDR is written when its leg ends)
    std::uint64_t rows = 0;
    std::vector<Evidence> evidence;
    SeenRows seen_rows;
    std::uint64_t order = 0;  ///< arrival order, for output

    /// Takes one more row of the call, with its evidence line.
    void add(AsteriskCdr&& cdr, Evidence&& line);
};

}  // namespace whohungup::exports::asterisk
