// SPDX-License-Identifier: MIT
// Streaming RFC 4180 reader: quoted fields with "" escapes and line breaks inside quotes, CRLF or
// LF line ends, a UTF-8 BOM. One row in memory at a time, each bounded by a size limit.
// Tested by tests/unit/csv_reader_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "whohungup/byte_source.h"

namespace whohungup::detail {

class CsvReader {
public:
    enum class Status : std::uint8_t {
        kRow,      ///< `fields` holds the next row
        kEnd,      ///< no more rows
        kTooLong,  ///< the row is longer than the limit (bytes or cells): skipped, reading goes on
        kError,    ///< the rest cannot be read (see error_message()): stop
    };

    /// Cells one row may hold; a row with more is skipped like one over the byte limit.
    static constexpr std::size_t kMaxCells = 10000;

    CsvReader(ByteSource& source, std::size_t max_row_bytes);

    Status next(std::vector<std::string>& fields);
    /// 1-based line where the last row started.
    [[nodiscard]] std::uint64_t row_line() const { return row_line_; }
    [[nodiscard]] std::uint64_t row_byte() const { return row_byte_; }
    [[nodiscard]] std::uint64_t bytes_read() const { return consumed_; }
    /// Why next() returned kError: a quoted field never closed, a NUL byte (binary data, not
    /// text), or a row that runs on past twice the size limit (an endless row: skipping it
    /// would read for ever).
    [[nodiscard]] const std::string& error_message() const { return error_; }

private:
    bool fill();

    ByteSource& source_;
    std::size_t max_row_bytes_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t len_ = 0;
    std::size_t nul_at_ = 0;      ///< index of the buffer's first NUL byte, len_ when it has none
    std::uint64_t consumed_ = 0;  ///< input offset of buffer_[pos_]
    std::uint64_t line_ = 1;
    std::uint64_t row_line_ = 0;
    std::uint64_t row_byte_ = 0;
    bool started_ = false;
    bool done_ = false;
    std::string error_;
};

/// Column lookup by header name, with aliases and case-insensitive matching.
class CsvHeader {
public:
    explicit CsvHeader(const std::vector<std::string>& names);
    /// Index of the first of `aliases` present, or -1.
    [[nodiscard]] int find(std::initializer_list<std::string_view> aliases) const;

private:
    std::vector<std::string> lowered_;
};

/// The field at `index` of `row`, or "" when the column is absent or the row short.
[[nodiscard]] std::string_view cell(const std::vector<std::string>& row, int index);

}  // namespace whohungup::detail
