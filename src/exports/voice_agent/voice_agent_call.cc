// SPDX-License-Identifier: MIT
#include "exports/voice_agent/voice_agent_call.h"

#include <fmt/format.h>

#include "mappings/reason_table.h"

namespace whohungup::exports {

bool decide(const VoiceAgentCall& call, Verdict& v) {
    v.contact_id = std::string(call.call_id);
    v.agent = std::string(call.agent_id);
    v.agent_name = std::string(call.agent_name);
    v.started_at_ms = call.started_at_ms;
    v.ended_at_ms = call.ended_at_ms;
    v.channel = Channel::kVoice;  // phone and web calls alike are voice
    const std::string_view status = call.call_status.empty() ? std::string_view("-") : call.call_status;
    if (!call.disconnection_reason.empty()) {
        const mappings::ReasonTable& table = mappings::retell_disconnection_reason();
        if (!mappings::apply(table, call.disconnection_reason, v)) {
            v.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name,
                                   call.disconnection_reason);
            return false;
        }
        if (v.detail.empty()) {  // a row's note, where it has one, already explains the code
            v.detail = fmt::format("The call history says disconnection_reason {} (call_status {}).",
                                   call.disconnection_reason, status);
        }
        return true;
    }
    v.ended_by = Party::kUnknown;
    v.raw_reason = std::string(call.call_status);
    if (call.call_status == "registered" || call.call_status == "ongoing") {
        // A snapshot: the call was not over when the record was written, and may be over now.
        v.category = Category::kInProgress;
        v.reason = Reason::call_in_progress;
        v.confidence = Confidence::kMedium;
        v.detail = fmt::format("The call was not over when the record was written (call_status {}).", status);
    } else {
        v.category = Category::kOther;
        v.reason = Reason::no_disconnect_reason;
        v.confidence = Confidence::kLow;
        v.detail = fmt::format("The call record has no disconnection_reason (call_status {}).", status);
    }
    return true;
}

}  // namespace whohungup::exports
