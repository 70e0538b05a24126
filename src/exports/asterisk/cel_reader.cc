// SPDX-License-Identifier: MIT
#include "exports/asterisk/cel_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "csv/csv_reader.h"
#include "exports/asterisk/cel_decide.h"
#include "exports/asterisk/queue_log_decoder.h"
#include "exports/common/open_calls.h"

namespace whohungup::exports::asterisk {

namespace {

using detail::cell;

constexpr std::uint64_t kWarningsShown = 3;
constexpr std::size_t kHangupsKept = 32;
constexpr std::size_t kBridgedKept = 16;

/// cel_event_types[] of asterisk main/cel.c.
constexpr std::array<std::string_view, 21> kEventTypes{
    "CHAN_START",       "CHAN_END",   "ANSWER",       "HANGUP",       "APP_START",      "APP_END",
    "PARK_START",       "PARK_END",   "USER_DEFINED", "BRIDGE_ENTER", "BRIDGE_EXIT",    "BLINDTRANSFER",
    "ATTENDEDTRANSFER", "PICKUP",     "FORWARD",      "LINKEDID_END", "LOCAL_OPTIMIZE", "LOCAL_OPTIMIZE_BEGIN",
    "STREAM_BEGIN",     "STREAM_END", "DTMF",
};

bool is_event_type(std::string_view name) {
    return std::find(kEventTypes.begin(), kEventTypes.end(), name) != kEventTypes.end();
}

/// Column positions; Master.csv's sample template when there is no header.
struct CelColumns {
    int eventtype = 0, eventtime = 1, cid_num = 3, exten = 7, channame = 9, uniqueid = 14, linkedid = 15, extra = 19,
        id = -1;

    std::string bind(const detail::CsvHeader& h) {
        eventtype = h.find({"eventtype"});
        eventtime = h.find({"eventtime"});
        cid_num = h.find({"cid_num"});
        exten = h.find({"exten"});
        channame = h.find({"channame", "channel"});
        uniqueid = h.find({"uniqueid"});
        linkedid = h.find({"linkedid"});
        extra = h.find({"extra", "eventextra"});
        id = h.find({"id"});
        if (eventtype < 0) return "\"eventtype\"";
        if (linkedid < 0) return "\"linkedid\"";
        if (channame < 0) return "\"channame\"";
        return {};
    }
};

bool header_line(std::string_view head) {
    std::string line(head.substr(0, head.find('\n')));
    for (char& c : line) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return line.find("eventtype") != std::string::npos && line.find("linkedid") != std::string::npos;
}

class CelReader final : public Reader {
public:
    explicit CelReader(const Limits& limits) : limits_(limits), agents_(agent_pattern(limits)) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        InputResult result;
        const bool with_header = header_line(source.peek(std::size_t{64} << 10));
        detail::CsvReader csv(source, limits_.max_entry_bytes);
        CelColumns columns;
        std::vector<std::string> row;
        if (with_header) {
            if (csv.next(row) != detail::CsvReader::Status::kRow) return result;
            if (const std::string missing = columns.bind(detail::CsvHeader(row)); !missing.empty()) {
                diag.report(
                    Diagnostic::error(input_name, fmt::format("the CEL header has no {} column", missing)).at(1, 0));
                result.failed = true;
                return result;
            }
        }
        std::uint64_t warnings = 0;
        const auto skip = [&](std::string_view why) {
            ++result.skipped;
            if (++warnings <= kWarningsShown) {
                diag.report(Diagnostic::warning(input_name, fmt::format("row skipped: {}", why))
                                .at(csv.row_line(), csv.row_byte()));
            }
        };
        for (;;) {
            const detail::CsvReader::Status status = csv.next(row);
            if (status == detail::CsvReader::Status::kEnd) break;
            if (status == detail::CsvReader::Status::kError) {
                diag.report(Diagnostic::error(input_name, csv.error_message()).at(csv.row_line(), csv.row_byte()));
                result.failed = true;
                break;
            }
            ++result.records;
            if (status == detail::CsvReader::Status::kTooLong) {
                skip("longer than the size limit (--max-entry-bytes)");
                continue;
            }
            CelEvent event;
            event.eventtype = std::string(cell(row, columns.eventtype));
            event.linkedid = std::string(cell(row, columns.linkedid));
            if (event.eventtype.empty()) {
                skip("no eventtype");
                continue;
            }
            if (event.linkedid.empty()) {
                skip("no linkedid");
                continue;
            }
            event.time_ms = parse_queue_log_time(cell(row, columns.eventtime));
            std::int64_t id = -1;
            const std::string_view id_text = cell(row, columns.id);
            if (std::from_chars(id_text.data(), id_text.data() + id_text.size(), id).ec == std::errc()) event.id = id;
            event.channel = std::string(cell(row, columns.channame));
            event.uniqueid = std::string(cell(row, columns.uniqueid));
            event.cid_num = std::string(cell(row, columns.cid_num));
            event.exten = std::string(cell(row, columns.exten));
            event.extra = std::string(cell(row, columns.extra));
            event.input = input_name;
            event.line = csv.row_line();
            event.byte = csv.row_byte();
            add(event, out, diag);
        }
        if (!source.error().empty()) {
            diag.report(
                Diagnostic::error(input_name, fmt::format("read error: {}", source.error())).at(0, csv.bytes_read()));
            result.failed = true;
        }
        if (result.skipped > kWarningsShown) {
            diag.report(
                Diagnostic::warning(input_name, fmt::format("skipped {} of {} rows", result.skipped, result.records)));
        }
        if (!result.failed && result.records > 0 && result.skipped * 2 > result.records) {
            diag.report(Diagnostic::error(input_name, fmt::format("not Asterisk CEL: {} of {} rows are not CEL rows",
                                                                  result.skipped, result.records)));
            result.failed = true;
        }
        result.bytes = csv.bytes_read();
        return result;
    }

    void finish(VerdictSink& out, DiagnosticSink& diag) override {
        calls_.drain([&](const CelCall& call) { emit(call, out, diag); });
    }

private:
    /// What a row says (not where it was read), for telling a repeated row from a new one.
    static std::uint64_t row_hash(const CelEvent& e) {
        return std::hash<std::string>{}(fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e.eventtype,
                                                    e.time_ms, e.id, e.channel, e.uniqueid, e.cid_num, e.exten,
                                                    e.extra));
    }

    void add(const CelEvent& event, VerdictSink& out, DiagnosticSink& diag) {
        CelCall* held = calls_.find(event.linkedid);
        if (held == nullptr) {
            if (calls_.size() >= limits_.max_open_calls) make_room(out, diag, event.input);
            held = &calls_.add(event.linkedid);
            held->linkedid = event.linkedid;
        }
        CelCall& call = *held;
        if (!call.seen_rows.first_time(row_hash(event))) return;
        if (event.time_ms != kNoTime) {
            if (call.started_ms == kNoTime || event.time_ms < call.started_ms) call.started_ms = event.time_ms;
            if (call.ended_ms == kNoTime || event.time_ms > call.ended_ms) call.ended_ms = event.time_ms;
        }
        if (event.uniqueid == event.linkedid && call.caller_channel.empty()) {
            call.caller_channel = event.channel;
            call.caller_number = event.cid_num;
        }
        if (event.eventtype == "BRIDGE_ENTER" && call.bridged.size() < kBridgedKept &&
            std::find(call.bridged.begin(), call.bridged.end(), event.channel) == call.bridged.end()) {
            call.bridged.push_back(event.channel);
        } else if (event.eventtype == "BLINDTRANSFER" || event.eventtype == "ATTENDEDTRANSFER") {
            call.transfer = event.eventtype;
        } else if (event.eventtype == "LINKEDID_END") {
            call.linkedid_end = true;
        } else if (event.eventtype == "HANGUP" && call.hangups.size() < kHangupsKept) {
            call.hangups.push_back(hangup_of(event, ++rows_));
        }
    }

    /// The HANGUP row with its extra JSON read (a malformed extra leaves the fields empty).
    CelHangup hangup_of(const CelEvent& event, std::uint64_t order) {
        CelHangup h;
        h.time_ms = event.time_ms;
        h.id = event.id;
        h.order = order;
        h.channel = event.channel;
        h.input = event.input;
        h.line = event.line;
        h.byte = event.byte;
        simdjson::dom::element extra;
        if (!event.extra.empty() && parser_.parse(event.extra).get(extra) == simdjson::SUCCESS) {
            std::string_view text;
            if (extra["hangupsource"].get_string().get(text) == simdjson::SUCCESS) h.hangupsource = std::string(text);
            if (extra["dialstatus"].get_string().get(text) == simdjson::SUCCESS) h.dialstatus = std::string(text);
            std::int64_t cause = 0;
            if (extra["hangupcause"].get_int64().get(cause) == simdjson::SUCCESS) h.hangupcause = cause;
        }
        return h;
    }

    void make_room(VerdictSink& out, DiagnosticSink& diag, const std::string& input) {
        if (calls_.empty()) return;  // --max-open-calls 0: nothing to decide early
        if (!warned_) {
            warned_ = true;
            diag.report(Diagnostic::warning(
                input, fmt::format("more than {} calls open at once (--max-open-calls): the oldest are "
                                   "decided before all their rows are read (said once)",
                                   limits_.max_open_calls)));
        }
        emit(calls_.oldest(), out, diag);
        calls_.erase_oldest();
    }

    /// Decides one call; a hangupsource the table does not know is said once per value.
    void emit(const CelCall& call, VerdictSink& out, DiagnosticSink& diag) {
        Verdict v = decide(call, agents_);
        if (v.reason == Reason::unmapped_code && !v.evidence.empty()) {
            diag.report(mappings::unknown_code_warning(mappings::asterisk_cel_hangupsource(), v.raw_reason,
                                                       v.evidence.back().input, v.evidence.back().line,
                                                       v.evidence.back().byte));
        }
        out.on_verdict(std::move(v));
    }

    Limits limits_;
    AgentMatch agents_;
    simdjson::dom::parser parser_;
    OpenCalls<CelCall> calls_;
    std::uint64_t rows_ = 0;
    bool warned_ = false;
};

}  // namespace

bool sniff_cel(std::string_view head) {
    if (header_line(head)) return true;
    // Master.csv: the first field of the first line is a CEL event type, quoted by CSV_QUOTE.
    const std::string_view line = head.substr(0, head.find('\n'));
    if (!line.starts_with('"')) return false;
    const std::size_t close = line.find('"', 1);
    if (close == std::string_view::npos || !is_event_type(line.substr(1, close - 1))) return false;
    return std::count(line.begin(), line.end(), ',') >= 15;
}

std::unique_ptr<Reader> make_cel_reader(const Limits& limits) {
    return std::make_unique<CelReader>(limits);
}

std::string cel_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::asterisk
