// SPDX-License-Identifier: MIT
#include "exports/common/json_record_reader.h"

#include <fmt/format.h>

#include <cmath>

#include "core/time_format.h"

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
    last_pos_ = RecordPos{};
    try {
        read_all(source, out);
    } catch (const std::bad_alloc&) {
        // One input's records outgrew the memory there is: that input's error, not the run's.
        // What the failed record took is given back before the next input.
        parser_ = simdjson::dom::parser{};
        envelope_key_.clear();
        envelope_key_.shrink_to_fit();
        diag.report(Diagnostic::error(input_name,
                                      "not enough memory to read this input (a smaller --max-entry-bytes "
                                      "bounds what one record may take)")
                        .at(last_pos_.line, last_pos_.byte));
        result_.failed = true;
    }
    if (result_.skipped > kSkipWarningsShown) {
        diag.report(
            Diagnostic::warning(input_name, fmt::format("skipped {} of {} records", result_.skipped, result_.records)));
    }
    return result_;
}

void JsonRecordReader::read_all(ByteSource& source, VerdictSink& out) {
    detail::JsonArraySplitter splitter(source, limits_, detail::JsonArraySplitter::TopLevelObjects::kAreElements,
                                       envelopes_);
    detail::ArrayElement element;
    for (;;) {
        const auto status = splitter.next(element);
        if (status == detail::JsonArraySplitter::Status::kEnd) {
            break;
        }
        if (status == detail::JsonArraySplitter::Status::kError) {
            if (source.error().empty()) {
                diag_->report(Diagnostic::error(input_name_, splitter.error_message())
                                  .at(splitter.error_line(), splitter.error_byte()));
                result_.failed = true;
            }
            break;
        }
        last_pos_ = RecordPos{element.line, element.byte};
        read_element(element, last_pos_, out, /*whole=*/true);
    }
    if (!source.error().empty()) {
        diag_->report(
            Diagnostic::error(input_name_, fmt::format("read error: {}", source.error())).at(0, splitter.bytes_read()));
        result_.failed = true;
    }
    result_.bytes = splitter.bytes_read();
}

void JsonRecordReader::read_element(const detail::ArrayElement& element,
                                    const RecordPos& pos,
                                    VerdictSink& out,
                                    bool whole) {
    if (element.envelope_rest) {
        // Not a record, but part of the input: the envelope's other members, checked as JSON.
        simdjson::dom::element rest;
        if (element.over_size) {
            diag_->report(Diagnostic::warning(input_name_,
                                              "the envelope's members besides its records are larger than the entry "
                                              "size limit (--max-entry-bytes): not checked")
                              .at(pos.line, pos.byte));
        } else if (parser_.parse(element.bytes.data(), element.bytes.size(), /*realloc_if_needed=*/false).get(rest) !=
                   simdjson::SUCCESS) {
            ++result_.records;
            skip_record(pos, "the envelope around the records is not valid JSON");
        }
        return;
    }
    set_envelope_key(element.envelope_key);
    if (element.cut) {
        ++result_.records;
        skip_record(pos, "cut short: the record does not end on its line (JSON Lines)");
        return;
    }
    if (element.over_size || element.over_depth) {
        ++result_.records;
        skip_record(pos, element.over_size ? "larger than the entry size limit (--max-entry-bytes)"
                                           : "nested deeper than the depth limit (--max-depth)");
        return;
    }
    simdjson::dom::element value;
    const simdjson::error_code parsed =
        parser_.parse(element.bytes.data(), element.bytes.size(), /*realloc_if_needed=*/false).get(value);
    if (parsed == simdjson::MEMALLOC) {
        throw std::bad_alloc();  // simdjson says it without throwing: the same failure as any other
    }
    if (parsed != simdjson::SUCCESS) {
        ++result_.records;
        skip_record(pos, "not valid JSON");
        return;
    }
    if (whole && element.envelope_key.empty() && is_envelope(value)) {
        unwrap(element.bytes, pos, out);
        return;
    }
    on_value(value, pos, out);
}

void JsonRecordReader::unwrap(std::string_view bytes, const RecordPos& at, VerdictSink& out) {
    // The envelope is valid JSON (it was just parsed), so the splitter finds no structural error.
    const auto source = ByteSource::from_memory(std::string(bytes));
    detail::JsonArraySplitter splitter(*source, limits_, detail::JsonArraySplitter::TopLevelObjects::kAreElements,
                                       envelopes_);
    detail::ArrayElement element;
    while (splitter.next(element) == detail::JsonArraySplitter::Status::kElement) {
        const RecordPos pos{at.line + element.line - 1, at.byte + element.byte};
        read_element(element, pos, out, /*whole=*/false);
    }
}

bool JsonRecordReader::is_envelope(simdjson::dom::element value) const {
    simdjson::dom::object object;
    if (envelopes_.empty() || value.get_object().get(object) != simdjson::SUCCESS) {
        return false;
    }
    bool first = true;
    for (const auto [key, member] : object) {
        if (member.is_array() && envelopes_.holds_records(key, first, false)) {
            return true;
        }
        first = false;
    }
    return false;
}

void JsonRecordReader::set_envelope_key(std::string_view raw) {
    if (raw == envelope_key_raw_) {
        return;
    }
    envelope_key_raw_.assign(raw);
    envelope_key_.assign(raw);
    if (raw.find('\\') != std::string_view::npos) {  // written with escapes: decoded as JSON
        const std::string quoted = fmt::format("\"{}\"", raw);
        std::string_view decoded;
        if (parser_.parse(quoted).get_string().get(decoded) == simdjson::SUCCESS) {
            envelope_key_.assign(decoded);
        }
    }
}

void JsonRecordReader::skip_record(const RecordPos& pos, std::string_view why) {
    ++result_.skipped;
    if (++skip_warnings_ <= kSkipWarningsShown) {
        diag_->report(Diagnostic::warning(input_name_, fmt::format("record skipped: {}", why)).at(pos.line, pos.byte));
    }
}

std::int64_t JsonRecordReader::read_time(std::string_view text, const RecordPos& pos) {
    if (text.empty()) {
        return kNoTime;
    }
    const std::optional<std::int64_t> ms = detail::parse_iso8601_ms(text);
    if (!ms) {
        ++result_.unreadable_fields;
    }
    if (!ms || !canonical_iso(text)) {
        if (!warned_time_) {
            warned_time_ = true;
            diag_->report(
                Diagnostic::warning(
                    input_name_,
                    ms ? fmt::format("malformed timestamp \"{}\" read as {} (further ones not reported)", text,
                                     detail::format_iso8601_ms(*ms))
                       : fmt::format("unreadable timestamp \"{}\": time left unknown (further ones not reported)",
                                     text))
                    .at(pos.line, pos.byte));
        }
    }
    return ms ? *ms : kNoTime;
}

std::int64_t JsonRecordReader::read_epoch_ms(std::optional<std::int64_t> ms, const RecordPos& pos) {
    if (!ms) {
        return kNoTime;
    }
    if (detail::time_in_range(*ms)) {
        return *ms;
    }
    warn_epoch_out_of_range(fmt::format("{}", *ms), "milliseconds", pos);
    return kNoTime;
}

std::int64_t JsonRecordReader::read_epoch_seconds(double seconds, const RecordPos& pos) {
    // Bounded first so the product fits: anything beyond is out of range anyway.
    if (seconds > -1e12 && seconds < 1e12) {
        const auto ms = static_cast<std::int64_t>(std::llround(seconds * 1000));
        if (detail::time_in_range(ms)) {
            return ms;
        }
    }
    warn_epoch_out_of_range(fmt::format("{}", seconds), "seconds", pos);
    return kNoTime;
}

void JsonRecordReader::warn_epoch_out_of_range(std::string_view written, std::string_view unit, const RecordPos& pos) {
    ++result_.unreadable_fields;
    if (!warned_time_) {
        warned_time_ = true;
        diag_->report(Diagnostic::warning(input_name_, fmt::format("unreadable timestamp {} (epoch {} outside "
                                                                   "1970-9999): time left unknown (further ones not "
                                                                   "reported)",
                                                                   written, unit))
                          .at(pos.line, pos.byte));
    }
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
