// SPDX-License-Identifier: MIT
#include "filter/sorting_reporter.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace whohungup {

namespace {

/// The value sorted on: a number or a text; nullopt when the verdict has none.
struct SortValue {
    std::optional<std::int64_t> number;
    std::optional<std::string> text;
};

SortValue value_of(const Verdict& v, SortKey key) {
    const auto time = [](std::int64_t ms) { return ms == kNoTime ? std::nullopt : std::optional<std::int64_t>(ms); };
    switch (key) {
        case SortKey::kEnded: return {time(v.ended_at_ms), std::nullopt};
        case SortKey::kStarted: return {time(v.started_at_ms), std::nullopt};
        case SortKey::kDuration: return {v.duration_ms(), std::nullopt};
        case SortKey::kAgent: {
            const std::string& agent = v.agent_name.empty() ? v.agent : v.agent_name;
            return {std::nullopt, agent.empty() ? std::nullopt : std::optional<std::string>(agent)};
        }
        case SortKey::kEndedBy: return {std::nullopt, std::string(to_string(v.ended_by))};
        case SortKey::kReason: return {std::nullopt, std::string(to_string(v.reason))};
        case SortKey::kNone: break;
    }
    return {};
}

class SortingReporter final : public Reporter {
public:
    SortingReporter(SortKey key, bool descending, Reporter& inner)
        : key_(key), descending_(descending), inner_(inner) {}

    void on_verdict(const Verdict& verdict) override { held_.push_back(Held{value_of(verdict, key_), verdict}); }
    void on_input_end(const InputReport& report) override { inputs_.push_back(report); }

    void finish(const Summary* summary) override {
        std::stable_sort(held_.begin(), held_.end(), [this](const Held& a, const Held& b) { return before(a, b); });
        for (const Held& held : held_) {
            inner_.on_verdict(held.verdict);
        }
        held_.clear();
        for (const InputReport& report : inputs_) {
            inner_.on_input_end(report);
        }
        inner_.finish(summary);
    }

private:
    struct Held {
        SortValue value;
        Verdict verdict;
    };

    [[nodiscard]] bool before(const Held& a, const Held& b) const {
        const bool a_has = a.value.number.has_value() || a.value.text.has_value();
        const bool b_has = b.value.number.has_value() || b.value.text.has_value();
        if (a_has != b_has) {
            return a_has;  // values first, missing ones last, in either direction
        }
        if (!a_has) {
            return false;
        }
        if (a.value.number) {
            return descending_ ? *a.value.number > *b.value.number : *a.value.number < *b.value.number;
        }
        return descending_ ? *a.value.text > *b.value.text : *a.value.text < *b.value.text;
    }

    SortKey key_;
    bool descending_;
    Reporter& inner_;
    std::vector<Held> held_;
    std::vector<InputReport> inputs_;
};

}  // namespace

std::unique_ptr<Reporter> make_sorting_reporter(SortKey key, bool descending, Reporter& inner) {
    return std::make_unique<SortingReporter>(key, descending, inner);
}

}  // namespace whohungup
