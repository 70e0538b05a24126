// SPDX-License-Identifier: MIT
#include "exports/twilio/twilio_reader.h"

#include <fmt/format.h>

#include "exports/common/held_verdicts.h"
#include "exports/common/json_record_reader.h"
#include "exports/twilio/twilio_decide.h"
#include "exports/twilio/twilio_decoder.h"
#include "json/dom_access.h"

namespace whohungup::exports::twilio {

namespace {

/// The Event Streams event types whose `data` is a Call Summary (Call Insights Event Stream:
/// call-summary.partial, .predicted-complete and .complete); kNone for any other type.
enum class SummaryEvent : std::uint8_t { kNone, kPartial, kPredictedComplete, kComplete };

SummaryEvent summary_event(std::string_view type) {
    constexpr std::string_view kPrefix = "com.twilio.voice.insights.call-summary.";
    if (!type.starts_with(kPrefix)) return SummaryEvent::kNone;
    const std::string_view kind = type.substr(kPrefix.size());
    return kind == "complete"             ? SummaryEvent::kComplete
           : kind == "predicted-complete" ? SummaryEvent::kPredictedComplete
           : kind == "partial"            ? SummaryEvent::kPartial
                                          : SummaryEvent::kNone;
}

/// Which record of a call is final: a complete summary, then one Twilio predicts complete (the
/// predicted-complete event, before the thirty-minute timer of the complete one), then a partial
/// one (Voice Insights writes it first and completes it later), then a Call resource (status only).
int rank_of(const TwilioCall& call, bool summary, SummaryEvent event) {
    if (!summary) return 1;
    if (event == SummaryEvent::kPredictedComplete) return 3;
    return call.processing_state == "partial" ? 2 : 4;
}

class TwilioCallsReader final : public exports::JsonRecordReader {
public:
    /// The list envelopes: Voice Insights summaries, and the Calls list of the REST API.
    explicit TwilioCallsReader(const Limits& limits)
        : JsonRecordReader(limits, detail::EnvelopeKeys{{"call_summaries", "calls"}}), agents_(agent_pattern(limits)) {}

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override { calls_.drain(out); }

protected:
    void on_value(simdjson::dom::element value, const exports::RecordPos& pos, VerdictSink& /*out*/) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, envelope_key().empty() ? "not a JSON object" : "a list item that is not a JSON object");
            return;
        }
        if (!envelope_key().empty()) {  // an item of a list: the list says what it holds
            one(*object, pos, envelope_key() == "call_summaries");
            return;
        }
        if (!detail::string_at(*object, "specversion").empty() && !detail::string_at(*object, "type").empty()) {
            event(*object, pos);
            return;
        }
        switch (shape_of(*object)) {
            case TwilioShape::kSummaryList:
            case TwilioShape::kCallList:  // a list JsonRecordReader did not unwrap (a name written with escapes)
                count_record();
                skip_record(pos, "a list of calls where one call was expected");
                break;
            case TwilioShape::kSummary: one(*object, pos, true); break;
            case TwilioShape::kCall: one(*object, pos, false); break;
            case TwilioShape::kNone:
                count_record();
                skip_record(pos, "neither a call summary (call_sid) nor a Call resource (sid, status)");
                break;
        }
    }

private:
    /// An Event Streams event (a CloudEvents envelope, alone or in a sink's batch array): the
    /// call-summary types carry a Call Summary in `data`; the other voice types (call events and
    /// metrics) carry no final call state, so they are skipped and counted.
    void event(simdjson::dom::object envelope, const exports::RecordPos& pos) {
        const std::string_view type = detail::string_at(envelope, "type");
        const SummaryEvent kind = summary_event(type);
        const std::optional<detail::object> data = detail::object_at(envelope, "data");
        if (kind == SummaryEvent::kNone || !data) {
            count_record();
            skip_record(pos, kind == SummaryEvent::kNone
                                 ? fmt::format("an Event Streams event of type {}, which carries no call summary", type)
                                 : fmt::format("an Event Streams {} event without a data object", type));
            return;
        }
        one(*data, pos, true, type);
    }

    void one(simdjson::dom::object object,
             const exports::RecordPos& pos,
             bool summary,
             std::string_view event_type = {}) {
        const SummaryEvent event = summary_event(event_type);
        count_record();
        TwilioCall call;
        if (!(summary ? decode_call_summary(object, call) : decode_call_resource(object, call))) {
            skip_record(pos, summary ? "a call summary without call_sid" : "a Call resource without sid");
            return;
        }
        if (event == SummaryEvent::kPartial) {
            call.processing_state = "partial";  // the event type says so, whatever data holds
        }
        Verdict v = decide(call, agents_);
        v.input = input_name();
        warn_unknown(call, v, pos);
        v.evidence.push_back(evidence(
            pos, call.ended_at_ms,
            summary ? fmt::format("{}call_sid={} direction={} disconnected_by={} call_state={} from={} to={}",
                                  event_type.empty() ? std::string() : fmt::format("event={} ", event_type),
                                  call.call_sid, or_dash(call.direction), or_dash(call.disconnected_by),
                                  or_dash(call.call_state), or_dash(call.from), or_dash(call.to))
                    : fmt::format("sid={} direction={} status={} from={} to={}", call.call_sid, or_dash(call.direction),
                                  or_dash(call.status), or_dash(call.from), or_dash(call.to))));
        if (event == SummaryEvent::kPredictedComplete) {
            v.detail +=
                " The summary came as a predicted-complete event (Twilio's model predicts it complete, before the "
                "thirty-minute complete event).";
        }
        calls_.offer(call.call_sid, rank_of(call, summary, event), v);
    }

    /// Values the tables do not know are said once per value.
    void warn_unknown(const TwilioCall& call, const Verdict& v, const exports::RecordPos& pos) {
        if (v.reason != Reason::unmapped_code) return;
        const auto& table = call.summary ? mappings::twilio_call_state() : mappings::twilio_call_status();
        diag().report(mappings::unknown_code_warning(table, v.raw_reason, input_name(), pos.line, pos.byte));
    }

    static std::string_view or_dash(const std::string& text) { return text.empty() ? std::string_view("-") : text; }

    AgentMatch agents_;
    HeldVerdicts calls_;
};

}  // namespace

bool sniff_twilio_calls(std::string_view head) {
    // Insights summaries: "call_sid" with their own fields; Call resources: a CA… sid with Twilio's
    // account field and the API's own URI.
    const bool summary = head.find("\"call_sid\"") != std::string_view::npos &&
                         (head.find("\"call_state\"") != std::string_view::npos ||
                          head.find("\"disconnected_by\"") != std::string_view::npos ||
                          head.find("\"call_summaries\"") != std::string_view::npos);
    const bool call = head.find("\"account_sid\"") != std::string_view::npos &&
                      head.find("\"sid\"") != std::string_view::npos &&
                      head.find("\"status\"") != std::string_view::npos &&
                      head.find("/2010-04-01/Accounts/") != std::string_view::npos;
    // Event Streams: CloudEvents envelopes of call summaries.
    const bool event = head.find("\"specversion\"") != std::string_view::npos &&
                       head.find("\"com.twilio.voice.insights.call-summary.") != std::string_view::npos;
    return summary || call || event;
}

std::unique_ptr<Reader> make_twilio_calls_reader(const Limits& limits) {
    return std::make_unique<TwilioCallsReader>(limits);
}

}  // namespace whohungup::exports::twilio
