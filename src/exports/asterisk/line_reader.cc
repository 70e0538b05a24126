// SPDX-License-Identifier: MIT
#include "exports/asterisk/line_reader.h"

#include <cstring>

namespace whohungup::exports {

namespace {
// At least twice zlib's buffer (core/byte_source.cc): zlib then reads a plain file straight into it.
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}  // namespace

LineReader::LineReader(ByteSource& source, std::size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes), buffer_(kBufferBytes) {}

bool LineReader::fill() {
    if (pos_ < len_) return true;
    if (eof_) return false;
    pos_ = 0;
    len_ = source_.read_some(buffer_.data(), buffer_.size());
    eof_ = len_ == 0;
    return len_ > 0;
}

LineReader::Status LineReader::next(std::string_view& line) {
    long_line_.clear();
    bool too_long = false;
    bool any = false;
    line_byte_ = consumed_;
    for (;;) {
        if (!fill()) {
            if (!any) return Status::kEnd;
            break;  // a last line without a line end
        }
        any = true;
        const char* start = buffer_.data() + pos_;
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
        const std::size_t end = newline == nullptr ? len_ : static_cast<std::size_t>(newline - buffer_.data());
        const std::size_t piece = end - pos_;
        if (newline != nullptr && long_line_.empty() && !too_long) {
            // The common case: the whole line is in the buffer.
            consumed_ += piece + 1;
            pos_ = end + 1;
            ++line_number_;
            line = std::string_view(start, piece);
            if (line.ends_with('\r')) line.remove_suffix(1);
            if (line.size() > max_line_bytes_) return Status::kTooLong;
            return Status::kLine;
        }
        if (!too_long) {
            if (long_line_.size() + piece > max_line_bytes_) {
                too_long = true;
                long_line_.clear();
            } else {
                long_line_.append(start, piece);
            }
        }
        consumed_ += piece;
        pos_ = end;
        if (newline != nullptr) {
            ++consumed_;
            ++pos_;
            break;
        }
    }
    ++line_number_;
    if (too_long) return Status::kTooLong;
    line = long_line_;
    if (line.ends_with('\r')) line.remove_suffix(1);
    return Status::kLine;
}

}  // namespace whohungup::exports
