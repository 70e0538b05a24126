// SPDX-License-Identifier: MIT
// Asterisk 12+ CDRs: the rows of one linkedid are one call (one verdict, its answered row decides,
// every row's evidence), a row without a linkedid stands alone, a row read again adds nothing,
// and the calls held are bounded by --max-open-calls.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/time_format.h"
#include "exports/asterisk/cdr_decide.h"
#include "exports/asterisk/cdr_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports::asterisk {
namespace {

using Collect = testing::CollectingSinks;

constexpr std::string_view kHeader =
    "calldate,src,dst,dcontext,channel,dstchannel,duration,billsec,disposition,uniqueid,userfield,linkedid\n";

Collect read_cdr(const std::string& rows, std::size_t max_open = 10000) {
    Limits limits;
    limits.max_open_calls = max_open;
    Collect sink;
    auto reader = make_cdr_reader(limits);
    auto source = ByteSource::from_memory(std::string(kHeader) + rows);
    reader->read(*source, "cdr.csv", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

AsteriskCdr cdr(std::string disposition, std::int64_t ended_ms, std::string userfield = "") {
    AsteriskCdr c;
    c.disposition = std::move(disposition);
    c.ended_at_ms = ended_ms;
    c.userfield = std::move(userfield);
    c.linkedid = "L1";
    return c;
}

TEST(AsteriskCdrLinkedid, TheAnsweredRowDescribesTheCall) {
    EXPECT_TRUE(cdr_describes_call_better(cdr("ANSWERED", 1000), cdr("NO ANSWER", 5000)));
    EXPECT_FALSE(cdr_describes_call_better(cdr("BUSY", 9000), cdr("ANSWERED", 1000)));
    EXPECT_TRUE(cdr_describes_call_better(cdr("ANSWERED", 1000, "PJSIP/1002-00000023"), cdr("ANSWERED", 9000)));
    EXPECT_TRUE(cdr_describes_call_better(cdr("ANSWERED", 9000), cdr("ANSWERED", 1000)));
    EXPECT_FALSE(cdr_describes_call_better(cdr("ANSWERED", 1000), cdr("ANSWERED", 1000)));  // a tie keeps the first
    EXPECT_TRUE(cdr_describes_call_better(cdr("BUSY", 9000), cdr("NO ANSWER", 1000)));
}

TEST(AsteriskCdrLinkedid, TheRowsOfOneLinkedidAreOneVerdict) {
    const Collect sink = read_cdr(
        "2026-11-27 10:00:00,555,600,q,PJSIP/trunk-1,PJSIP/1001-1,12,0,NO ANSWER,L1.1,,L1\n"
        "2026-11-27 10:00:00,555,600,q,PJSIP/trunk-1,PJSIP/1002-2,130,118,ANSWERED,L1.1,,L1\n"
        "2026-11-27 10:05:00,556,601,q,PJSIP/trunk-3,PJSIP/1003-3,20,0,NO ANSWER,L2.1,,L2\n"
        "2026-11-27 10:00:00,555,600,q,PJSIP/trunk-1,PJSIP/1003-4,12,0,NO ANSWER,L1.1,,L1\n"
        "2026-11-27 10:06:00,557,602,q,PJSIP/trunk-5,PJSIP/1004-5,30,25,ANSWERED,U3,,\n");
    ASSERT_EQ(sink.verdicts.size(), 3U);
    const Verdict& alone = sink.verdicts[0];  // no linkedid: decided as it is read
    EXPECT_EQ(alone.contact_id, "U3");
    const Verdict& call = sink.verdicts[1];
    EXPECT_EQ(call.contact_id, "L1");
    EXPECT_EQ(call.raw_reason, "ANSWERED");
    EXPECT_EQ(call.reason, Reason::record_does_not_tell);
    EXPECT_EQ(call.ended_by, Party::kUnknown);
    EXPECT_EQ(call.duration_ms(), 130000);
    ASSERT_EQ(call.evidence.size(), 3U);
    EXPECT_EQ(call.evidence[0].line, 2U);
    EXPECT_EQ(call.evidence[2].line, 5U);
    EXPECT_NE(call.detail.find("3 CDRs under linkedid L1"), std::string::npos);
    EXPECT_EQ(sink.verdicts[2].contact_id, "L2");
    EXPECT_EQ(sink.verdicts[2].reason, Reason::no_answer);
}

TEST(AsteriskCdrLinkedid, AUserfieldOnTheFinalLegDecidesAtLowConfidence) {
    const Collect sink = read_cdr(
        "2026-11-27 10:10:00,555,1001,t,PJSIP/trunk-20,PJSIP/1001-21,60,55,ANSWERED,L1,,L1\n"
        "2026-11-27 10:11:00,555,1002,t,PJSIP/trunk-20,PJSIP/1002-23,200,200,ANSWERED,L1,PJSIP/1002-23,L1\n");
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].ended_by, Party::kAgent);
    EXPECT_EQ(sink.verdicts[0].ended_by_side, Side::kCallee);
    EXPECT_EQ(sink.verdicts[0].confidence, Confidence::kLow);
}

TEST(AsteriskCdrLinkedid, ARowReadAgainAddsNothingAndOpenCallsAreBounded) {
    const std::string row = "2026-11-27 10:00:00,555,600,q,PJSIP/trunk-1,PJSIP/1002-2,130,118,ANSWERED,L1.1,,L1\n";
    Collect sink = read_cdr(row + row);
    ASSERT_EQ(sink.verdicts.size(), 1U);
    EXPECT_EQ(sink.verdicts[0].evidence.size(), 1U);
    std::string many;
    for (int i = 0; i < 20; ++i) {
        many += fmt::format("2026-11-27 10:00:00,555,600,q,PJSIP/trunk-1,PJSIP/1002-2,30,20,ANSWERED,C{0},,C{0}\n", i);
    }
    sink = read_cdr(many, 4);
    EXPECT_EQ(sink.verdicts.size(), 20U);
    ASSERT_FALSE(sink.diagnostics.empty());
    EXPECT_NE(sink.diagnostics[0].message.find("--max-open-calls"), std::string::npos);
}

TEST(AsteriskCdrLinkedid, CallsAnHourOverAreDecidedAsReadingGoesOn) {
    // 10,000 one-leg calls, one every 10 s (28 hours), with room for 3,000 at once: no call is
    // decided early for want of room, and the verdicts keep the order of the rows.
    std::string rows;
    for (int i = 0; i < 10000; ++i) {
        const std::int64_t start = 1795960800 + std::int64_t{i} * 10;
        rows += fmt::format("{},555,600,q,PJSIP/trunk-1,PJSIP/1002-2,5,4,ANSWERED,C{},,C{}\n",
                            detail::format_iso8601_ms(start * 1000).substr(0, 19), i, i);
    }
    const Collect sink = read_cdr(rows, 3000);
    ASSERT_EQ(sink.verdicts.size(), 10000U);
    EXPECT_TRUE(sink.diagnostics.empty());  // no "more than 3000 calls open at once"
    EXPECT_EQ(sink.verdicts.front().contact_id, "C0");
    EXPECT_EQ(sink.verdicts.back().contact_id, "C9999");
}

}  // namespace
}  // namespace whohungup::exports::asterisk
