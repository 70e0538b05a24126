// SPDX-License-Identifier: MIT
// Asterisk queue_log as plain data: one event per line (the decoder's output) and one call (the
// events of one callid that matter, the input of decide()). Field meanings:
// docs/platforms.md#asterisk-queue_log, from asterisk apps/app_queue.c (ast_queue_log calls).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exports/common/seen_rows.h"
#include "whohungup/verdict.h"

namespace whohungup::exports::asterisk {

/// One queue_log line: `epoch|callid|queuename|agent|event|data1|data2|…`, or one row of the
/// same table exported as CSV.
struct QueueLogEvent {
    std::int64_t time_ms = kNoTime;
    std::string callid;  ///< the caller channel's uniqueid, or NONE / REALTIME / MANAGER / CLI
    std::string queue;
    std::string agent;  ///< the member name, or NONE
    std::string event;
    std::vector<std::string> data;  ///< data1, data2, … (empty ones kept, trailing ones dropped)
    std::string input;              ///< the input it was read from
    std::uint64_t line = 0;         ///< 1-based line (record start for CSV)
    std::uint64_t byte = 0;
    std::string text;  ///< the line as logged (CSV: the row joined back with '|')
};

/// Everything one call's lines say about its end. Bounded: repeated events are counted, not kept.
struct QueueLogCall {
    std::string callid;
    std::optional<QueueLogEvent> enter;          ///< the first ENTERQUEUE
    std::optional<QueueLogEvent> connect;        ///< the latest CONNECT
    std::optional<QueueLogEvent> end;            ///< the latest (by time) event that ends a queue stay
    std::optional<QueueLogEvent> ring_canceled;  ///< a RINGCANCELED (caller left while a member rang)
    std::optional<QueueLogEvent> last_ring;      ///< the latest RINGNOANSWER
    std::optional<QueueLogEvent> unknown;        ///< the latest event whohungup does not know
    std::uint32_t queue_stays = 0;               ///< ENTERQUEUE lines (re-entries after a transfer or exit)
    std::uint32_t ring_no_answer = 0;            ///< RINGNOANSWER lines
    std::uint32_t earlier_ends = 0;              ///< end events before the one that decides
    std::string earlier_end_events;              ///< their names, "EXITWITHTIMEOUT,..." (capped)
    std::uint64_t order = 0;                     ///< first-seen order, for output
    std::int64_t touched_ms = kNoTime;           ///< newest line time of the call
    /// Lines read again (one file given twice) add nothing: an input given twice changes no verdict.
    SeenRows seen_lines;
};

}  // namespace whohungup::exports::asterisk
