// SPDX-License-Identifier: MIT
// One row of the Kamailio / OpenSIPS `acc` table (one accounted SIP transaction), and what a call
// (the rows of one Call-ID) keeps of its rows for acc_decide.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "exports/common/seen_rows.h"
#include "whohungup/verdict.h"

namespace whohungup::exports::kamailio {

struct AccRow {
    std::string method;  ///< INVITE, BYE, CANCEL, ACK, … (upper-cased)
    std::string from_tag;
    std::string to_tag;
    std::string callid;
    std::string sip_code;    ///< the final reply's code ("200", "486")
    std::string sip_reason;  ///< its reason phrase
    std::string caller;      ///< an extra column naming the caller (src_user, from_uri…), if exported
    std::string callee;      ///< one naming the callee (dst_ouser, dst_user, to_uri…)
    std::int64_t time_ms = kNoTime;
    /// OpenSIPS's CDR mode (the `cdr` accounting flag) writes one INVITE row per call when its
    /// BYE is answered, with when the INVITE came (`created`), the setup time to the 200 OK
    /// (`setuptime`, seconds) and the call's length from the 200 OK to the BYE (`ms_duration`,
    /// `duration`). Unset when the table has no such columns or leaves them NULL / 0.
    std::int64_t created_ms = kNoTime;
    std::optional<std::int64_t> setup_ms;
    std::optional<std::int64_t> duration_ms;
    std::string input;
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
    std::string text;  ///< the evidence line
};

/// What decide() reads of one Call-ID: the initial INVITE (a 2xx one over a failed one, as a
/// forked INVITE writes one row per branch) and the first BYE, so a call costs two rows however
/// many it has.
struct AccCall {
    std::optional<AccRow> invite;
    std::optional<AccRow> bye;
    SeenRows seen_rows;
    std::int64_t touched_ms = kNoTime;  ///< the latest time of its rows, for settling
    std::uint64_t order = 0;            ///< arrival order, for output
};

}  // namespace whohungup::exports::kamailio
