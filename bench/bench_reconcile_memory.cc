// SPDX-License-Identifier: MIT
// Bytes the reconcile stage holds per call: N contact-record-shaped verdicts (the shape
// whohungup decides from a contact record: ids, agent, reason, detail, one evidence line) held in
// the amazon-connect key space, heap in use measured before and after (glibc mallinfo2).
// Usage: bench_reconcile_memory [calls=1000000]
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

whohungup::Verdict contact_record_verdict(std::uint64_t n) {
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
    v.reason = "agent_hangup";
    v.raw_reason = "AGENT_DISCONNECT";
    v.confidence = Confidence::kHigh;
    v.detail = "The contact record says DisconnectReason AGENT_DISCONNECT.";
    v.channel = Channel::kVoice;
    v.evidence.push_back(Evidence{v.ended_at_ms, v.input, n + 1, n * 1700,
                                  fmt::format("ContactId={} Channel=VOICE InitiationMethod=INBOUND "
                                              "DisconnectReason=AGENT_DISCONNECT",
                                              v.contact_id)});
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t calls = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    NullSink out;
    whohungup::reconcile::Reconciler reconciler(out);
    reconciler.hold("amazon-connect");
    const std::size_t before = mallinfo2().uordblks;
    for (std::uint64_t n = 0; n < calls; ++n) {
        reconciler.on_verdict(contact_record_verdict(n));
    }
    const std::size_t after = mallinfo2().uordblks;
    const double per_call = static_cast<double>(after - before) / static_cast<double>(reconciler.held_calls());
    fmt::print("held calls: {}\nheap held: {:.1f} MB\nbytes per held call: {:.0f}\n", reconciler.held_calls(),
               static_cast<double>(after - before) / 1e6, per_call);
    reconciler.flush_all();
    return out.count == calls ? 0 : 1;
}
