// SPDX-License-Identifier: MIT
// Streaming line reader for the line-per-record text formats (Asterisk queue_log): LF or CRLF
// line ends, one line in memory at a time, each bounded by a size limit. Tested by
// tests/unit/asterisk_queue_log_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whohungup/byte_source.h"

namespace whohungup::exports {

class LineReader {
public:
    enum class Status : std::uint8_t {
        kLine,     ///< `line` holds the next line (without its line end)
        kEnd,      ///< no more lines
        kTooLong,  ///< the line is longer than the limit: skipped, reading goes on
    };

    LineReader(ByteSource& source, std::size_t max_line_bytes);

    /// The next line; the view stays valid until the next call.
    Status next(std::string_view& line);
    /// 1-based number of the last line returned.
    [[nodiscard]] std::uint64_t line_number() const { return line_number_; }
    /// 0-based byte offset where the last line started.
    [[nodiscard]] std::uint64_t line_byte() const { return line_byte_; }
    [[nodiscard]] std::uint64_t bytes_read() const { return consumed_; }

private:
    bool fill();

    ByteSource& source_;
    std::size_t max_line_bytes_;
    std::vector<char> buffer_;
    std::string long_line_;  ///< a line that spans buffer refills
    std::size_t pos_ = 0;
    std::size_t len_ = 0;
    std::uint64_t consumed_ = 0;
    std::uint64_t line_number_ = 0;
    std::uint64_t line_byte_ = 0;
    bool eof_ = false;
};

}  // namespace whohungup::exports
