// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "whohungup/reporter.h"

namespace whohungup {
namespace {

constexpr std::int64_t kStart = 1795240800000;  // 2026-11-21T06:00:00Z

Verdict ccp_call(int n) {
    Verdict v;
    v.source_format = "ccp-log";
    v.input = "logs/agent-log.txt";
    v.contact_id = "c0ffee00-0001-4001-8001-a11ce" + std::to_string(1000000 + n);
    v.agent = "8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f";
    v.agent_name = n % 2 == 0 ? "jdoe" : "";
    v.started_at_ms = kStart + std::int64_t{n} * 200000;
    v.ended_at_ms = v.started_at_ms + 84300;
    v.ended_by = n % 3 == 0 ? Party::kAgent : Party::kCustomer;
    v.category = Category::kHangup;
    v.reason = n % 3 == 0 ? Reason::agent_hangup : Reason::customer_hangup;
    v.raw_reason = "SIGNALING TalkingState => PendingRemoteHangupState";
    v.detail = "The CCP sent the bye after the agent asked to hang up their own connection (destroyConnection).";
    v.confidence = Confidence::kHigh;
    v.outcome = "handled";
    for (int k = 0; k < 3; ++k) {
        v.evidence.push_back(Evidence{v.ended_at_ms - 1000 * k, v.input, 300U + static_cast<unsigned>(k),
                                      20000U + static_cast<unsigned>(k) * 400,
                                      " " + v.contact_id + " SIGNALING TalkingState => PendingRemoteHangupState"});
    }
    return v;
}

std::string page_of(const std::vector<Verdict>& verdicts, const std::vector<InputReport>& inputs = {}) {
    std::ostringstream out;
    auto reporter = make_reporter(OutputFormat::kHtml, ReportStyle{}, out);
    for (const Verdict& v : verdicts) {
        reporter->on_verdict(v);
    }
    for (const InputReport& input : inputs) {
        reporter->on_input_end(input);
    }
    reporter->finish(nullptr);
    return out.str();
}

/// The JSON the page's script reads, decoded.
nlohmann::json calls_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"calls-data\">";
    const std::size_t start = page.find(open);
    const std::size_t end = page.find("</script>", start);
    EXPECT_NE(start, std::string::npos);
    return nlohmann::json::parse(page.substr(start + open.size(), end - start - open.size()));
}

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

TEST(HtmlReporter, WritesOneSelfContainedPageWithEveryChart) {
    InputReport input;
    input.input = "logs/agent-log.txt";
    input.format = "ccp-log";
    input.result.records = 40;
    input.verdicts = 2;
    InputReport broken;
    broken.input = "logs/README.txt";
    broken.error = true;
    const std::string page = page_of({ccp_call(0), ccp_call(1)}, {input, broken});
    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0U);
    EXPECT_EQ(page.substr(page.size() - 8), "</html>\n");
    EXPECT_NE(page.find("content=\"default-src 'none';"), std::string::npos);
    EXPECT_EQ(count(page, "<svg class=\"chart\""), 4U);
    for (const char* id : {"chart-who", "chart-agents", "chart-time", "chart-reasons"}) {
        EXPECT_NE(page.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
    }
    EXPECT_NE(page.find("<span class=\"n\" id=\"total-calls\">2</span>"), std::string::npos);
    EXPECT_NE(page.find("@media (prefers-color-scheme: dark)"), std::string::npos);
    EXPECT_NE(page.find("@media print"), std::string::npos);
    EXPECT_NE(page.find("<tr class=\"error\"><td class=\"mono\">logs/README.txt</td><td>not recognised</td>"),
              std::string::npos);
    EXPECT_EQ(count(page, "<script"), 2U);  // the data and the table's script
    EXPECT_EQ(page.find("src="), std::string::npos);
    EXPECT_EQ(page.find("href="), std::string::npos);
    EXPECT_EQ(page.find("http:"), std::string::npos);
    EXPECT_EQ(page.find("//"), std::string::npos);
    EXPECT_EQ(page.find("id=\"conflicts\""), std::string::npos);  // none in these calls
}

TEST(HtmlReporter, CallsDataHoldsEveryVerdictForTheScript) {
    const std::string page = page_of({ccp_call(0), ccp_call(1)});
    const nlohmann::json root = calls_data(page);
    EXPECT_EQ(root["parties"], (nlohmann::json{"agent", "customer", "third_party", "system", "unknown"}));
    const nlohmann::json& strings = root["data"]["strings"];
    const nlohmann::json& calls = root["data"]["calls"];
    ASSERT_EQ(calls.size(), 2U);
    const nlohmann::json& first = calls[0];
    EXPECT_EQ(first[0], kStart + 84300);
    EXPECT_EQ(first[1], kStart);
    EXPECT_EQ(first[2], 0);  // ended by the agent
    EXPECT_EQ(strings[first[5].get<std::size_t>()], "agent_hangup");
    EXPECT_EQ(strings[first[7].get<std::size_t>()], "jdoe");
    EXPECT_EQ(first[8], "c0ffee00-0001-4001-8001-a11ce1000000");
    EXPECT_EQ(strings[first[9].get<std::size_t>()], "ccp-log");
    ASSERT_EQ(first[13].size(), 3U);
    EXPECT_EQ(first[13][0][2], 300);
    EXPECT_EQ(first[13][0][3], 20000);
    EXPECT_EQ(strings[first[13][0][1].get<std::size_t>()], "logs/agent-log.txt");
    // Repeated strings are stored once.
    EXPECT_EQ(count(page, "The CCP sent the bye after"), 1U);
}

TEST(HtmlReporter, InputStringsAreTextEverywhere) {
    Verdict hostile = ccp_call(0);
    hostile.contact_id = "</script><script>alert(1)</script>\xE2\x80\xA8";
    hostile.agent_name = "\" onmouseover=\"alert(2)\" x=\"";
    hostile.agent = "<img src=x onerror=alert(3)>";
    hostile.source_format = "https://evil.invalid/x.js";
    hostile.evidence[0].text = "<!-- //cdn.invalid/y.css";
    Verdict second = ccp_call(1);
    second.contact_id = hostile.contact_id;  // and judged differently: a conflict, listed in the page
    second.ended_by = Party::kSystem;
    const std::string page = page_of({hostile, second});
    for (const std::string_view raw : {"<script>alert", "<img", "<b>", "<!--", "https:", "//"}) {
        EXPECT_EQ(page.find(raw), std::string::npos) << raw;
    }
    // Outside the data for the script (where a quote is \" and nothing can end the element), no
    // attribute can be opened either.
    const std::size_t data = page.find("<script type=\"application/json\"");
    const std::size_t data_end = page.find("</script>", data);
    const std::string markup = page.substr(0, data) + page.substr(data_end);
    EXPECT_EQ(markup.find("\" onmouseover"), std::string::npos);
    const std::string json = page.substr(data, data_end - data);
    EXPECT_EQ(json.find('<', 1), std::string::npos);
    EXPECT_EQ(json.find("\xE2\x80\xA8"), std::string::npos);
    EXPECT_NE(page.find("&quot; onmouseover=&quot;alert(2)&quot; x=&quot;"), std::string::npos);
    EXPECT_NE(page.find("<section id=\"conflicts\">"), std::string::npos);
    EXPECT_NE(page.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    const nlohmann::json root = calls_data(page);
    EXPECT_EQ(root["data"]["calls"][0][8], hostile.contact_id);  // the script gets the exact text back
    EXPECT_EQ(root["data"]["calls"][0][13][0][4], hostile.evidence[0].text);
}

TEST(HtmlReporter, StaysUnderAKilobytePerCallWithEvidence) {
    std::vector<Verdict> calls;
    for (int n = 0; n < 2000; ++n) {
        calls.push_back(ccp_call(n));
    }
    const std::string page = page_of(calls);
    EXPECT_LE(page.size(), 2000U * 1024U);
    EXPECT_NE(page.find("<span id=\"calls-cut\">0</span>"), std::string::npos);
}

TEST(HtmlReporter, CutsHugeEvidenceToTheBudgetAndSaysSo) {
    Verdict huge = ccp_call(0);
    huge.detail = std::string(5000, 'd');
    huge.contact_id = std::string(1000, 'c');
    huge.evidence.clear();
    for (int k = 0; k < 50; ++k) {
        huge.evidence.push_back(Evidence{kStart, "in", 1, 0, std::string(10000, 'e')});
    }
    const std::string page = page_of({huge});
    EXPECT_LT(page.size(), page_of({ccp_call(0)}).size() + 2000);
    EXPECT_NE(page.find("<span id=\"calls-cut\">1</span>"), std::string::npos);
    const nlohmann::json call = calls_data(page)["data"]["calls"][0];
    EXPECT_EQ(call[8].get<std::string>(), std::string(128, 'c') + "\xE2\x80\xA6");
    EXPECT_EQ(call[13].size(), 3U);  // 200 + 200 + 200 bytes: the 600-byte budget is spent
    EXPECT_EQ(call[13][0][4].get<std::string>(), std::string(200, 'e') + "\xE2\x80\xA6");
}

}  // namespace
}  // namespace whohungup
