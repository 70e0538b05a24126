// SPDX-License-Identifier: MIT
// The reason list (include/whohungup/reason_codes.inc) is sorted, its names round-trip, every
// listed code is emitted by some source, and docs/verdicts.md shows exactly its table.
#include "core/reason_codes.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace whohungup {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(ReasonCodes, AreSortedAndUnique) {
    const auto codes = reason_codes();
    for (std::size_t i = 1; i < codes.size(); ++i) {
        EXPECT_LT(codes[i - 1].name, codes[i].name) << "include/whohungup/reason_codes.inc must stay sorted";
    }
    for (const ReasonCode& code : codes) {
        EXPECT_FALSE(code.meaning.empty()) << code.name;
        EXPECT_EQ(find_reason_code(code.name), &code);
    }
    EXPECT_EQ(find_reason_code("no_such_code"), nullptr);
}

TEST(ReasonCodes, NamesRoundTrip) {
    for (const ReasonCode& code : reason_codes()) {
        EXPECT_EQ(to_string(code.code), code.name);
        EXPECT_EQ(meaning_of(code.code), code.meaning);
        EXPECT_EQ(reason_from_string(code.name), code.code);
    }
    EXPECT_EQ(reason_from_string("Agent_Hangup"), std::nullopt);
    EXPECT_EQ(reason_from_string(""), std::nullopt);
    EXPECT_EQ(to_string(Reason::agent_hangup), "agent_hangup");
}

// The compiler checks that every code the sources emit is listed; this checks the other way: a
// listed code that nothing emits documents a verdict no input can produce.
TEST(ReasonCodes, EveryListedCodeIsEmittedSomewhere) {
    std::string sources;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(WHOHUNGUP_SOURCE_DIR) / "src")) {
        const auto ext = entry.path().extension();
        if ((ext == ".cc" || ext == ".h") && entry.path().stem() != "reason_codes") {
            sources += read_all(entry.path());
        }
    }
    for (const ReasonCode& code : reason_codes()) {
        const RE2 use("Reason::" + std::string(code.name) + R"(\b)");
        EXPECT_TRUE(RE2::PartialMatch(sources, use)) << "no source emits Reason::" << code.name;
    }
}

TEST(ReasonCodes, DocsTableIsTheRenderedOne) {
    const std::string docs = read_all(fs::path(WHOHUNGUP_SOURCE_DIR) / "docs" / "verdicts.md");
    const std::string begin = "<!-- reason-codes:begin (rendered from src/core/reason_codes.cc) -->\n";
    const std::string end = "<!-- reason-codes:end -->";
    const std::size_t from = docs.find(begin);
    const std::size_t to = docs.find(end);
    ASSERT_NE(from, std::string::npos) << "docs/verdicts.md lacks the line " << begin;
    ASSERT_NE(to, std::string::npos) << "docs/verdicts.md lacks the line " << end;
    const std::string table = docs.substr(from + begin.size(), to - from - begin.size());
    EXPECT_EQ(table, render_reason_table())
        << "docs/verdicts.md's reason table differs from src/core/reason_codes.cc; put this between the markers:\n"
        << render_reason_table();
}

}  // namespace
}  // namespace whohungup
