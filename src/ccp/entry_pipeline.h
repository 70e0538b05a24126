// SPDX-License-Identifier: MIT
// Parses a CCP log's entries on helper threads while the caller scans the entries after them and
// tracks the ones before, so that one large log can use the -j workers no other input needs.
//
// Entries are handed back on the caller's thread in input order, each with what EntryParser made
// of it, so the tracker sees exactly the events (and the reader says exactly the messages) of a
// read on one thread: the output of a split read is byte-identical to an unsplit one.
// The scan stays on the caller's thread because element boundaries depend on every byte before
// them (a bracket inside a string is not one); entries are copied into batches of about 1 MiB,
// and at most a few batches are in flight, so memory stays flat whatever the log's size.
// Without helpers, or for a log smaller than one batch, entries are parsed on the caller's thread
// as they come, with no copy and no thread started.
// Tested by tests/unit/entry_pipeline_test.cc and the split-file check of tests/e2e/differential.sh.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "ccp/ccp_event.h"
#include "ccp/entry_parser.h"
#include "json/array_splitter.h"

namespace whohungup::ccp {

/// One entry as the reader uses it: where it was and what parsing it gave.
struct ParsedEntry {
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
    EntrySkip skip = EntrySkip::kNone;
    std::span<CcpEvent> events;  ///< empty when skipped; the reader may move from them
};

/// Receives the entries in input order, on the thread that pushes them.
class EntryConsumer {
public:
    virtual ~EntryConsumer() = default;
    virtual void take(ParsedEntry& entry) = 0;
};

class EntryPipeline {
public:
    /// Bytes of entries gathered before a batch is handed to a helper.
    static constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
    /// The most helpers one log uses: past it the caller's scan and tracking are the bottleneck.
    static constexpr unsigned kMaxHelpers = 3;

    /// `helpers` threads may be started (0: every entry is parsed by the caller).
    EntryPipeline(unsigned helpers, EntryConsumer& consumer);
    ~EntryPipeline();  ///< stops and joins the helpers; entries not yet handed back are dropped
    EntryPipeline(const EntryPipeline&) = delete;
    EntryPipeline& operator=(const EntryPipeline&) = delete;

    /// Parses the element (now or later) and hands it to the consumer (now or later). The
    /// element's bytes need only live until push returns. Rethrows what a helper threw while
    /// parsing an earlier entry (std::bad_alloc), after every entry before that one was handed.
    void push(const detail::ArrayElement& element);
    /// Hands back every entry pushed; rethrows as push does.
    void drain();

    /// Helper threads that were started (0 until the first full batch).
    [[nodiscard]] std::size_t helpers_started() const { return helpers_.size(); }

private:
    struct Batch;

    /// Starts the helpers if they are due; false when none could start (the caller parses).
    bool ensure_helpers();
    void submit(std::unique_ptr<Batch> batch);
    /// Waits for the oldest batch in flight and hands its entries to the consumer.
    void hand_back_oldest();
    /// Parses every entry of `batch` with `parser` (on whichever thread calls it).
    static void parse_batch(Batch& batch, EntryParser& parser);
    void helper_loop();
    std::unique_ptr<Batch> fresh_batch();

    unsigned helpers_wanted_;
    EntryConsumer& consumer_;
    EntryParser caller_parser_;
    std::vector<CcpEvent> inline_events_;
    bool helpers_tried_ = false;

    std::unique_ptr<Batch> filling_;             ///< gathered on the caller's thread
    std::deque<std::unique_ptr<Batch>> flight_;  ///< submitted, oldest first (caller's thread only)
    std::vector<std::unique_ptr<Batch>> spare_;  ///< handed back, kept for their buffers

    std::mutex mutex_;
    std::condition_variable work_ready_;  ///< a batch waits for a helper, or stopping
    std::condition_variable work_done_;   ///< a helper finished a batch
    std::deque<Batch*> queue_;            ///< submitted, not yet taken by a helper (under mutex_)
    bool stopping_ = false;               ///< under mutex_
    std::vector<std::thread> helpers_;
};

}  // namespace whohungup::ccp
