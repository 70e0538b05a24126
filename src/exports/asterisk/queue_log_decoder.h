// SPDX-License-Identifier: MIT
// The two wire shapes of queue_log, each turned into QueueLogEvent:
//  * the file Asterisk writes: `epoch|callid|queuename|agent|event|data…` per line;
//  * the realtime/SQL table exported as CSV with a header: `time, callid, queuename, agent,
//    event` and `data1..data5` or one `data` column (asterisk main/logger.c), or as QueueMetrics
//    keeps it: `partition, time_id` (epoch seconds), `call_id, queue, agent, verb, data1..data5,
//    serverid, unique_row_count`.
// Tested by tests/unit/asterisk_queue_log_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "csv/csv_reader.h"
#include "exports/asterisk/queue_log_record.h"

namespace whohungup::exports::asterisk {

/// True when `line` is a queue_log line: epoch seconds, then callid, queue, agent and an event
/// name of capitals, digits and '_'.
[[nodiscard]] bool looks_like_queue_log_line(std::string_view line);

/// Decodes one pipe-delimited line; false (with `why`) when it is not a queue_log line.
bool decode_queue_log_line(std::string_view line, QueueLogEvent& event, std::string& why);

/// Column positions of a CSV export of the queue_log table.
struct QueueLogColumns {
    int time = -1, callid = -1, queue = -1, agent = -1, event = -1;
    int data = -1;               ///< the single `data` column, '|'-joined
    std::vector<int> data_cols;  ///< data1..data5
    /// Binds the header; returns the name of a missing required column, or "".
    std::string bind(const detail::CsvHeader& header);
};

/// True when the first line of `head` is the header of a queue_log table export.
[[nodiscard]] bool looks_like_queue_log_header(std::string_view head);

/// Decodes one CSV row; false (with `why`) when it cannot be used.
bool decode_queue_log_row(const std::vector<std::string>& row,
                          const QueueLogColumns& columns,
                          QueueLogEvent& event,
                          std::string& why);

/// "1366720340" or "1366720340.123" (epoch seconds), or a datetime "2026-11-20 14:01:35[.ffffff]"
/// as the realtime table stores it (read as UTC). Returns kNoTime when neither.
[[nodiscard]] std::int64_t parse_queue_log_time(std::string_view text);

}  // namespace whohungup::exports::asterisk
