// SPDX-License-Identifier: MIT
// Every reason code the code can emit is in src/core/reason_codes.cc, and docs/verdicts.md shows
// exactly that table. The sources are scanned for the two ways a verdict's reason is written
// (`set(Party::…, Category::…, "code"` in the CCP judge, `.reason = "code"` elsewhere); the
// vendor reason tables are read directly.
#include "core/reason_codes.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "mappings/reason_table.h"

namespace whohungup {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string add_hint(std::string_view code) {
    return std::string("add {\"") + std::string(code) +
           "\", \"<meaning>\"} to kCodes in src/core/reason_codes.cc (sorted by name), then paste "
           "render_reason_table() into docs/verdicts.md between the reason-codes markers";
}

TEST(ReasonCodes, AreSortedAndUnique) {
    const auto codes = reason_codes();
    for (std::size_t i = 1; i < codes.size(); ++i) {
        EXPECT_LT(codes[i - 1].name, codes[i].name) << "kCodes in src/core/reason_codes.cc must stay sorted";
    }
    for (const ReasonCode& code : codes) {
        EXPECT_FALSE(code.meaning.empty()) << code.name;
        EXPECT_EQ(find_reason_code(code.name), &code);
    }
    EXPECT_EQ(find_reason_code("no_such_code"), nullptr);
}

TEST(ReasonCodes, EveryCodeAssignedInTheSourcesIsListed) {
    // RE2, not std::regex: GCC 12 warns inside <regex> under the sanitizer build.
    const RE2 judge_set(R"re(set\(\s*Party::k\w+,\s*Category::k\w+,\s*"([a-z0-9_]+)")re");
    // `.reason = "a"` or `.reason = cond ? "a" : "b"` (not `==`; not a literal passed to a call).
    const RE2 assignment(R"re(\.reason\s*=\s*([^=;][^;]*);)re");
    const RE2 literal(R"re((?:^|[?:]\s*)"([a-z0-9_]+)")re");
    ASSERT_TRUE(judge_set.ok() && assignment.ok() && literal.ok());
    std::set<std::string> seen;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(WHOHUNGUP_SOURCE_DIR) / "src")) {
        if (entry.path().extension() != ".cc") {
            continue;
        }
        const std::string text = read_all(entry.path());
        const std::string where = fs::relative(entry.path(), WHOHUNGUP_SOURCE_DIR).string();
        re2::StringPiece rest(text);
        std::string code;
        while (RE2::FindAndConsume(&rest, judge_set, &code)) {
            seen.insert(code);
            EXPECT_NE(find_reason_code(code), nullptr) << where << " emits reason '" << code << "': " << add_hint(code);
        }
        rest = re2::StringPiece(text);
        std::string value;
        while (RE2::FindAndConsume(&rest, assignment, &value)) {
            re2::StringPiece literals(value);
            while (RE2::FindAndConsume(&literals, literal, &code)) {
                seen.insert(code);
                EXPECT_NE(find_reason_code(code), nullptr)
                    << where << " emits reason '" << code << "': " << add_hint(code);
            }
        }
    }
    // The scan found the judge's and the readers' codes (a scan that matches nothing proves nothing).
    EXPECT_TRUE(seen.contains("agent_hangup"));
    EXPECT_TRUE(seen.contains("no_disconnect_reason"));
    EXPECT_TRUE(seen.contains("unmapped_code"));
}

TEST(ReasonCodes, EveryCodeOfTheVendorTablesIsListed) {
    for (const mappings::ReasonTable* table : mappings::all_tables()) {
        for (const mappings::ReasonRow& row : table->rows) {
            EXPECT_NE(find_reason_code(row.reason), nullptr)
                << table->name << " maps " << row.code << " to '" << row.reason << "': " << add_hint(row.reason);
        }
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
