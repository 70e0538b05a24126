// SPDX-License-Identifier: MIT
// A forward-only cursor over one JSON value already known to be complete (an array element the
// splitter cut out). It reads strings, scalars and skips containers without building anything;
// every method returns false (or an empty view) on a surprise, and the caller then hands the
// value to the full parser, which validates and says what is wrong.
#pragma once

#include <cstddef>
#include <string_view>

#include "json/structural_scan.h"

namespace whohungup::detail {

class JsonCursor {
public:
    JsonCursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
    [[nodiscard]] std::size_t pos() const { return pos_; }
    /// The byte at the cursor, whitespace included (inside a string it is content).
    [[nodiscard]] char peek_raw() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    void skip_space() {
        // JSON whitespace is all at or below ' '; other control bytes are invalid JSON anyway,
        // and the full parser that such a value ends up in reports them.
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
    bool string(std::string_view& out, bool& escaped) { return eat('"') && string_after_quote(out, escaped); }
    /// The rest of a string whose opening quote was eaten.
    bool string_after_quote(std::string_view& out, bool& escaped) {
        const std::size_t start = pos_;
        escaped = false;
        const std::size_t length = find_string_end(text_.data() + start, text_.size() - start, escaped);
        if (length >= text_.size() - start) return false;
        out = text_.substr(start, length);
        pos_ = start + length + 1;
        return true;
    }
    /// After an opening quote: takes `name` and the closing quote when they come next (`name`
    /// holds no quote or backslash, so the string is exactly `name`); otherwise moves nothing.
    bool take_name(std::string_view name) {
        if (text_.size() - pos_ > name.size() && text_[pos_ + name.size()] == '"' &&
            text_.substr(pos_, name.size()) == name) {
            pos_ += name.size() + 1;
            return true;
        }
        return false;
    }
    /// Skips a number or literal.
    std::string_view scalar() {
        skip_space();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
               static_cast<unsigned char>(text_[pos_]) > ' ') {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }
    /// Skips an object or array (strings inside respected). Byte by byte: in the entries this
    /// path reads they are small (`[]`, `null` objects), where a SIMD scan's setup costs more.
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

}  // namespace whohungup::detail
