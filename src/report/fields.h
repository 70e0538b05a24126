// SPDX-License-Identifier: MIT
// The verdict fields --fields can choose, by their CSV column names (docs/output-format.md), and
// each field's text as CSV writes it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "whohungup/verdict.h"

namespace whohungup::detail {

/// In the order of the CSV header.
enum class Field : std::uint8_t {
    kSourceFormat,
    kInput,
    kContactId,
    kAgent,
    kAgentName,
    kStartedAt,
    kEndedAt,
    kDurationS,
    kEndedBy,
    kCategory,
    kReason,
    kRawReason,
    kConfidence,
    kDetail,
    kOutcome,
    kEvidenceLines,
    kChannel,
    kEndedBySide,
    kAgreement,
    kSources,
};

/// Every field name, in the order of the CSV header.
[[nodiscard]] std::span<const std::string_view> field_names();
[[nodiscard]] std::string_view to_string(Field field);
[[nodiscard]] std::optional<Field> field_from_string(std::string_view name);
/// The names of --fields as fields (names already checked by the CLI; unknown ones are dropped).
[[nodiscard]] std::vector<Field> fields_from_names(const std::vector<std::string>& names);

/// The field's text as a CSV cell holds it: ISO-8601 UTC times, seconds with three decimals,
/// empty for unknown values.
[[nodiscard]] std::string field_text(const Verdict& verdict, Field field);

}  // namespace whohungup::detail
