// SPDX-License-Identifier: MIT
#include "whohungup/verdict.h"

#include <array>

namespace whohungup {

std::optional<std::int64_t> Verdict::duration_ms() const {
    if (started_at_ms == kNoTime || ended_at_ms == kNoTime || ended_at_ms < started_at_ms) {
        return std::nullopt;
    }
    return ended_at_ms - started_at_ms;
}

std::optional<double> Verdict::duration_s() const {
    const std::optional<std::int64_t> ms = duration_ms();
    return ms ? std::optional<double>(static_cast<double>(*ms) / 1000.0) : std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 5> kPartyNames{"agent", "customer", "third_party", "system", "unknown"};
constexpr std::array<std::string_view, 7> kCategoryNames{"hangup",    "not_connected", "failure", "transfer",
                                                         "abandoned", "in_progress",   "other"};
constexpr std::array<std::string_view, 3> kConfidenceNames{"high", "medium", "low"};
}  // namespace

std::string_view to_string(Party party) {
    return kPartyNames.at(static_cast<std::size_t>(party));
}

std::string_view to_string(Category category) {
    return kCategoryNames.at(static_cast<std::size_t>(category));
}

std::string_view to_string(Confidence confidence) {
    return kConfidenceNames.at(static_cast<std::size_t>(confidence));
}

std::optional<Party> party_from_string(std::string_view text) {
    for (std::size_t i = 0; i < kPartyNames.size(); ++i) {
        if (kPartyNames.at(i) == text) {
            return static_cast<Party>(i);
        }
    }
    return std::nullopt;
}

}  // namespace whohungup
