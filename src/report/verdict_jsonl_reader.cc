// SPDX-License-Identifier: MIT
#include "report/verdict_jsonl_reader.h"

#include "core/time_format.h"
#include "exports/common/json_record_reader.h"
#include "json/dom_access.h"

namespace whohungup::exports {

namespace {

using detail::integer_at;
using detail::string_at;

class VerdictJsonlReader final : public JsonRecordReader {
public:
    using JsonRecordReader::JsonRecordReader;

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) override {
        count_record();
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            skip_record(pos, "not a JSON object");
            return;
        }
        const std::string_view type = string_at(*object, "type");
        if (type != "verdict") {
            return;  // input_end, summary and types added later: nothing to re-count
        }
        Verdict v;
        v.source_format = std::string(string_at(*object, "source_format"));
        v.input = std::string(string_at(*object, "input"));
        v.contact_id = std::string(string_at(*object, "contact_id"));
        v.agent = std::string(string_at(*object, "agent"));
        v.agent_name = std::string(string_at(*object, "agent_name"));
        v.started_at_ms = time_of(string_at(*object, "started_at"));
        v.ended_at_ms = time_of(string_at(*object, "ended_at"));
        const auto party = party_from_string(string_at(*object, "ended_by"));
        const auto category = category_from_string(string_at(*object, "category"));
        const auto confidence = confidence_from_string(string_at(*object, "confidence"));
        v.reason = std::string(string_at(*object, "reason"));
        if (v.source_format.empty() || v.contact_id.empty() || !party || !category || !confidence || v.reason.empty()) {
            skip_record(pos,
                        "a verdict line without source_format, contact_id, ended_by, category, reason or "
                        "confidence");
            return;
        }
        v.ended_by = *party;
        v.category = *category;
        v.confidence = *confidence;
        v.raw_reason = std::string(string_at(*object, "raw_reason"));
        v.detail = std::string(string_at(*object, "detail"));
        v.outcome = std::string(string_at(*object, "outcome"));
        v.channel = channel_from_string(string_at(*object, "channel")).value_or(Channel::kUnknown);
        v.ended_by_side = side_from_string(string_at(*object, "ended_by_side")).value_or(Side::kNone);
        v.agreement = agreement_from_string(string_at(*object, "agreement")).value_or(Agreement::kSingle);
        if (const auto sources = detail::array_at(*object, "sources")) {
            for (simdjson::dom::element item : *sources) {
                const auto source = detail::as_object(item);
                if (!source) continue;
                v.sources.push_back(
                    SourceView{std::string(string_at(*source, "format")), std::string(string_at(*source, "input")),
                               party_from_string(string_at(*source, "ended_by")).value_or(Party::kUnknown),
                               category_from_string(string_at(*source, "category")).value_or(Category::kOther),
                               std::string(string_at(*source, "reason")),
                               confidence_from_string(string_at(*source, "confidence")).value_or(Confidence::kLow)});
            }
        }
        // A single source that is the verdict itself is how writers show a single-source verdict.
        if (v.sources.size() == 1 &&
            v.sources.front() == SourceView{v.source_format, v.input, *party, *category, v.reason, *confidence}) {
            v.sources.clear();
        }
        if (const auto evidence = detail::array_at(*object, "evidence")) {
            for (simdjson::dom::element item : *evidence) {
                const auto line = detail::as_object(item);
                if (!line) continue;
                v.evidence.push_back(Evidence{time_of(string_at(*line, "time")), std::string(string_at(*line, "input")),
                                              static_cast<std::uint64_t>(integer_at(*line, "line").value_or(0)),
                                              static_cast<std::uint64_t>(integer_at(*line, "byte").value_or(0)),
                                              std::string(string_at(*line, "text"))});
            }
        }
        out.on_verdict(std::move(v));
    }

private:
    static std::int64_t time_of(std::string_view text) {
        const auto ms = detail::parse_iso8601_ms(text);
        return ms ? *ms : kNoTime;
    }
};

}  // namespace

bool sniff_verdict_jsonl(std::string_view head) {
    return (head.find(R"({"type":"verdict")") != std::string_view::npos ||
            head.find(R"({"type":"input_end")") != std::string_view::npos ||
            head.find(R"({"type":"summary")") != std::string_view::npos) &&
           head.find(R"("source_format")") != std::string_view::npos;
}

std::unique_ptr<Reader> make_verdict_jsonl_reader(const Limits& limits) {
    return std::make_unique<VerdictJsonlReader>(limits);
}

}  // namespace whohungup::exports
