// SPDX-License-Identifier: MIT
#include "ccp/entry_fast_path.h"

#include <cstdint>
#include <cstring>

#include "json/structural_scan.h"

namespace whohungup::ccp {

namespace {

class Cursor {
public:
    Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
    [[nodiscard]] std::size_t pos() const { return pos_; }

    void skip_space() {
        // JSON whitespace is all at or below ' '; other control bytes are invalid JSON anyway,
        // and the full parser that such an entry ends up in reports them.
        while (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) <= ' ') {
            ++pos_;
        }
    }
    bool eat(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    [[nodiscard]] char peek() {
        skip_space();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }
    /// A string starting at the opening quote; `escaped` says whether it holds a backslash.
    bool string(std::string_view& out, bool& escaped) {
        if (!eat('"')) return false;
        const std::size_t start = pos_;
        escaped = false;
        const std::size_t length = detail::find_string_end(text_.data() + start, text_.size() - start, escaped);
        if (length >= text_.size() - start) return false;
        out = text_.substr(start, length);
        pos_ = start + length + 1;
        return true;
    }
    /// Skips a number or literal.
    std::string_view scalar() {
        skip_space();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
               static_cast<unsigned char>(text_[pos_]) > ' ') {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }
    /// Skips an object or array (strings inside respected).
    bool container() {
        skip_space();
        std::size_t depth = 0;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                std::string_view ignored;
                bool escaped = false;
                if (!string(ignored, escaped)) return false;
                continue;
            }
            ++pos_;
            if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

FastEntryReader::FastEntryReader(std::string_view entry) : entry_(entry) {}

bool FastEntryReader::read_field(FastFields& out) {
    Cursor cursor(entry_, pos_);
    std::string_view key;
    bool key_escaped = false;
    if (!cursor.string(key, key_escaped) || key_escaped || !cursor.eat(':')) return false;
    // The four fields used, told apart by length first (most keys are none of them).
    enum class Field : std::uint8_t { kOther, kText, kTime, kLogger, kAgent };
    Field field = Field::kOther;
    if (key.size() == 4) {
        field = key == "text" ? Field::kText : key == "time" ? Field::kTime : Field::kOther;
    } else if (key.size() == 8 && key == "loggerId") {
        field = Field::kLogger;
    } else if (key.size() == 15 && key == "agentResourceId") {
        field = Field::kAgent;
    }
    const char first = cursor.peek();
    if (first == '"') {
        std::string_view value;
        bool escaped = false;
        if (!cursor.string(value, escaped)) return false;
        switch (field) {
            case Field::kText:
                out.text = value;
                out.text_escaped = escaped;
                have_text_ = true;
                break;
            case Field::kTime:
                if (escaped) return false;
                out.time = value;
                out.time_is_string = true;
                have_time_ = true;
                break;
            case Field::kLogger:
                if (escaped) return false;
                out.logger_id = value;
                break;
            case Field::kAgent:
                if (escaped) return false;
                out.agent_resource_id = value;
                break;
            case Field::kOther: break;
        }
    } else if (first == '{' || first == '[') {
        if (field == Field::kText || field == Field::kTime || !cursor.container()) return false;
    } else {
        const std::string_view value = cursor.scalar();
        if (value.empty() || field == Field::kText) return false;  // a null text: the full parser says why
        if (field == Field::kTime) {
            out.time = value;
            out.time_is_string = false;
            have_time_ = true;
        }
    }
    if (cursor.eat(',')) {
        pos_ = cursor.pos();
        return true;
    }
    if (cursor.eat('}')) {
        pos_ = cursor.pos();
        closed_ = true;
        return true;
    }
    return false;
}

bool FastEntryReader::read_text_and_time(FastFields& out) {
    Cursor cursor(entry_, 0);
    if (!cursor.eat('{') || cursor.eat('}')) return false;
    pos_ = cursor.pos();
    while (!(have_text_ && have_time_)) {
        if (closed_ || !read_field(out)) return false;
    }
    return true;
}

bool FastEntryReader::read_rest(FastFields& out) {
    while (!closed_) {
        if (!read_field(out)) return false;
    }
    out.complete = true;
    return true;
}

}  // namespace whohungup::ccp
