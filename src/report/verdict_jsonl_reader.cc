// SPDX-License-Identifier: MIT
#include "report/verdict_jsonl_reader.h"

#include <algorithm>
#include <initializer_list>

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
        const std::string_view reason_text = string_at(*object, "reason");
        const auto reason = reason_from_string(reason_text);
        if (!reason_text.empty() && !reason) {
            skip_record(pos, "a verdict line whose reason is not a whohungup reason code (docs/verdicts.md)");
            return;
        }
        if (v.source_format.empty() || v.contact_id.empty() || !party || !category || !confidence || !reason) {
            skip_record(pos,
                        "a verdict line without source_format, contact_id, ended_by, category, reason or "
                        "confidence");
            return;
        }
        v.reason = *reason;
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
                               // A source's reason this version does not know is kept as such.
                               reason_from_string(string_at(*source, "reason")).value_or(Reason::unmapped_code),
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
                const std::int64_t line_number = integer_at(*line, "line").value_or(0);
                const std::int64_t byte = integer_at(*line, "byte").value_or(0);
                if (line_number < 0 || byte < 0) {  // never written: a position is a count
                    skip_record(pos, "a verdict line with a negative evidence line or byte");
                    return;
                }
                v.evidence.push_back(Evidence{time_of(string_at(*line, "time")), std::string(string_at(*line, "input")),
                                              static_cast<std::uint64_t>(line_number), static_cast<std::uint64_t>(byte),
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

namespace {

/// Whether `head` holds `{"type":"<type>"` with any JSON whitespace around the colon and after
/// the brace: whohungup writes none, Python's json.dumps one space after ':' and ','.
bool has_type_line(std::string_view head, std::string_view type) {
    constexpr std::string_view kBlank = " \t\r\n";
    for (std::size_t at = head.find(R"("type")"); at != std::string_view::npos; at = head.find(R"("type")", at + 1)) {
        const std::size_t before = at == 0 ? std::string_view::npos : head.find_last_not_of(kBlank, at - 1);
        if (before == std::string_view::npos || head[before] != '{') continue;
        std::size_t pos = head.find_first_not_of(kBlank, at + 6);
        if (pos == std::string_view::npos || head[pos] != ':') continue;
        pos = head.find_first_not_of(kBlank, pos + 1);
        if (pos == std::string_view::npos || head[pos] != '"') continue;
        if (head.substr(pos + 1).starts_with(type) && head.substr(pos + 1 + type.size()).starts_with('"')) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool sniff_verdict_jsonl(std::string_view head) {
    // By the whole shape of the first record (its first key is "type", then the fields of that
    // type), so a vendor record that merely holds "type":"verdict" somewhere (a contact record's
    // Attributes) is not taken for ours. Blanks as Python's json.dumps writes them are accepted.
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return false;
    head.remove_prefix(first);
    const std::string_view line = head.substr(0, head.find('\n'));
    const std::size_t type_key = line.find_first_not_of(" \t\r", 1);
    if (type_key == std::string_view::npos || !line.substr(type_key).starts_with(R"("type")")) return false;
    const auto has_all = [line](std::initializer_list<std::string_view> keys) {
        return std::ranges::all_of(keys,
                                   [line](std::string_view key) { return line.find(key) != std::string_view::npos; });
    };
    const std::string_view opening = line.substr(0, type_key + 32);  // {"type": "input_end" and blanks
    if (has_type_line(opening, "verdict")) {
        return has_all({R"("source_format")", R"("contact_id")", R"("ended_by")", R"("category")", R"("reason")",
                        R"("confidence")"});
    }
    if (has_type_line(opening, "input_end")) {
        return has_all({R"("input")", R"("format")", R"("records")", R"("skipped")"});
    }
    if (has_type_line(opening, "summary")) {
        return has_all({R"("calls")", R"("by_ended_by")"});
    }
    return false;
}

std::unique_ptr<Reader> make_verdict_jsonl_reader(const Limits& limits) {
    return std::make_unique<VerdictJsonlReader>(limits);
}

}  // namespace whohungup::exports
