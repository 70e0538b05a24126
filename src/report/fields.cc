// SPDX-License-Identifier: MIT
#include "report/fields.h"

#include <fmt/format.h>

#include <array>

#include "core/time_format.h"

namespace whohungup::detail {

namespace {

constexpr std::array<std::string_view, 20> kNames{
    "source_format", "input",          "contact_id", "agent",         "agent_name", "started_at", "ended_at",
    "duration_s",    "ended_by",       "category",   "reason",        "raw_reason", "confidence", "detail",
    "outcome",       "evidence_lines", "channel",    "ended_by_side", "agreement",  "sources"};

std::string time_text(std::int64_t ms) {
    return ms == kNoTime ? std::string() : format_iso8601_ms(ms);
}

}  // namespace

std::span<const std::string_view> field_names() {
    return kNames;
}

std::string_view to_string(Field field) {
    return kNames.at(static_cast<std::size_t>(field));
}

std::optional<Field> field_from_string(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames.at(i) == name) {
            return static_cast<Field>(i);
        }
    }
    return std::nullopt;
}

std::vector<Field> fields_from_names(const std::vector<std::string>& names) {
    std::vector<Field> fields;
    for (const std::string& name : names) {
        if (const std::optional<Field> field = field_from_string(name)) {
            fields.push_back(*field);
        }
    }
    return fields;
}

std::string field_text(const Verdict& v, Field field) {
    switch (field) {
        case Field::kSourceFormat: return v.source_format;
        case Field::kInput: return v.input;
        case Field::kContactId: return v.contact_id;
        case Field::kAgent: return v.agent;
        case Field::kAgentName: return v.agent_name;
        case Field::kStartedAt: return time_text(v.started_at_ms);
        case Field::kEndedAt: return time_text(v.ended_at_ms);
        case Field::kDurationS: {
            std::string seconds;
            if (const auto duration = v.duration_ms()) {
                append_seconds(seconds, *duration);
            }
            return seconds;
        }
        case Field::kEndedBy: return std::string(to_string(v.ended_by));
        case Field::kCategory: return std::string(to_string(v.category));
        case Field::kReason: return std::string(to_string(v.reason));
        case Field::kRawReason: return v.raw_reason;
        case Field::kConfidence: return std::string(to_string(v.confidence));
        case Field::kDetail: return v.detail;
        case Field::kOutcome: return v.outcome;
        case Field::kEvidenceLines: return fmt::format("{}", v.evidence.size());
        case Field::kChannel: return v.channel == Channel::kUnknown ? std::string() : std::string(to_string(v.channel));
        case Field::kEndedBySide:
            return v.ended_by_side == Side::kNone ? std::string() : std::string(to_string(v.ended_by_side));
        case Field::kAgreement: return std::string(to_string(v.agreement));
        case Field::kSources: {
            std::string sources;  // "format=ended_by/reason/confidence; ..."
            for (const SourceView& s : sources_of(v)) {
                sources += fmt::format("{}{}={}/{}/{}", sources.empty() ? "" : "; ", s.format, to_string(s.ended_by),
                                       to_string(s.reason), to_string(s.confidence));
            }
            return sources;
        }
    }
    return {};
}

}  // namespace whohungup::detail
