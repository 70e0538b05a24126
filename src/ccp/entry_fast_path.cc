// SPDX-License-Identifier: MIT
#include "ccp/entry_fast_path.h"

#include <cstdint>
#include <cstring>

#include "json/json_cursor.h"

namespace whohungup::ccp {

using detail::JsonCursor;

FastEntryReader::FastEntryReader(std::string_view entry) : entry_(entry) {}

bool FastEntryReader::read_field(FastFields& out) {
    JsonCursor cursor(entry_, pos_);
    std::string_view key;
    bool key_escaped = false;
    if (!cursor.string(key, key_escaped) || key_escaped || !cursor.eat(':')) return false;
    // The four fields used, told apart by length first (most keys are none of them).
    // A repeated key keeps its first value, as the full parser's lookups do.
    enum class Field : std::uint8_t { kOther, kText, kTime, kLogger, kAgent };
    Field field = Field::kOther;
    if (key.size() == 4) {
        field = key == "text"   ? (have_text_ ? Field::kOther : Field::kText)
                : key == "time" ? (have_time_ ? Field::kOther : Field::kTime)
                                : Field::kOther;
    } else if (key.size() == 8 && key == "loggerId" && !have_logger_) {
        field = Field::kLogger;
    } else if (key.size() == 15 && key == "agentResourceId" && !have_agent_) {
        field = Field::kAgent;
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
            case Field::kOther: break;
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

bool FastEntryReader::read_ids(FastFields& out) {
    // A repeated key keeps its first value, so nothing after both ids can change them.
    while (!closed_ && !(have_logger_ && have_agent_)) {
        if (!read_field(out)) return false;
    }
    return true;
}

}  // namespace whohungup::ccp
