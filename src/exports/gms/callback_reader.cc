// SPDX-License-Identifier: MIT
#include "exports/gms/callback_reader.h"

#include <fmt/format.h>

#include "exports/common/json_record_reader.h"
#include "json/dom_access.h"

namespace whohungup::exports {

namespace {

using detail::string_at;

class GmsCallbacksReader final : public JsonRecordReader {
public:
    /// The admin query by queue: {"<service name>": [records...], ...}, every member an array.
    explicit GmsCallbacksReader(const Limits& limits)
        : JsonRecordReader(limits, detail::EnvelopeKeys{{}, /*arrays_by_name=*/true}) {}

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, "not a JSON object");
            return;
        }
        if (!envelope_key().empty() || !string_at(*object, "_id").empty() ||
            !string_at(*object, "_callback_state").empty()) {
            read_callback(*object, envelope_key(), pos, out);  // the key: the service of a query by queue
            return;
        }
        count_record();
        skip_record(pos, "neither a callback record (_id) nor callback records keyed by service");
    }

private:
    void read_callback(detail::object record, std::string_view service_key, const RecordPos& pos, VerdictSink& out) {
        count_record();
        const std::string_view id = string_at(record, "_id");
        const std::string_view state = string_at(record, "_callback_state");
        if (id.empty()) {
            skip_record(pos, "no _id");
            return;
        }
        Verdict v = new_verdict("gms-callbacks");
        v.contact_id = std::string(id);
        v.channel = Channel::kCallback;
        v.agent = std::string(string_at(record, "_agent_id"));
        std::string_view requested = string_at(record, "_request_time");
        if (requested.empty()) {
            requested = string_at(record, "_desired_time");
        }
        v.started_at_ms = read_time(requested, pos);
        const std::string_view reason = string_at(record, "_callback_reason");
        std::string_view service = string_at(record, "_service_name");
        if (service.empty()) {
            service = service_key;
        }
        if (state.empty()) {
            v.reason = "no_callback_state";
            v.detail = "The callback record has no _callback_state.";
        } else if (mappings::lookup(mappings::gms_callback_state(), state) != nullptr &&
                   mappings::lookup(mappings::gms_callback_state(), state)->category == Category::kInProgress) {
            map_code(mappings::gms_callback_state(), state, v, pos);
            v.detail = fmt::format("The callback is not finished yet (state {}).", state);
        } else if (!reason.empty()) {
            map_code(mappings::gms_callback_reason(), reason, v, pos);
            if (v.detail.empty()) {
                v.detail = fmt::format("The callback completed with reason {}.", reason);
            }
            if (v.reason == "callback_connected_to_agent") {
                v.detail += " Who hung up afterwards is not in a callback record.";
            }
        } else {
            map_code(mappings::gms_callback_state(), state, v, pos);
            if (v.detail.empty()) {
                v.detail = fmt::format("The callback is in state {} with no reason.", state);
            }
        }
        v.evidence.push_back(evidence(
            pos, v.started_at_ms,
            fmt::format("_id={} _service_name={} _callback_state={} _callback_reason={}", id,
                        service.empty() ? "-" : service, state.empty() ? "-" : state, reason.empty() ? "-" : reason)));
        out.on_verdict(std::move(v));
    }
};

}  // namespace

bool sniff_gms_callbacks(std::string_view head) {
    return head.find("\"_callback_state\"") != std::string_view::npos ||
           (head.find("\"_id\"") != std::string_view::npos && head.find("\"_service_name\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_gms_callbacks_reader(const Limits& limits) {
    return std::make_unique<GmsCallbacksReader>(limits);
}

}  // namespace whohungup::exports
