// SPDX-License-Identifier: MIT
#include "exports/voice_agent/calls_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "exports/common/json_record_reader.h"
#include "exports/voice_agent/voice_agent_call.h"
#include "json/dom_access.h"

namespace whohungup::exports {

namespace {

using detail::integer_at;
using detail::object_at;
using detail::string_at;

struct HeldCall {
    Verdict verdict;
    int completeness = 0;  ///< higher wins: has a reason, then later webhook event
    std::uint64_t order = 0;
};

int event_rank(std::string_view event) {
    if (event == "call_analyzed") return 3;
    if (event == "call_ended") return 2;
    if (event == "call_started") return 1;
    return 2;  // a call object from the API is as complete as call_ended
}

class VoiceAgentCallsReader final : public JsonRecordReader {
public:
    /// A v3 list-calls page lists its calls in "items".
    explicit VoiceAgentCallsReader(const Limits& limits) : JsonRecordReader(limits, detail::EnvelopeKeys{{"items"}}) {}

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        std::vector<HeldCall*> ordered;
        ordered.reserve(calls_.size());
        for (auto& [id, held] : calls_) {
            ordered.push_back(&held);
        }
        std::sort(ordered.begin(), ordered.end(),
                  [](const HeldCall* a, const HeldCall* b) { return a->order < b->order; });
        for (HeldCall* held : ordered) {
            out.on_verdict(std::move(held->verdict));
        }
        calls_.clear();
    }

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& /*out*/) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, "not a JSON object");
            return;
        }
        if (const auto call = object_at(*object, "call")) {  // a webhook payload
            read_call(*call, string_at(*object, "event"), pos);
            return;
        }
        read_call(*object, {}, pos);
    }

private:
    void read_call(detail::object call, std::string_view event, const RecordPos& pos) {
        count_record();
        const std::string_view call_id = string_at(call, "call_id");
        if (call_id.empty()) {
            skip_record(pos, "no call_id");
            return;
        }
        HeldCall held;
        held.order = ++arrivals_;
        Verdict& v = held.verdict;
        v = new_verdict("voice-agent-calls");
        VoiceAgentCall record;
        record.call_id = call_id;
        record.agent_id = string_at(call, "agent_id");
        record.agent_name = string_at(call, "agent_name");
        record.started_at_ms = read_epoch_ms(integer_at(call, "start_timestamp"), pos);
        record.ended_at_ms = read_epoch_ms(integer_at(call, "end_timestamp"), pos);
        record.disconnection_reason = string_at(call, "disconnection_reason");
        record.call_status = string_at(call, "call_status");
        const std::string_view reason = record.disconnection_reason;
        const std::string_view status = record.call_status;
        if (!decide(record, v)) {
            diag().report(mappings::unknown_code_warning(mappings::retell_disconnection_reason(), reason, input_name(),
                                                         pos.line, pos.byte));
        }
        held.completeness = (reason.empty() ? 0 : 10) + event_rank(event);
        v.evidence.push_back(evidence(pos, v.ended_at_ms,
                                      fmt::format("{}call_id={} call_status={} disconnection_reason={}",
                                                  event.empty() ? "" : fmt::format("event={} ", event), call_id,
                                                  status.empty() ? "-" : status, reason.empty() ? "null" : reason)));
        auto [it, inserted] = calls_.try_emplace(v.contact_id);
        if (inserted) {
            it->second = std::move(held);
        } else if (held.completeness >= it->second.completeness) {
            held.order = it->second.order;
            it->second = std::move(held);
        }
    }

    std::unordered_map<std::string, HeldCall> calls_;
    std::uint64_t arrivals_ = 0;
};

}  // namespace

bool sniff_voice_agent_calls(std::string_view head) {
    return head.find("\"call_id\"") != std::string_view::npos &&
           (head.find("\"disconnection_reason\"") != std::string_view::npos ||
            head.find("\"call_status\"") != std::string_view::npos ||
            head.find("\"agent_id\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_voice_agent_calls_reader(const Limits& limits) {
    return std::make_unique<VoiceAgentCallsReader>(limits);
}

}  // namespace whohungup::exports
