// SPDX-License-Identifier: MIT
#include "ccp/ccp_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/collecting_sinks.h"

namespace whohungup::ccp {
namespace {

using Collect = whohungup::testing::CollectingSinks;

std::string read_testdata(const std::string& path) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/" + path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The verdicts of one log read from memory as one input.
std::vector<Verdict> read_verdicts(std::string bytes) {
    auto reader = make_ccp_log_reader(Limits{});
    Collect sink;
    auto source = ByteSource::from_memory(std::move(bytes));
    reader->read(*source, "log", sink, sink);
    reader->finish(sink, sink);
    return std::move(sink.verdicts);
}

TEST(CcpReader, SniffsCcpLogsOnly) {
    EXPECT_TRUE(
        sniff_ccp_log("\xEF\xBB\xBF[\n    {\n        \"component\": \"ccp\",\n        \"level\": \"INFO\",\n"
                      "        \"text\": \"x\""));
    EXPECT_TRUE(sniff_ccp_log("[]"));
    EXPECT_FALSE(sniff_ccp_log("{\"text\":\"x\",\"level\":\"INFO\"}"));
    EXPECT_FALSE(sniff_ccp_log("[{\"ContactId\":\"x\"}]"));
    EXPECT_TRUE(sniff_ccp_log("[\"stray\", {\"level\": \"INFO\", \"text\": \"x\"}]"));
    EXPECT_FALSE(sniff_ccp_log("hello"));
}

TEST(CcpReader, GroupKeyIsTheFirstAgentId) {
    EXPECT_EQ(ccp_log_group_key(R"([{"agentResourceId": null},{"agentResourceId": "ag-1"}])"), "ag-1");
    EXPECT_EQ(ccp_log_group_key(R"([{"text":"x"}])"), "");
}

TEST(CcpReader, OverlappingFilesOfOneAgentGiveOneVerdictPerCall) {
    auto reader = make_ccp_log_reader(Limits{});
    Collect sink;
    auto crm = ByteSource::from_memory(read_testdata("ccp/global-resiliency/crm-agent-log.txt"));
    auto ccp = ByteSource::from_memory(read_testdata("ccp/global-resiliency/ccp-us-east-1-agent-log.txt"));
    const InputResult first = reader->read(*crm, "crm", sink, sink);
    const InputResult second = reader->read(*ccp, "ccp", sink, sink);
    reader->finish(sink, sink);
    EXPECT_FALSE(first.failed);
    EXPECT_FALSE(second.failed);
    ASSERT_EQ(sink.verdicts.size(), 2U);
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kAgent);
    EXPECT_EQ(sink.verdicts[0].confidence, Confidence::kHigh);
    EXPECT_EQ(sink.verdicts[0].agent_name, "jdoe");
    EXPECT_EQ(sink.verdicts[1].ended_by, Party::kCustomer);
}

TEST(CcpReader, TruncatedFileReportsEveryCallBeforeTheCutAndAnError) {
    auto reader = make_ccp_log_reader(Limits{});
    Collect sink;
    auto source = ByteSource::from_memory(read_testdata("ccp/truncated-download.txt"));
    const InputResult result = reader->read(*source, "cut", sink, sink);
    reader->finish(sink, sink);
    EXPECT_TRUE(result.failed);
    ASSERT_EQ(sink.verdicts.size(), 2U);
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kCustomer);
    EXPECT_EQ(sink.verdicts[1].reason, Reason::log_ends_mid_call);
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics[0].severity, Severity::kError);
    EXPECT_GT(sink.diagnostics[0].line, 0U);
}

TEST(CcpReader, ALogWithNoEntryBelowInfoWasFilteredByLevel) {
    // rejected-call-filtered.txt: a reject's bye 7 s after the offer, then a two-minute call.
    const std::string filtered = read_testdata("ccp/rejected-call-filtered.txt");
    const std::vector<Verdict> as_saved = read_verdicts(filtered);
    ASSERT_EQ(as_saved.size(), 2U);
    EXPECT_EQ(as_saved[0].reason, Reason::customer_hangup);
    EXPECT_EQ(as_saved[0].confidence, Confidence::kLow);
    EXPECT_NE(as_saved[0].detail.find("filtered by log level"), std::string::npos) << as_saved[0].detail;
    EXPECT_EQ(as_saved[1].confidence, Confidence::kHigh);  // long past the ring

    // One TRACE entry, though it bears on no call (a heartbeat, level after text), and the log is
    // a whole download: it would show the reject, so the bye is the customer's.
    const std::size_t first_entry = filtered.find('{');
    ASSERT_NE(first_entry, std::string::npos);
    std::string whole = filtered;
    whole.insert(
        first_entry,
        R"({"component":"ccp","text":"Sending heartbeat","time":"2026-11-20T14:00:00.100Z","level":"TRACE"},)");
    const std::vector<Verdict> with_trace = read_verdicts(whole);
    ASSERT_EQ(with_trace.size(), 2U);
    EXPECT_EQ(with_trace[0].confidence, Confidence::kHigh);
    EXPECT_EQ(with_trace[0].detail.find("filtered"), std::string::npos) << with_trace[0].detail;
}

TEST(CcpReader, PrettyAndCompactGiveTheSameVerdicts) {
    const std::string pretty = read_testdata("ccp/not-connected.txt");
    std::string compact;
    bool in_string = false;
    for (std::size_t i = 0; i < pretty.size(); ++i) {  // strip whitespace outside strings
        const char c = pretty[i];
        if (c == '"' && (i == 0 || pretty[i - 1] != '\\')) {
            in_string = !in_string;
        }
        if (in_string || (c != ' ' && c != '\n')) {
            compact.push_back(c);
        }
    }
    auto run = [](std::string bytes) {
        std::vector<Verdict> verdicts = read_verdicts(std::move(bytes));
        for (Verdict& v : verdicts) {
            for (Evidence& e : v.evidence) {
                e.line = 0;
                e.byte = 0;
            }
        }
        return verdicts;
    };
    const auto a = run(pretty);
    const auto b = run(compact);
    ASSERT_EQ(a.size(), 9U);
    EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace whohungup::ccp
