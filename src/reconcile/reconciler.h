// SPDX-License-Identifier: MIT
// The reconcile stage, between the readers and the filter / summary / reporters: one verdict per
// call whatever the number of inputs that describe it. Verdicts of a key space only one input
// group can produce, by a reader that gives each call once, pass straight through (a CCP log piped
// to `head` still streams); the others are held per (key space, call id), the winning record of
// each source kept (reconcile/winner.h), and emitted merged (reconcile/merge.h) when the last
// input that can produce their space has been read. Memory holds a compact entry per call
// (reconcile/call_table.h); the winning verdicts wait in a temporary file (reconcile/spill_file.h).
// See docs/reconcile.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reconcile/call_table.h"
#include "reconcile/spill_file.h"
#include "reconcile/winner.h"
#include "whohungup/reader.h"

namespace whohungup::reconcile {

/// A few names (key spaces, formats) as small integers.
class Interned {
public:
    [[nodiscard]] std::uint16_t id(std::string_view name);
    [[nodiscard]] const std::string& name(std::uint16_t id) const { return names_[id]; }
    [[nodiscard]] std::size_t size() const { return names_.size(); }

private:
    std::vector<std::string> names_;
};

class Reconciler final : public VerdictSink {
public:
    explicit Reconciler(VerdictSink& out) : out_(out) {}

    /// Plan time: hold the verdicts of `key_space` (or of every space).
    void hold(std::string_view key_space) { held_spaces_.emplace(key_space); }
    void hold_every_space() { hold_all_ = true; }

    void on_verdict(Verdict&& verdict) override;

    /// Emits, in order of first appearance, every held call whose key space `due` accepts.
    void flush(const std::function<bool(std::string_view key_space)>& due);
    void flush_all() {
        flush([](std::string_view /*key_space*/) { return true; });
    }

    [[nodiscard]] std::uint64_t held_calls() const { return table_.size(); }
    /// Bytes of whole verdicts in the temporary file (or in memory when it could not be written).
    [[nodiscard]] std::uint64_t spilled_bytes() const { return spill_.bytes(); }

private:
    [[nodiscard]] bool held(std::string_view key_space) const;
    [[nodiscard]] std::uint32_t input_id(const std::string& name);
    [[nodiscard]] Seen seen(std::uint32_t input, std::uint64_t ordinal) const {
        return Seen{input_names_[input], ordinal};
    }
    [[nodiscard]] Verdict read_back(const HeldSource& source);
    void emit(const HeldCall& call);

    VerdictSink& out_;
    bool hold_all_ = false;
    std::unordered_set<std::string> held_spaces_;
    std::vector<std::string> input_names_;
    std::vector<std::uint64_t> next_ordinal_;  ///< per input
    std::unordered_map<std::string, std::uint32_t> input_ids_;
    Interned spaces_;  ///< key-space names
    /// Held calls per key space: a flush with nothing due returns at once instead of walking (and
    /// copying) every held call, which made a batch of many logs quadratic (each log's end flushes).
    std::vector<std::uint64_t> held_in_space_;
    Interned formats_;  ///< source-format names
    CallTable table_;
    SpillFile spill_;
    std::string encoded_;  ///< reused encoding buffer
};

}  // namespace whohungup::reconcile
