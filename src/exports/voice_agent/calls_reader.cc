// SPDX-License-Identifier: MIT
#include "exports/voice_agent/calls_reader.h"

#include <fmt/format.h>

#include "exports/common/json_record_reader.h"
#include "exports/voice_agent/voice_agent_call.h"
#include "json/dom_access.h"

namespace whohungup::exports {

namespace {

using detail::integer_at;
using detail::object_at;
using detail::string_at;

class VoiceAgentCallsReader final : public JsonRecordReader {
public:
    /// A v3 list-calls page lists its calls in "items".
    explicit VoiceAgentCallsReader(const Limits& limits) : JsonRecordReader(limits, detail::EnvelopeKeys{{"items"}}) {}

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, "not a JSON object");
            return;
        }
        if (const auto call = object_at(*object, "call")) {  // a webhook payload
            read_call(*call, string_at(*object, "event"), pos, out);
            return;
        }
        read_call(*object, {}, pos, out);
    }

private:
    /// Every record is a verdict at once: the webhook events of one call (call_started, call_ended,
    /// call_analyzed) and repeats across files are one call in the reconcile stage, whose winner
    /// rule (the latest update, then the most complete) keeps the ended call over the started one.
    void read_call(detail::object call, std::string_view event, const RecordPos& pos, VerdictSink& out) {
        count_record();
        const std::string_view call_id = string_at(call, "call_id");
        if (call_id.empty()) {
            skip_record(pos, "no call_id");
            return;
        }
        Verdict v = new_verdict("voice-agent-calls");
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
        v.evidence.push_back(evidence(pos, v.ended_at_ms,
                                      fmt::format("{}call_id={} call_status={} disconnection_reason={}",
                                                  event.empty() ? "" : fmt::format("event={} ", event), call_id,
                                                  status.empty() ? "-" : status, reason.empty() ? "null" : reason)));
        out.on_verdict(std::move(v));
    }
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
