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
        unreadable_times_ = 0;
        CsvReader csv(source, limits_.max_entry_bytes);
        std::vector<std::string> row;
        if (const CsvReader::Status header = csv.next(row); header != CsvReader::Status::kRow) {
            diag.report(Diagnostic::error(
                            input_name, header == CsvReader::Status::kError ? csv.error_message() : "no CSV header row")
                            .at(1, 0));
            result.failed = true;
            return result;
        }
        std::uint64_t warnings = 0;
        if (bind_headerless(row)) {
            ++result.records;
            take_row(csv, row, out, result, warnings);  // the first row is already a record
        } else if (const std::string missing = bind_columns(CsvHeader(row)); !missing.empty()) {
            diag.report(
                Diagnostic::error(input_name, fmt::format("the CSV header has no {} column", missing)).at(1, 0));
            result.failed = true;
            return result;
        }
        for (;;) {
            const CsvReader::Status status = csv.next(row);
            if (status == CsvReader::Status::kEnd) break;
            if (status == CsvReader::Status::kError) {
                diag.report(Diagnostic::error(input_name, csv.error_message()).at(csv.row_line(), csv.row_byte()));
                result.failed = true;
                break;
            }
            ++result.records;
            if (status == CsvReader::Status::kTooLong) {
                ++result.skipped;
                if (++warnings <= kWarningsShown) {
                    diag.report(
                        Diagnostic::warning(input_name, "row skipped: longer than the size limit (--max-entry-bytes)")
                            .at(csv.row_line(), csv.row_byte()));
                }
                continue;
            }
            take_row(csv, row, out, result, warnings);
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
        if (!format_title().empty() && !result.failed && result.records > 0 && result.skipped * 2 > result.records) {
            diag.report(Diagnostic::error(input_name, fmt::format("not {}: {} of {} rows could not be read",
                                                                  format_title(), result.skipped, result.records)));
            result.failed = true;
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
    /// For formats written without a header row (a fixed template): true when `first_row` is
    /// already data, with the columns bound by position. By default the first row is the header.
    virtual bool bind_headerless(const std::vector<std::string>& /*first_row*/) { return false; }
    /// The format's name for "not <title>: N of M rows could not be read", the error for a file
    /// whose rows are mostly not this format; "" keeps every row a warning.
    [[nodiscard]] virtual std::string_view format_title() const { return {}; }

    Verdict new_verdict(std::string_view format, std::string text) const {
        Verdict v;
        v.source_format = std::string(format);
        v.input = input_;
        v.evidence.push_back(Evidence{kNoTime, input_, line_, byte_, std::move(text)});
        return v;
    }

    /// The row being read as the verdict's input and one evidence line (decide() made `v`).
    void attach_row(Verdict& v, std::int64_t time_ms, std::string text) const {
        v.input = input_;
        v.evidence.push_back(Evidence{time_ms, input_, line_, byte_, std::move(text)});
    }

    /// ISO-8601, the UI's "M/D/YY h:mm AM" (or "D/M/YYYY HH:MM" in a day-first file, see
    /// set_date_order()), or epoch milliseconds; warned once when unreadable.
    std::int64_t read_time(std::string_view text) {
        if (text.empty()) return kNoTime;
        if (auto iso = detail::parse_iso8601_ms(text)) return *iso;
        if (auto slash = detail::parse_slash_datetime_ms(text, date_order_)) return *slash;
        std::int64_t ms = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ms);
        if (error == std::errc() && end == text.data() + text.size() && detail::time_in_range(ms)) return ms;
        ++unreadable_times_;
        if (!warned_time_) {
            warned_time_ = true;
            diag_->report(
                Diagnostic::warning(
                    input_, fmt::format("unreadable time \"{}\": left unknown (further ones not reported)", text))
                    .at(line_, byte_));
        }
        return kNoTime;
    }

    /// The order read_time() reads slash dates in: month first unless the reader has found the
    /// file to be day-first (exports write the date in the exporting user's locale).
    void set_date_order(detail::DateOrder order) { date_order_ = order; }

    /// The row being read, for readers that hold records past on_row (rows grouped by call).
    [[nodiscard]] const std::string& input() const { return input_; }
    [[nodiscard]] std::uint64_t line() const { return line_; }
    [[nodiscard]] std::uint64_t byte() const { return byte_; }
    /// A diagnostic of the input being read (a reader's own warnings: limits, unknown codes).
    void report(const Diagnostic& diagnostic) const { diag_->report(diagnostic); }

    void warn_unknown_code(const mappings::ReasonTable& table, std::string_view code) {
        diag_->report(mappings::unknown_code_warning(table, code, input_, line_, byte_));
    }

    void map_code(const mappings::ReasonTable& table, std::string_view code, Verdict& v) {
        if (!mappings::apply(table, code, v)) {
            v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name, code);
            diag_->report(mappings::unknown_code_warning(table, code, input_, line_, byte_));
        }
    }

private:
    void take_row(const CsvReader& csv,
                  const std::vector<std::string>& row,
                  VerdictSink& out,
                  InputResult& result,
                  std::uint64_t& warnings) {
        line_ = csv.row_line();
        byte_ = csv.row_byte();
        std::string why;
        if (!on_row(row, out, why)) {
            ++result.skipped;
            if (++warnings <= kWarningsShown) {
                diag_->report(Diagnostic::warning(input_, "row skipped: " + why).at(line_, byte_));
            }
        }
    }

    Limits limits_;
    std::string input_;
    DiagnosticSink* diag_ = nullptr;
    std::uint64_t line_ = 0;
    std::uint64_t byte_ = 0;
    bool warned_time_ = false;
    std::uint64_t unreadable_times_ = 0;  ///< rows of this input with a time left unknown
    detail::DateOrder date_order_ = detail::DateOrder::kMonthFirst;
};

}  // namespace whohungup::exports
