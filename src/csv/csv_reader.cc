// SPDX-License-Identifier: MIT
#include "csv/csv_reader.h"

#include <algorithm>

namespace whohungup::detail {

namespace {
constexpr std::size_t kBufferSize = std::size_t{1} << 18;

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
    fields.clear();
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
    std::string field;
    for (;;) {
        if (!fill()) {
            if (in_quotes && !quote_pending) {
                return Status::kError;
            }
            break;
        }
        const char c = buffer_[pos_++];
        ++consumed_;
        if (++row_bytes > max_row_bytes_) {
            too_long = true;
        }
        if (c == '\n') {
            ++line_;
        }
        if (in_quotes) {
            if (quote_pending) {
                quote_pending = false;
                if (c == '"') {
                    if (!too_long) field.push_back('"');
                    continue;
                }
                in_quotes = false;  // that quote closed the field; handle c below
            } else if (c == '"') {
                quote_pending = true;
                continue;
            } else {
                if (!too_long) field.push_back(c);
                continue;
            }
        }
        if (c == '"' && field.empty()) {
            in_quotes = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            if (!too_long) field.push_back(c);
        }
    }
    fields.push_back(std::move(field));
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
