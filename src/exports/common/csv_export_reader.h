// SPDX-License-Identifier: MIT
// The common loop of CSV exports, matched by their header (columns are user-chosen and in any
// order): header, required columns, one record per row, warnings counted. Each platform's CSV
// reader (src/exports/<platform>/) binds its columns and reads its rows.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_format.h"
#include "csv/csv_reader.h"
#include "mappings/reason_table.h"
#include "whohungup/reader.h"

namespace whohungup::exports {

using detail::cell;
using detail::CsvHeader;
using detail::CsvReader;

constexpr std::uint64_t kWarningsShown = 3;

/// The header line only, lower-cased, for sniffing.
inline std::string first_line_lowered(std::string_view head) {
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
        CsvReader csv(source, limits_.max_entry_bytes);
        std::vector<std::string> row;
        if (csv.next(row) != CsvReader::Status::kRow) {
            diag.report(Diagnostic{Severity::kError, input_name, 1, 0, true, "no CSV header row"});
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
                                       "truncated: a quoted field is never closed"});
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
        if (error == std::errc() && end == text.data() + text.size()) return ms;
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
};

}  // namespace whohungup::exports
