// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "whohungup/reporter.h"

namespace whohungup {
namespace {

Verdict sample() {
    Verdict v;
    v.source_format = "ccp-log";
    v.input = "agent-log.txt";
    v.contact_id = "c1";
    v.agent = "ag-1";
    v.started_at_ms = 1570126886478;
    v.ended_at_ms = 1570126946478;
    v.ended_by = Party::kCustomer;
    v.category = Category::kHangup;
    v.reason = Reason::customer_hangup;
    v.raw_reason = "SIGNALING TalkingState => PendingLocalHangupState";
    v.detail = "=cmd|' /C calc'!A0 \x1b[31m";
    v.confidence = Confidence::kHigh;
    v.evidence.push_back(Evidence{1570126946478, "agent-log.txt", 12, 345, "c1 SIGNALING \xFF"});
    return v;
}

TEST(JsonlReporter, WritesOneValidObjectPerLineWithStableFields) {
    std::ostringstream out;
    auto reporter = make_reporter(OutputFormat::kJsonl, ReportStyle{}, out);
    reporter->on_verdict(sample());
    InputReport report;
    report.input = "agent-log.txt";
    report.format = "ccp-log";
    report.result.records = 10;
    report.verdicts = 1;
    reporter->on_input_end(report);
    Summary summary;
    summary.add(sample());
    reporter->finish(&summary);

    std::istringstream lines(out.str());
    std::string line;
    std::vector<nlohmann::json> records;
    while (std::getline(lines, line)) {
        records.push_back(nlohmann::json::parse(line));  // throws on invalid JSON or UTF-8
    }
    ASSERT_EQ(records.size(), 3U);
    const nlohmann::json& v = records[0];
    EXPECT_EQ(v["type"], "verdict");
    EXPECT_EQ(v["contact_id"], "c1");
    EXPECT_EQ(v["agent_name"], nullptr);
    EXPECT_EQ(v["started_at"], "2019-10-03T18:21:26.478Z");
    EXPECT_EQ(v["duration_s"], 60.0);
    EXPECT_EQ(v["ended_by"], "customer");
    EXPECT_EQ(v["raw_reason"], "SIGNALING TalkingState => PendingLocalHangupState");
    EXPECT_EQ(v["evidence"][0]["line"], 12);
    EXPECT_EQ(v["evidence"][0]["text"], "c1 SIGNALING \xEF\xBF\xBD");
    EXPECT_EQ(records[1]["type"], "input_end");
    EXPECT_EQ(records[1]["records"], 10);
    EXPECT_EQ(records[2]["type"], "summary");
    EXPECT_EQ(records[2]["by_ended_by"]["customer"], 1);
    const nlohmann::json& agent = records[2]["by_agent"]["ag-1"];
    EXPECT_EQ(agent["agent_name"], nullptr);
    EXPECT_EQ(agent["calls"], 1);
    EXPECT_EQ(agent["connected"], 1);
    EXPECT_EQ(agent["ended_by"]["customer"], 1);
    EXPECT_EQ(agent["ended_by"]["third_party"], 0);
    EXPECT_EQ(agent["category"]["hangup"], 1);
    EXPECT_EQ(agent["agent_hangup_rate"], 0.0);
    EXPECT_EQ(agent["customer_hangup_rate"], 1.0);
    EXPECT_EQ(agent["dropped_rate"], 0.0);
    EXPECT_EQ(records[2]["by_category"]["hangup"], 1);
    EXPECT_EQ(records[2]["by_confidence"]["high"], 1);
    EXPECT_EQ(records[2]["by_hour"]["18"], 1);
    EXPECT_EQ(records[2]["duration_s"]["customer"]["median"], 60);
    EXPECT_EQ(records[2]["duration_s"]["customer"]["p90"], 60);
    EXPECT_EQ(records[2]["conflicts"], 0);
}

TEST(JsonlReporter, WritesChannelSideAgreementAndSources) {
    Verdict single = sample();
    single.channel = Channel::kChat;
    Verdict merged = sample();
    merged.ended_by_side = Side::kCallee;
    merged.agreement = Agreement::kConflict;
    merged.sources = {SourceView{"ccp-log", "agent-log.txt", Party::kAgent, Category::kHangup, Reason::agent_hangup,
                                 Confidence::kMedium},
                      SourceView{"connect-ctr", "ctr.json", Party::kCustomer, Category::kHangup,
                                 Reason::customer_hangup, Confidence::kHigh}};
    std::ostringstream out;
    auto reporter = make_reporter(OutputFormat::kJsonl, ReportStyle{}, out);
    reporter->on_verdict(single);
    reporter->on_verdict(merged);
    reporter->finish(nullptr);
    std::istringstream lines(out.str());
    std::string line;
    std::getline(lines, line);
    const nlohmann::json one = nlohmann::json::parse(line);
    EXPECT_EQ(one["channel"], "chat");
    EXPECT_EQ(one["ended_by_side"], nullptr);
    EXPECT_EQ(one["agreement"], "single");
    ASSERT_EQ(one["sources"].size(), 1U);  // a single source is the verdict itself
    EXPECT_EQ(one["sources"][0]["format"], "ccp-log");
    EXPECT_EQ(one["sources"][0]["ended_by"], "customer");
    std::getline(lines, line);
    const nlohmann::json two = nlohmann::json::parse(line);
    EXPECT_EQ(two["channel"], nullptr);
    EXPECT_EQ(two["ended_by_side"], "callee");
    EXPECT_EQ(two["agreement"], "conflict");
    ASSERT_EQ(two["sources"].size(), 2U);
    EXPECT_EQ(two["sources"][1]["format"], "connect-ctr");
    EXPECT_EQ(two["sources"][1]["confidence"], "high");
    EXPECT_EQ(two["sources"][0]["reason"], "agent_hangup");
}

TEST(CsvReporter, QuotesAndNeutralisesCells) {
    std::ostringstream out;
    auto reporter = make_reporter(OutputFormat::kCsv, ReportStyle{}, out);
    reporter->on_verdict(sample());
    reporter->finish(nullptr);
    const std::string csv = out.str();
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "source_format,input,contact_id,agent,agent_name,started_at,ended_at,duration_s,ended_by,category,"
              "reason,raw_reason,confidence,detail,outcome,evidence_lines,channel,ended_by_side,agreement,sources");
    EXPECT_NE(csv.find("\"'=cmd|' /C calc'!A0 \x1b[31m\""), std::string::npos);
    EXPECT_NE(csv.find(",60.000,customer,hangup,customer_hangup,"), std::string::npos);
}

TEST(CsvReporter, OnATerminalEscapesLikeTheTable) {
    Verdict v = sample();
    v.contact_id =
        "id\x1b]0;title\x07\xC2\x9B"
        "31m\xE2\x80\xAE";  // OSC, BEL, C1 CSI, U+202E
    std::ostringstream saved;
    auto file_reporter = make_reporter(OutputFormat::kCsv, ReportStyle{}, saved);
    file_reporter->on_verdict(v);
    EXPECT_NE(saved.str().find("id\x1b]0;title\x07"), std::string::npos);  // a file keeps the bytes
    std::ostringstream shown;
    ReportStyle style;
    style.terminal = true;
    auto terminal_reporter = make_reporter(OutputFormat::kCsv, style, shown);
    terminal_reporter->on_verdict(v);
    EXPECT_EQ(shown.str().find('\x1b'), std::string::npos);
    EXPECT_EQ(shown.str().find('\x07'), std::string::npos);
    EXPECT_NE(shown.str().find(",id\\x1b]0;title\\x07\\u009b31m\\u202e,"), std::string::npos);
}

TEST(TextReporter, EscapesControlCharactersAndColoursOnlyWhenAsked) {
    std::ostringstream plain;
    ReportStyle style;
    style.explain = true;
    auto reporter = make_reporter(OutputFormat::kText, style, plain);
    reporter->on_verdict(sample());
    reporter->finish(nullptr);
    EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
    EXPECT_NE(plain.str().find("\\x1b[31m"), std::string::npos);

    std::ostringstream coloured;
    style.color = true;
    auto colour_reporter = make_reporter(OutputFormat::kText, style, coloured);
    colour_reporter->on_verdict(sample());
    EXPECT_NE(coloured.str().find("\x1b[36mcustomer"), std::string::npos);
}

TEST(Summary, MergesLikeItAdds) {
    Summary a;
    Summary b;
    Summary both;
    Verdict other = sample();
    other.ended_by = Party::kAgent;
    other.reason = Reason::agent_hangup;
    a.add(sample());
    b.add(other);
    both.add(sample());
    both.add(other);
    a.merge(b);
    EXPECT_EQ(a.total(), 2U);
    EXPECT_EQ(a.by_reason(), both.by_reason());
    EXPECT_EQ(a.by_day(), both.by_day());
    EXPECT_EQ(a.by_agent().at("ag-1").calls, 2U);
}

}  // namespace
}  // namespace whohungup
