// SPDX-License-Identifier: MIT
#include "json/structural_scan.h"

#include <immintrin.h>

#include <algorithm>
#include <bit>

namespace whohungup::detail {

namespace {

constexpr std::uint64_t kEvenBits = 0x5555555555555555ULL;

/// Positions escaped by a preceding odd run of backslashes (simdjson's find_escaped).
std::uint64_t find_escaped(std::uint64_t backslash, std::uint64_t& prev_escaped) {
    backslash &= ~prev_escaped;
    const std::uint64_t follows_escape = backslash << 1U | prev_escaped;
    const std::uint64_t odd_sequence_starts = backslash & ~kEvenBits & ~follows_escape;
    std::uint64_t sequences_starting_on_even_bits = 0;
    prev_escaped = __builtin_add_overflow(odd_sequence_starts, backslash, &sequences_starting_on_even_bits) ? 1 : 0;
    const std::uint64_t invert_mask = sequences_starting_on_even_bits << 1U;
    return (kEvenBits ^ invert_mask) & follows_escape;
}

__attribute__((target("avx2"))) std::uint64_t eq_mask(__m256i lo, __m256i hi, char c) {
    const __m256i needle = _mm256_set1_epi8(c);
    const auto low = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, needle)));
    const auto high = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, needle)));
    return static_cast<std::uint64_t>(low) | (static_cast<std::uint64_t>(high) << 32U);
}

__attribute__((target("pclmul"))) std::uint64_t prefix_xor(std::uint64_t bits) {
    const __m128i all_ones = _mm_set1_epi8(static_cast<char>(0xFF));
    const __m128i result = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(bits)), all_ones, 0);
    return static_cast<std::uint64_t>(_mm_cvtsi128_si64(result));
}

/// One 64-byte block's bitmasks, bit i for byte i.
struct BlockMasks {
    std::uint64_t quote = 0;
    std::uint64_t backslash = 0;
    std::uint64_t open = 0;   ///< '{' and '['
    std::uint64_t close = 0;  ///< '}' and ']'
    std::uint64_t newline = 0;
};

/// Moves the scan over one block; the offset within it just past the container's end, or kNotClosed.
__attribute__((target("pclmul"), always_inline)) inline std::size_t consume_block(const BlockMasks& m, ScanState& s) {
    const std::uint64_t escaped = find_escaped(m.backslash, s.prev_escaped);
    const std::uint64_t quote = m.quote & ~escaped;
    const std::uint64_t in_string = prefix_xor(quote) ^ s.in_string;
    s.in_string = static_cast<std::uint64_t>(static_cast<std::int64_t>(in_string) >> 63);
    const std::uint64_t open = m.open & ~in_string;
    const std::uint64_t close = m.close & ~in_string;
    std::uint64_t brackets = open | close;
    while (brackets != 0) {
        const int bit = std::countr_zero(brackets);
        brackets &= brackets - 1;
        if ((open >> bit & 1U) != 0) {
            s.max_depth = std::max(s.max_depth, ++s.depth);
        } else if (--s.depth == 0) {
            const std::uint64_t upto = bit == 63 ? ~0ULL : (2ULL << bit) - 1;
            s.newlines += static_cast<std::uint64_t>(std::popcount(m.newline & upto));
            return static_cast<std::size_t>(bit) + 1;
        }
    }
    s.newlines += static_cast<std::uint64_t>(std::popcount(m.newline));
    return kNotClosed;
}

// '{' and '[' differ from each other only in bit 0x20, as do '}' and ']': OR-ing 0x20 in
// matches each pair with one comparison.
constexpr char kCaseBit = 0x20;

__attribute__((target("avx2,pclmul"))) std::size_t scan_avx2(const char* data, std::size_t size, ScanState& s) {
    const __m256i case_bit = _mm256_set1_epi8(kCaseBit);
    for (std::size_t block = 0; block < size; block += 64) {
        const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + block));
        const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + block + 32));
        const __m256i lo_folded = _mm256_or_si256(lo, case_bit);
        const __m256i hi_folded = _mm256_or_si256(hi, case_bit);
        BlockMasks m;
        m.quote = eq_mask(lo, hi, '"');
        m.backslash = eq_mask(lo, hi, '\\');
        m.open = eq_mask(lo_folded, hi_folded, '{');
        m.close = eq_mask(lo_folded, hi_folded, '}');
        m.newline = eq_mask(lo, hi, '\n');
        const std::size_t end = consume_block(m, s);
        if (end != kNotClosed) {
            return block + end;
        }
    }
    return kNotClosed;
}

__attribute__((target("avx2"))) std::size_t string_end_avx2(const char* data, std::size_t size, bool& escaped) {
    const __m256i quote = _mm256_set1_epi8('"');
    const __m256i backslash = _mm256_set1_epi8('\\');
    std::size_t i = 0;
    while (i < size) {
        const __m256i chunk = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i));
        const auto quotes = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, quote)));
        const auto slashes = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, backslash)));
        if (slashes == 0 || (quotes != 0 && std::countr_zero(quotes) < std::countr_zero(slashes))) {
            if (quotes != 0) {
                const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(quotes));
                return at < size ? at : size;
            }
            i += 32;
            continue;
        }
        // A backslash comes first: step over it and the character it escapes.
        escaped = true;
        i += static_cast<std::size_t>(std::countr_zero(slashes)) + 2;
    }
    return size;
}

bool has_avx2_pclmul() {
    static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul");
    return supported;
}

}  // namespace

std::size_t scan_container_scalar(const char* data, std::size_t size, ScanState& s) {
    // Same rules as the SIMD scan, invalid JSON included: a backslash escapes the next byte
    // wherever it is, an escaped quote neither opens nor closes a string, brackets count only
    // outside strings.
    bool in_string = s.in_string != 0;
    bool escape = s.prev_escaped != 0;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = data[i];
        const bool escaped = escape;
        escape = c == '\\' && !escaped;
        if (c == '\n') {
            ++s.newlines;
        }
        if (c == '"' && !escaped) {
            in_string = !in_string;
            continue;
        }
        if (in_string) {
            continue;
        }
        if (c == '{' || c == '[') {
            s.max_depth = std::max(s.max_depth, ++s.depth);
        } else if ((c == '}' || c == ']') && --s.depth == 0) {
            s.in_string = 0;
            s.prev_escaped = 0;
            return i + 1;
        }
    }
    s.in_string = in_string ? ~0ULL : 0;
    s.prev_escaped = escape ? 1 : 0;
    return kNotClosed;
}

std::size_t find_string_end(const char* data, std::size_t size, bool& escaped) {
    if (has_avx2_pclmul()) {
        return string_end_avx2(data, size, escaped);
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\\') {
            escaped = true;
            ++i;
        } else if (data[i] == '"') {
            return i;
        }
    }
    return size;
}

std::size_t scan_container(const char* data, std::size_t size, ScanState& state) {
    // No AVX-512 path: on the EPYC this was measured on, 64-byte compares into mask registers
    // scanned a log a third slower than two 32-byte ones.
    return has_avx2_pclmul() ? scan_avx2(data, size, state) : scan_container_scalar(data, size, state);
}

}  // namespace whohungup::detail
