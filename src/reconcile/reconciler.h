// SPDX-License-Identifier: MIT
// The reconcile stage, between the readers and the filter / summary / reporters: one verdict per
// call whatever the number of inputs that describe it. Verdicts of a key space only one input
// group can produce, by a reader that gives each call once, pass straight through (a CCP log piped
// to `head` still streams); the others are held per (key space, call id), the winning record of
// each source kept (reconcile/winner.h), and emitted merged (reconcile/merge.h) when the last
// input that can produce their space has been read. See docs/reconcile.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "whohungup/reader.h"

namespace whohungup::reconcile {

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

    [[nodiscard]] std::uint64_t held_calls() const { return held_count_; }

private:
    struct Slot {  ///< the winning record of one source format
        Verdict verdict;
        std::uint32_t input = 0;  ///< index into input_names_
        std::uint64_t ordinal = 0;
    };
    struct HeldCall {
        std::vector<Slot> by_format;  ///< one per source format, in order of first appearance
        std::uint32_t first_input = 0;
        std::uint64_t first_ordinal = 0;
    };

    [[nodiscard]] bool held(std::string_view key_space) const;
    [[nodiscard]] std::uint32_t input_id(const std::string& name);

    VerdictSink& out_;
    bool hold_all_ = false;
    std::unordered_set<std::string> held_spaces_;
    std::vector<std::string> input_names_;
    std::vector<std::uint64_t> next_ordinal_;  ///< per input
    std::unordered_map<std::string, std::uint32_t> input_ids_;
    /// key space -> call id -> the call.
    std::unordered_map<std::string, std::unordered_map<std::string, HeldCall>> calls_;
    std::uint64_t held_count_ = 0;
};

}  // namespace whohungup::reconcile
