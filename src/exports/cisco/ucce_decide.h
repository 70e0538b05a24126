// SPDX-License-Identifier: MIT
// Cisco UCCE/PCCE Termination_Call_Detail rows → verdicts: the CallDisposition table (as data, with
// sources) and decide_tcd(). CallDisposition is an outcome code: it names the abandon stage, not
// who ended a handled call. Rules: docs/platforms.md#cisco-ucce-termination_call_detail.
#pragma once

#include <cstdint>
#include <string>

#include "mappings/reason_table.h"
#include "whohungup/verdict.h"

namespace whohungup::mappings {
/// CallDisposition (1 Abandoned in Network … 30 Conferenced).
const ReasonTable& ucce_call_disposition();
}  // namespace whohungup::mappings

namespace whohungup::exports::cisco {

/// One Termination_Call_Detail row, as plain data.
struct TcdRecord {
    std::string call_key;  ///< RouterCallKeyDay.RouterCallKey, else PeripheralCallKey, else RecoveryKey
    std::string disposition;
    std::string ani;
    std::string dnis;
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
};

/// One verdict. Source format "cisco-ucce-tcd".
[[nodiscard]] Verdict decide_tcd(const TcdRecord& record);

}  // namespace whohungup::exports::cisco
