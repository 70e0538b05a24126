// SPDX-License-Identifier: MIT
#include "ccp/entry_pipeline.h"

#include <algorithm>
#include <string_view>

#include "core/start_workers.h"

namespace whohungup::ccp {

/// Entries gathered on the caller's thread, parsed on a helper's, handed back on the caller's.
struct EntryPipeline::Batch {
    struct Item {
        std::size_t offset = 0;  ///< of the entry's bytes in `bytes`
        std::size_t size = 0;
        std::uint64_t line = 0;
        std::uint64_t byte = 0;
        bool is_object = false;
        bool over_size = false;
        bool over_depth = false;
        bool cut = false;
    };
    struct Outcome {
        EntrySkip skip = EntrySkip::kNone;
        std::size_t events_end = 0;  ///< the entry's events end here in `events`
        EntryLevel level = EntryLevel::kUnknown;
    };

    std::string bytes;  ///< the entries back to back, then kParsePadding bytes for the parser
    std::vector<Item> items;
    std::vector<CcpEvent> events;
    std::vector<Outcome> outcomes;  ///< one per item parsed so far (the caller parses the rest)
    std::size_t events_cost = 0;    ///< held_bytes of `events`
    bool padded = false;
    bool done = false;  ///< under mutex_ while in flight
    std::exception_ptr failure;

    /// What the batch holds before parsing: its bytes and the bookkeeping of each entry (a log
    /// of tiny elements, `[1,1,1,...]`, costs more in items than in bytes).
    [[nodiscard]] std::size_t cost() const { return bytes.size() + items.size() * (sizeof(Item) + sizeof(Outcome)); }
    void add(const detail::ArrayElement& element) {
        items.push_back(Item{bytes.size(), element.bytes.size(), element.line, element.byte, element.is_object,
                             element.over_size, element.over_depth, element.cut});
        bytes.append(element.bytes);
    }
    /// Item `i` as the splitter gave it (the envelope fields do not occur in a CCP log).
    [[nodiscard]] detail::ArrayElement element(std::size_t i) const {
        const Item& item = items[i];
        detail::ArrayElement element;
        element.bytes = std::string_view(bytes).substr(item.offset, item.size);
        element.line = item.line;
        element.byte = item.byte;
        element.is_object = item.is_object;
        element.over_size = item.over_size;
        element.over_depth = item.over_depth;
        element.cut = item.cut;
        return element;
    }
    void pad() {
        if (!padded) {
            bytes.append(detail::kParsePadding, ' ');
            padded = true;
        }
    }
    void clear(const Sizes& sizes) {  // keeps the buffers' capacity, unless an odd batch grew them
        bytes.clear();
        items.clear();
        events.clear();
        outcomes.clear();
        if (bytes.capacity() > 2 * sizes.batch_bytes) {
            std::string().swap(bytes);
        }
        if (events.capacity() * sizeof(CcpEvent) > sizes.batch_event_bytes) {
            std::vector<CcpEvent>().swap(events);
        }
        events_cost = 0;
        padded = false;
        done = false;
        failure = nullptr;
    }
};

EntryPipeline::EntryPipeline(unsigned helpers, EntryConsumer& consumer, Sizes sizes)
    : helpers_wanted_(std::min(helpers, kMaxHelpers)), sizes_(sizes), consumer_(consumer) {}

EntryPipeline::~EntryPipeline() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& helper : helpers_) {
        helper.join();
    }
}

void EntryPipeline::parse_here(const detail::ArrayElement& element) {
    inline_events_.clear();
    ParsedEntry entry{
        element.line, element.byte, caller_parser_.parse(element, inline_events_), {}, caller_parser_.last_level()};
    if (entry.skip == EntrySkip::kNone) {
        entry.events = inline_events_;
    }
    consumer_.take(entry);
}

void EntryPipeline::push(const detail::ArrayElement& element) {
    if (helpers_wanted_ == 0 || (helpers_tried_ && helpers_.empty())) {
        parse_here(element);
        return;
    }
    if (element.bytes.size() >= sizes_.batch_bytes) {
        // A large entry is not copied (nor kept in a batch's capacity, nor in a helper parser's
        // buffers): once everything before it is handed back, the caller parses it in place.
        drain();
        parse_here(element);
        return;
    }
    if (!filling_) {
        filling_ = fresh_batch();
    }
    filling_->add(element);
    if (filling_->cost() < sizes_.batch_bytes) {
        return;
    }
    if (!ensure_helpers()) {  // none could start: what was gathered is parsed here, the rest as it comes
        parse_on_caller(std::move(filling_));
        hand_back_oldest();
        return;
    }
    submit(std::move(filling_));
    // Hand back what is finished, and wait when enough is in flight to keep every helper busy.
    const std::size_t window = 2 * helpers_.size() + 1;
    for (;;) {
        bool oldest_done = false;
        {
            const std::lock_guard lock(mutex_);
            oldest_done = !flight_.empty() && flight_.front()->done;
        }
        if (!oldest_done && flight_.size() <= window) {
            return;
        }
        hand_back_oldest();
    }
}

void EntryPipeline::drain() {
    if (filling_) {
        if (helpers_.empty()) {  // a log smaller than a batch never starts a thread
            parse_on_caller(std::move(filling_));
        } else {
            submit(std::move(filling_));
        }
    }
    while (!flight_.empty()) {
        hand_back_oldest();
    }
}

bool EntryPipeline::ensure_helpers() {
    if (!helpers_tried_) {
        helpers_tried_ = true;
        helpers_ = detail::start_workers(helpers_wanted_, [this] { helper_loop(); });
    }
    return !helpers_.empty();
}

void EntryPipeline::parse_on_caller(std::unique_ptr<Batch> batch) {
    // No helper runs (none started, or none could): flight_ is the caller's alone, no lock needed.
    flight_.push_back(std::move(batch));
    parse_batch(*flight_.back(), caller_parser_);
    flight_.back()->done = true;
}

void EntryPipeline::submit(std::unique_ptr<Batch> batch) {
    batch->pad();
    // Owned in flight_ before a helper can see it: if queueing it throws, the batch is still
    // alive (and joined helpers never touch it) until the pipeline is destroyed.
    flight_.push_back(std::move(batch));
    {
        const std::lock_guard lock(mutex_);
        queue_.push_back(flight_.back().get());
    }
    work_ready_.notify_one();
}

void EntryPipeline::hand_back_oldest() {
    std::unique_ptr<Batch> batch = std::move(flight_.front());
    flight_.pop_front();
    {
        std::unique_lock lock(mutex_);
        work_done_.wait(lock, [&] { return batch->done; });
    }
    std::size_t begin = 0;
    for (std::size_t i = 0; i < batch->outcomes.size(); ++i) {
        const Batch::Item& item = batch->items[i];
        const Batch::Outcome& outcome = batch->outcomes[i];
        ParsedEntry entry{item.line, item.byte, outcome.skip,
                          std::span<CcpEvent>(batch->events.data() + begin, outcome.events_end - begin), outcome.level};
        consumer_.take(entry);
        begin = outcome.events_end;
    }
    if (batch->failure) {
        std::rethrow_exception(batch->failure);
    }
    // Entries the helper left when the batch's events reached their cap: parsed here, in order.
    for (std::size_t i = batch->outcomes.size(); i < batch->items.size(); ++i) {
        parse_here(batch->element(i));
    }
    if (spare_.size() < 2 * kMaxHelpers + 2) {
        batch->clear(sizes_);
        spare_.push_back(std::move(batch));
    }
}

void EntryPipeline::parse_batch(Batch& batch, EntryParser& parser) const {
    batch.pad();
    try {
        // Events wait here until the caller takes them, outside the tracker's byte budget: past
        // batch_event_bytes (snapshots that fan out) the caller parses the rest as it takes them.
        for (std::size_t i = batch.outcomes.size();
             i < batch.items.size() && batch.events_cost < sizes_.batch_event_bytes; ++i) {
            const std::size_t before = batch.events.size();
            const EntrySkip skip = parser.parse(batch.element(i), batch.events);
            if (skip != EntrySkip::kNone) {  // what a skipped entry began to give is not used
                batch.events.erase(batch.events.begin() + static_cast<std::ptrdiff_t>(before), batch.events.end());
            }
            for (std::size_t e = before; e < batch.events.size(); ++e) {
                batch.events_cost += held_bytes(batch.events[e]);
            }
            batch.outcomes.push_back(Batch::Outcome{skip, batch.events.size(), parser.last_level()});
        }
    } catch (...) {  // std::bad_alloc: the entries before this one stand, the caller rethrows
        batch.failure = std::current_exception();
    }
}

void EntryPipeline::helper_loop() {
    EntryParser parser;
    for (;;) {
        Batch* batch = nullptr;
        {
            std::unique_lock lock(mutex_);
            work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) {
                return;
            }
            batch = queue_.front();
            queue_.pop_front();
        }
        parse_batch(*batch, parser);
        {
            const std::lock_guard lock(mutex_);
            batch->done = true;
        }
        work_done_.notify_all();
    }
}

std::unique_ptr<EntryPipeline::Batch> EntryPipeline::fresh_batch() {
    if (spare_.empty()) {
        return std::make_unique<Batch>();
    }
    std::unique_ptr<Batch> batch = std::move(spare_.back());
    spare_.pop_back();
    return batch;
}

}  // namespace whohungup::ccp
