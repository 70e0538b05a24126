// SPDX-License-Identifier: MIT
#include "report/escape.h"

#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace whohungup::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

#if !defined(__SSE2__)
/// Bytes that go into a JSON string as they are: printable ASCII but the quote and backslash.
constexpr std::array<bool, 256> kPlainJson = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x7F; ++c) {
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    }
    return plain;
}();

/// Whether any of eight bytes needs more than a copy into a JSON string: a control character,
/// a quote, a backslash, DEL or a byte of a multi-byte sequence (checked on its own). Standard
/// SWAR tests, exact for "is there any"; output is mostly plain ASCII, eight bytes per step.
constexpr bool any_needs_json_escape(std::uint64_t v) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
    const bool below_space = ((v - kOnes * 0x20U) & ~v & kHigh) != 0;
    return below_space || (v & kHigh) != 0 || has_zero(v ^ (kOnes * '"')) || has_zero(v ^ (kOnes * '\\')) ||
           has_zero(v ^ (kOnes * 0x7FU));
}
#endif

/// The code point of the valid `length`-byte UTF-8 sequence at text[i].
unsigned code_point(std::string_view text, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(text[k])); };
    if (length == 1) return byte(i);
    unsigned code = byte(i) & (0x7FU >> length);
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6U) | (byte(i + k) & 0x3FU);
    }
    return code;
}

/// Characters a terminal draws as nothing or that reorder the text around them: C1 controls,
/// Unicode's bidi marks, embeddings, overrides and isolates, zero-width characters, line and
/// paragraph separators, the BOM. Shown as \uNNNN.
bool invisible_or_reordering(unsigned code) {
    return (code >= 0x80 && code <= 0x9F) || code == 0x061C || code == 0x00AD || (code >= 0x200B && code <= 0x200F) ||
           (code >= 0x2028 && code <= 0x202E) || (code >= 0x2060 && code <= 0x2069) || code == 0xFEFF;
}

}  // namespace

/// Length of the valid UTF-8 sequence at text[i], or 0 if invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    unsigned min = 0;
    unsigned code = 0;
    if (c < 0x80) {
        return 1;
    }
    if ((c & 0xE0U) == 0xC0U) {
        length = 2;
        min = 0x80;
        code = c & 0x1FU;
    } else if ((c & 0xF0U) == 0xE0U) {
        length = 3;
        min = 0x800;
        code = c & 0x0FU;
    } else if ((c & 0xF8U) == 0xF0U) {
        length = 4;
        min = 0x10000;
        code = c & 0x07U;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0U) != 0x80U) {
            return 0;
        }
        code = (code << 6U) | (byte(i + k) & 0x3FU);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return 0;
    }
    return length;
}

namespace {

/// Where the run of bytes from `i` that go into a JSON string as they are ends (text.size() when
/// it runs to the end). Sixteen bytes per step with SSE2 (every x86-64 has it), eight without:
/// output is mostly plain ASCII, and this scan was a tenth of an export's instructions.
std::size_t plain_json_run_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const auto first_special = [](const char* bytes) {
        const __m128i space = _mm_set1_epi8(0x20);
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i del = _mm_set1_epi8(0x7F);
        __m128i v;
        std::memcpy(&v, bytes, sizeof v);
        // A signed compare: bytes from 0x80 up are negative, so "below a space" takes them too.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
        return mask == 0 ? sizeof v : static_cast<std::size_t>(__builtin_ctz(mask));
    };
    constexpr std::size_t kStep = sizeof(__m128i);
    for (; i + kStep <= text.size(); i += kStep) {
        if (const std::size_t at = first_special(text.data() + i); at < kStep) return i + at;
    }
    // The last bytes in one more step, padded with plain ones (most values are shorter than one).
    if (i < text.size()) {
        std::array<char, kStep> tail{};
        tail.fill('a');
        std::memcpy(tail.data(), text.data() + i, text.size() - i);
        return std::min(text.size(), i + first_special(tail.data()));
    }
    return i;
#else
    for (std::uint64_t chunk = 0; i + sizeof chunk <= text.size(); i += sizeof chunk) {
        std::memcpy(&chunk, text.data() + i, sizeof chunk);
        if (any_needs_json_escape(chunk)) break;
    }
    while (i < text.size() && kPlainJson[static_cast<unsigned char>(text[i])]) {
        ++i;
    }
    return i;
#endif
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    std::size_t i = plain_json_run_end(text, 0);
    // Most values need no escape at all: quotes and text in one resize (no call per quote).
    const std::size_t at = out.size();
    out.resize(at + i + 2);
    out[at] = '"';
    if (i > 0) std::memcpy(out.data() + at + 1, text.data(), i);  // (an empty view may have no data)
    if (i == text.size()) {
        out.back() = '"';
        return;
    }
    out.pop_back();
    while (i < text.size()) {
        // Plain printable ASCII goes out in one piece.
        if (const std::size_t run = plain_json_run_end(text, i); run > i) {
            out.append(text.data() + i, run - i);
            i = run;
            if (i >= text.size()) break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            i = append_utf8_sequence(out, text, i);
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += fmt::format("\\u{:04x}", c);
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
        ++i;
    }
    out.push_back('"');
}

std::size_t append_utf8_sequence(std::string& out, std::string_view text, std::size_t i) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
        out += kReplacement;
        return i + 1;
    }
    out.append(text.substr(i, length));
    return i + length;
}

void append_terminal_safe(std::string& out, std::string_view text, std::size_t max_bytes) {
    const std::size_t stop = std::min(text.size(), max_bytes);
    std::size_t i = 0;
    while (i < stop) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_length(text, i);
            if (length == 0) {
                out += kReplacement;
                ++i;
                continue;
            }
            const unsigned code = code_point(text, i, length);
            if (invisible_or_reordering(code)) {
                out += fmt::format("\\u{:04x}", code);
            } else {
                out.append(text.substr(i, length));
            }
            i += length;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out.push_back(static_cast<char>(c));
        }
        ++i;
    }
    if (i < text.size()) {
        out += fmt::format("... ({} more bytes)", text.size() - i);
    }
}

namespace {

/// Where a spreadsheet starts reading a cell: past the blanks it skips.
std::string_view after_blanks(std::string_view text) {
    for (;;) {
        if (!text.empty() &&
            (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')) {
            text.remove_prefix(1);
        } else if (text.starts_with("\xEF\xBB\xBF") || text.starts_with("\xE2\x80\x8B")) {  // BOM, ZWSP
            text.remove_prefix(3);
        } else {
            return text;
        }
    }
}

bool looks_like_formula(std::string_view text) {
    if (text.starts_with('\t') || text.starts_with('\r')) {
        return true;
    }
    const std::string_view start = after_blanks(text);
    if (start.empty()) {
        return false;
    }
    const char first = start.front();
    // Full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) are read as their ASCII forms.
    return first == '=' || first == '+' || first == '-' || first == '@' || start.starts_with("\xEF\xBC\x9D") ||
           start.starts_with("\xEF\xBC\x8B") || start.starts_with("\xEF\xBC\x8D") || start.starts_with("\xEF\xBC\xA0");
}

}  // namespace

void append_csv_field(std::string& out, std::string_view text, bool neutralise_formulas) {
    const bool formula = neutralise_formulas && looks_like_formula(text);
    const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out.append(text);
        return;
    }
    out.push_back('"');
    if (formula) {
        out.push_back('\'');
    }
    for (char c : text) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace whohungup::detail
