// SPDX-License-Identifier: MIT
#include "ccp/entry_fast_path.h"

#include <cstdint>
#include <cstring>

#include "json/json_cursor.h"

namespace whohungup::ccp {

using detail::JsonCursor;

namespace {

/// The fields the fast path uses; kKnown is another key of CCP entries, kOther any other key.
enum class Field : std::uint8_t { kOther, kKnown, kText, kTime, kLogger, kAgent, kTab, kLevel };

/// The keys of CCP entries, matched in place after the opening quote: far cheaper than scanning
/// for the closing quote, and an entry is mostly these keys. kOther when none matches.
Field take_entry_key(JsonCursor& cursor, char first) {
    switch (first) {
        case 'a': return cursor.take_name("agentResourceId") ? Field::kAgent : Field::kOther;
        case 'c':
            return cursor.take_name("component") || cursor.take_name("contextLayer") ? Field::kKnown : Field::kOther;
        case 'e': return cursor.take_name("exception") ? Field::kKnown : Field::kOther;
        case 'l':
            if (cursor.take_name("loggerId")) return Field::kLogger;
            if (cursor.take_name("level")) return Field::kLevel;
            return cursor.take_name("line") ? Field::kKnown : Field::kOther;
        case 'o': return cursor.take_name("objects") ? Field::kKnown : Field::kOther;
        case 't':
            if (cursor.take_name("text")) return Field::kText;
            if (cursor.take_name("time")) return Field::kTime;
            return cursor.take_name("tabId") ? Field::kTab : Field::kOther;
        default: return Field::kOther;
    }
}

}  // namespace

FastEntryReader::FastEntryReader(std::string_view entry) : entry_(entry) {}

bool FastEntryReader::read_field(FastFields& out) {
    JsonCursor cursor(entry_, pos_);
    if (!cursor.eat('"')) return false;
    Field field = take_entry_key(cursor, cursor.peek_raw());
    if (field == Field::kOther) {
        // Any other key is read whole; it cannot be one of the used ones, which match in place.
        // An escaped key goes to the full parser, which decodes it.
        std::string_view key;
        bool key_escaped = false;
        if (!cursor.string_after_quote(key, key_escaped) || key_escaped) return false;
    }
    if (!cursor.eat(':')) return false;
    // A repeated key keeps its first value, as the full parser's lookups do.
    if ((field == Field::kText && have_text_) || (field == Field::kTime && have_time_) ||
        (field == Field::kLogger && have_logger_) || (field == Field::kAgent && have_agent_) ||
        (field == Field::kLevel && have_level_)) {
        field = Field::kOther;
    }
    if (field == Field::kLevel) {
        have_level_ = true;  // whatever its value: a level that is not a string is no level
    }
    if (field == Field::kTab) {
        out.has_tab_id = true;
        field = Field::kKnown;
    }
    const char first = cursor.peek();
    if (first == '"') {
        std::string_view value;
        bool escaped = false;
        if (!cursor.string(value, escaped)) return false;
        switch (field) {
            case Field::kText:
                out.text = value;
                out.text_escaped = escaped;
                have_text_ = true;
                break;
            case Field::kTime:
                if (escaped) return false;
                out.time = value;
                out.time_is_string = true;
                have_time_ = true;
                break;
            case Field::kLogger:
                if (escaped) return false;
                out.logger_id = value;
                have_logger_ = true;
                break;
            case Field::kAgent:
                if (escaped) return false;
                out.agent_resource_id = value;
                have_agent_ = true;
                break;
            case Field::kLevel:
                if (escaped) return false;
                out.level = value;
                break;
            case Field::kOther:
            case Field::kKnown:
            case Field::kTab: break;
        }
    } else if (first == '{' || first == '[') {
        if (field == Field::kText || field == Field::kTime || !cursor.container()) return false;
    } else {
        const std::string_view value = cursor.scalar();
        if (value.empty() || field == Field::kText) return false;  // a null text: the full parser says why
        if (field == Field::kTime) {
            out.time = value;
            out.time_is_string = false;
            have_time_ = true;
        }
    }
    if (cursor.eat(',')) {
        pos_ = cursor.pos();
        return true;
    }
    if (cursor.eat('}')) {
        pos_ = cursor.pos();
        closed_ = true;
        return true;
    }
    return false;
}

bool FastEntryReader::read_text(FastFields& out) {
    JsonCursor cursor(entry_, 0);
    if (!cursor.eat('{') || cursor.eat('}')) return false;
    pos_ = cursor.pos();
    while (!have_text_) {
        if (closed_ || !read_field(out)) return false;
    }
    return true;
}

bool FastEntryReader::read_time(FastFields& out) {
    while (!have_time_) {
        if (closed_ || !read_field(out)) return false;
    }
    return true;
}

bool FastEntryReader::read_level(FastFields& out) {
    while (!have_level_ && !closed_) {
        if (!read_field(out)) return false;
    }
    return true;
}

bool FastEntryReader::read_ids(FastFields& out) {
    // A repeated key keeps its first value, so nothing after both ids can change them.
    while (!closed_ && !(have_logger_ && have_agent_)) {
        if (!read_field(out)) return false;
    }
    return true;
}

}  // namespace whohungup::ccp
