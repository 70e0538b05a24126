// SPDX-License-Identifier: MIT
// A forward-only cursor over one JSON value already known to be complete (an array element the
// splitter cut out). It reads strings, scalars and skips containers without building anything;
// every method returns false (or an empty view) on a surprise, and the caller then hands the
// value to the full parser, which validates and says what is wrong.
#pragma once

#include <emmintrin.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
        // and the full parser that such a value ends up in reports them. Pretty-printed entries
        // put a newline and an indent before every key: eight bytes are tested at a time.
        while (pos_ + 8 <= text_.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text_.data() + pos_, sizeof word);
            const std::uint64_t above_space = first_above_space(word);
            if (above_space != 0) {
                pos_ += static_cast<std::size_t>(std::countr_zero(above_space)) / 8;
                return;
            }
            pos_ += 8;
        }
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
        const std::size_t length = short_string_end(start, escaped);
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
    /// find_string_end() for the first 16 bytes inline (SSE2 is in every x86-64 CPU): most keys
    /// and values of an entry are shorter, and end there without a call. Reads 16 bytes from
    /// `start` whatever the size, as find_string_end() does (the caller's padding).
    std::size_t short_string_end(std::size_t start, bool& escaped) const {
        const std::size_t size = text_.size() - start;
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + start));
        const auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))));
        const auto slashes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
        if (quotes != 0 && (slashes == 0 || std::countr_zero(quotes) < std::countr_zero(slashes))) {
            const auto at = static_cast<std::size_t>(std::countr_zero(quotes));
            return at < size ? at : size;
        }
        return find_string_end(text_.data() + start, size, escaped);
    }

    /// Bit 7 of each byte above ' ' is set, and the lowest set bit is exact: adding 0x5F sets
    /// bit 7 of bytes 0x21..0x7F without a carry, OR-ing the word flags bytes from 0x80 on (their
    /// carry reaches only higher bytes, which no longer matter).
    static std::uint64_t first_above_space(std::uint64_t word) {
        static_assert(std::endian::native == std::endian::little, "the lowest bit is the first byte");
        constexpr std::uint64_t kLow = 0x0101010101010101ULL;
        return ((word + kLow * (0x7F - ' ')) | word) & (kLow * 0x80);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace whohungup::detail
