// SPDX-License-Identifier: MIT
#include "exports/columns/column_product.h"

#include <fmt/format.h>

#include <algorithm>

#include "exports/common/csv_export_reader.h"

namespace whohungup::exports::columns {

namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

/// 3CX's DN types (from-type / to-type): an Extension is a user of the PBX, a Line an outside line.
std::optional<bool> agent_by_type(std::string_view type) {
    const std::string kind = lowered(type);
    if (kind == "extension") return true;
    if (kind == "line" || kind == "external" || kind == "externalline") return false;
    return std::nullopt;
}

}  // namespace

bool header_matches(const ColumnProduct& product, std::string_view head) {
    const std::string header = first_line_lowered(head);
    const auto has = [&](std::string_view word) { return header.find(word) != std::string::npos; };
    if (!std::all_of(product.header_has.begin(), product.header_has.end(), has)) return false;
    if (product.header_has_one_of.empty()) return true;
    const auto found = std::count_if(product.header_has_one_of.begin(), product.header_has_one_of.end(), has);
    return static_cast<std::size_t>(found) >= product.header_one_of_needed;
}

Verdict start_verdict(const ColumnProduct& product,
                      const ColumnRow& row,
                      const mappings::ReasonTable& table,
                      std::string_view code) {
    Verdict v;
    v.source_format = std::string(product.format);
    v.contact_id = row.call_id;
    v.agent = row.agent;
    v.channel = Channel::kVoice;
    v.started_at_ms = row.started_at_ms;
    v.ended_at_ms = row.ended_at_ms;
    if (code.empty()) {
        v.reason = Reason::record_does_not_tell;
        v.detail = fmt::format("The row's {} is empty: it does not tell who ended the call.", product.value.front());
    } else if (!mappings::apply(table, code, v)) {
        v.detail = fmt::format("{} \"{}\" is not a value whohungup knows; kept as raw_reason.", table.name, code);
    }
    if (v.category == Category::kHangup) v.outcome = "handled";
    if (v.category == Category::kAbandoned) v.outcome = "abandoned";
    return v;
}

Verdict start_by_kind(const ColumnProduct& product,
                      const ColumnRow& row,
                      const mappings::ReasonTable& kinds,
                      std::string_view value_code) {
    const mappings::ReasonRow* kind = mappings::lookup(kinds, row.kind);
    const bool answered = kind == nullptr || kind->category == Category::kHangup;
    if ((answered && !row.value.empty()) || row.kind.empty()) {
        return start_verdict(product, row, product.table(), value_code);
    }
    return start_verdict(product, row, kinds, row.kind);
}

std::string canonical_code(std::span<const mappings::ReasonRow> rows, std::string_view code) {
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    const std::string key = lowered(code);
    for (const mappings::ReasonRow& row : rows) {
        if (lowered(row.code) == key) return std::string(row.code);
    }
    return std::string(code);
}

SideParty party_of_side(const ColumnRow& row, Side side, const AgentMatch& agents) {
    const std::string& party = side == Side::kCaller ? row.caller : row.callee;
    const std::string& other = side == Side::kCaller ? row.callee : row.caller;
    std::optional<bool> agent = agents.is_agent(party);
    // A party the pattern does not match is the customer only when the other side matches.
    if (agent && !*agent && !agents.is_agent(other).value_or(false)) agent.reset();
    const bool from_pattern = agent.has_value();
    if (!agent) agent = agent_by_type(side == Side::kCaller ? row.caller_type : row.callee_type);
    if (!agent) return {};
    return {*agent ? Party::kAgent : Party::kCustomer, from_pattern};
}

}  // namespace whohungup::exports::columns
