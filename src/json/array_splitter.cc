// SPDX-License-Identifier: MIT
#include "json/array_splitter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "json/structural_scan.h"

namespace whohungup::detail {

namespace {
/// The read buffer starts small (tiny inputs, fuzzing) and grows to its full size once an input
/// turns out to be larger than it.
constexpr std::size_t kFirstBufferSize = std::size_t{64} << 10;
constexpr std::size_t kBufferSize = std::size_t{1} << 20;
constexpr std::size_t kBlock = 64;

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool starts_value(char c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

std::string describe_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
        return fmt::format("'{}'", c);
    }
    return fmt::format("byte 0x{:02x}", u);
}
}  // namespace

JsonArraySplitter::JsonArraySplitter(ByteSource& source,
                                     const Limits& limits,
                                     TopLevelObjects objects,
                                     EnvelopeKeys envelopes)
    // kParsePadding spare bytes at the end keep views into the buffer readable by simdjson.
    : source_(source),
      limits_(limits),
      objects_(objects),
      buffer_(kFirstBufferSize + kParsePadding),
      envelopes_(std::move(envelopes)) {}

bool JsonArraySplitter::fill() {
    return fill_at_least(1) > 0;
}

std::size_t JsonArraySplitter::fill_at_least(std::size_t want) {
    while (len_ - pos_ < want && !source_done_) {
        if (pos_ > 0) {  // move the unread tail to the front
            std::memmove(buffer_.data(), buffer_.data() + pos_, len_ - pos_);
            buffer_start_ += pos_;
            len_ -= pos_;
            pos_ = 0;
        }
        if (reads_ > 0 && buffer_.size() < kBufferSize + kParsePadding) {
            buffer_.resize(kBufferSize + kParsePadding);  // more than one read: a large input
        }
        ++reads_;
        const std::size_t got = source_.read_some(buffer_.data() + len_, buffer_.size() - kParsePadding - len_);
        if (got == 0) {
            source_done_ = true;
            break;
        }
        len_ += got;
    }
    return len_ - pos_;
}

bool JsonArraySplitter::skip_whitespace() {
    for (;;) {
        if (!fill()) {
            return false;
        }
        while (pos_ < len_ && is_space(buffer_[pos_])) {
            line_ += buffer_[pos_] == '\n' ? 1U : 0U;
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
            if (in_object_ && !in_array_) {
                return fail("truncated: the input ends inside a JSON object (no closing '}')", object_line_,
                            object_byte_);
            }
            return fail(fmt::format("truncated: the input ends inside a JSON array after {} "
                                    "complete entries (no closing ']')",
                                    elements_in_array_),
                        0, end);
        }
        const char c = buffer_[pos_];
        switch (state_) {
            case State::kTop: {
                if (static_cast<unsigned char>(c) == 0xEF) {  // a BOM, at the start or between downloads
                    if (fill_at_least(3) >= 3 && std::memcmp(buffer_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) {
                        pos_ += 3;
                        continue;
                    }
                    return fail("not JSON: invalid byte where a JSON array should start", line_, bytes_read());
                }
                if (c == '{' && objects_ == TopLevelObjects::kAreElements) {
                    if (previous_record_one_line_ && line_ > previous_record_end_line_) {
                        line_records_ = true;
                    }
                    ++arrays_seen_;
                    if (!envelopes_.empty() && !line_records_) {
                        begin_object();
                        continue;
                    }
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
                if (c == '{') {  // reached only when top-level objects are an error
                    return fail("expected a JSON array of log entries, found a JSON object", line_, bytes_read());
                }
                if (line_records_) {  // JSON Lines: a line that starts no record is lost, not the rest
                    return skip_line(out);
                }
                return fail(fmt::format("not JSON: unexpected {} where a JSON array should start", describe_byte(c)),
                            line_, bytes_read());
            }
            case State::kArrayStart:
                if (c == ']') {  // empty array (or a trailing comma)
                    ++pos_;
                    in_array_ = false;
                    state_ = in_object_ ? State::kAfterMember : State::kTop;
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
                    state_ = in_object_ ? State::kAfterMember : State::kTop;
                    continue;
                }
                return fail(fmt::format("expected ',' or ']' after an entry, found {}", describe_byte(c)), line_,
                            bytes_read());
            case State::kMemberName:
                if (c == '}') {  // also after a trailing comma: invalid, which the parser says
                    return end_object(out);
                }
                if (c != '"') {
                    return rest_of_object(out);
                }
                if (const std::optional<Status> done = scan_member(out)) {
                    return *done;
                }
                continue;
            case State::kAfterMember:
                if (c == ',') {
                    ++pos_;
                    add_to_object(",");
                    state_ = State::kMemberName;
                    continue;
                }
                if (c == '}') {
                    return end_object(out);
                }
                return rest_of_object(out);
        }
    }
}

JsonArraySplitter::Status JsonArraySplitter::skip_line(ArrayElement& out) {
    out = ArrayElement{};
    out.line = line_;
    out.byte = bytes_read();
    out.cut = true;
    while (fill()) {
        const void* newline = std::memchr(buffer_.data() + pos_, '\n', len_ - pos_);
        if (newline != nullptr) {
            pos_ = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data());
            break;  // the newline is left for skip_whitespace, which counts it
        }
        pos_ = len_;
    }
    return Status::kElement;
}

JsonArraySplitter::Status JsonArraySplitter::scan_element(ArrayElement& out) {
    out = ArrayElement{};
    out.line = line_;
    out.byte = bytes_read();
    if (in_object_) {
        out.envelope_key = envelope_key_;
    }
    element_.clear();
    copying_ = false;
    const char first = buffer_[pos_];
    if (!starts_value(first)) {
        return fail(fmt::format("not JSON: unexpected {} where an entry should start", describe_byte(first)), line_,
                    bytes_read());
    }
    out.is_object = first == '{';
    const Status status = first == '{' || first == '[' ? scan_container(out) : scan_scalar(out);
    if (status == Status::kElement) {
        if (!in_array_) {
            previous_record_one_line_ = !out.cut && line_ == out.line;
            previous_record_end_line_ = line_;
        }
        state_ = in_array_ ? State::kAfterElement : State::kTop;
        ++elements_in_array_;
    }
    return status;
}

JsonArraySplitter::Status JsonArraySplitter::scan_container(ArrayElement& out, std::size_t depth) {
    ScanState scan;
    scan.depth = depth;
    std::size_t start = SIZE_MAX;  // where the element starts in the buffer, while it is a view
    std::uint64_t total = 0;
    for (;;) {
        const std::size_t available = fill_at_least(kBlock);  // may move the unread bytes to the front
        if (start == SIZE_MAX) {
            start = pos_;
        }
        if (available == 0) {
            return fail(
                fmt::format("truncated: the input ends (at byte {}) inside the entry that starts here", bytes_read()),
                out.line, out.byte);
        }
        // A JSON Lines record must close before its line ends: scan only up to the newline.
        std::size_t limit = available;
        bool line_ends = false;
        if (line_records_ && !in_array_) {
            if (const void* newline = std::memchr(buffer_.data() + pos_, '\n', available)) {
                limit = static_cast<std::size_t>(static_cast<const char*>(newline) - (buffer_.data() + pos_));
                line_ends = true;
            }
        }
        std::size_t chunk = limit / kBlock * kBlock;
        std::size_t end = kNotClosed;
        if (chunk > 0) {
            end = detail::scan_container(buffer_.data() + pos_, chunk, scan);
        }
        if (end == kNotClosed && chunk < limit && (chunk == 0 || line_ends)) {
            // The input's last bytes, or the line's: pad them to one block with spaces.
            char padded[kBlock];
            std::memset(padded, ' ', kBlock);
            std::memcpy(padded, buffer_.data() + pos_ + chunk, limit - chunk);
            const std::size_t tail_end = detail::scan_container(padded, kBlock, scan);
            end = tail_end == kNotClosed ? kNotClosed : chunk + tail_end;
            chunk = limit;
        }
        line_ += scan.newlines;
        scan.newlines = 0;
        if (end == kNotClosed && line_ends) {
            // Cut short: skip to the newline (left for skip_whitespace) and go on with the next line.
            pos_ += limit;
            element_.clear();
            out.cut = true;
            out.bytes = {};
            return Status::kElement;
        }
        if (end != kNotClosed) {
            if (copying_) {
                keep(pos_, pos_ + end);
            }
            total += end;
            pos_ += end;
            break;
        }
        // The element goes on past these bytes: from now on it is assembled in element_.
        copying_ = true;
        keep(pos_, pos_ + chunk);
        total += chunk;
        pos_ += chunk;
        if (chunk < kBlock) {
            return fail(
                fmt::format("truncated: the input ends (at byte {}) inside the entry that starts here", bytes_read()),
                out.line, out.byte);
        }
    }
    out.over_size = total > limits_.max_entry_bytes;
    out.over_depth = scan.max_depth > limits_.max_depth;
    if (out.over_size) {
        element_.clear();
        out.bytes = {};
    } else if (copying_) {
        element_.reserve(element_.size() + kParsePadding);
        out.bytes = element_;
    } else {
        out.bytes = std::string_view(buffer_.data() + start, pos_ - start);  // a view, no copy
    }
    return Status::kElement;
}

void JsonArraySplitter::begin_object() {
    in_object_ = true;
    object_has_records_ = false;
    object_members_ = 0;
    object_line_ = line_;
    object_byte_ = bytes_read();
    object_over_size_ = false;
    object_over_depth_ = false;
    object_.assign("{");
    ++pos_;
    state_ = State::kMemberName;
}

void JsonArraySplitter::add_to_object(std::string_view bytes) {
    if (object_over_size_ || object_.size() + bytes.size() > limits_.max_entry_bytes) {
        object_over_size_ = true;  // the records are streamed all the same; the rest is skipped
        return;
    }
    object_.append(bytes);
}

void JsonArraySplitter::add_to_object(const ArrayElement& value) {
    object_over_depth_ = object_over_depth_ || value.over_depth;
    if (value.over_size) {
        object_over_size_ = true;
    } else {
        add_to_object(value.bytes);
    }
}

bool JsonArraySplitter::read_member_name() {
    member_name_.assign(1, '"');
    ++pos_;
    bool escape = false;
    while (fill()) {
        while (pos_ < len_) {
            const char c = buffer_[pos_++];
            if (member_name_.size() < limits_.max_entry_bytes) {
                member_name_.push_back(c);
            } else {
                object_over_size_ = true;
            }
            line_ += c == '\n' ? 1U : 0U;  // a raw newline in a name is not JSON, but it is a line
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                return true;
            }
        }
    }
    return false;
}

std::optional<JsonArraySplitter::Status> JsonArraySplitter::scan_member(ArrayElement& out) {
    if (!read_member_name() || !skip_whitespace()) {
        return fail("truncated: the input ends inside a JSON object (no closing '}')", object_line_, object_byte_);
    }
    add_to_object(member_name_);
    if (buffer_[pos_] != ':') {
        return rest_of_object(out);
    }
    ++pos_;
    if (!skip_whitespace()) {
        return fail("truncated: the input ends inside a JSON object (no closing '}')", object_line_, object_byte_);
    }
    const bool first = object_members_++ == 0;
    const std::string_view name = std::string_view(member_name_).substr(1, member_name_.size() - 2);
    state_ = State::kAfterMember;
    if (buffer_[pos_] == '[' && envelopes_.holds_records(name, first, object_has_records_)) {
        // A list of records: streamed by next(), element by element; the object keeps "name":[].
        object_has_records_ = true;
        envelope_key_.assign(name);
        add_to_object(":[]");
        ++pos_;
        in_array_ = true;
        elements_in_array_ = 0;
        state_ = State::kArrayStart;
        return std::nullopt;
    }
    add_to_object(":");
    ArrayElement value;
    value.line = line_;
    value.byte = bytes_read();
    element_.clear();
    copying_ = false;
    const char c = buffer_[pos_];
    if (!starts_value(c)) {
        return rest_of_object(out);
    }
    if ((c == '{' || c == '[' ? scan_container(value) : scan_scalar(value)) != Status::kElement) {
        return Status::kError;
    }
    add_to_object(value);
    return std::nullopt;
}

JsonArraySplitter::Status JsonArraySplitter::rest_of_object(ArrayElement& out) {
    // Not JSON where a member should be: the rest of the object is found by its brackets, as any
    // record is, and goes to the parser with the rest, which says what is wrong; reading goes on.
    ArrayElement rest;
    rest.line = object_line_;
    rest.byte = object_byte_;
    element_.clear();
    copying_ = false;
    if (scan_container(rest, /*depth=*/1) != Status::kElement) {
        return Status::kError;
    }
    add_to_object(rest);
    return end_object(out, /*at_brace=*/false);
}

JsonArraySplitter::Status JsonArraySplitter::end_object(ArrayElement& out, bool at_brace) {
    if (at_brace) {
        ++pos_;
        add_to_object("}");
    }
    in_object_ = false;
    state_ = State::kTop;
    previous_record_one_line_ = line_ == object_line_;
    previous_record_end_line_ = line_;
    out = ArrayElement{};
    out.line = object_line_;
    out.byte = object_byte_;
    out.is_object = true;
    out.envelope_rest = object_has_records_;
    out.over_size = object_over_size_;
    out.over_depth = object_over_depth_;
    if (!out.over_size) {
        object_.reserve(object_.size() + kParsePadding);
        out.bytes = object_;
    }
    return Status::kElement;
}

JsonArraySplitter::Status JsonArraySplitter::scan_scalar(ArrayElement& out) {
    // Scalars (numbers, strings, literals) are not log entries: kept only to be reported as such.
    bool in_string = false;
    bool escape = false;
    for (;;) {
        if (!fill()) {
            return fail("truncated: the input ends inside an array element", out.line, out.byte);
        }
        while (pos_ < len_) {
            const char c = buffer_[pos_];
            if (in_string) {
                const bool closes = c == '"' && !escape;
                escape = !escape && c == '\\';
                if (element_.size() < limits_.max_entry_bytes) element_.push_back(c);
                ++pos_;
                if (closes) {
                    out.bytes = element_;
                    return Status::kElement;
                }
                continue;
            }
            if (element_.empty() && c == '"') {
                in_string = true;
            } else if (c == ',' || c == ']' || c == '}' || is_space(c)) {
                out.bytes = element_;
                return Status::kElement;
            }
            if (element_.size() < limits_.max_entry_bytes) element_.push_back(c);
            ++pos_;
        }
    }
}

}  // namespace whohungup::detail
