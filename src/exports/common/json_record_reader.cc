// SPDX-License-Identifier: MIT
#include "exports/common/json_record_reader.h"

#include <fmt/format.h>

#include "core/time_format.h"
#include "json/array_splitter.h"

namespace whohungup::exports {

namespace {
constexpr std::uint64_t kSkipWarningsShown = 3;

/// "2024-03-05T09:00:00..." exactly: four-digit year, two-digit month and day, 'T'.
bool canonical_iso(std::string_view text) {
    return text.size() >= 19 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == ' ') &&
           text[13] == ':';
}
}  // namespace

InputResult JsonRecordReader::read(ByteSource& source,
                                   const std::string& input_name,
                                   VerdictSink& out,
                                   DiagnosticSink& diag) {
    result_ = InputResult{};
    input_name_ = input_name;
    diag_ = &diag;
    skip_warnings_ = 0;
    warned_time_ = false;
    detail::JsonArraySplitter splitter(source, limits_, detail::JsonArraySplitter::TopLevelObjects::kAreElements);
    detail::ArrayElement element;
    for (;;) {
        const auto status = splitter.next(element);
        if (status == detail::JsonArraySplitter::Status::kEnd) {
            break;
        }
        if (status == detail::JsonArraySplitter::Status::kError) {
            if (source.error().empty()) {
                diag.report(Diagnostic{Severity::kError, input_name, splitter.error_line(), splitter.error_byte(), true,
                                       splitter.error_message()});
                result_.failed = true;
            }
            break;
        }
        const RecordPos pos{element.line, element.byte};
        if (element.over_size || element.over_depth) {
            ++result_.records;
            skip_record(pos, element.over_size ? "larger than the entry size limit (--max-entry-bytes)"
                                               : "nested deeper than the depth limit (--max-depth)");
            continue;
        }
        simdjson::dom::element value;
        if (parser_.parse(element.bytes.data(), element.bytes.size(), /*realloc_if_needed=*/false).get(value) !=
            simdjson::SUCCESS) {
            ++result_.records;
            skip_record(pos, "not valid JSON");
            continue;
        }
        on_value(value, pos, out);
    }
    if (!source.error().empty()) {
        diag.report(Diagnostic{Severity::kError, input_name, 0, splitter.bytes_read(), true,
                               fmt::format("read error: {}", source.error())});
        result_.failed = true;
    }
    if (result_.skipped > kSkipWarningsShown) {
        diag.report(Diagnostic{Severity::kWarning, input_name, 0, 0, false,
                               fmt::format("skipped {} of {} records", result_.skipped, result_.records)});
    }
    result_.bytes = splitter.bytes_read();
    return result_;
}

void JsonRecordReader::skip_record(const RecordPos& pos, std::string_view why) {
    ++result_.skipped;
    if (++skip_warnings_ <= kSkipWarningsShown) {
        diag_->report(Diagnostic{Severity::kWarning, input_name_, pos.line, pos.byte, true,
                                 fmt::format("record skipped: {}", why)});
    }
}

std::int64_t JsonRecordReader::read_time(std::string_view text, const RecordPos& pos) {
    if (text.empty()) {
        return kNoTime;
    }
    const std::optional<std::int64_t> ms = detail::parse_iso8601_ms(text);
    if (!ms || !canonical_iso(text)) {
        if (!warned_time_) {
            warned_time_ = true;
            diag_->report(Diagnostic{
                Severity::kWarning, input_name_, pos.line, pos.byte, true,
                ms ? fmt::format("malformed timestamp \"{}\" read as {} (further ones not reported)", text,
                                 detail::format_iso8601_ms(*ms))
                   : fmt::format("unreadable timestamp \"{}\": time left unknown (further ones not reported)", text)});
        }
    }
    return ms ? *ms : kNoTime;
}

void JsonRecordReader::map_code(const mappings::ReasonTable& table,
                                std::string_view code,
                                Verdict& verdict,
                                const RecordPos& pos) {
    if (!mappings::apply(table, code, verdict)) {
        verdict.detail = fmt::format("{} \"{}\" is not a code whohungup knows; kept as raw_reason.", table.name, code);
        diag_->report(mappings::unknown_code_warning(table, code, input_name_, pos.line, pos.byte));
    }
}

Evidence JsonRecordReader::evidence(const RecordPos& pos, std::int64_t time_ms, std::string text) const {
    return Evidence{time_ms, input_name_, pos.line, pos.byte, std::move(text)};
}

Verdict JsonRecordReader::new_verdict(std::string_view format) const {
    Verdict verdict;
    verdict.source_format = std::string(format);
    verdict.input = input_name_;
    return verdict;
}

}  // namespace whohungup::exports
