// SPDX-License-Identifier: MIT
#include "whohungup/verdict.h"

#include <array>

namespace whohungup {

std::optional<std::int64_t> Verdict::duration_ms() const {
    std::int64_t duration = 0;
    // Readers keep times in 1970..9999, but a verdict built elsewhere must not overflow either.
    if (started_at_ms == kNoTime || ended_at_ms == kNoTime || ended_at_ms < started_at_ms ||
        __builtin_sub_overflow(ended_at_ms, started_at_ms, &duration)) {
        return std::nullopt;
    }
    return duration;
}

std::optional<double> Verdict::duration_s() const {
    const std::optional<std::int64_t> ms = duration_ms();
    return ms ? std::optional<double>(static_cast<double>(*ms) / 1000.0) : std::nullopt;
}

namespace {
// One name per enumerator, in declaration order: the wire names of docs/verdicts.md.
constexpr std::array<std::string_view, 5> kPartyNames{"agent", "customer", "third_party", "system", "unknown"};
constexpr std::array<std::string_view, 7> kCategoryNames{"hangup",    "not_connected", "failure", "transfer",
                                                         "abandoned", "in_progress",   "other"};
constexpr std::array<std::string_view, 3> kConfidenceNames{"high", "medium", "low"};
constexpr std::array<std::string_view, 7> kChannelNames{"voice",    "chat",    "task",   "email",
                                                        "callback", "message", "unknown"};
constexpr std::array<std::string_view, 3> kSideNames{"none", "caller", "callee"};
constexpr std::array<std::string_view, 3> kAgreementNames{"single", "agree", "conflict"};

template <typename Enum, std::size_t N>
std::optional<Enum> named(const std::array<std::string_view, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names.at(i) == text) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}
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

std::string_view to_string(Channel channel) {
    return kChannelNames.at(static_cast<std::size_t>(channel));
}

std::string_view to_string(Side side) {
    return kSideNames.at(static_cast<std::size_t>(side));
}

std::string_view to_string(Agreement agreement) {
    return kAgreementNames.at(static_cast<std::size_t>(agreement));
}

std::optional<Party> party_from_string(std::string_view text) {
    return named<Party>(kPartyNames, text);
}

std::optional<Category> category_from_string(std::string_view text) {
    return named<Category>(kCategoryNames, text);
}

std::optional<Confidence> confidence_from_string(std::string_view text) {
    return named<Confidence>(kConfidenceNames, text);
}

std::optional<Channel> channel_from_string(std::string_view text) {
    return named<Channel>(kChannelNames, text);
}

std::optional<Side> side_from_string(std::string_view text) {
    return named<Side>(kSideNames, text);
}

std::optional<Agreement> agreement_from_string(std::string_view text) {
    return named<Agreement>(kAgreementNames, text);
}

std::vector<SourceView> sources_of(const Verdict& verdict) {
    if (!verdict.sources.empty()) {
        return verdict.sources;
    }
    return {SourceView{verdict.source_format, verdict.input, verdict.ended_by, verdict.category, verdict.reason,
                       verdict.confidence}};
}

}  // namespace whohungup
