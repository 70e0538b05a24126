// SPDX-License-Identifier: MIT
// Outcome-only records: Asterisk CDRs (disposition, the userfield convention, the cdr table,
// cdr_csv's and cdr_custom's Master.csv) and Cisco UCCE Termination_Call_Detail
// (CallDisposition). Every table row is checked, and an answered call is never given a party
// the record does not name.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "exports/asterisk/cdr_decide.h"
#include "exports/asterisk/cdr_reader.h"
#include "exports/cisco/ucce_decide.h"
#include "exports/cisco/ucce_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup {
namespace {

using Collect = testing::CollectingSinks;

Collect read_with(std::unique_ptr<Reader> reader, const std::string& bytes) {
    Collect sink;
    auto source = ByteSource::from_memory(bytes);
    reader->read(*source, "in.csv", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

exports::asterisk::AsteriskCdr cdr(std::string disposition, std::string userfield = "") {
    exports::asterisk::AsteriskCdr c;
    c.uniqueid = "1795770000.1";
    c.channel = "PJSIP/trunk-00000001";
    c.dstchannel = "PJSIP/1001-00000002";
    c.disposition = std::move(disposition);
    c.userfield = std::move(userfield);
    return c;
}

TEST(AsteriskCdr, EveryDispositionIsAnOutcomeWithoutAParty) {
    const exports::AgentMatch none("");
    for (const mappings::ReasonRow& row : mappings::asterisk_cdr_disposition().rows) {
        const Verdict v = exports::asterisk::decide_cdr(cdr(std::string(row.code)), none);
        EXPECT_EQ(v.ended_by, Party::kUnknown) << row.code;
        EXPECT_EQ(v.reason, row.reason) << row.code;
        EXPECT_EQ(v.category, row.category) << row.code;
        EXPECT_EQ(v.raw_reason, row.code);
        EXPECT_NE(v.detail.find("does not tell who hung up"), std::string::npos) << row.code;
    }
}

TEST(AsteriskCdr, EachDispositionMapsToItsOutcome) {
    const exports::AgentMatch none("");
    using exports::asterisk::decide_cdr;
    EXPECT_EQ(decide_cdr(cdr("ANSWERED"), none).category, Category::kHangup);
    EXPECT_EQ(decide_cdr(cdr("ANSWERED"), none).reason, Reason::record_does_not_tell);
    EXPECT_EQ(decide_cdr(cdr("NO ANSWER"), none).reason, Reason::no_answer);
    EXPECT_EQ(decide_cdr(cdr("BUSY"), none).reason, Reason::busy);
    EXPECT_EQ(decide_cdr(cdr("FAILED"), none).category, Category::kNotConnected);  // never answered
    EXPECT_EQ(decide_cdr(cdr("CONGESTION"), none).reason, Reason::congestion);
    EXPECT_EQ(decide_cdr(cdr("no answer "), none).reason, Reason::no_answer);  // case and spaces
    const Verdict unknown = decide_cdr(cdr("ANSWERED_ELSEWHERE"), none);
    EXPECT_EQ(unknown.reason, Reason::unmapped_code);
    EXPECT_EQ(unknown.raw_reason, "ANSWERED_ELSEWHERE");
}

TEST(AsteriskCdr, AUserfieldNamingTheHangupChannelIsReadWithLowConfidence) {
    const exports::AgentMatch none("");
    using exports::asterisk::decide_cdr;
    Verdict v = decide_cdr(cdr("ANSWERED", "PJSIP/1001-00000002"), none);
    EXPECT_EQ(v.ended_by, Party::kAgent);
    EXPECT_EQ(v.ended_by_side, Side::kCallee);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    EXPECT_NE(v.detail.find("convention"), std::string::npos);
    v = decide_cdr(cdr("ANSWERED", "PJSIP/trunk-00000001"), none);
    EXPECT_EQ(v.ended_by, Party::kCustomer);
    EXPECT_EQ(v.ended_by_side, Side::kCaller);
    v = decide_cdr(cdr("ANSWERED", "dialplan/builtin"), none);
    EXPECT_EQ(v.ended_by, Party::kSystem);
    EXPECT_EQ(v.confidence, Confidence::kLow);
    // --agent-match decides the channel's role.
    const exports::AgentMatch trunk_agents("trunk");
    EXPECT_EQ(decide_cdr(cdr("ANSWERED", "PJSIP/trunk-00000001"), trunk_agents).ended_by, Party::kAgent);
    // A userfield that is no channel, or a call not answered, says nothing.
    EXPECT_EQ(decide_cdr(cdr("ANSWERED", "vip customer"), none).ended_by, Party::kUnknown);
    EXPECT_EQ(decide_cdr(cdr("ANSWERED", "billing-code-7"), none).ended_by, Party::kUnknown);
    EXPECT_EQ(decide_cdr(cdr("BUSY", "PJSIP/1001-00000002"), none).ended_by, Party::kUnknown);
    EXPECT_FALSE(exports::asterisk::userfield_names_channel("a/b"));
    EXPECT_TRUE(exports::asterisk::userfield_names_channel("SIP/1001-0000000a"));
}

TEST(AsteriskCdr, SniffsTheTableAndBothMasterCsvTemplates) {
    using exports::asterisk::sniff_cdr;
    EXPECT_TRUE(sniff_cdr("calldate,clid,src,dst,dcontext,channel,dstchannel,duration,billsec,disposition\n"));
    EXPECT_TRUE(sniff_cdr(R"("","1","2","c","clid","PJSIP/a-1","PJSIP/b-2","Dial","x","2026-11-27 09:00:00",)"
                          R"("2026-11-27 09:00:07","2026-11-27 09:01:35",95,88,"ANSWERED","DOCUMENTATION","u","")"
                          "\n"));
    EXPECT_TRUE(sniff_cdr(R"("clid","1","2","c","PJSIP/a-1","PJSIP/b-2","Dial","x","2026-11-27 09:00:00","",)"
                          R"("2026-11-27 09:01:35","95","0","NO ANSWER","DOCUMENTATION","","u","",0)"
                          "\n"));
    EXPECT_FALSE(sniff_cdr("\"HANGUP\",\"2026-11-27 09:00:00\",\"a\",\"b\"\n"));
    EXPECT_FALSE(sniff_cdr("time,callid,queuename,agent,event,data\n"));
}

TEST(AsteriskCdr, ReadsTheTableWithCalldateAndDuration) {
    const Collect sink = read_with(exports::asterisk::make_cdr_reader({}),
                                   "calldate,src,dst,dcontext,duration,billsec,disposition,uniqueid,linkedid\n"
                                   "2026-11-27 09:00:00,1,2,c,95,88,ANSWERED,1795770000.2,1795770000.1\n");
    ASSERT_EQ(sink.verdicts.size(), 1U);
    const Verdict& v = sink.verdicts.front();
    EXPECT_EQ(v.contact_id, "1795770000.1");  // the linkedid joins a call's CDRs
    ASSERT_TRUE(v.duration_s().has_value());
    EXPECT_DOUBLE_EQ(*v.duration_s(), 95.0);
    EXPECT_EQ(v.evidence.front().line, 2U);
}

std::string fixture(const std::string& path) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/" + path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TEST(AsteriskCdr, ReadsBothHeaderlessMasterCsvTemplatesFromTheirFirstRow) {
    for (const char* path : {"asterisk/cdr-csv/Master.csv", "asterisk/cdr-custom/Master.csv"}) {
        const std::string bytes = fixture(path);
        ASSERT_TRUE(exports::asterisk::sniff_cdr(bytes)) << path;
        const Collect sink = read_with(exports::asterisk::make_cdr_reader({}), bytes);
        EXPECT_TRUE(sink.diagnostics.empty()) << path;
        ASSERT_GE(sink.verdicts.size(), 4U) << path;
        const Verdict& first = sink.verdicts.front();  // line 1 is a record, not a header
        EXPECT_EQ(first.evidence.front().line, 1U) << path;
        EXPECT_EQ(first.contact_id, "1795770000.1") << path;
        EXPECT_EQ(first.raw_reason, "ANSWERED") << path;
        ASSERT_TRUE(first.duration_s().has_value()) << path;
        EXPECT_DOUBLE_EQ(*first.duration_s(), 95.0) << path;
        EXPECT_EQ(sink.verdicts[1].reason, Reason::no_answer) << path;
    }
}

TEST(AsteriskCdr, ABadRowIsCountedAndAFileMostlyNotCdrsIsAnError) {
    const std::string header = "calldate,src,dst,dcontext,duration,billsec,disposition,uniqueid\n";
    Collect sink = read_with(exports::asterisk::make_cdr_reader({}),
                             header + "2026-11-27 09:00:00,1,2,c,9,0,BUSY,u1\n2026-11-27 09:00:00,1,2,c,9,0,,u2\n");
    ASSERT_EQ(sink.verdicts.size(), 1U);
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_EQ(sink.diagnostics.front().line, 3U);
    EXPECT_NE(sink.diagnostics.front().message.find("no disposition"), std::string::npos);
    sink =
        read_with(exports::asterisk::make_cdr_reader({}), header + "2026-11-27 09:00:00,1,2,c,9,0,BUSY,u1\nx,y\nz,w\n");
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_EQ(sink.diagnostics.back().severity, Severity::kError);
    EXPECT_NE(sink.diagnostics.back().message.find("not an Asterisk CDR file"), std::string::npos);
}

exports::cisco::TcdRecord tcd(std::string disposition) {
    exports::cisco::TcdRecord r;
    r.call_key = "152000.41001";
    r.disposition = std::move(disposition);
    return r;
}

TEST(UcceTcd, EveryCallDispositionRowGivesItsVerdict) {
    for (const mappings::ReasonRow& row : mappings::ucce_call_disposition().rows) {
        const Verdict v = exports::cisco::decide_tcd(tcd(std::string(row.code)));
        EXPECT_EQ(v.ended_by, row.party) << row.code;
        EXPECT_EQ(v.category, row.category) << row.code;
        EXPECT_EQ(v.reason, row.reason) << row.code;
        EXPECT_EQ(v.confidence, row.confidence) << row.code;
        EXPECT_FALSE(v.detail.empty()) << row.code;
        EXPECT_FALSE(row.note.empty()) << row.code;  // each row says what the handbook's words leave open
    }
}

TEST(UcceTcd, OnlyTheAbandonStagesNameTheCaller) {
    using exports::cisco::decide_tcd;
    EXPECT_EQ(decide_tcd(tcd("3")).ended_by, Party::kCustomer);  // Abandoned Ring: the caller hung up
    EXPECT_EQ(decide_tcd(tcd("3")).confidence, Confidence::kHigh);
    EXPECT_EQ(decide_tcd(tcd("2")).confidence, Confidence::kMedium);  // queue: caller or dialer
    EXPECT_EQ(decide_tcd(tcd("4")).confidence, Confidence::kLow);     // ICM and UCCE words differ
    EXPECT_EQ(decide_tcd(tcd("1")).ended_by, Party::kUnknown);        // never arrived at the agent
    for (const char* handled : {"13", "14"}) {
        const Verdict v = decide_tcd(tcd(handled));
        EXPECT_EQ(v.ended_by, Party::kUnknown) << handled;
        EXPECT_EQ(v.reason, Reason::record_does_not_tell) << handled;
        EXPECT_NE(v.detail.find("does not say who hung up"), std::string::npos) << handled;
    }
    EXPECT_EQ(decide_tcd(tcd("28")).category, Category::kTransfer);
    const Verdict unknown = decide_tcd(tcd("52"));
    EXPECT_EQ(unknown.reason, Reason::unmapped_code);
    EXPECT_EQ(unknown.raw_reason, "52");
}

TEST(UcceTcd, ReadsRowsKeyedByTheRouterCallKey) {
    const Collect sink =
        read_with(exports::cisco::make_ucce_tcd_reader({}),
                  "RecoveryKey,DateTime,PeripheralCallKey,RouterCallKeyDay,RouterCallKey,CallDisposition,Duration\n"
                  "1001.0,2026-11-27 10:00:10.000,70001,152000,41001,3,10\n"
                  "1002.0,2026-11-27 10:01:10.000,70002,152000,0,13,70\n"
                  "1003.0,2026-11-27 10:01:10.000,70003,152000,41003,,70\n");
    ASSERT_EQ(sink.verdicts.size(), 2U);
    EXPECT_EQ(sink.verdicts[0].contact_id, "152000.41001");
    ASSERT_TRUE(sink.verdicts[0].duration_s().has_value());
    EXPECT_DOUBLE_EQ(*sink.verdicts[0].duration_s(), 10.0);
    EXPECT_EQ(sink.verdicts[1].contact_id, "70002");  // no router key: the peripheral's
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics.front().line, 4U);
    EXPECT_TRUE(exports::cisco::sniff_ucce_tcd("RecoveryKey,DateTime,CallDisposition\n"));
    EXPECT_FALSE(exports::cisco::sniff_ucce_tcd("call_id,disposition\n"));
}

}  // namespace
}  // namespace whohungup
