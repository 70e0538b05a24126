// SPDX-License-Identifier: MIT
#include "ccp/entry_fast_path.h"

#include <cstdint>
#include <cstring>

#include "json/structural_scan.h"

namespace whohungup::ccp {

namespace {

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
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
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ' ' &&
               text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t') {
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

FastResult read_fast_fields(std::string_view entry, bool read_all, FastFields& out) {
    Cursor cursor(entry);
    if (!cursor.eat('{')) return FastResult::kGiveUp;
    bool have_text = false;
    bool have_time = false;
    if (cursor.eat('}')) return FastResult::kGiveUp;
    for (;;) {
        std::string_view key;
        bool key_escaped = false;
        if (!cursor.string(key, key_escaped) || key_escaped || !cursor.eat(':')) return FastResult::kGiveUp;
        const char first = cursor.peek();
        if (first == '"') {
            std::string_view value;
            bool escaped = false;
            if (!cursor.string(value, escaped)) return FastResult::kGiveUp;
            if (key == "text") {
                out.text = value;
                out.text_escaped = escaped;
                have_text = true;
            } else if (key == "time") {
                if (escaped) return FastResult::kGiveUp;
                out.time = value;
                out.time_is_string = true;
                have_time = true;
            } else if (key == "loggerId") {
                if (escaped) return FastResult::kGiveUp;
                out.logger_id = value;
            } else if (key == "agentResourceId") {
                if (escaped) return FastResult::kGiveUp;
                out.agent_resource_id = value;
            }
        } else if (first == '{' || first == '[') {
            if (key == "text" || key == "time" || !cursor.container()) return FastResult::kGiveUp;
        } else {
            const std::string_view value = cursor.scalar();
            if (value.empty()) return FastResult::kGiveUp;
            if (key == "time") {
                out.time = value;
                out.time_is_string = false;
                have_time = true;
            } else if (key == "text") {
                return FastResult::kGiveUp;  // null or a number: let the full parser say why
            }
        }
        if (have_text && have_time && !read_all) return FastResult::kTextAndTime;
        if (cursor.eat(',')) continue;
        if (cursor.eat('}')) {
            out.complete = true;
            return have_text && have_time ? FastResult::kTextAndTime : FastResult::kGiveUp;
        }
        return FastResult::kGiveUp;
    }
}

}  // namespace whohungup::ccp
