// SPDX-License-Identifier: MIT
#include "exports/asterisk/queue_log_decoder.h"

#include <algorithm>
#include <charconv>

#include "core/time_format.h"

namespace whohungup::exports::asterisk {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_event_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(),
                                        [](char c) { return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; });
}

/// The next '|'-separated field of `rest`, consumed.
std::string_view take_field(std::string_view& rest) {
    const std::size_t bar = rest.find('|');
    const std::string_view field = rest.substr(0, bar);
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    return field;
}

void split_data(std::string_view rest, std::vector<std::string>& data) {
    data.clear();
    while (!rest.empty()) {
        data.emplace_back(take_field(rest));
    }
    while (!data.empty() && data.back().empty()) data.pop_back();
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

std::int64_t parse_queue_log_time(std::string_view text) {
    std::int64_t seconds = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, seconds);
    if (error == std::errc() && stop != text.data()) {
        if (stop == end) return seconds * 1000;
        if (*stop == '.') {  // a fraction of a second
            std::int64_t ms = 0;
            int digits = 0;
            for (const char* p = stop + 1; p != end; ++p) {
                if (!is_digit(*p)) return kNoTime;
                if (digits < 3) {
                    ms = ms * 10 + (*p - '0');
                    ++digits;
                }
            }
            for (; digits < 3; ++digits) ms *= 10;
            return seconds * 1000 + ms;
        }
    }
    if (auto iso = detail::parse_iso8601_ms(text)) return *iso;
    return kNoTime;
}

bool looks_like_queue_log_line(std::string_view line) {
    std::string_view rest = line;
    const std::string_view epoch = take_field(rest);
    if (epoch.size() < 9 || !is_digit(epoch.front())) return false;
    for (const char c : epoch) {
        if (!is_digit(c) && c != '.') return false;
    }
    if (rest.empty()) return false;
    take_field(rest);  // callid
    take_field(rest);  // queuename
    if (rest.empty()) return false;
    take_field(rest);  // agent
    return is_event_name(take_field(rest));
}

bool decode_queue_log_line(std::string_view line, QueueLogEvent& event, std::string& why) {
    if (!looks_like_queue_log_line(line)) {
        why = "not a queue_log line (epoch|callid|queuename|agent|event|data…)";
        return false;
    }
    std::string_view rest = line;
    event.time_ms = parse_queue_log_time(take_field(rest));
    if (event.time_ms == kNoTime) {
        why = "unreadable time";
        return false;
    }
    event.callid = std::string(take_field(rest));
    event.queue = std::string(take_field(rest));
    event.agent = std::string(take_field(rest));
    event.event = std::string(take_field(rest));
    split_data(rest, event.data);
    event.text = std::string(line);
    return true;
}

std::string QueueLogColumns::bind(const detail::CsvHeader& header) {
    time = header.find({"time", "eventtime", "timestamp", "time_id"});
    callid = header.find({"callid", "call_id", "uniqueid"});
    queue = header.find({"queuename", "queue_name", "queue"});
    agent = header.find({"agent", "membername"});
    event = header.find({"event", "verb"});
    data = header.find({"data"});
    data_cols.clear();
    for (const std::string_view name : {"data1", "data2", "data3", "data4", "data5"}) {
        const int index = header.find({name});
        if (index < 0) break;
        data_cols.push_back(index);
    }
    if (time < 0) return "\"time\"";
    if (callid < 0) return "\"callid\"";
    if (event < 0) return "\"event\"";
    return {};
}

bool looks_like_queue_log_header(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::string line = lowered(head.substr(0, head.find('\n')));
    const auto has = [&line](std::string_view name) { return line.find(name) != std::string::npos; };
    // The table's own column names; "queuename" and "callid" together are specific to it. The
    // table QueueMetrics reads (and VICIdial writes for it) names them time_id, call_id, queue and
    // verb: "time_id" and "verb" together are specific to that one.
    return (has("callid") && has("queuename") && has("event") && has("time")) ||
           (has("time_id") && has("call_id") && has("queue") && has("verb"));
}

bool decode_queue_log_row(const std::vector<std::string>& row,
                          const QueueLogColumns& columns,
                          QueueLogEvent& event,
                          std::string& why) {
    const std::string_view time = detail::cell(row, columns.time);
    event.time_ms = parse_queue_log_time(time);
    if (event.time_ms == kNoTime) {
        why = time.empty() ? "no time" : "unreadable time";
        return false;
    }
    event.callid = std::string(detail::cell(row, columns.callid));
    event.queue = std::string(detail::cell(row, columns.queue));
    event.agent = std::string(detail::cell(row, columns.agent));
    event.event = std::string(detail::cell(row, columns.event));
    if (!is_event_name(event.event)) {
        why = event.event.empty() ? "no event" : "not an event name";
        return false;
    }
    if (!columns.data_cols.empty()) {
        event.data.clear();
        for (const int index : columns.data_cols) event.data.emplace_back(detail::cell(row, index));
        while (!event.data.empty() && event.data.back().empty()) event.data.pop_back();
    } else {
        split_data(detail::cell(row, columns.data), event.data);
    }
    event.text = std::string(time) + '|' + event.callid + '|' + event.queue + '|' + event.agent + '|' + event.event;
    for (const std::string& field : event.data) {
        event.text += '|';
        event.text += field;
    }
    return true;
}

}  // namespace whohungup::exports::asterisk
