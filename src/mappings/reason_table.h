// SPDX-License-Identifier: MIT
// Vendor reason codes as data: one table per vendor field, each row a vendor code, the verdict it
// maps to, and the document it comes from. docs/mappings.md is rendered from these tables
// (`whohungup --list-mappings`), and tests/unit/mappings_test.cc checks every code of the
// reference pages is here.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "whohungup/diagnostic.h"
#include "whohungup/verdict.h"

namespace whohungup::mappings {

struct ReasonRow {
    std::string_view code;  ///< the vendor's spelling (a prefix when `prefix`)
    Party party;
    Category category;
    Reason reason;
    Confidence confidence;
    std::string_view source;  ///< the page or document the code and its meaning come from
    bool prefix = false;      ///< matches every code that starts with `code` (TELECOM_*, error_*)
    /// When set, the verdict's `detail`: the vendor's words for the code and what they leave open
    /// (which side was idle, who discarded a preview), so a lowered confidence says why.
    std::string_view note = {};
};

struct ReasonTable {
    std::string_view name;    ///< e.g. "amazon-connect DisconnectReason"
    std::string_view vendor;  ///< the format that uses it
    std::span<const ReasonRow> rows;
    /// The lookup key of a code: tables whose vendor spells one code several ways normalise here.
    std::string (*normalise)(std::string_view code);
};

/// The row for `code`, or nullptr when the table does not know it.
[[nodiscard]] const ReasonRow* lookup(const ReasonTable& table, std::string_view code);

/// The warning for a code `table` does not know; the run says it once per code (Diagnostic::once_key).
[[nodiscard]] Diagnostic unknown_code_warning(
    const ReasonTable& table, std::string_view code, const std::string& input, std::uint64_t line, std::uint64_t byte);

/// Fills ended_by, category, reason, confidence and raw_reason from `code`, and `detail` from the
/// row's note when it has one; an unknown code gives `unknown` / `unmapped_code`. Returns false
/// for an unknown code.
bool apply(const ReasonTable& table, std::string_view code, Verdict& verdict);

/// Normalisers for tables whose vendor varies only in case and surrounding spaces ("Busy " ~ "BUSY").
[[nodiscard]] std::string upper_trimmed(std::string_view code);
/// Lower case, spaces trimmed and inner spaces as '_' ("User Hangup" ~ "user_hangup").
[[nodiscard]] std::string lower_snake(std::string_view code);

const ReasonTable& connect_disconnect_reason();
const ReasonTable& genesys_disconnect_type();
const ReasonTable& genesys_outcome();
const ReasonTable& genesys_interactions_disconnect_type();
const ReasonTable& retell_disconnection_reason();
const ReasonTable& gms_callback_reason();
const ReasonTable& gms_callback_state();

/// Every table, for docs and tests.
[[nodiscard]] std::span<const ReasonTable* const> all_tables();

/// All tables as one Markdown document (docs/mappings.md).
[[nodiscard]] std::string render_markdown();

}  // namespace whohungup::mappings
