// SPDX-License-Identifier: MIT
// -j: groups read on workers come back in input order, memory stays bounded by the read-ahead
// window, and a stop raised while replaying ends the run without reading the rest.
#include "core/ordered_replay.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace whohungup::detail {
namespace {

std::unique_ptr<RecordedGroup> group_named(std::size_t index) {
    auto group = std::make_unique<RecordedGroup>();
    Verdict verdict;
    verdict.contact_id = std::to_string(index);
    group->on_verdict(std::move(verdict));
    InputReport report;
    report.input = "input-" + std::to_string(index);
    group->reports.push_back(report);
    return group;
}

struct CollectIds final : VerdictSink, DiagnosticSink {
    void on_verdict(Verdict&& verdict) override { ids.push_back(verdict.contact_id); }
    void report(const Diagnostic& /*diagnostic*/) override {}
    std::vector<std::string> ids;
};

TEST(OrderedReplay, HandsGroupsOnInInputOrderWhateverOrderTheyFinishIn) {
    std::atomic<bool> stop{false};
    CollectIds out;
    std::vector<std::size_t> replayed;
    OrderedReplay plan;
    plan.groups = 40;
    plan.jobs = 4;
    plan.read = [](std::size_t index) {
        // Early groups take longest, so later ones finish first.
        std::this_thread::sleep_for(std::chrono::microseconds(index % 5 == 0 ? 2000 : 10));
        return group_named(index);
    };
    plan.replay = [&](std::size_t index, RecordedGroup& group) {
        replayed.push_back(index);
        ASSERT_EQ(group.reports.at(0).input, "input-" + std::to_string(index));
        group.replay(out, out);
    };
    run_ordered(plan, stop);
    ASSERT_EQ(replayed.size(), 40U);
    for (std::size_t i = 0; i < replayed.size(); ++i) {
        EXPECT_EQ(replayed[i], i);
        EXPECT_EQ(out.ids[i], std::to_string(i));
    }
}

TEST(OrderedReplay, ReadsAtMostTwoGroupsPerWorkerAheadOfTheReplay) {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> read{0};
    std::size_t most_ahead = 0;
    OrderedReplay plan;
    plan.groups = 30;
    plan.jobs = 2;
    plan.read = [&](std::size_t index) {
        ++read;
        return group_named(index);
    };
    plan.replay = [&](std::size_t index, RecordedGroup& /*group*/) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));  // a slow reporter
        most_ahead = std::max(most_ahead, read.load() - (index + 1));
    };
    run_ordered(plan, stop);
    EXPECT_EQ(read.load(), 30U);
    EXPECT_LE(most_ahead, 2U * plan.jobs);
}

TEST(OrderedReplay, AStopRaisedWhileReplayingEndsTheRun) {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> read{0};
    std::size_t replayed = 0;
    OrderedReplay plan;
    plan.groups = 1000;
    plan.jobs = 2;
    plan.read = [&](std::size_t index) {
        ++read;
        return group_named(index);
    };
    plan.replay = [&](std::size_t /*index*/, RecordedGroup& /*group*/) {
        ++replayed;
        stop = true;  // -q: the first reported call is the answer
    };
    run_ordered(plan, stop);
    EXPECT_EQ(replayed, 1U);
    EXPECT_LE(read.load(), 1U + 2U * plan.jobs);
}

}  // namespace
}  // namespace whohungup::detail
