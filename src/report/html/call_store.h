// SPDX-License-Identifier: MIT
// What the calls table needs of each verdict, held compactly until the page is written: repeated
// strings (reasons, agents, inputs, detail sentences) are stored once, and the evidence is cut
// to a fixed budget per call so the page stays bounded by the number of calls (about half a
// kilobyte per call on CCP logs), whatever the size of the records behind them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "whohungup/verdict.h"

namespace whohungup::detail::html {

/// The page says these numbers, so a reader knows what may be missing from a call's evidence.
struct EvidenceBudget {
    static constexpr std::size_t kLinesPerCall = 6;    ///< evidence lines kept per call
    static constexpr std::size_t kBytesPerLine = 200;  ///< of each line's text
    static constexpr std::size_t kBytesPerCall = 600;  ///< of all the call's evidence texts together
    static constexpr std::size_t kDetailBytes = 300;   ///< of the detail sentence
    static constexpr std::size_t kIdBytes = 128;       ///< of a contact id, agent or input name
};

class CallStore {
public:
    void add(const Verdict& verdict);

    [[nodiscard]] std::size_t size() const { return calls_.size(); }
    /// Calls whose evidence or texts were cut to the budget.
    [[nodiscard]] std::uint64_t calls_cut() const { return calls_cut_; }

    /// Appends the data for the page's script: {"strings":[...],"calls":[[...],...]}, every
    /// string escaped for a <script> element (see append_script_json). A call is
    /// [ended_ms, started_ms, ended_by, category, confidence, reason, raw_reason, agent, contact,
    ///  source, input, detail, outcome, evidence, channel, agreement, sources], times null when
    /// unknown, the party, category, confidence and agreement as their enum's index, the strings
    /// as indexes into "strings" but the contact id, each evidence line [time_ms, input, line
    /// (0: unknown), byte, text], and sources one text ("format: ended_by/reason (confidence)"
    /// per source, empty for a single source).
    void append_json(std::string& out) const;

private:
    struct EvidenceLine {
        std::int64_t time_ms = kNoTime;
        std::uint32_t input = 0;
        std::uint64_t line = 0;
        std::uint64_t byte = 0;
        std::string text;
    };
    struct Call {
        std::int64_t ended_ms = kNoTime;
        std::int64_t started_ms = kNoTime;
        Party ended_by = Party::kUnknown;
        Category category = Category::kOther;
        Confidence confidence = Confidence::kLow;
        std::uint32_t reason = 0;
        std::uint32_t raw_reason = 0;
        std::uint32_t agent = 0;
        std::string contact;
        std::uint32_t source = 0;
        std::uint32_t input = 0;
        std::uint32_t detail = 0;
        std::uint32_t outcome = 0;
        std::vector<EvidenceLine> evidence;
        std::uint32_t channel = 0;
        Agreement agreement = Agreement::kSingle;
        std::uint32_t sources = 0;
    };

    /// The index of `text` (cut to `max_bytes`) in the string table, adding it when new.
    std::uint32_t intern(std::string_view text, std::size_t max_bytes, bool& cut);

    std::vector<std::string> strings_{""};  ///< index 0 is the empty string
    std::unordered_map<std::string, std::uint32_t> index_{{"", 0}};
    std::vector<Call> calls_;
    std::uint64_t calls_cut_ = 0;
};

}  // namespace whohungup::detail::html
