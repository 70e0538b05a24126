// SPDX-License-Identifier: MIT
#include "report/escape.h"

#include <gtest/gtest.h>

#include <array>
#include <utility>

namespace whohungup::detail {
namespace {

std::string json(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::string terminal(std::string_view text) {
    std::string out;
    append_terminal_safe(out, text);
    return out;
}

std::string csv(std::string_view text, bool neutralise = true) {
    std::string out;
    append_csv_field(out, text, neutralise);
    return out;
}

TEST(Escape, JsonEscapesControlsAndQuotes) {
    EXPECT_EQ(json("a\"b\\c\n\t\x1b"), R"("a\"b\\c\n\t\u001b")");
    EXPECT_EQ(json(std::string_view("a\0b", 3)), R"("a\u0000b")");
}

TEST(Escape, JsonReplacesInvalidUtf8) {
    EXPECT_EQ(json("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
    EXPECT_EQ(json("bad\xFF"), "\"bad\xEF\xBF\xBD\"");
    EXPECT_EQ(json("\xC3"), "\"\xEF\xBF\xBD\"");                                  // cut sequence
    EXPECT_EQ(json("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
    EXPECT_EQ(json("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong
}

TEST(Escape, JsonFindsEverySpecialByteWhereverItSits) {
    // Plain runs are scanned sixteen bytes at a time (SSE2), then eight, then one: a special byte
    // at any offset of either chunk, and in the tail after the last whole chunk, must still be
    // escaped.
    const std::array<std::pair<std::string_view, std::string_view>, 8> kSpecials{{
        {"\"", R"(\")"},
        {"\\", R"(\\)"},
        {"\n", R"(\n)"},
        {"\x01", R"(\u0001)"},
        {"\x1f", R"(\u001f)"},
        {"\x7f", R"(\u007f)"},
        {"\xC3\xA9", "\xC3\xA9"},
        {"\xFF", "\xEF\xBF\xBD"},
    }};
    for (const auto& [special, escaped] : kSpecials) {
        for (std::size_t before = 0; before < 40; ++before) {
            for (const std::size_t after : {0U, 1U, 7U, 8U, 9U, 15U, 16U, 17U}) {
                const std::string text = std::string(before, 'a') + std::string(special) + std::string(after, ' ');
                const std::string expected =
                    "\"" + std::string(before, 'a') + std::string(escaped) + std::string(after, ' ') + "\"";
                EXPECT_EQ(json(text), expected) << before << " " << after;
            }
        }
    }
    // Bytes just around the boundaries the chunk test uses stay plain.
    EXPECT_EQ(json(" !#[]~~~~~~~~ !#[]~"), "\" !#[]~~~~~~~~ !#[]~\"");
    EXPECT_EQ(json(""), "\"\"");
    EXPECT_EQ(json("\"\""), R"("\"\"")");
}

TEST(Escape, TerminalNeverPassesEscapeSequences) {
    EXPECT_EQ(terminal("\x1b[31mred"), "\\x1b[31mred");
    EXPECT_EQ(terminal("bell\x07"), "bell\\x07");
    EXPECT_EQ(terminal("\xC2\x9B"
                       "31m"),
              "\\u009b31m");  // C1 CSI
    EXPECT_EQ(terminal("ok \xE2\x9C\x93"), "ok \xE2\x9C\x93");
}

TEST(Escape, CsvQuotesAndNeutralisesFormulas) {
    EXPECT_EQ(csv("plain"), "plain");
    EXPECT_EQ(csv("a,b"), "\"a,b\"");
    EXPECT_EQ(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv("line\nbreak"), "\"line\nbreak\"");
    EXPECT_EQ(csv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv("-1+2"), "\"'-1+2\"");
    EXPECT_EQ(csv("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(csv("=1+2", false), "=1+2");
}

TEST(Escape, TerminalShowsBidiAndZeroWidthCharactersVisibly) {
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2067 RIGHT-TO-LEFT ISOLATE, U+200B ZERO WIDTH SPACE
    EXPECT_EQ(terminal("id\xE2\x80\xAEtxt.exe"), "id\\u202etxt.exe");
    EXPECT_EQ(terminal("a\xE2\x81\xA7"
                       "b"),
              "a\\u2067b");
    EXPECT_EQ(terminal("a\xE2\x80\x8B"
                       "b"),
              "a\\u200b"
              "b");
    EXPECT_EQ(terminal("\xEF\xBB\xBF"
                       "bom"),
              "\\ufeffbom");
    EXPECT_EQ(terminal("line\xE2\x80\xA8sep"), "line\\u2028sep");
    EXPECT_EQ(terminal("caf\xC3\xA9 \xE2\x80\x94 \xE2\x82\xAC"), "caf\xC3\xA9 \xE2\x80\x94 \xE2\x82\xAC");  // é — €
}

TEST(Escape, TerminalCutsOverLongText) {
    std::string out;
    append_terminal_safe(out, std::string(5000, 'x'), 100);
    EXPECT_EQ(out, std::string(100, 'x') + "... (4900 more bytes)");
    out.clear();
    append_terminal_safe(out, "short", 100);
    EXPECT_EQ(out, "short");
}

TEST(Escape, CsvGuardsFormulasAfterBlanksAndFullWidthSigns) {
    EXPECT_EQ(csv(" =1+2"), "\"' =1+2\"");
    EXPECT_EQ(csv("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(csv("\r\n=1"), "\"'\r\n=1\"");
    EXPECT_EQ(csv("\n@SUM(A1)"), "\"'\n@SUM(A1)\"");
    EXPECT_EQ(csv("\xEF\xBB\xBF=1"), "\"'\xEF\xBB\xBF=1\"");
    EXPECT_EQ(csv("\xE2\x80\x8B=1"), "\"'\xE2\x80\x8B=1\"");
    EXPECT_EQ(csv("\xEF\xBC\x9DHYPERLINK()"), "\"'\xEF\xBC\x9DHYPERLINK()\"");  // full-width ＝
    EXPECT_EQ(csv("  +1"), "\"'  +1\"");
    EXPECT_EQ(csv("  plain"), "  plain");
    EXPECT_EQ(csv("a=b"), "a=b");
    EXPECT_EQ(csv(" "), " ");
}

}  // namespace
}  // namespace whohungup::detail
