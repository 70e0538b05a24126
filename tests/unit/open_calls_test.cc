// SPDX-License-Identifier: MIT
// OpenCalls: calls found by id, the oldest held one first, an arrival-ordered drain, and the
// arrival index kept in step with the calls through erases and rehashes.
#include "exports/common/open_calls.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "exports/common/seen_rows.h"

namespace whohungup::exports {
namespace {

struct TestCall {
    std::string id;
    int records = 0;
    std::uint64_t order = 0;
};

std::vector<std::string> drained(OpenCalls<TestCall>& calls) {
    std::vector<std::string> ids;
    calls.drain([&](const TestCall& call) { ids.push_back(call.id); });
    return ids;
}

TEST(OpenCalls, FindsByIdAndNumbersArrivals) {
    OpenCalls<TestCall> calls;
    EXPECT_EQ(calls.find("a"), nullptr);
    calls.add("a").id = "a";
    calls.add("b").id = "b";
    ASSERT_NE(calls.find("b"), nullptr);
    ++calls.find("b")->records;
    EXPECT_EQ(calls.find("b")->records, 1);
    EXPECT_EQ(calls.find("a")->order, 1U);
    EXPECT_EQ(calls.find("b")->order, 2U);
    EXPECT_EQ(calls.size(), 2U);
}

TEST(OpenCalls, OldestIsTheFirstArrivedStillHeld) {
    OpenCalls<TestCall> calls;
    for (const char* id : {"c", "a", "b"}) calls.add(id).id = id;
    EXPECT_EQ(calls.oldest().id, "c");
    calls.erase("c");  // decided elsewhere (a sweep): the next oldest takes its place
    EXPECT_EQ(calls.oldest().id, "a");
    calls.erase_oldest();
    EXPECT_EQ(calls.oldest().id, "b");
    EXPECT_EQ(calls.find("a"), nullptr);
    calls.erase("not held");
    EXPECT_EQ(calls.size(), 1U);
}

TEST(OpenCalls, DrainsInArrivalOrderAndForgets) {
    OpenCalls<TestCall> calls;
    for (const char* id : {"z", "y", "x", "w"}) calls.add(id).id = id;
    calls.erase("y");
    EXPECT_EQ(drained(calls), (std::vector<std::string>{"z", "x", "w"}));
    EXPECT_TRUE(calls.empty());
    EXPECT_EQ(calls.find("z"), nullptr);
    calls.add("z").id = "z";  // a call seen again after its drain is a new arrival
    EXPECT_EQ(calls.oldest().order, 5U);
}

TEST(OpenCalls, ArrivalIndexSurvivesRehashing) {
    // Many calls force the hash table to rehash several times; the index points at calls, not
    // at table slots, so every call is still found oldest first.
    OpenCalls<TestCall> calls;
    constexpr int kCalls = 5000;
    for (int i = 0; i < kCalls; ++i) calls.add(std::to_string(i)).id = std::to_string(i);
    for (int i = 0; i < kCalls; i += 2) calls.erase(std::to_string(i));  // the even ones settled
    for (int i = 1; i < kCalls; i += 2) {
        ASSERT_EQ(calls.oldest().id, std::to_string(i));
        calls.erase_oldest();
    }
    EXPECT_TRUE(calls.empty());
}

TEST(OpenCalls, SettleDecidesTheCallsThatAreOverInArrivalOrder) {
    OpenCalls<TestCall> calls;
    for (int i = 0; i < 6; ++i) calls.add(std::to_string(i)).id = std::to_string(i);
    std::vector<std::string> decided;
    calls.settle([](const TestCall& call) { return call.id != "2" && call.id != "4"; },
                 [&](const TestCall& call) { decided.push_back(call.id); });
    EXPECT_EQ(decided, (std::vector<std::string>{"0", "1", "3", "5"}));
    ASSERT_EQ(calls.size(), 2U);
    EXPECT_EQ(calls.oldest().id, "2");
    EXPECT_NE(calls.find("4"), nullptr);
    EXPECT_EQ(calls.find("3"), nullptr);
}

TEST(OpenCalls, SettleIsDueEveryFewThousandRecordsAndSoonerWhenFull) {
    OpenCalls<TestCall> calls;
    std::uint64_t since = 0;
    int due = 0;
    for (std::uint64_t i = 0; i < 3 * kSettleEveryRecords; ++i) due += calls.settle_due(since, 10000) ? 1 : 0;
    EXPECT_EQ(due, 3);
    for (int i = 0; i < 40; ++i) calls.add(std::to_string(i));
    due = 0;
    for (int i = 0; i < 100; ++i) due += calls.settle_due(since, 40) ? 1 : 0;  // full: every 10 records
    EXPECT_EQ(due, 10);
}

TEST(SeenRows, ARowReadAgainIsNotNewAndMemoryStaysBounded) {
    SeenRows seen;
    EXPECT_TRUE(seen.first_time(7));
    EXPECT_FALSE(seen.first_time(7));  // the same row from a file given twice
    for (std::uint64_t hash = 100; hash < 100 + 2 * SeenRows::kMaxKept; ++hash) {
        EXPECT_TRUE(seen.first_time(hash));
    }
    EXPECT_FALSE(seen.first_time(7));                                // still remembered
    EXPECT_FALSE(seen.first_time(102));                              // among the first few, kept inline
    EXPECT_FALSE(seen.first_time(150));                              // among those kept in the set
    EXPECT_TRUE(seen.first_time(100 + 2 * SeenRows::kMaxKept - 1));  // past the bound: not remembered
}

}  // namespace
}  // namespace whohungup::exports
