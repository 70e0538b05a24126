// SPDX-License-Identifier: MIT
// Column exports: reports whose one who-ended column (3CX's reason-terminated, Talkdesk's
// agent_disconnected, Five9's AGENT DISCONNECTS FIRST, Avaya CMS's AGT_RELEASED) sits among
// columns the user chose. One
// generic header-driven reader (column_reader.h) reads every product; a product is this
// description: the header names of each field (aliases, any case), the words that tell its header
// apart, and the decide() that turns one row into a verdict with the product's reason tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "exports/roles/agent_match.h"
#include "mappings/reason_table.h"
#include "whohungup/verdict.h"

namespace whohungup::exports::columns {

/// The fields of one row, by meaning; "" when the export has no such column.
struct ColumnRow {
    std::string call_id;
    std::string value;        ///< the who-ended column
    std::string kind;         ///< a second outcome column (Talkdesk's call type), if the product has one
    std::string caller;       ///< the calling party (number, extension, name)
    std::string callee;       ///< the called party
    std::string caller_type;  ///< what the caller is (3CX: Extension, Line, …)
    std::string callee_type;
    std::string agent;
    std::string flag;     ///< a yes/no column that qualifies the value (Avaya CMS's transferred)
    std::string segment;  ///< which part of the call the row is (Avaya CMS's segment), for the evidence
    std::int64_t started_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
};

using Aliases = std::span<const std::string_view>;

struct ColumnProduct {
    std::string_view format;  ///< reader name ("3cx-cdr")
    std::string_view title;   ///< for "not <title>: …" ("a 3CX CDR export")
    /// The header (lower-cased) must hold every one of these…
    Aliases header_has;
    /// …and, when not empty, one of these too.
    Aliases header_has_one_of;
    /// How many of header_has_one_of the header must hold (Avaya CMS's column names are common
    /// words, so it needs several before it claims a file).
    std::size_t header_one_of_needed = 1;
    Aliases call_id, value, kind, caller, callee, caller_type, callee_type, agent, started, ended, flag, segment;
    /// The table whose unknown values are warned about (the value column's).
    const mappings::ReasonTable& (*table)();
    Verdict (*decide)(const ColumnRow& row, const AgentMatch& agents);
};

/// The products, in sniff order.
[[nodiscard]] const ColumnProduct& three_cx_cdr();
[[nodiscard]] const ColumnProduct& talkdesk_calls();
[[nodiscard]] const ColumnProduct& five9_call_log();
[[nodiscard]] const ColumnProduct& avaya_cms_calls();

/// Whether the header line of `head` is `product`'s.
[[nodiscard]] bool header_matches(const ColumnProduct& product, std::string_view head);

/// The verdict every product starts from: format, call id, times, the value mapped by `table` (an
/// unknown value: unknown / unmapped_code, its detail saying so) and the outcome its category gives.
[[nodiscard]] Verdict start_verdict(const ColumnProduct& product,
                                    const ColumnRow& row,
                                    const mappings::ReasonTable& table,
                                    std::string_view code);

/// For products whose kind column tells the calls no agent took from the answered ones (Talkdesk's
/// type, Avaya's DISPOSITION): an answered kind (a hangup row, or one `kinds` does not know) with a
/// value, or no kind at all, is decided by `value_code` in the product's value table; any other
/// kind by its own row in `kinds`.
[[nodiscard]] Verdict start_by_kind(const ColumnProduct& product,
                                    const ColumnRow& row,
                                    const mappings::ReasonTable& kinds,
                                    std::string_view value_code);

/// Who one side of a call is, and whether --agent-match said so (else the type column did).
struct SideParty {
    Party party = Party::kUnknown;
    bool from_pattern = false;
};

/// The party on one side of a call: --agent-match over the party when it names either side, else
/// the type column (3CX's Extension / Line), else unknown.
[[nodiscard]] SideParty party_of_side(const ColumnRow& row, Side side, const AgentMatch& agents);

/// The row code of `rows` that `code` spells in another case (or with spaces around), else `code`
/// trimmed: the tables' lookup key, so docs show the vendor's own spelling.
[[nodiscard]] std::string canonical_code(std::span<const mappings::ReasonRow> rows, std::string_view code);

}  // namespace whohungup::exports::columns

namespace whohungup::mappings {
const ReasonTable& three_cx_reason_terminated();
const ReasonTable& talkdesk_agent_disconnected();
const ReasonTable& talkdesk_call_type();
const ReasonTable& five9_agent_disconnects_first();
const ReasonTable& avaya_cms_agt_released();
const ReasonTable& avaya_cms_disposition();
}  // namespace whohungup::mappings
