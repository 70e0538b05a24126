// SPDX-License-Identifier: MIT
#include "csv/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace whohungup::detail {

namespace {
// At least twice zlib's buffer (byte_source.cc, 256 KiB): zlib then reads a plain file straight into
// it instead of through its own buffer and a copy.
constexpr std::size_t kBufferSize = std::size_t{1} << 20;

std::string lowered(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}
}  // namespace

CsvReader::CsvReader(ByteSource& source, std::size_t max_row_bytes)
    : source_(source), max_row_bytes_(max_row_bytes), buffer_(kBufferSize) {}

bool CsvReader::fill() {
    if (pos_ < len_) {
        return true;
    }
    if (done_) {
        return false;
    }
    pos_ = 0;
    len_ = source_.read_some(buffer_.data(), buffer_.size());
    if (len_ == 0) {
        done_ = true;
        return false;
    }
    // Where the buffer's first NUL is, found once per read instead of once per field.
    const void* nul = std::memchr(buffer_.data(), '\0', len_);
    nul_at_ = nul == nullptr ? len_ : static_cast<std::size_t>(static_cast<const char*>(nul) - buffer_.data());
    if (!started_) {
        started_ = true;
        if (len_ >= 3 && static_cast<unsigned char>(buffer_[0]) == 0xEF &&
            static_cast<unsigned char>(buffer_[1]) == 0xBB && static_cast<unsigned char>(buffer_[2]) == 0xBF) {
            pos_ = 3;
            consumed_ += 3;
        }
    }
    return pos_ < len_;
}

CsvReader::Status CsvReader::next(std::vector<std::string>& fields) {
    // The row's strings are reused from the previous row: no allocation per field once warm.
    std::size_t count = 0;
    const auto next_field = [&fields, &count]() -> std::string& {
        if (count == fields.size()) {
            fields.emplace_back();
        }
        std::string& slot = fields[count++];
        slot.clear();
        return slot;
    };
    // Skip blank lines between rows.
    while (fill() && (buffer_[pos_] == '\n' || buffer_[pos_] == '\r')) {
        line_ += buffer_[pos_] == '\n' ? 1U : 0U;
        ++pos_;
        ++consumed_;
    }
    if (!fill()) {
        return Status::kEnd;
    }
    row_line_ = line_;
    row_byte_ = consumed_;
    std::size_t row_bytes = 0;
    bool too_long = false;
    bool in_quotes = false;
    bool quote_pending = false;  ///< saw a '"' inside quotes: an escape or the closing quote
    std::string* field = &next_field();
    // Every byte of the row counts (separators and lone CRs too), so no row, however it is
    // made, grows without bound. A row over the limit is skipped while it is read through to its
    // end; one still going at twice the limit never ends (/dev/zero, a stream cut mid-row).
    const auto count_bytes = [&](std::size_t size) {
        row_bytes += size;
        too_long = too_long || row_bytes > max_row_bytes_;
        if (row_bytes / 2 > max_row_bytes_) {
            error_ = "a row runs on past twice the size limit (--max-entry-bytes) without ending: the rest is not read";
        }
    };
    const auto take = [&](std::size_t from, std::size_t to) {  // bytes of the current field
        if (from <= nul_at_ && nul_at_ < to) {
            error_ = "not text: a NUL byte (binary data); the rest is not read";
        }
        count_bytes(to - from);
        if (!too_long) field->append(buffer_.data() + from, to - from);
    };
    for (;;) {
        if (!error_.empty()) {
            fields.clear();
            return Status::kError;
        }
        if (!fill()) {
            if (in_quotes && !quote_pending) {
                error_ = "truncated: a quoted field is never closed";
                return Status::kError;
            }
            break;
        }
        if (in_quotes && !quote_pending) {
            // Inside quotes: everything up to the next quote is field text (newlines included).
            const char* start = buffer_.data() + pos_;
            const void* quote = std::memchr(start, '"', len_ - pos_);
            const std::size_t end =
                quote == nullptr ? len_ : static_cast<std::size_t>(static_cast<const char*>(quote) - buffer_.data());
            for (const char* nl = start;
                 (nl = static_cast<const char*>(
                      std::memchr(nl, '\n', static_cast<std::size_t>(buffer_.data() + end - nl)))) != nullptr;
                 ++nl) {
                ++line_;
            }
            take(pos_, end);
            consumed_ += end - pos_;
            pos_ = end;
            if (quote != nullptr) {
                quote_pending = true;
                ++pos_;
                ++consumed_;
            }
            continue;
        }
        const char c = buffer_[pos_];
        if (quote_pending) {
            quote_pending = false;
            if (c == '"') {  // "" inside quotes
                take(pos_, pos_ + 1);
                ++pos_;
                ++consumed_;
                continue;
            }
            in_quotes = false;  // that quote closed the field; c is handled below
        }
        if (c == '"' && field->empty() && !in_quotes) {
            in_quotes = true;
            ++pos_;
            ++consumed_;
            continue;
        }
        if (c == ',') {
            count_bytes(1);
            too_long = too_long || count >= kMaxCells;
            field = too_long ? field : &next_field();
            field->clear();
            ++pos_;
            ++consumed_;
            continue;
        }
        if (c == '\n') {
            ++line_;
            ++pos_;
            ++consumed_;
            break;
        }
        // Unquoted text: up to the next separator in one piece.
        std::size_t end = pos_;
        while (end < len_ && buffer_[end] != ',' && buffer_[end] != '\n' && buffer_[end] != '\r') {
            ++end;
        }
        if (end == pos_) {  // a lone CR
            count_bytes(1);
            ++pos_;
            ++consumed_;
            continue;
        }
        take(pos_, end);
        consumed_ += end - pos_;
        pos_ = end;
    }
    fields.resize(count);
    if (too_long) {
        fields.clear();
        return Status::kTooLong;
    }
    return Status::kRow;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
    lowered_.reserve(names.size());
    for (const std::string& name : names) {
        lowered_.push_back(lowered(name));
    }
}

int CsvHeader::find(std::initializer_list<std::string_view> aliases) const {
    for (std::string_view alias : aliases) {
        const std::string key = lowered(alias);
        const auto it = std::find(lowered_.begin(), lowered_.end(), key);
        if (it != lowered_.end()) {
            return static_cast<int>(it - lowered_.begin());
        }
    }
    return -1;
}

std::string_view cell(const std::vector<std::string>& row, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= row.size()) {
        return {};
    }
    return row[static_cast<std::size_t>(index)];
}

}  // namespace whohungup::detail
