// SPDX-License-Identifier: MIT
#include "report/html/call_store.h"

#include <charconv>

#include "report/html/html_escape.h"

namespace whohungup::detail::html {

namespace {

/// `text` cut to `max_bytes` on a UTF-8 boundary, with an ellipsis when cut.
std::string cut(std::string_view text, std::size_t max_bytes, bool& was_cut) {
    const std::string_view prefix = utf8_prefix(text, max_bytes);
    if (prefix.size() == text.size()) {
        return std::string(text);
    }
    was_cut = true;
    return std::string(prefix) + "\xE2\x80\xA6";
}

void append_integer(std::string& out, std::int64_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

void append_time(std::string& out, std::int64_t ms) {
    if (ms == kNoTime) {
        out += "null";
    } else {
        append_integer(out, ms);
    }
}

}  // namespace

std::uint32_t CallStore::intern(std::string_view text, std::size_t max_bytes, bool& was_cut) {
    std::string key = cut(text, max_bytes, was_cut);
    if (const auto found = index_.find(key); found != index_.end()) {
        return found->second;
    }
    const auto index = static_cast<std::uint32_t>(strings_.size());
    strings_.push_back(key);
    index_.emplace(std::move(key), index);
    return index;
}

void CallStore::add(const Verdict& v) {
    bool was_cut = false;
    Call call;
    call.ended_ms = v.ended_at_ms;
    call.started_ms = v.started_at_ms;
    call.ended_by = v.ended_by;
    call.category = v.category;
    call.confidence = v.confidence;
    call.reason = intern(to_string(v.reason), EvidenceBudget::kIdBytes, was_cut);
    call.raw_reason = intern(v.raw_reason, EvidenceBudget::kIdBytes, was_cut);
    call.agent = intern(v.agent_name.empty() ? v.agent : v.agent_name, EvidenceBudget::kIdBytes, was_cut);
    call.contact = cut(v.contact_id, EvidenceBudget::kIdBytes, was_cut);
    call.source = intern(v.source_format, EvidenceBudget::kIdBytes, was_cut);
    call.input = intern(v.input, EvidenceBudget::kIdBytes, was_cut);
    call.detail = intern(v.detail, EvidenceBudget::kDetailBytes, was_cut);
    call.outcome = intern(v.outcome, EvidenceBudget::kIdBytes, was_cut);
    call.channel = intern(to_string(v.channel), EvidenceBudget::kIdBytes, was_cut);
    call.agreement = v.agreement;
    if (!v.sources.empty()) {
        std::string sources;
        for (const SourceView& source : v.sources) {
            sources += sources.empty() ? "" : "; ";
            sources += source.format + ": " + std::string(to_string(source.ended_by)) + "/" +
                       std::string(to_string(source.reason)) + " (" + std::string(to_string(source.confidence)) + ")";
        }
        call.sources = intern(sources, EvidenceBudget::kDetailBytes, was_cut);
    }
    std::size_t budget = EvidenceBudget::kBytesPerCall;
    for (const Evidence& e : v.evidence) {
        if (call.evidence.size() == EvidenceBudget::kLinesPerCall || budget == 0) {
            was_cut = true;
            break;
        }
        EvidenceLine line;
        line.time_ms = e.time_ms;
        line.input = intern(e.input, EvidenceBudget::kIdBytes, was_cut);
        line.line = e.line;
        line.byte = e.byte;
        line.text = cut(e.text, std::min(budget, EvidenceBudget::kBytesPerLine), was_cut);
        budget -= std::min(budget, line.text.size());
        call.evidence.push_back(std::move(line));
    }
    calls_cut_ += was_cut ? 1 : 0;
    calls_.push_back(std::move(call));
}

void CallStore::append_json(std::string& out) const {
    out += "{\"strings\":[";
    for (std::size_t i = 0; i < strings_.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        append_script_json(out, strings_[i]);
    }
    out += "],\n\"calls\":[";
    bool first_call = true;
    for (const Call& call : calls_) {
        out += first_call ? "\n[" : ",\n[";
        first_call = false;
        append_time(out, call.ended_ms);
        out.push_back(',');
        append_time(out, call.started_ms);
        for (const std::int64_t number :
             {static_cast<std::int64_t>(call.ended_by), static_cast<std::int64_t>(call.category),
              static_cast<std::int64_t>(call.confidence), std::int64_t{call.reason}, std::int64_t{call.raw_reason},
              std::int64_t{call.agent}}) {
            out.push_back(',');
            append_integer(out, number);
        }
        out.push_back(',');
        append_script_json(out, call.contact);
        for (const std::int64_t number : {std::int64_t{call.source}, std::int64_t{call.input},
                                          std::int64_t{call.detail}, std::int64_t{call.outcome}}) {
            out.push_back(',');
            append_integer(out, number);
        }
        out += ",[";
        bool first_line = true;
        for (const EvidenceLine& line : call.evidence) {
            out += first_line ? "[" : ",[";
            first_line = false;
            append_time(out, line.time_ms);
            out.push_back(',');
            append_integer(out, line.input);
            out.push_back(',');
            append_integer(out, static_cast<std::int64_t>(line.line));
            out.push_back(',');
            append_integer(out, static_cast<std::int64_t>(line.byte));
            out.push_back(',');
            append_script_json(out, line.text);
            out.push_back(']');
        }
        out += "],";
        append_integer(out, call.channel);
        out.push_back(',');
        append_integer(out, static_cast<std::int64_t>(call.agreement));
        out.push_back(',');
        append_integer(out, call.sources);
        out.push_back(']');
    }
    out += "\n]}";
}

}  // namespace whohungup::detail::html
