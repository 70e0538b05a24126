// SPDX-License-Identifier: MIT
#include "exports/gms/callback_reader.h"

#include <fmt/format.h>

#include "exports/common/json_record_reader.h"
#include "exports/gms/gms_callback_decide.h"
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
        gms::GmsCallback callback;
        callback.id = std::string(string_at(record, "_id"));
        if (callback.id.empty()) {
            skip_record(pos, "no _id");
            return;
        }
        callback.state = std::string(string_at(record, "_callback_state"));
        callback.agent_id = std::string(string_at(record, "_agent_id"));
        std::string_view requested = string_at(record, "_request_time");
        if (requested.empty()) {
            requested = string_at(record, "_desired_time");
        }
        callback.requested_at_ms = read_time(requested, pos);
        callback.reason = std::string(string_at(record, "_callback_reason"));
        callback.service = std::string(string_at(record, "_service_name"));
        if (callback.service.empty()) {
            callback.service = std::string(service_key);
        }
        const mappings::ReasonTable* unknown_table = nullptr;
        Verdict v = gms::decide(callback, unknown_table);
        if (unknown_table != nullptr) {
            diag().report(
                mappings::unknown_code_warning(*unknown_table, v.raw_reason, input_name(), pos.line, pos.byte));
        }
        v.source_format = "gms-callbacks";
        v.input = input_name();
        v.evidence.push_back(
            evidence(pos, v.started_at_ms,
                     fmt::format("_id={} _service_name={} _callback_state={} _callback_reason={}", callback.id,
                                 or_dash(callback.service), or_dash(callback.state), or_dash(callback.reason))));
        out.on_verdict(std::move(v));
    }

    static std::string_view or_dash(const std::string& text) { return text.empty() ? std::string_view("-") : text; }
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
