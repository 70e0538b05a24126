// SPDX-License-Identifier: MIT
#include "ccp/entry_pipeline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace whohungup::ccp {
namespace {

/// What the consumer saw of one entry, in the order it saw them.
struct Seen {
    std::uint64_t line;
    std::uint64_t byte;
    EntrySkip skip;
    std::vector<std::string> texts;
    bool operator==(const Seen&) const = default;
};

class Recorder final : public EntryConsumer {
public:
    void take(ParsedEntry& entry) override {
        Seen seen{entry.line, entry.byte, entry.skip, {}};
        for (CcpEvent& event : entry.events) {
            seen.texts.push_back(std::move(event.text));
        }
        entries.push_back(std::move(seen));
    }
    std::vector<Seen> entries;
};

/// A log of `count` entries of every kind the parser meets: softphone transitions, lines it
/// keeps no event for, entries it skips (no text, bad time, not an object, not JSON).
std::string mixed_log(int count) {
    std::string log = "[\n";
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            log += ",\n";
        }
        switch (i % 7) {
            case 0:
                log += fmt::format(
                    R"({{"component":"softphone","level":"INFO","text":"c{} SIGNALING TalkingState => PendingLocalHangupState","time":"2025-01-02T03:04:05.678Z","agentResourceId":"ag-1"}})",
                    i);
                break;
            case 1:
                log +=
                    R"({"component":"ccp","level":"INFO","text":"nothing to see","time":"2025-01-02T03:04:05.678Z"})";
                break;
            case 2: log += R"({"component":"ccp","level":"INFO","time":"2025-01-02T03:04:05.678Z"})"; break;
            case 3:
                log += R"({"component":"ccp","level":"INFO","text":"Agent disconnected successfully.","time":"soon"})";
                break;
            case 4: log += "42"; break;
            case 5: log += R"({"text":"bad \u00zz escape","time":"2025-01-02T03:04:05.678Z"})"; break;
            default:
                log += fmt::format(
                    R"({{"component":"softphone","level":"INFO","text":"c{} SESSION ConnectedState => DisconnectedState","time":1735787045678}})",
                    i);
                break;
        }
    }
    return log + "\n]\n";
}

std::vector<Seen> read_with(const std::string& log,
                            unsigned helpers,
                            std::size_t* started = nullptr,
                            EntryPipeline::Sizes sizes = {}) {
    std::unique_ptr<ByteSource> source = ByteSource::from_memory(log);
    const Limits limits;
    detail::JsonArraySplitter splitter(*source, limits);
    detail::ArrayElement element;
    Recorder recorder;
    {
        EntryPipeline pipeline(helpers, recorder, sizes);
        while (splitter.next(element) == detail::JsonArraySplitter::Status::kElement) {
            pipeline.push(element);
        }
        pipeline.drain();
        if (started != nullptr) {
            *started = pipeline.helpers_started();
        }
    }
    return recorder.entries;
}

TEST(EntryPipeline, HelpersHandBackWhatTheCallerWouldParseInTheSameOrder) {
    const std::string log = mixed_log(60000);  // about 6 MiB: several batches
    ASSERT_GT(log.size(), 4 * EntryPipeline::Sizes{}.batch_bytes);
    const std::vector<Seen> alone = read_with(log, 0);
    ASSERT_EQ(alone.size(), 60000U);
    std::size_t skipped = 0;
    std::size_t with_events = 0;
    for (const Seen& seen : alone) {
        skipped += seen.skip != EntrySkip::kNone ? 1U : 0U;
        with_events += seen.texts.empty() ? 0U : 1U;
    }
    EXPECT_GT(skipped, 30000U);  // four kinds of skip out of every seven entries
    EXPECT_GT(with_events, 15000U);
    for (const unsigned helpers : {1U, 2U, 3U, 50U}) {
        std::size_t started = 0;
        EXPECT_EQ(read_with(log, helpers, &started), alone) << helpers << " helpers";
        EXPECT_EQ(started, std::min(helpers, EntryPipeline::kMaxHelpers));
    }
}

TEST(EntryPipeline, EveryLimitOfABatchKeepsTheOrder) {
    // Small batches make every path run often: batches closed by their bytes, by their entries'
    // bookkeeping and by the cap on parsed events (the caller then parses the rest), and entries
    // larger than a batch, parsed by the caller in place.
    std::string log = mixed_log(3000);
    log.insert(log.find(",\n{", log.size() / 2),
               ",\n{\"component\":\"softphone\",\"level\":\"INFO\",\"text\":\"c9 SIGNALING TalkingState => "
               "PendingRemoteHangupState\",\"objects\":[\"" +
                   std::string(20000, 'x') + "\"],\"time\":\"2025-01-02T03:04:05.678Z\"}");
    const std::vector<Seen> alone = read_with(log, 0);
    const EntryPipeline::Sizes small{4096, 1024};
    for (const unsigned helpers : {1U, 3U}) {
        std::size_t started = 0;
        EXPECT_EQ(read_with(log, helpers, &started, small), alone) << helpers << " helpers";
        EXPECT_EQ(started, helpers);
    }
    const auto big = std::find_if(alone.begin(), alone.end(), [](const Seen& seen) {
        return !seen.texts.empty() && seen.texts.front().starts_with("c9 SIGNALING");
    });
    EXPECT_NE(big, alone.end());
}

TEST(EntryPipeline, ALogOfTinyElementsIsBatchedByWhatItsEntriesCost) {
    // 200,000 elements `1` are 400 KB of bytes but about 11 MB of bookkeeping: they are batched
    // (and skipped as not objects, in order) rather than gathered into one batch.
    std::string log = "[1";
    for (int i = 1; i < 200000; ++i) {
        log += ",1";
    }
    log += "]";
    std::size_t started = 0;
    const std::vector<Seen> split = read_with(log, 1, &started);
    EXPECT_EQ(started, 1U);
    ASSERT_EQ(split.size(), 200000U);
    EXPECT_EQ(split, read_with(log, 0));
    EXPECT_EQ(split.back().skip, EntrySkip::kNotObject);
}

TEST(EntryPipeline, ALogSmallerThanABatchStartsNoThread) {
    const std::string log = mixed_log(200);
    std::size_t started = 1;
    EXPECT_EQ(read_with(log, 2, &started), read_with(log, 0));
    EXPECT_EQ(started, 0U);
}

TEST(EntryPipeline, EntriesAreHandedBackAsTheyAreDoneNotAllAtTheEnd) {
    // Memory stays flat: with one helper, the consumer has seen most of a large log before
    // the last entry is pushed.
    const std::string log = mixed_log(100000);
    std::unique_ptr<ByteSource> source = ByteSource::from_memory(log);
    const Limits limits;
    detail::JsonArraySplitter splitter(*source, limits);
    detail::ArrayElement element;
    Recorder recorder;
    EntryPipeline pipeline(1, recorder);
    while (splitter.next(element) == detail::JsonArraySplitter::Status::kElement) {
        pipeline.push(element);
    }
    const std::size_t before_drain = recorder.entries.size();
    pipeline.drain();
    EXPECT_EQ(recorder.entries.size(), 100000U);
    EXPECT_GT(before_drain, 100000U / 2);
}

}  // namespace
}  // namespace whohungup::ccp
