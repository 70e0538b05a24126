// SPDX-License-Identifier: MIT
// queue_log events → verdicts: the events' kinds, the reason table (as data, with sources) and
// decide(), which reads one call's events. Rules: docs/platforms.md#asterisk-queue_log.
#pragma once

#include <cstdint>
#include <string_view>

#include "exports/asterisk/queue_log_record.h"
#include "mappings/reason_table.h"
#include "whohungup/verdict.h"

namespace whohungup::mappings {
/// The queue_log event that ends (or last describes) a call.
const ReasonTable& asterisk_queue_log_event();
}  // namespace whohungup::mappings

namespace whohungup::exports::asterisk {

enum class QueueLogEventKind : std::uint8_t {
    kSession,       ///< agent session and queue administration: not a call (ADDMEMBER, PAUSE, …)
    kEnter,         ///< ENTERQUEUE
    kConnect,       ///< CONNECT
    kRing,          ///< RINGNOANSWER: one member did not answer
    kRingCanceled,  ///< RINGCANCELED: the caller left while a member rang
    kEnd,           ///< ends the call's stay in the queue (COMPLETE*, ABANDON, EXIT*, transfers, …)
    kUnknown,       ///< an event whohungup does not know (dialers, forks, QueueLog() rows)
};

[[nodiscard]] QueueLogEventKind kind_of(std::string_view event);

/// NONE / REALTIME / MANAGER / CLI: the callid of lines that are not about a call.
[[nodiscard]] bool is_non_call_id(std::string_view callid);

/// One verdict for one call. Source format "asterisk-queue-log", contact id the callid.
[[nodiscard]] Verdict decide(const QueueLogCall& call);

}  // namespace whohungup::exports::asterisk
