// SPDX-License-Identifier: MIT
// Asterisk queue_log: the decoder of each wire shape, decide() per event, and the reader's
// grouping per callid (one verdict per call, re-entries, unknown events, bounded memory).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "exports/asterisk/line_reader.h"
#include "exports/asterisk/queue_log_decide.h"
#include "exports/asterisk/queue_log_decoder.h"
#include "exports/asterisk/queue_log_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::asterisk {
namespace {

using Collect = whohungup::testing::CollectingSinks;

Collect read_all(const std::string& bytes, Limits limits = {}) {
    Collect sink;
    auto reader = make_queue_log_reader(limits);
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "queue_log", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/asterisk/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TEST(QueueLogDecoder, PipeLineFields) {
    QueueLogEvent event;
    std::string why;
    ASSERT_TRUE(decode_queue_log_line("1366720340|1366720340.303267|MYQUEUE|SIP/8007|RINGNOANSWER|1000", event, why));
    EXPECT_EQ(event.time_ms, 1366720340000);
    EXPECT_EQ(event.callid, "1366720340.303267");
    EXPECT_EQ(event.queue, "MYQUEUE");
    EXPECT_EQ(event.agent, "SIP/8007");
    EXPECT_EQ(event.event, "RINGNOANSWER");
    EXPECT_EQ(event.data, std::vector<std::string>{"1000"});
    ASSERT_TRUE(decode_queue_log_line("1366720340|NONE|NONE|NONE|QUEUESTART|", event, why));
    EXPECT_TRUE(event.data.empty());
    EXPECT_FALSE(decode_queue_log_line("hello|world", event, why));
    EXPECT_FALSE(decode_queue_log_line("1366720340|a|b|c|lowercase", event, why));
    EXPECT_FALSE(decode_queue_log_line("12|a|b|c|EVENT", event, why));  // not epoch seconds
}

TEST(QueueLogDecoder, TimesInSecondsFractionsAndDatetimes) {
    EXPECT_EQ(parse_queue_log_time("1366720340"), 1366720340000);
    EXPECT_EQ(parse_queue_log_time("1366720340.5"), 1366720340500);
    EXPECT_EQ(parse_queue_log_time("1366720340.123456"), 1366720340123);
    EXPECT_EQ(parse_queue_log_time("2026-11-27 16:00:10.000000"), 1795795210000);
    EXPECT_EQ(parse_queue_log_time("yesterday"), kNoTime);
    EXPECT_EQ(parse_queue_log_time("1366720340.x"), kNoTime);
}

TEST(QueueLogDecide, EachEndEventDecides) {
    struct Case {
        const char* event;
        Party party;
        Category category;
        Side side;
    };
    for (const Case& c : {
             Case{"COMPLETEAGENT", Party::kAgent, Category::kHangup, Side::kCallee},
             Case{"COMPLETECALLER", Party::kCustomer, Category::kHangup, Side::kCaller},
             Case{"ABANDON", Party::kCustomer, Category::kAbandoned, Side::kCaller},
             Case{"EXITWITHKEY", Party::kCustomer, Category::kOther, Side::kCaller},
             Case{"EXITWITHTIMEOUT", Party::kSystem, Category::kNotConnected, Side::kNone},
             Case{"EXITEMPTY", Party::kSystem, Category::kNotConnected, Side::kNone},
             Case{"WITHDRAW", Party::kSystem, Category::kNotConnected, Side::kNone},
             Case{"AGENTDUMP", Party::kAgent, Category::kNotConnected, Side::kCallee},
             Case{"SYSCOMPAT", Party::kSystem, Category::kFailure, Side::kNone},
             Case{"BLINDTRANSFER", Party::kAgent, Category::kTransfer, Side::kCallee},
             Case{"ATTENDEDTRANSFER", Party::kAgent, Category::kTransfer, Side::kCallee},
             Case{"TRANSFER", Party::kAgent, Category::kTransfer, Side::kCallee},
             Case{"FULL", Party::kSystem, Category::kNotConnected, Side::kNone},
             Case{"OUTCALL", Party::kUnknown, Category::kOther, Side::kNone},
         }) {
        ASSERT_EQ(kind_of(c.event), QueueLogEventKind::kEnd) << c.event;
        QueueLogCall call;
        call.callid = "1.1";
        call.end = QueueLogEvent{};
        call.end->event = c.event;
        call.end->time_ms = 5000;
        const Verdict v = decide(call);
        EXPECT_EQ(v.ended_by, c.party) << c.event;
        EXPECT_EQ(v.category, c.category) << c.event;
        EXPECT_EQ(v.ended_by_side, c.side) << c.event;
        EXPECT_EQ(v.raw_reason, c.event);
        EXPECT_EQ(v.contact_id, "1.1");
        EXPECT_EQ(v.source_format, "asterisk-queue-log");
        EXPECT_EQ(v.ended_at_ms, 5000);
        EXPECT_FALSE(v.detail.empty());
    }
}

TEST(QueueLogDecide, NoEndIsInProgressAndSessionEventsAreNotCalls) {
    QueueLogCall call;
    call.callid = "1.1";
    call.enter = QueueLogEvent{};
    call.enter->event = "ENTERQUEUE";
    EXPECT_EQ(decide(call).category, Category::kInProgress);
    EXPECT_EQ(decide(call).reason, Reason::waiting_in_queue);
    call.connect = QueueLogEvent{};
    call.connect->event = "CONNECT";
    call.connect->agent = "PJSIP/1001";
    const Verdict connected = decide(call);
    EXPECT_EQ(connected.category, Category::kInProgress);
    EXPECT_EQ(connected.reason, Reason::call_in_progress);
    EXPECT_EQ(connected.agent, "PJSIP/1001");
    EXPECT_EQ(connected.ended_by, Party::kUnknown);
    for (const char* event : {"ADDMEMBER", "REMOVEMEMBER", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "PENALTY",
                              "RINGINUSE", "AGENTLOGIN", "AGENTLOGOFF", "QUEUESTART", "CONFIGRELOAD"}) {
        EXPECT_EQ(kind_of(event), QueueLogEventKind::kSession) << event;
    }
    EXPECT_EQ(kind_of("CALLSTATUS"), QueueLogEventKind::kUnknown);
    EXPECT_TRUE(is_non_call_id("NONE"));
    EXPECT_TRUE(is_non_call_id("MANAGER"));
    EXPECT_FALSE(is_non_call_id("1366720340.303267"));
}

TEST(QueueLogReader, OneVerdictPerCallFromThePipeFile) {
    const Collect sink = read_all(fixture("queue_log"));
    const auto calls = sink.by_id();
    ASSERT_EQ(calls.size(), 23U);
    EXPECT_EQ(calls.at("1795795210.1").reason, Reason::agent_hangup);
    EXPECT_EQ(calls.at("1795795210.1").agent, "PJSIP/1002");
    EXPECT_EQ(calls.at("1795795210.1").started_at_ms, 1795795210000);
    EXPECT_EQ(calls.at("1795795230.3").reason, Reason::customer_hangup);
    // RINGCANCELED then ABANDON: one abandoned call.
    EXPECT_EQ(calls.at("1795795240.5").reason, Reason::customer_abandoned_in_queue);
    // Timeout in one queue, answered in the next: the last stay decides, the first is said.
    const Verdict& overflow = calls.at("1795795270.7");
    EXPECT_EQ(overflow.reason, Reason::customer_hangup);
    EXPECT_NE(overflow.detail.find("EXITWITHTIMEOUT"), std::string::npos);
    EXPECT_EQ(calls.at("1795795370.28").category, Category::kInProgress);
    EXPECT_EQ(calls.at("1795795376.30").reason, Reason::waiting_in_queue);
    EXPECT_EQ(calls.at("1795795377.31").reason, Reason::customer_abandoned_while_ringing);
    EXPECT_EQ(calls.at("1795795377.31").confidence, Confidence::kMedium);
    // An unknown event alone on a callid is kept raw; agent sessions give no call.
    EXPECT_EQ(calls.at("1795795386.32").reason, Reason::unmapped_code);
    EXPECT_EQ(calls.at("1795795386.32").raw_reason, "CALLSTATUS");
    EXPECT_FALSE(calls.contains("1795795202.11"));
    bool counted = false;
    for (const Diagnostic& d : sink.diagnostics) {
        EXPECT_EQ(d.severity, Severity::kWarning) << d.message;
        counted = counted || d.message.find("CALLSTATUS (2), PAUSEREASON (1)") != std::string::npos;
    }
    EXPECT_TRUE(counted);
}

TEST(QueueLogReader, CsvExportsGiveTheSameVerdictsAsTheFile) {
    const auto from_file = read_all(fixture("queue_log")).by_id();
    const auto from_table = read_all(fixture("queue_log_table.csv")).by_id();
    ASSERT_EQ(from_file.size(), from_table.size());
    for (const auto& [id, v] : from_file) {
        ASSERT_TRUE(from_table.contains(id)) << id;
        EXPECT_EQ(from_table.at(id).reason, v.reason) << id;
        EXPECT_EQ(from_table.at(id).ended_at_ms, v.ended_at_ms) << id;
    }
    const auto from_data = read_all(fixture("queue_log_data.csv")).by_id();
    EXPECT_EQ(from_data.at("1795795270.7").reason, Reason::customer_hangup);
    EXPECT_EQ(from_data.at("1795795240.5").reason, Reason::customer_abandoned_in_queue);
}

TEST(QueueLogReader, TheQueueMetricsTableGivesTheSameVerdictsAsTheFile) {
    // partition, time_id (epoch seconds), call_id, queue, agent, verb, data1..data5, serverid,
    // unique_row_count: the table QueueMetrics reads queue_log from.
    const std::string table = fixture("queue_log_qm.csv");
    EXPECT_TRUE(sniff_queue_log(table));
    const auto from_file = read_all(fixture("queue_log")).by_id();
    const Collect sink = read_all(table);
    const auto from_table = sink.by_id();
    ASSERT_EQ(from_file.size(), from_table.size());
    for (const auto& [id, v] : from_file) {
        ASSERT_TRUE(from_table.contains(id)) << id;
        EXPECT_EQ(from_table.at(id).reason, v.reason) << id;
        EXPECT_EQ(from_table.at(id).started_at_ms, v.started_at_ms) << id;
        EXPECT_EQ(from_table.at(id).ended_at_ms, v.ended_at_ms) << id;
    }
    for (const Diagnostic& d : sink.diagnostics) EXPECT_EQ(d.severity, Severity::kWarning) << d.message;
}

TEST(QueueLogReader, NewestFirstRowsGiveTheSameVerdicts) {
    std::istringstream lines(fixture("queue_log"));
    std::vector<std::string> all;
    for (std::string line; std::getline(lines, line);) all.push_back(line);
    std::string reversed;
    for (auto it = all.rbegin(); it != all.rend(); ++it) reversed += *it + "\n";
    const auto forward = read_all(fixture("queue_log")).by_id();
    const auto backward = read_all(reversed).by_id();
    ASSERT_EQ(forward.size(), backward.size());
    for (const auto& [id, v] : forward) {
        EXPECT_EQ(backward.at(id).reason, v.reason) << id;
        EXPECT_EQ(backward.at(id).started_at_ms, v.started_at_ms) << id;
    }
}

TEST(QueueLogReader, SettledCallsAreEmittedAsTheLogGoesOn) {
    // 5000 calls an hour and a half apart each: memory holds only the calls of the last hour.
    std::string log;
    for (int i = 0; i < 5000; ++i) {
        const long t = 1700000000L + i * 5400L;
        log += std::to_string(t) + "|" + std::to_string(i) + ".1|q|NONE|ENTERQUEUE||555|1\n";
        log += std::to_string(t + 60) + "|" + std::to_string(i) + ".1|q|PJSIP/1|CONNECT|60|x.2|1\n";
        log += std::to_string(t + 120) + "|" + std::to_string(i) + ".1|q|PJSIP/1|COMPLETEAGENT|60|60|1\n";
    }
    Collect sink;
    auto reader = make_queue_log_reader(Limits{});
    auto source = ByteSource::from_memory(log);
    reader->read(*source, "queue_log", sink, sink);
    EXPECT_GT(sink.verdicts.size(), 4000U);  // decided while reading, not held to the end
    reader->finish(sink, sink);
    EXPECT_EQ(sink.by_id().size(), 5000U);
    for (const Verdict& v : sink.verdicts) ASSERT_EQ(v.reason, Reason::agent_hangup) << v.contact_id;
}

TEST(QueueLogReader, OpenCallsOverTheLimitAreReportedAsTheyStand) {
    std::string log;
    for (int i = 0; i < 30; ++i) {
        log += "17000000" + std::to_string(10 + i) + "|" + std::to_string(i) + ".1|q|NONE|ENTERQUEUE||555|1\n";
    }
    Limits limits;
    limits.max_open_calls = 10;
    const Collect sink = read_all(log, limits);
    EXPECT_EQ(sink.by_id().size(), 30U);
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_NE(sink.diagnostics.front().message.find("--max-open-calls"), std::string::npos);
}

TEST(QueueLogReader, BadLinesAreCountedAndAFileOfOtherThingsIsAnError) {
    const Collect one_bad = read_all(fixture("queue_log_bad_line"));
    EXPECT_EQ(one_bad.by_id().at("1795795210.1").reason, Reason::agent_hangup);
    ASSERT_EQ(one_bad.diagnostics.size(), 1U);
    EXPECT_EQ(one_bad.diagnostics[0].line, 2U);
    EXPECT_EQ(one_bad.diagnostics[0].severity, Severity::kWarning);
    const Collect other = read_all("hello\nworld\n1366720340|1.1|q|NONE|ENTERQUEUE||5|1\nmore\n");
    bool error = false;
    for (const Diagnostic& d : other.diagnostics) {
        error = error || (d.severity == Severity::kError && d.message.find("not an Asterisk queue_log") == 0);
    }
    EXPECT_TRUE(error);
}

TEST(QueueLogReader, Sniffing) {
    EXPECT_TRUE(sniff_queue_log("1366720340|NONE|NONE|NONE|QUEUESTART|\n1366720341|1.1|q|NONE|ENTERQUEUE||5|1\n"));
    EXPECT_TRUE(sniff_queue_log("time,callid,queuename,agent,event,data1,data2\n"));
    EXPECT_TRUE(sniff_queue_log("\"time\",\"callid\",\"queuename\",\"agent\",\"event\",\"data\"\r\n"));
    EXPECT_FALSE(sniff_queue_log("[{\"level\":\"INFO\"}]"));
    EXPECT_FALSE(sniff_queue_log("Conversation ID,Disconnect Type\n"));
    EXPECT_FALSE(sniff_queue_log("1366720340|NONE|NONE|NONE|QUEUESTART|\nnot a line\nmore\n"));
    EXPECT_TRUE(sniff_queue_log(fixture("queue_log_bad_line")));  // one damaged line of four
    EXPECT_FALSE(sniff_queue_log("not a line\n1366720340|NONE|NONE|NONE|QUEUESTART|\n"));
}

TEST(LineReader, LongLinesAreSkippedAndCrlfTrimmed) {
    auto source = ByteSource::from_memory("short\r\n" + std::string(100, 'x') + "\nlast");
    LineReader lines(*source, 50);
    std::string_view line;
    ASSERT_EQ(lines.next(line), LineReader::Status::kLine);
    EXPECT_EQ(line, "short");
    EXPECT_EQ(lines.next(line), LineReader::Status::kTooLong);
    EXPECT_EQ(lines.line_number(), 2U);
    ASSERT_EQ(lines.next(line), LineReader::Status::kLine);
    EXPECT_EQ(line, "last");
    EXPECT_EQ(lines.line_byte(), 108U);
    EXPECT_EQ(lines.next(line), LineReader::Status::kEnd);
}

}  // namespace
}  // namespace whohungup::exports::asterisk
