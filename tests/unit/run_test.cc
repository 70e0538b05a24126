// SPDX-License-Identifier: MIT
#include "whohungup/run.h"

#include <gtest/gtest.h>

namespace whohungup {
namespace {

class Collect final : public Reporter, public DiagnosticSink {
public:
    void on_verdict(const Verdict& verdict) override { verdicts.push_back(verdict); }
    void on_input_end(const InputReport& report) override { inputs.push_back(report); }
    void finish(const Summary* /*summary*/) override {}
    void report(const Diagnostic& diagnostic) override { diagnostics.push_back(diagnostic); }
    std::vector<Verdict> verdicts;
    std::vector<InputReport> inputs;
    std::vector<Diagnostic> diagnostics;
};

std::string testdata(const std::string& path) {
    return std::string(WHOHUNGUP_TESTDATA) + "/" + path;
}

TEST(Run, BadInputsNeverHideGoodOnes) {
    Options options;
    options.inputs = {testdata("bad/object.json"), testdata("ccp/ice-restart.txt"), testdata("bad/not-json.txt"),
                      testdata("bad/empty.txt"), testdata("bad/missing.txt")};
    Collect collect;
    const RunStats stats = run(options, collect, collect);
    ASSERT_EQ(collect.verdicts.size(), 1U);
    EXPECT_EQ(collect.verdicts[0].ended_by, Party::kCustomer);
    EXPECT_EQ(stats.errors, 4U);
    EXPECT_EQ(collect.inputs.size(), 4U);  // the missing file never became an input
    EXPECT_EQ(exit_code_for(stats, options), 2);
    options.quiet = true;
    EXPECT_EQ(exit_code_for(stats, options), 0);
}

TEST(Run, WhoFilterAndExitCodes) {
    Options options;
    options.inputs = {testdata("ccp/sample-agent-log.txt")};
    options.who = {Party::kThirdParty};
    Collect collect;
    RunStats stats = run(options, collect, collect);
    EXPECT_TRUE(collect.verdicts.empty());
    EXPECT_EQ(exit_code_for(stats, options), 1);

    options.who = {Party::kAgent, Party::kSystem};
    Collect filtered;
    stats = run(options, filtered, filtered);
    EXPECT_EQ(filtered.verdicts.size(), 3U);  // call 3's CCP-side end with no request is unknown
    EXPECT_EQ(exit_code_for(stats, options), 0);
    ASSERT_EQ(filtered.inputs.size(), 1U);
    EXPECT_EQ(filtered.inputs[0].verdicts, 7U);  // per-input counts are before filtering
}

TEST(Run, DirectoriesAreReadRecursivelyInNameOrder) {
    Options options;
    options.inputs = {testdata("ccp/global-resiliency")};
    Collect collect;
    const RunStats stats = run(options, collect, collect);
    EXPECT_EQ(stats.errors, 0U);
    ASSERT_EQ(collect.inputs.size(), 2U);
    EXPECT_NE(collect.inputs[0].input.find("ccp-us-east-1-agent-log.txt"), std::string::npos);
    EXPECT_EQ(collect.verdicts.size(), 2U);
}

}  // namespace
}  // namespace whohungup

namespace whohungup {
namespace {

/// Records what the run tells a progress display, and in which order relative to messages.
class RecordProgress final : public ProgressListener {
public:
    void on_progress(const ProgressUpdate& update) override { updates.push_back(update); }
    void pause() override { ++pauses; }
    std::vector<ProgressUpdate> updates;
    int pauses = 0;
};

TEST(Run, TellsTheProgressListenerAfterEachInputAndPausesItForMessages) {
    for (const unsigned jobs : {1U, 2U}) {
        Options options;
        options.jobs = jobs;
        options.inputs = {testdata("ccp/ice-restart.txt"), testdata("bad/not-json.txt"),
                          testdata("ccp/sample-agent-log.txt")};
        RecordProgress progress;
        options.progress = &progress;
        Collect collect;
        run(options, collect, collect);
        // One update per group of inputs (one agent's logs are read as one group).
        ASSERT_GE(progress.updates.size(), 2U) << "jobs " << jobs;
        EXPECT_EQ(progress.updates.back().files_done, 3U);
        EXPECT_EQ(progress.updates.back().files_total, 3U);
        EXPECT_EQ(progress.updates.back().bytes_done, progress.updates.back().bytes_total);
        EXPECT_GT(progress.updates.back().bytes_total, 0U);
        for (std::size_t i = 1; i < progress.updates.size(); ++i) {
            EXPECT_LT(progress.updates[i - 1].files_done, progress.updates[i].files_done);
            EXPECT_LT(progress.updates[i - 1].bytes_done, progress.updates[i].bytes_done);
        }
        EXPECT_GE(progress.pauses, 3 + 1);  // before each input's end and the final report
    }
}

TEST(Run, QuietRunsTellNoProgress) {
    Options options;
    options.quiet = true;
    options.inputs = {testdata("ccp/ice-restart.txt")};
    RecordProgress progress;
    options.progress = &progress;
    Collect collect;
    run(options, collect, collect);
    EXPECT_TRUE(progress.updates.empty());
}

}  // namespace
}  // namespace whohungup
