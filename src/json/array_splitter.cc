// SPDX-License-Identifier: MIT
#include "json/array_splitter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace whohungup::detail {

namespace {
constexpr std::size_t kBufferSize = std::size_t{1} << 20;

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

std::string describe_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
        return fmt::format("'{}'", c);
    }
    return fmt::format("byte 0x{:02x}", u);
}
}  // namespace

JsonArraySplitter::JsonArraySplitter(ByteSource& source, const Limits& limits, TopLevelObjects objects)
    : source_(source), limits_(limits), objects_(objects), buffer_(kBufferSize) {}

bool JsonArraySplitter::fill() {
    if (pos_ < len_) {
        return true;
    }
    if (source_done_) {
        return false;
    }
    // Count the lines of the buffer we are about to drop.
    line_ += static_cast<std::uint64_t>(std::count(buffer_.data() + counted_, buffer_.data() + len_, '\n'));
    buffer_start_ += len_;
    pos_ = 0;
    counted_ = 0;
    len_ = source_.read_some(buffer_.data(), buffer_.size());
    if (len_ == 0) {
        source_done_ = true;
        return false;
    }
    return true;
}

std::uint64_t JsonArraySplitter::line_at(std::size_t pos) {
    line_ += static_cast<std::uint64_t>(std::count(buffer_.data() + counted_, buffer_.data() + pos, '\n'));
    counted_ = pos;
    return line_;
}

bool JsonArraySplitter::skip_whitespace() {
    for (;;) {
        if (!fill()) {
            return false;
        }
        while (pos_ < len_ && is_space(buffer_[pos_])) {
            ++pos_;
        }
        if (pos_ < len_) {
            return true;
        }
    }
}

JsonArraySplitter::Status JsonArraySplitter::fail(std::string message, std::uint64_t line, std::uint64_t byte) {
    error_message_ = std::move(message);
    error_line_ = line;
    error_byte_ = byte;
    // Stop for good: nothing after a structural error can be trusted to line up.
    source_done_ = true;
    pos_ = len_;
    return Status::kError;
}

void JsonArraySplitter::keep(std::size_t from, std::size_t to) {
    if (element_.size() + (to - from) > limits_.max_entry_bytes) {
        return;  // over size: the caller sees over_size and skips the element
    }
    element_.append(buffer_.data() + from, to - from);
}

JsonArraySplitter::Status JsonArraySplitter::next(ArrayElement& out) {
    for (;;) {
        if (!skip_whitespace()) {
            const std::uint64_t end = bytes_read();
            if (state_ == State::kTop) {
                if (arrays_seen_ == 0) {
                    const bool records = objects_ == TopLevelObjects::kAreElements;
                    return fail(end == 0 ? (records ? "empty input: no records"
                                                    : "empty input: expected a JSON array of log entries")
                                         : (records ? "no JSON value found" : "no JSON array found"),
                                0, end);
                }
                return Status::kEnd;
            }
            return fail(fmt::format("truncated: the input ends inside a JSON array after {} "
                                    "complete entries (no closing ']')",
                                    elements_in_array_),
                        0, end);
        }
        const char c = buffer_[pos_];
        switch (state_) {
            case State::kTop: {
                const auto u = static_cast<unsigned char>(c);
                if (u == 0xEF) {  // UTF-8 BOM, at the start or where downloads were concatenated
                    const std::uint64_t at = bytes_read();
                    unsigned matched = 0;
                    const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
                    while (matched < 3 && fill() && static_cast<unsigned char>(buffer_[pos_]) == bom[matched]) {
                        ++pos_;
                        ++matched;
                    }
                    if (matched != 3) {
                        return fail("not JSON: invalid byte where a JSON array should start", 0, at);
                    }
                    continue;
                }
                if (c == '{' && objects_ == TopLevelObjects::kAreElements) {
                    ++arrays_seen_;
                    return scan_element(out);
                }
                if (c == '[') {
                    ++pos_;
                    in_array_ = true;
                    ++arrays_seen_;
                    elements_in_array_ = 0;
                    state_ = State::kArrayStart;
                    continue;
                }
                if (c == ',' && arrays_seen_ > 0) {  // "[...],[...]": tolerated between arrays
                    ++pos_;
                    continue;
                }
                const std::uint64_t line = line_at(pos_);
                if (c == '{') {  // reached only when top-level objects are an error
                    return fail("expected a JSON array of log entries, found a JSON object", line, bytes_read());
                }
                return fail(fmt::format("not JSON: unexpected {} where a JSON array should start", describe_byte(c)),
                            line, bytes_read());
            }
            case State::kArrayStart:
                if (c == ']') {  // empty array (or a trailing comma)
                    ++pos_;
                    in_array_ = false;
                    state_ = State::kTop;
                    continue;
                }
                return scan_element(out);
            case State::kAfterElement:
                if (c == ',') {
                    ++pos_;
                    state_ = State::kArrayStart;
                    continue;
                }
                if (c == ']') {
                    ++pos_;
                    in_array_ = false;
                    state_ = State::kTop;
                    continue;
                }
                return fail(fmt::format("expected ',' or ']' after an entry, found {}", describe_byte(c)),
                            line_at(pos_), bytes_read());
        }
    }
}

JsonArraySplitter::Status JsonArraySplitter::scan_element(ArrayElement& out) {
    out = ArrayElement{};
    out.line = line_at(pos_);
    out.byte = bytes_read();
    element_.clear();
    const char first = buffer_[pos_];
    out.is_object = first == '{';
    const bool container = first == '{' || first == '[';
    std::size_t depth = 0;
    std::size_t max_depth = 0;
    bool in_string = false;
    bool escape = false;
    bool done = false;
    std::uint64_t total = 0;

    while (!done) {
        if (!fill()) {
            return fail(
                fmt::format("truncated: the input ends (at byte {}) inside the entry that starts here", bytes_read()),
                out.line, out.byte);
        }
        const std::size_t start = pos_;
        std::size_t i = pos_;
        const char* data = buffer_.data();
        while (i < len_) {
            const char c = data[i];
            if (in_string) {
                if (escape) {
                    escape = false;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    in_string = false;
                    if (!container && depth == 0) {  // a string scalar ends here
                        ++i;
                        done = true;
                        break;
                    }
                } else {
                    // Fast skip to the next quote or backslash.
                    const char* q = static_cast<const char*>(std::memchr(data + i, '"', len_ - i));
                    const std::size_t limit = q != nullptr ? static_cast<std::size_t>(q - data) : len_;
                    const char* b = static_cast<const char*>(std::memchr(data + i, '\\', limit - i));
                    i = b != nullptr ? static_cast<std::size_t>(b - data) : limit;
                    continue;
                }
                ++i;
                continue;
            }
            if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                ++depth;
                max_depth = std::max(max_depth, depth);
            } else if (c == '}' || c == ']') {
                if (!container) {  // a scalar ends before the array's ']'
                    done = true;
                    break;
                }
                --depth;
                if (depth == 0) {
                    ++i;
                    done = true;
                    break;
                }
            } else if (!container && (c == ',' || is_space(c))) {
                done = true;
                break;
            }
            ++i;
        }
        keep(start, i);
        total += i - start;
        pos_ = i;
    }
    out.over_size = total > limits_.max_entry_bytes;
    out.over_depth = max_depth > limits_.max_depth;
    if (out.over_size) {
        element_.clear();
    }
    element_.reserve(element_.size() + kParsePadding);
    out.bytes = element_;
    state_ = in_array_ ? State::kAfterElement : State::kTop;
    ++elements_in_array_;
    return Status::kElement;
}

}  // namespace whohungup::detail
