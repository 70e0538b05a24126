// SPDX-License-Identifier: MIT
#include "exports/cisco/cucm_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "csv/csv_reader.h"
#include "exports/cisco/cucm_decide.h"
#include "exports/common/open_calls.h"

namespace whohungup::exports::cisco {

namespace {

using detail::cell;

constexpr std::uint64_t kWarningsShown = 3;

bool read_integer(std::string_view text, std::int64_t& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

/// Epoch seconds; 0 means "never" (dateTimeConnect of a call that was not answered).
std::int64_t seconds_ms(std::string_view text) {
    std::int64_t seconds = 0;
    return read_integer(text, seconds) && seconds > 0 ? seconds * 1000 : kNoTime;
}

struct Columns {
    int record_type = -1, manager = -1, call_id = -1, originated = -1, connected = -1, disconnected = -1;
    int calling = -1, original_called = -1, final_called = -1, orig_cause = -1, dest_cause = -1;
    int orig_behalf = -1, dest_behalf = -1, orig_device = -1, dest_device = -1;

    std::string bind(const detail::CsvHeader& h) {
        record_type = h.find({"cdrRecordType"});
        manager = h.find({"globalCallID_callManagerId"});
        call_id = h.find({"globalCallID_callId"});
        originated = h.find({"dateTimeOrigination"});
        connected = h.find({"dateTimeConnect"});
        disconnected = h.find({"dateTimeDisconnect"});
        calling = h.find({"callingPartyNumber"});
        original_called = h.find({"originalCalledPartyNumber"});
        final_called = h.find({"finalCalledPartyNumber"});
        orig_cause = h.find({"origCause_value"});
        dest_cause = h.find({"destCause_value"});
        orig_behalf = h.find({"origCallTerminationOnBehalfOf"});
        dest_behalf = h.find({"destCallTerminationOnBehalfOf"});
        orig_device = h.find({"origDeviceName"});
        dest_device = h.find({"destDeviceName"});
        if (call_id < 0) return "\"globalCallID_callId\"";
        if (orig_cause < 0) return "\"origCause_value\"";
        if (dest_cause < 0) return "\"destCause_value\"";
        return {};
    }
};

class CucmCdrReader final : public Reader {
public:
    explicit CucmCdrReader(const Limits& limits) : limits_(limits), agents_(agent_pattern(limits)) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        InputResult result;
        detail::CsvReader csv(source, limits_.max_entry_bytes);
        std::vector<std::string> row;
        if (csv.next(row) != detail::CsvReader::Status::kRow) {
            diag.report(Diagnostic::error(input_name, "no CDR field-name line").at(1, 0));
            result.failed = true;
            return result;
        }
        Columns columns;
        if (const std::string missing = columns.bind(detail::CsvHeader(row)); !missing.empty()) {
            diag.report(Diagnostic::error(input_name, fmt::format("the CDR field-name line has no {} field", missing))
                            .at(1, 0));
            result.failed = true;
            return result;
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
            if (csv.row_line() == 2 && cell(row, columns.call_id).starts_with("INTEGER")) continue;  // the types line
            ++result.records;
            if (status == detail::CsvReader::Status::kTooLong) {
                skip("longer than the size limit (--max-entry-bytes)");
                continue;
            }
            std::string why;
            CucmRecord record;
            if (!decode(row, columns, record, why)) {
                skip(why);
                continue;
            }
            if (cell(row, columns.record_type) == "2") continue;  // a CMR (call quality), not a call leg
            record.input = input_name;
            record.line = csv.row_line();
            record.byte = csv.row_byte();
            add(std::move(record), out, diag);
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
            diag.report(Diagnostic::error(input_name, fmt::format("not a CUCM CDR file: {} of {} rows are not CDR rows",
                                                                  result.skipped, result.records)));
            result.failed = true;
        }
        result.bytes = csv.bytes_read();
        return result;
    }

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        calls_.drain([&](const CucmCall& call) { out.on_verdict(decide(call, agents_)); });
    }

private:
    static bool decode(const std::vector<std::string>& row, const Columns& c, CucmRecord& r, std::string& why) {
        r.call_manager_id = std::string(cell(row, c.manager));
        r.call_id = std::string(cell(row, c.call_id));
        if (r.call_id.empty()) {
            why = "no globalCallID_callId";
            return false;
        }
        if (!read_integer(cell(row, c.orig_cause), r.orig_cause) ||
            !read_integer(cell(row, c.dest_cause), r.dest_cause)) {
            why = "origCause_value / destCause_value is not a number";
            return false;
        }
        if (!read_integer(cell(row, c.orig_behalf), r.orig_on_behalf_of)) r.orig_on_behalf_of = -1;
        if (!read_integer(cell(row, c.dest_behalf), r.dest_on_behalf_of)) r.dest_on_behalf_of = -1;
        r.originated_ms = seconds_ms(cell(row, c.originated));
        r.connected_ms = seconds_ms(cell(row, c.connected));
        r.disconnected_ms = seconds_ms(cell(row, c.disconnected));
        r.calling_number = std::string(cell(row, c.calling));
        r.called_number = std::string(cell(row, c.final_called));
        if (r.called_number.empty()) r.called_number = std::string(cell(row, c.original_called));
        r.orig_device = std::string(cell(row, c.orig_device));
        r.dest_device = std::string(cell(row, c.dest_device));
        r.text = fmt::format(
            "globalCallID_callId={} callingPartyNumber={} finalCalledPartyNumber={} origCause_value={} "
            "destCause_value={} origCallTerminationOnBehalfOf={} destCallTerminationOnBehalfOf={} origDeviceName={} "
            "destDeviceName={} dateTimeConnect={}",
            r.call_id, r.calling_number.empty() ? "-" : r.calling_number,
            r.called_number.empty() ? "-" : r.called_number, r.orig_cause, r.dest_cause, r.orig_on_behalf_of,
            r.dest_on_behalf_of, r.orig_device.empty() ? "-" : r.orig_device,
            r.dest_device.empty() ? "-" : r.dest_device, cell(row, c.connected));
        return true;
    }

    void add(CucmRecord&& record, VerdictSink& out, DiagnosticSink& diag) {
        const std::string key = record.call_manager_id + ':' + record.call_id;
        CucmCall* call = calls_.find(key);
        if (call == nullptr) {
            if (calls_.size() >= limits_.max_open_calls) make_room(out, diag, record.input);
            call = &calls_.add(key);
        }
        call->add(std::move(record));
    }

    void make_room(VerdictSink& out, DiagnosticSink& diag, const std::string& input) {
        if (calls_.empty()) return;  // --max-open-calls 0: nothing to decide early
        const CucmCall& oldest = calls_.oldest();
        if (!warned_) {
            warned_ = true;
            diag.report(Diagnostic::warning(
                input, fmt::format("more than {} calls open at once (--max-open-calls): the oldest are "
                                   "decided before all their records are read (said once)",
                                   limits_.max_open_calls)));
        }
        out.on_verdict(decide(oldest, agents_));
        calls_.erase_oldest();
    }

    Limits limits_;
    AgentMatch agents_;
    OpenCalls<CucmCall> calls_;
    bool warned_ = false;
};

}  // namespace

bool sniff_cucm_cdr(std::string_view head) {
    const std::string_view line = head.substr(0, head.find('\n'));
    return line.find("cdrRecordType") != std::string_view::npos &&
           line.find("globalCallID_callId") != std::string_view::npos;
}

std::unique_ptr<Reader> make_cucm_cdr_reader(const Limits& limits) {
    return std::make_unique<CucmCdrReader>(limits);
}

std::string cucm_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::cisco
