// SPDX-License-Identifier: MIT
#include "report/html/html_escape.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace whohungup::detail::html {
namespace {

std::string script_json(std::string_view text) {
    std::string out;
    append_script_json(out, text);
    return out;
}

TEST(HtmlEscape, EscapesMarkupInTextAndAttributes) {
    EXPECT_EQ(html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(html("\" onmouseover=\"x\" a='b'"), "&quot; onmouseover=&quot;x&quot; a=&#39;b&#39;");
    EXPECT_EQ(html("Dana & Eve"), "Dana &amp; Eve");
    EXPECT_EQ(html("&lt;"), "&amp;lt;");  // an entity in the data stays text
}

TEST(HtmlEscape, DropsControlsKeepsTabsAndNewlinesAndReplacesInvalidUtf8) {
    EXPECT_EQ(html(std::string("a\x00"
                               "b\x1b[31m\x7f\tc\n",
                               12)),
              "ab[31m\tc\n");
    EXPECT_EQ(html("caf\xC3\xA9 \xFF \xC0\xAF \xED\xA0\x80"),
              "caf\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(html("\xE2\x80\xA8"), "\xE2\x80\xA8");  // valid UTF-8 passes
}

TEST(HtmlEscape, BreaksUpAnythingThatReadsAsANetworkAddress) {
    EXPECT_EQ(html("see https://evil.invalid/x.js"), "see https&#58;/&#47;evil.invalid/x.js");
    EXPECT_EQ(html("HTTP://a //b ///c"), "HTTP&#58;/&#47;a /&#47;b /&#47;&#47;c");
    EXPECT_EQ(html("path/to/file.txt 12:30 key: value"), "path/to/file.txt 12:30 key: value");
    EXPECT_EQ(html("ftp: mailto:x"), "ftp: mailto:x");
}

TEST(HtmlEscape, ScriptJsonCannotCloseItsElementAndStillDecodesToTheText) {
    const std::string text = "</script><script>alert(\"x\")</script><!-- & \xE2\x80\xA8\xE2\x80\xA9 https://a//b";
    const std::string out = script_json(text);
    for (const std::string_view forbidden : {"<", ">", "&", "\xE2\x80\xA8", "\xE2\x80\xA9", "https:", "//"}) {
        EXPECT_EQ(out.find(forbidden), std::string::npos) << forbidden;
    }
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), text);
    EXPECT_EQ(script_json("a<b"), "\"a\\u003cb\"");
}

TEST(HtmlEscape, ScriptJsonIsValidJsonForAnyBytes) {
    std::string all;
    for (int c = 0; c < 256; ++c) {
        all.push_back(static_cast<char>(c));
    }
    const std::string out = script_json(all);
    nlohmann::json decoded;
    EXPECT_NO_THROW(decoded = nlohmann::json::parse(out));  // throws on invalid UTF-8 too
    EXPECT_TRUE(decoded.is_string());
    EXPECT_EQ(out.find('<'), std::string::npos);
}

TEST(HtmlEscape, Utf8PrefixNeverCutsASequence) {
    EXPECT_EQ(utf8_prefix("abc", 5), "abc");
    EXPECT_EQ(utf8_prefix("abcdef", 3), "abc");
    EXPECT_EQ(utf8_prefix("a\xC3\xA9", 2), "a");           // 2-byte sequence would be cut
    EXPECT_EQ(utf8_prefix("a\xE2\x82\xAC", 3), "a");       // 3-byte
    EXPECT_EQ(utf8_prefix("a\xF0\x9F\x98\x80z", 4), "a");  // 4-byte
    EXPECT_EQ(utf8_prefix("a\xF0\x9F\x98\x80z", 5), "a\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace whohungup::detail::html
