// SPDX-License-Identifier: MIT
#include "reconcile/merge.h"

#include <fmt/format.h>

#include <algorithm>

#include "reconcile/key_space.h"

namespace whohungup::reconcile {

namespace {

int confidence_rank(Confidence confidence) {
    switch (confidence) {
        case Confidence::kHigh: return 2;
        case Confidence::kMedium: return 1;
        case Confidence::kLow: return 0;
    }
    return 0;
}

Confidence one_step_lower(Confidence confidence) {
    return confidence == Confidence::kHigh ? Confidence::kMedium : Confidence::kLow;
}

SourceView view_of(const Verdict& verdict) {
    return SourceView{verdict.source_format, verdict.input,  verdict.ended_by,
                      verdict.category,      verdict.reason, verdict.confidence};
}

/// Fields one source lacks and another has (a CCP log has no agent name, a CSV row no end time).
void fill_gaps(Verdict& into, const Verdict& from) {
    if (into.agent.empty()) into.agent = from.agent;
    if (into.agent_name.empty()) into.agent_name = from.agent_name;
    if (into.started_at_ms == kNoTime) into.started_at_ms = from.started_at_ms;
    if (into.ended_at_ms == kNoTime) into.ended_at_ms = from.ended_at_ms;
    if (into.channel == Channel::kUnknown) into.channel = from.channel;
    if (into.outcome.empty()) into.outcome = from.outcome;
}

}  // namespace

bool stronger(const Verdict& a, const Verdict& b) {
    const bool a_known = a.ended_by != Party::kUnknown;
    const bool b_known = b.ended_by != Party::kUnknown;
    if (a_known != b_known) {
        return a_known;
    }
    if (a.confidence != b.confidence) {
        return confidence_rank(a.confidence) > confidence_rank(b.confidence);
    }
    return role_of(a.source_format).precedence > role_of(b.source_format).precedence;
}

Verdict merge_sources(std::vector<Verdict> by_source) {
    std::stable_sort(by_source.begin(), by_source.end(),
                     [](const Verdict& a, const Verdict& b) { return stronger(a, b); });
    Verdict merged = std::move(by_source.front());
    const std::vector<Verdict> others(std::make_move_iterator(by_source.begin() + 1),
                                      std::make_move_iterator(by_source.end()));
    merged.sources.clear();
    merged.sources.push_back(view_of(merged));
    bool conflict = false;
    std::size_t deciding = merged.ended_by != Party::kUnknown ? 1 : 0;  // sources that name a party
    std::string said;
    for (const Verdict& other : others) {
        merged.sources.push_back(view_of(other));
        fill_gaps(merged, other);
        merged.evidence.insert(merged.evidence.end(), other.evidence.begin(), other.evidence.end());
        const bool disagrees = other.ended_by != Party::kUnknown && merged.ended_by != Party::kUnknown &&
                               other.ended_by != merged.ended_by;
        conflict = conflict || disagrees;
        deciding += other.ended_by != Party::kUnknown ? 1 : 0;
        if (disagrees) {
            said += fmt::format(" Conflict: the {} says {} ({}, {}).", other.source_format, to_string(other.ended_by),
                                to_string(other.reason), to_string(other.confidence));
        } else if (other.ended_by == Party::kUnknown) {
            said += fmt::format(" The {} does not tell ({}).", other.source_format, to_string(other.reason));
        } else {
            said += fmt::format(" The {} agrees ({}, {}).", other.source_format, to_string(other.reason),
                                to_string(other.confidence));
        }
    }
    // "agree" only when two sources name the same party: one that does not tell confirms nothing.
    merged.agreement = conflict ? Agreement::kConflict : deciding >= 2 ? Agreement::kAgree : Agreement::kSingle;
    if (conflict) {
        merged.confidence = one_step_lower(merged.confidence);
        said += fmt::format(
            " The {} verdict is kept as the stronger evidence (docs/reconcile.md), its confidence lowered one "
            "step.",
            merged.source_format);
    }
    merged.detail += said;
    return merged;
}

}  // namespace whohungup::reconcile
