// SPDX-License-Identifier: MIT
// The SIMD structural scan and the scalar one must agree on where every container ends and on
// the newlines before it, block boundaries, escapes and brackets inside strings included.
#include "json/structural_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace whohungup::detail {
namespace {

struct Result {
    std::size_t end;
    std::uint64_t newlines;
    std::size_t max_depth;
};

template <typename Scan>
Result scan_all(std::string text, Scan scan) {
    text.resize((text.size() + 63) / 64 * 64 + 64, ' ');  // whole blocks, as the splitter pads
    ScanState state;
    std::size_t offset = 0;
    while (offset < text.size()) {  // one block per call, so state crosses every boundary
        const std::size_t end = scan(text.data() + offset, 64, state);
        if (end != kNotClosed) {
            return {offset + end, state.newlines, state.max_depth};
        }
        offset += 64;
    }
    return {kNotClosed, state.newlines, state.max_depth};
}

void expect_agree(const std::string& text) {
    const Result fast = scan_all(text, scan_container);
    const Result slow = scan_all(text, scan_container_scalar);
    EXPECT_EQ(fast.end, slow.end) << text;
    EXPECT_EQ(fast.newlines, slow.newlines) << text;
    EXPECT_EQ(fast.max_depth, slow.max_depth) << text;
}

TEST(StructuralScan, FindsTheEndPastStringsAndEscapes) {
    const std::string entry = R"({"text":"a } ] \" \\ [ {","objects":[{"x":"\\\""}]} trailing)";
    const Result r = scan_all(entry, scan_container);
    EXPECT_EQ(r.end, entry.find(" trailing"));
    expect_agree(entry);
}

TEST(StructuralScan, BackslashRunsAcrossBlockBoundaries) {
    for (std::size_t pad = 50; pad < 70; ++pad) {
        for (std::size_t slashes = 1; slashes <= 5; ++slashes) {
            const std::string entry = "{\"a\":\"" + std::string(pad, 'x') + std::string(slashes, '\\') +
                                      (slashes % 2 == 1 ? "\"" : "") + "\"}\n}";
            expect_agree(entry);
        }
    }
}

TEST(StructuralScan, RandomDocumentsAgree) {
    std::mt19937 rng(42);
    const std::string alphabet = "{}[]\"\\ \nab,:";
    for (int round = 0; round < 2000; ++round) {
        std::string text = "{";
        const std::size_t length = rng() % 300;
        for (std::size_t i = 0; i < length; ++i) {
            text.push_back(alphabet[rng() % alphabet.size()]);
        }
        expect_agree(text);
    }
}

TEST(StructuralScan, StringEndSkipsEscapedQuotes) {
    const std::string text = std::string(40, 'y') + R"(\"z\\)" + "\"rest" + std::string(64, ' ');
    bool escaped = false;
    EXPECT_EQ(find_string_end(text.data(), text.size() - 64, escaped), text.find("\"rest"));
    EXPECT_TRUE(escaped);
    escaped = false;
    const std::string plain = "plain\"" + std::string(64, ' ');  // callers keep padding after the bytes
    EXPECT_EQ(find_string_end(plain.data(), 6, escaped), 5U);
    EXPECT_FALSE(escaped);
}

TEST(StructuralScan, StringEndAgreesWithAByteByByteReading) {
    // Runs of backslashes across the 32-byte chunks, and strings that end past several chunks.
    std::mt19937 random(3);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const std::size_t size = random() % 300;
        for (std::size_t i = 0; i < size; ++i) {
            const auto draw = random() % 100;  // a quote now and then: most strings span chunks
            text += draw < 1 ? '"' : (draw < 25 ? '\\' : 'x');
        }
        std::size_t expected = size;
        bool expected_escaped = false;
        for (std::size_t i = 0; i < size; ++i) {
            if (text[i] == '\\') {
                expected_escaped = true;
                ++i;
            } else if (text[i] == '"') {
                expected = i;
                break;
            }
        }
        text += std::string(64, '"');  // padding that must not be taken for the end
        bool escaped = false;
        EXPECT_EQ(find_string_end(text.data(), size, escaped), expected) << text;
        if (expected < size) {
            EXPECT_EQ(escaped, expected_escaped) << text;
        }
    }
}

}  // namespace
}  // namespace whohungup::detail
