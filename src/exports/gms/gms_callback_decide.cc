// SPDX-License-Identifier: MIT
#include "exports/gms/gms_callback_decide.h"

#include <fmt/format.h>

namespace whohungup::exports::gms {

namespace {

void map_code(const mappings::ReasonTable& table,
              std::string_view code,
              Verdict& v,
              const mappings::ReasonTable*& unknown_table) {
    if (!mappings::apply(table, code, v)) {
        v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name, code);
        unknown_table = &table;
    }
}

}  // namespace

Verdict decide(const GmsCallback& callback, const mappings::ReasonTable*& unknown_table) {
    unknown_table = nullptr;
    Verdict v;
    v.contact_id = callback.id;
    v.channel = Channel::kCallback;
    v.agent = callback.agent_id;
    v.started_at_ms = callback.requested_at_ms;
    const std::string& state = callback.state;
    const mappings::ReasonRow* state_row = mappings::lookup(mappings::gms_callback_state(), state);
    if (state.empty()) {
        v.reason = Reason::no_callback_state;
        v.detail = "The callback record has no _callback_state.";
    } else if (state_row != nullptr && state_row->category == Category::kInProgress) {
        map_code(mappings::gms_callback_state(), state, v, unknown_table);
        v.detail = fmt::format("The callback is not finished yet (state {}).", state);
    } else if (!callback.reason.empty()) {
        map_code(mappings::gms_callback_reason(), callback.reason, v, unknown_table);
        if (v.detail.empty()) {
            v.detail = fmt::format("The callback completed with reason {}.", callback.reason);
        }
        if (v.reason == Reason::callback_connected_to_agent) {
            v.detail += " Who hung up afterwards is not in a callback record.";
        }
    } else {
        map_code(mappings::gms_callback_state(), state, v, unknown_table);
        if (v.detail.empty()) {
            v.detail = fmt::format("The callback is in state {} with no reason.", state);
        }
    }
    return v;
}

}  // namespace whohungup::exports::gms
