// SPDX-License-Identifier: MIT
// Bytes the reconcile stage holds in memory per call: N contact-record-shaped verdicts (the shape
// whohungup decides from a contact record: ids, agent, reason, detail, one evidence line) held in
// the amazon-connect key space, heap in use measured before and after (glibc mallinfo2), then all
// emitted. DETAIL_BYTES pads the detail and the evidence text to that many bytes each (0: the
// record as decided), to show that the held state does not grow with the record's size: the whole
// verdicts wait in the temporary file, whose size is printed too.
// Usage: bench_reconcile_memory [calls=1000000] [detail_bytes=0]
#include <fmt/format.h>
#include <malloc.h>

#include <cstdlib>
#include <string>

#include "reconcile/reconciler.h"

namespace {

class NullSink final : public whohungup::VerdictSink {
public:
    void on_verdict(whohungup::Verdict&& /*verdict*/) override { ++count; }
    std::uint64_t count = 0;
};

void pad(std::string& text, std::size_t bytes) {
    if (text.size() < bytes) {
        text.append(bytes - text.size(), '.');
    }
}

whohungup::Verdict contact_record_verdict(std::uint64_t n, std::size_t detail_bytes) {
    using namespace whohungup;
    Verdict v;
    v.source_format = "connect-ctr";
    v.input = "exports/2026-11-20/contact-records.jsonl";
    v.contact_id = fmt::format("5d1c0a7e-{:04x}-4b1e-9c2f-{:012x}", n % 0xFFFF, n);
    v.agent = "8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f";
    v.agent_name = "jdoe";
    v.started_at_ms = 1795240800000 + static_cast<std::int64_t>(n) * 1000;
    v.ended_at_ms = v.started_at_ms + 95000;
    v.ended_by = Party::kAgent;
    v.category = Category::kHangup;
    v.reason = Reason::agent_hangup;
    v.raw_reason = "AGENT_DISCONNECT";
    v.confidence = Confidence::kHigh;
    v.detail = "The contact record says DisconnectReason AGENT_DISCONNECT.";
    v.channel = Channel::kVoice;
    v.evidence.push_back(Evidence{v.ended_at_ms, v.input, n + 1, n * 1700,
                                  fmt::format("ContactId={} Channel=VOICE InitiationMethod=INBOUND "
                                              "DisconnectReason=AGENT_DISCONNECT",
                                              v.contact_id)});
    pad(v.detail, detail_bytes);
    pad(v.evidence.back().text, detail_bytes);
    return v;
}

/// Heap in use, small chunks and mmap-ed ones alike (large vectors and arena blocks are mmap-ed).
std::size_t heap_in_use() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t calls = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::size_t detail_bytes = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
    NullSink out;
    whohungup::reconcile::Reconciler reconciler(out);
    reconciler.hold("amazon-connect");
    const std::size_t before = heap_in_use();
    for (std::uint64_t n = 0; n < calls; ++n) {
        reconciler.on_verdict(contact_record_verdict(n, detail_bytes));
    }
    const std::size_t after = heap_in_use();
    const double per_call = static_cast<double>(after - before) / static_cast<double>(reconciler.held_calls());
    fmt::print(
        "held calls: {}\ndetail and evidence text: {}\nheap held: {:.1f} MB\n"
        "temporary file: {:.1f} MB\nbytes per held call: {:.0f}\n",
        reconciler.held_calls(),
        detail_bytes == 0 ? std::string("as decided") : fmt::format("{} bytes each", detail_bytes),
        static_cast<double>(after - before) / 1e6, static_cast<double>(reconciler.spilled_bytes()) / 1e6, per_call);
    reconciler.flush_all();
    return out.count == calls ? 0 : 1;
}
