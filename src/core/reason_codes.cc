// SPDX-License-Identifier: MIT
#include "core/reason_codes.h"

#include <algorithm>
#include <array>

namespace whohungup {

namespace {

constexpr std::array kCodes{
#define WHOHUNGUP_REASON(code, meaning) ReasonCode{Reason::code, #code, meaning},
#include "whohungup/reason_codes.inc"
#undef WHOHUNGUP_REASON
};

// to_string indexes the table by the enumerator's value.
static_assert([] {
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (static_cast<std::size_t>(kCodes[i].code) != i) {
            return false;
        }
    }
    return true;
}());

}  // namespace

std::string_view to_string(Reason reason) {
    return kCodes.at(static_cast<std::size_t>(reason)).name;
}

std::string_view meaning_of(Reason reason) {
    return kCodes.at(static_cast<std::size_t>(reason)).meaning;
}

std::optional<Reason> reason_from_string(std::string_view text) {
    const ReasonCode* code = find_reason_code(text);
    return code != nullptr ? std::optional(code->code) : std::nullopt;
}

std::span<const ReasonCode> reason_codes() {
    return kCodes;
}

const ReasonCode* find_reason_code(std::string_view name) {
    const auto* it = std::lower_bound(kCodes.begin(), kCodes.end(), name,
                                      [](const ReasonCode& code, std::string_view key) { return code.name < key; });
    return it != kCodes.end() && it->name == name ? &*it : nullptr;
}

std::string render_reason_table() {
    std::string out = "| reason | meaning |\n|---|---|\n";
    for (const ReasonCode& code : kCodes) {
        out += "| `";
        out += code.name;
        out += "` | ";
        out += code.meaning;
        out += " |\n";
    }
    return out;
}

}  // namespace whohungup
