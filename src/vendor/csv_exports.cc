// SPDX-License-Identifier: MIT
#include "vendor/csv_exports.h"

#include <fmt/format.h>

#include <charconv>

#include "core/concat.h"
#include "core/time_format.h"
#include "csv/csv_reader.h"
#include "mappings/reason_table.h"

namespace whohungup::vendor {

namespace {

using detail::cell;
using detail::CsvHeader;
using detail::CsvReader;

constexpr std::uint64_t kWarningsShown = 3;

/// The header line only, lower-cased, for sniffing.
std::string first_line_lowered(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    std::string line(head.substr(0, head.find('\n')));
    for (char& c : line) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return line;
}

/// The common loop: header, required columns, one verdict per row, warnings counted.
class CsvExportReader : public Reader {
public:
    explicit CsvExportReader(const Limits& limits) : limits_(limits) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        InputResult result;
        input_ = input_name;
        diag_ = &diag;
        warned_time_ = false;
        unreadable_times_ = 0;
        CsvReader csv(source, limits_.max_entry_bytes);
        std::vector<std::string> row;
        if (const CsvReader::Status header = csv.next(row); header != CsvReader::Status::kRow) {
            diag.report(Diagnostic{Severity::kError, input_name, 1, 0, true,
                                   header == CsvReader::Status::kError ? csv.error_message() : "no CSV header row"});
            result.failed = true;
            return result;
        }
        const CsvHeader header(row);
        const std::string missing = bind_columns(header);
        if (!missing.empty()) {
            diag.report(Diagnostic{Severity::kError, input_name, 1, 0, true,
                                   fmt::format("the CSV header has no {} column", missing)});
            result.failed = true;
            return result;
        }
        std::uint64_t warnings = 0;
        for (;;) {
            const CsvReader::Status status = csv.next(row);
            if (status == CsvReader::Status::kEnd) break;
            if (status == CsvReader::Status::kError) {
                diag.report(Diagnostic{Severity::kError, input_name, csv.row_line(), csv.row_byte(), true,
                                       csv.error_message()});
                result.failed = true;
                break;
            }
            ++result.records;
            if (status == CsvReader::Status::kTooLong) {
                ++result.skipped;
                if (++warnings <= kWarningsShown) {
                    diag.report(Diagnostic{Severity::kWarning, input_name, csv.row_line(), csv.row_byte(), true,
                                           "row skipped: longer than the size limit (--max-entry-bytes)"});
                }
                continue;
            }
            line_ = csv.row_line();
            byte_ = csv.row_byte();
            std::string why;
            if (!on_row(row, out, why)) {
                ++result.skipped;
                if (++warnings <= kWarningsShown) {
                    diag.report(Diagnostic{Severity::kWarning, input_name, line_, byte_, true, "row skipped: " + why});
                }
            }
        }
        if (!source.error().empty()) {
            diag.report(Diagnostic{Severity::kError, input_name, 0, csv.bytes_read(), true,
                                   fmt::format("read error: {}", source.error())});
            result.failed = true;
        }
        if (result.skipped > kWarningsShown) {
            diag.report(Diagnostic{Severity::kWarning, input_name, 0, 0, false,
                                   fmt::format("skipped {} of {} rows", result.skipped, result.records)});
        }
        result.bytes = csv.bytes_read();
        result.unreadable_fields = unreadable_times_;
        return result;
    }

    void finish(VerdictSink& /*out*/, DiagnosticSink& /*diag*/) override {}

protected:
    /// Finds the columns; returns the name of a required one that is missing, or "".
    virtual std::string bind_columns(const CsvHeader& header) = 0;
    /// One data row; false (with `why`) when it cannot be used.
    virtual bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) = 0;

    Verdict new_verdict(std::string_view format, std::string text) const {
        Verdict v;
        v.source_format = std::string(format);
        v.input = input_;
        v.evidence.push_back(Evidence{kNoTime, input_, line_, byte_, std::move(text)});
        return v;
    }

    /// ISO-8601, the UI's "M/D/YY h:mm AM", or epoch milliseconds; warned once when unreadable.
    std::int64_t read_time(std::string_view text) {
        if (text.empty()) return kNoTime;
        if (auto iso = detail::parse_iso8601_ms(text)) return *iso;
        if (auto us = detail::parse_us_datetime_ms(text)) return *us;
        std::int64_t ms = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ms);
        if (error == std::errc() && end == text.data() + text.size() && detail::time_in_range(ms)) return ms;
        ++unreadable_times_;
        if (!warned_time_) {
            warned_time_ = true;
            diag_->report(
                Diagnostic{Severity::kWarning, input_, line_, byte_, true,
                           fmt::format("unreadable time \"{}\": left unknown (further ones not reported)", text)});
        }
        return kNoTime;
    }

    void map_code(const mappings::ReasonTable& table, std::string_view code, Verdict& v) {
        if (!mappings::apply(table, code, v)) {
            v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name, code);
            diag_->report(mappings::unknown_code_warning(table, code, input_, line_, byte_));
        }
    }

private:
    Limits limits_;
    std::string input_;
    DiagnosticSink* diag_ = nullptr;
    std::uint64_t line_ = 0;
    std::uint64_t byte_ = 0;
    bool warned_time_ = false;
    std::uint64_t unreadable_times_ = 0;  ///< rows of this input with a time left unknown
};

class GenesysInteractionsCsvReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

protected:
    std::string bind_columns(const CsvHeader& header) override {
        id_ = header.find({"Conversation ID", "Interaction ID"});
        disconnect_ = header.find({"Disconnect Type"});
        abandoned_ = header.find({"Abandoned"});
        users_ = header.find({"Users - Interacted", "Users - Alerted"});
        date_ = header.find({"Date", "Start Date", "Conversation Start"});
        media_ = header.find({"Media Type"});
        if (id_ < 0) return "\"Conversation ID\"";
        if (disconnect_ < 0) return "\"Disconnect Type\"";
        return {};
    }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        const std::string_view id = cell(row, id_);
        if (id.empty()) {
            why = "no Conversation ID";
            return false;
        }
        const std::string_view disconnect = cell(row, disconnect_);
        const std::string_view abandoned = cell(row, abandoned_);
        Verdict v =
            new_verdict("genesys-interactions-csv",
                        detail::concat({"Conversation ID=", id, " Disconnect Type=", detail::or_dash(disconnect),
                                        " Abandoned=", detail::or_dash(abandoned)}));
        v.contact_id = std::string(id);
        v.agent_name = std::string(cell(row, users_));
        v.started_at_ms = read_time(cell(row, date_));
        if (abandoned == "YES" || abandoned == "Yes" || abandoned == "yes") {
            mappings::apply(mappings::genesys_outcome(), "abandoned", v);
            v.raw_reason = disconnect.empty() ? std::string("Abandoned=YES") : std::string(disconnect);
            v.outcome = "abandoned";
            v.detail = "The export marks the interaction abandoned.";
        } else if (disconnect.empty()) {
            v.ended_by = Party::kUnknown;
            v.category = Category::kInProgress;
            v.reason = "conversation_in_progress";
            v.confidence = Confidence::kMedium;
            v.outcome = "in_progress";
            v.detail = "The export has no Disconnect Type: the interaction was still in progress.";
        } else {
            map_code(mappings::genesys_interactions_disconnect_type(), disconnect, v);
            if (v.detail.empty()) {
                v.detail = detail::concat({"The export's Disconnect Type is ", disconnect, "."});
            }
            if (!v.agent_name.empty()) v.outcome = "handled";
        }
        if (media_ >= 0 && !cell(row, media_).empty()) {
            v.detail += detail::concat({" Media: ", cell(row, media_), "."});
        }
        out.on_verdict(std::move(v));
        return true;
    }

private:
    int id_ = -1, disconnect_ = -1, abandoned_ = -1, users_ = -1, date_ = -1, media_ = -1;
};

class VoiceAgentCallsCsvReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

protected:
    std::string bind_columns(const CsvHeader& header) override {
        id_ = header.find({"call_id", "Call ID", "Session ID", "Session/Call ID", "Call Id"});
        reason_ = header.find({"disconnection_reason", "Disconnection Reason", "End Reason"});
        status_ = header.find({"call_status", "Call Status", "Session Status", "Session/Call Status"});
        agent_ = header.find({"agent_id", "Agent ID"});
        agent_name_ = header.find({"agent_name", "Agent Name", "Agent"});
        start_ = header.find({"start_timestamp", "Time", "Start Time"});
        end_ = header.find({"end_timestamp", "End Time"});
        if (id_ < 0) return R"(call id ("call_id", "Call ID" or "Session ID"))";
        if (reason_ < 0)
            return R"(disconnection reason ("disconnection_reason", "Disconnection Reason" or "End Reason"))";
        return {};
    }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        const std::string_view id = cell(row, id_);
        if (id.empty()) {
            why = "no call id";
            return false;
        }
        const std::string_view reason = cell(row, reason_);
        const std::string_view status = cell(row, status_);
        Verdict v = new_verdict("voice-agent-calls-csv",
                                detail::concat({"call_id=", id, " call_status=", detail::or_dash(status),
                                                " disconnection_reason=", detail::or_dash(reason)}));
        v.contact_id = std::string(id);
        v.agent = std::string(cell(row, agent_));
        v.agent_name = std::string(cell(row, agent_name_));
        v.started_at_ms = read_time(cell(row, start_));
        v.ended_at_ms = read_time(cell(row, end_));
        if (reason.empty()) {
            v.ended_by = Party::kUnknown;
            v.category = status == "ongoing" || status == "registered" ? Category::kInProgress : Category::kOther;
            v.reason = v.category == Category::kInProgress ? "call_in_progress" : "no_disconnect_reason";
            v.raw_reason = std::string(status);
            v.detail = "The row has no disconnection reason.";
        } else {
            map_code(mappings::retell_disconnection_reason(), reason, v);
            if (v.detail.empty()) {
                v.detail = detail::concat({"The call history says ", reason, "."});
            }
        }
        out.on_verdict(std::move(v));
        return true;
    }

private:
    int id_ = -1, reason_ = -1, status_ = -1, agent_ = -1, agent_name_ = -1, start_ = -1, end_ = -1;
};

}  // namespace

bool sniff_genesys_interactions_csv(std::string_view head) {
    const std::string line = first_line_lowered(head);
    // The export's first column, or the column this reader needs; a missing one is then named.
    return line.find("conversation id") != std::string::npos &&
           (line.find("disconnect type") != std::string::npos ||
            line.find("full export completed") != std::string::npos);
}

bool sniff_voice_agent_calls_csv(std::string_view head) {
    const std::string line = first_line_lowered(head);
    if (line.starts_with("[") || line.starts_with("{")) return false;
    const bool reason = line.find("disconnection_reason") != std::string::npos ||
                        line.find("disconnection reason") != std::string::npos ||
                        line.find("end reason") != std::string::npos;
    const bool id = line.find("call_id") != std::string::npos || line.find("call id") != std::string::npos ||
                    line.find("session id") != std::string::npos;
    return reason && id;
}

std::unique_ptr<Reader> make_genesys_interactions_csv_reader(const Limits& limits) {
    return std::make_unique<GenesysInteractionsCsvReader>(limits);
}

std::unique_ptr<Reader> make_voice_agent_calls_csv_reader(const Limits& limits) {
    return std::make_unique<VoiceAgentCallsCsvReader>(limits);
}

}  // namespace whohungup::vendor
