// SPDX-License-Identifier: MIT
// Parses a CCP log's entries on helper threads while the caller scans the entries after them and
// tracks the ones before, so that one large log can use the -j workers no other input needs.
//
// Entries are handed back on the caller's thread in input order, each with what EntryParser made
// of it, so the tracker sees exactly the events (and the reader says exactly the messages) of a
// read on one thread: the output of a split read is byte-identical to an unsplit one.
// The scan stays on the caller's thread because element boundaries depend on every byte before
// them (a bracket inside a string is not one); entries are copied into batches of about 1 MiB,
// and at most a few batches are in flight, so memory stays flat whatever the log's size: a batch
// counts its entries' bookkeeping with their bytes, its parsed events are capped (the caller parses
// the rest of a batch whose snapshots fan out), and an entry larger than a batch is parsed by the
// caller in place once everything before it is handed back.
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
    std::span<CcpEvent> events;               ///< empty when skipped; the reader may move from them
    EntryLevel level = EntryLevel::kUnknown;  ///< EntryParser::last_level() of the entry
};

/// Receives the entries in input order, on the thread that pushes them.
class EntryConsumer {
public:
    virtual ~EntryConsumer() = default;
    virtual void take(ParsedEntry& entry) = 0;
};

/// How large an EntryPipeline lets a batch grow (a parameter for its tests).
struct EntryPipelineSizes {
    /// What a batch gathers (entries' bytes and bookkeeping) before it goes to a helper; an
    /// entry this large is parsed by the caller in place.
    std::size_t batch_bytes = std::size_t{1} << 20;
    /// Parsed events one batch may hold (held_bytes) before the caller parses the rest of it.
    std::size_t batch_event_bytes = std::size_t{16} << 20;
};

class EntryPipeline {
public:
    using Sizes = EntryPipelineSizes;
    /// The most helpers one log uses: past it the caller's scan and tracking are the bottleneck.
    static constexpr unsigned kMaxHelpers = 3;

    /// `helpers` threads may be started (0: every entry is parsed by the caller).
    EntryPipeline(unsigned helpers, EntryConsumer& consumer, Sizes sizes = {});
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

    /// Parses one entry on the caller's thread and hands it to the consumer at once.
    void parse_here(const detail::ArrayElement& element);
    /// Starts the helpers if they are due; false when none could start (the caller parses).
    bool ensure_helpers();
    void submit(std::unique_ptr<Batch> batch);
    /// Parses `batch` on the caller's thread, in flight_ like a submitted one (when no helper runs).
    void parse_on_caller(std::unique_ptr<Batch> batch);
    /// Waits for the oldest batch in flight and hands its entries to the consumer.
    void hand_back_oldest();
    /// Parses every entry of `batch` with `parser` (on whichever thread calls it).
    void parse_batch(Batch& batch, EntryParser& parser) const;
    void helper_loop();
    std::unique_ptr<Batch> fresh_batch();

    unsigned helpers_wanted_;
    Sizes sizes_;
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
