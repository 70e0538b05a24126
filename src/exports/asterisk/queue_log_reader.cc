// SPDX-License-Identifier: MIT
#include "exports/asterisk/queue_log_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "csv/csv_reader.h"
#include "exports/asterisk/line_reader.h"
#include "exports/asterisk/queue_log_decide.h"
#include "exports/asterisk/queue_log_decoder.h"
#include "exports/common/open_calls.h"

namespace whohungup::exports::asterisk {

namespace {

constexpr std::uint64_t kWarningsShown = 3;
/// A call whose queue stay has ended is held this long (in log time, either way, so files in
/// newest-first order work too) for a re-entry: a transfer or an exit to the dialplan can send
/// the same callid into another queue. Then it is decided and forgotten.
constexpr std::int64_t kSettleMs = std::int64_t{60} * 60 * 1000;
constexpr std::uint64_t kSweepEveryLines = 4096;
constexpr std::size_t kEarlierEndNamesMax = 200;
constexpr std::size_t kUnknownNamesMax = 64;

std::int64_t distance(std::int64_t a, std::int64_t b) {
    return a > b ? a - b : b - a;
}

class QueueLogReader final : public Reader {
public:
    explicit QueueLogReader(const Limits& limits) : limits_(limits) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        result_ = InputResult{};
        input_ = input_name;
        diag_ = &diag;
        warnings_ = 0;
        unknown_lines_ = 0;
        unknown_names_.clear();
        const std::string_view head = source.peek(std::size_t{64} << 10);
        if (looks_like_queue_log_header(head)) {
            read_csv(source, out);
        } else {
            read_lines(source, out);
        }
        if (!source.error().empty()) {
            diag.report(
                Diagnostic::error(input_name, fmt::format("read error: {}", source.error())).at(0, result_.bytes));
            result_.failed = true;
        }
        report_counts();
        return result_;
    }

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        calls_.drain([&](const QueueLogCall& call) { out.on_verdict(decide(call)); });
    }

private:
    void read_lines(ByteSource& source, VerdictSink& out) {
        LineReader lines(source, limits_.max_entry_bytes);
        std::string_view line;
        QueueLogEvent event;
        std::string why;
        for (;;) {
            const LineReader::Status status = lines.next(line);
            if (status == LineReader::Status::kEnd) break;
            if (status == LineReader::Status::kLine && line.find_first_not_of(" \t") == std::string_view::npos) {
                continue;  // blank lines are no records
            }
            ++result_.records;
            if (status == LineReader::Status::kTooLong) {
                skip(lines.line_number(), lines.line_byte(), "longer than the size limit (--max-entry-bytes)");
                continue;
            }
            if (!decode_queue_log_line(line, event, why)) {
                skip(lines.line_number(), lines.line_byte(), why);
                continue;
            }
            event.line = lines.line_number();
            event.byte = lines.line_byte();
            on_event(event, out);
        }
        result_.bytes = lines.bytes_read();
    }

    void read_csv(ByteSource& source, VerdictSink& out) {
        detail::CsvReader csv(source, limits_.max_entry_bytes);
        std::vector<std::string> row;
        if (csv.next(row) != detail::CsvReader::Status::kRow) {
            error(1, 0, "no CSV header row");
            return;
        }
        QueueLogColumns columns;
        const std::string missing = columns.bind(detail::CsvHeader(row));
        if (!missing.empty()) {
            error(1, 0, fmt::format("the queue_log CSV header has no {} column", missing));
            return;
        }
        QueueLogEvent event;
        std::string why;
        for (;;) {
            const detail::CsvReader::Status status = csv.next(row);
            if (status == detail::CsvReader::Status::kEnd) break;
            if (status == detail::CsvReader::Status::kError) {
                error(csv.row_line(), csv.row_byte(), csv.error_message());
                break;
            }
            ++result_.records;
            if (status == detail::CsvReader::Status::kTooLong) {
                skip(csv.row_line(), csv.row_byte(), "longer than the size limit (--max-entry-bytes)");
                continue;
            }
            if (!decode_queue_log_row(row, columns, event, why)) {
                skip(csv.row_line(), csv.row_byte(), why);
                continue;
            }
            event.line = csv.row_line();
            event.byte = csv.row_byte();
            on_event(event, out);
        }
        result_.bytes = csv.bytes_read();
    }

    void on_event(QueueLogEvent& event, VerdictSink& out) {
        event.input = input_;
        const QueueLogEventKind kind = kind_of(event.event);
        if (kind == QueueLogEventKind::kUnknown) note_unknown(event.event);
        if (kind == QueueLogEventKind::kSession || is_non_call_id(event.callid)) {
            return;  // agent sessions and queue administration are not calls
        }
        // A sweep looks at every held call: at least a quarter as many lines as calls held
        // between sweeps keeps that to 4 looks per line however large --max-open-calls is.
        if (++since_sweep_ >= std::max<std::uint64_t>(kSweepEveryLines, calls_.size() / 4)) {
            since_sweep_ = 0;
            sweep(event.time_ms, out);
        }
        QueueLogCall* held = calls_.find(event.callid);
        if (held == nullptr) {
            if (calls_.size() >= limits_.max_open_calls) make_room(out);
            held = &calls_.add(event.callid);
            held->callid = event.callid;
        }
        QueueLogCall& call = *held;
        if (!call.seen_lines.first_time(line_hash(event))) return;
        call.touched_ms = event.time_ms;
        switch (kind) {
            case QueueLogEventKind::kEnter:
                ++call.queue_stays;
                if (!call.enter || event.time_ms < call.enter->time_ms) call.enter = event;
                break;
            case QueueLogEventKind::kConnect:
                if (!call.connect || event.time_ms >= call.connect->time_ms) call.connect = event;
                break;
            case QueueLogEventKind::kRing:
                ++call.ring_no_answer;
                if (!call.last_ring || event.time_ms >= call.last_ring->time_ms) call.last_ring = event;
                break;
            case QueueLogEventKind::kRingCanceled: call.ring_canceled = event; break;
            case QueueLogEventKind::kEnd: add_end(call, event); break;
            case QueueLogEventKind::kUnknown:
                if (!call.unknown || event.time_ms >= call.unknown->time_ms) call.unknown = event;
                break;
            case QueueLogEventKind::kSession: break;
        }
    }

    /// What a line says (not where it was read), for telling a repeated line from a new one.
    static std::uint64_t line_hash(const QueueLogEvent& e) {
        std::string said = fmt::format("{}\x1f{}\x1f{}\x1f{}", e.time_ms, e.queue, e.agent, e.event);
        for (const std::string& value : e.data) {
            said += '\x1f';
            said += value;
        }
        return std::hash<std::string>{}(said);
    }

    /// The latest end (by time; the later line on a tie) decides; earlier ones are counted.
    static void add_end(QueueLogCall& call, const QueueLogEvent& event) {
        const bool later = !call.end || event.time_ms >= call.end->time_ms;
        const std::string& earlier = later && call.end ? call.end->event : event.event;
        if (call.end) {
            ++call.earlier_ends;
            if (call.earlier_end_events.size() < kEarlierEndNamesMax) {
                if (!call.earlier_end_events.empty()) call.earlier_end_events += ',';
                call.earlier_end_events += earlier;
            }
        }
        if (later) call.end = event;
    }

    /// Decided calls no line has touched for kSettleMs of log time are emitted.
    void sweep(std::int64_t now_ms, VerdictSink& out) {
        if (now_ms == kNoTime) return;
        std::vector<QueueLogCall*> settled;
        calls_.for_each([&](const std::string& /*id*/, QueueLogCall& call) {
            if (call.end && distance(call.touched_ms, now_ms) > kSettleMs) settled.push_back(&call);
        });
        emit(settled, out);
    }

    /// Over --max-open-calls: the oldest call is decided now, as it stands.
    void make_room(VerdictSink& out) {
        if (calls_.empty()) return;  // --max-open-calls 0: nothing to decide early
        if (!warned_open_calls_) {
            warned_open_calls_ = true;
            diag_->report(Diagnostic::warning(
                input_,
                fmt::format("more than {} calls open at once (--max-open-calls): the oldest are reported as they "
                            "stand (said once)",
                            limits_.max_open_calls)));
        }
        out.on_verdict(decide(calls_.oldest()));
        calls_.erase_oldest();
    }

    /// Decides and emits `calls` in first-seen order, then forgets them.
    void emit(std::vector<QueueLogCall*>& calls, VerdictSink& out) {
        std::sort(calls.begin(), calls.end(),
                  [](const QueueLogCall* a, const QueueLogCall* b) { return a->order < b->order; });
        std::vector<std::string> done;
        done.reserve(calls.size());
        for (const QueueLogCall* call : calls) {
            out.on_verdict(decide(*call));
            done.push_back(call->callid);
        }
        for (const std::string& id : done) calls_.erase(id);
    }

    void note_unknown(const std::string& name) {
        ++unknown_lines_;
        if (unknown_names_.size() < kUnknownNamesMax || unknown_names_.contains(name)) ++unknown_names_[name];
    }

    void skip(std::uint64_t line, std::uint64_t byte, std::string_view why) {
        ++result_.skipped;
        if (++warnings_ <= kWarningsShown) {
            diag_->report(Diagnostic::warning(input_, fmt::format("line skipped: {}", why)).at(line, byte));
        }
    }

    void error(std::uint64_t line, std::uint64_t byte, std::string message) {
        diag_->report(Diagnostic::error(input_, std::move(message)).at(line, byte));
        result_.failed = true;
    }

    void report_counts() {
        if (result_.skipped > kWarningsShown) {
            diag_->report(
                Diagnostic::warning(input_, fmt::format("skipped {} of {} lines", result_.skipped, result_.records)));
        }
        // A file that is mostly something else is not a queue_log with a few bad lines.
        if (!result_.failed && result_.records > 0 && result_.skipped * 2 > result_.records) {
            diag_->report(Diagnostic::error(
                input_, fmt::format("not an Asterisk queue_log: {} of {} lines are not queue_log lines",
                                    result_.skipped, result_.records)));
            result_.failed = true;
        }
        if (unknown_lines_ > 0) {
            std::string names;
            for (const auto& [name, count] : unknown_names_) {
                names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", name, count);
            }
            diag_->report(Diagnostic::warning(
                input_, fmt::format("{} line{} with events whohungup does not know ({}): kept as raw events",
                                    unknown_lines_, unknown_lines_ == 1 ? "" : "s", names)));
        }
    }

    Limits limits_;
    std::string input_;
    DiagnosticSink* diag_ = nullptr;
    InputResult result_;
    OpenCalls<QueueLogCall> calls_;
    std::map<std::string, std::uint64_t> unknown_names_;
    std::uint64_t unknown_lines_ = 0;
    std::uint64_t warnings_ = 0;
    std::uint64_t since_sweep_ = 0;
    bool warned_open_calls_ = false;
};

}  // namespace

bool sniff_queue_log(std::string_view head) {
    if (looks_like_queue_log_header(head)) return true;
    // Of the first complete non-blank lines (at most 10), the first is a queue_log line and at
    // least half are: one damaged line does not hide the format, a file of something else fails.
    int seen = 0;
    int matched = 0;
    bool first = true;
    while (!head.empty() && seen < 10) {
        const std::size_t newline = head.find('\n');
        if (newline == std::string_view::npos && seen > 0) break;  // possibly cut by the sniff window
        std::string_view line = head.substr(0, newline);
        head = newline == std::string_view::npos ? std::string_view() : head.substr(newline + 1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        const bool ok = looks_like_queue_log_line(line);
        if (first && !ok) return false;
        first = false;
        ++seen;
        matched += ok ? 1 : 0;
    }
    return seen > 0 && matched * 2 >= seen;
}

std::unique_ptr<Reader> make_queue_log_reader(const Limits& limits) {
    return std::make_unique<QueueLogReader>(limits);
}

std::string queue_log_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::asterisk
