// SPDX-License-Identifier: MIT
#include "exports/freeswitch/cdr_decoders.h"

#include <expat.h>
#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <vector>

#include "json/dom_access.h"

namespace whohungup::exports::freeswitch {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// "1795795210" (seconds) or "1795795210123456" (µs) → ms; 0 (never happened) → kNoTime.
std::int64_t epoch_ms(std::string_view text, bool micro) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return kNoTime;
    return micro ? value / 1000 : value * 1000;
}

}  // namespace

std::string url_decoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

void set_variable(FreeswitchLeg& leg, std::string_view name, std::string value) {
    if (name == "uuid") {
        leg.uuid = std::move(value);
    } else if (name == "sip_hangup_disposition") {
        leg.sip_hangup_disposition = std::move(value);
    } else if (name == "hangup_cause") {
        leg.hangup_cause = std::move(value);
    } else if (name == "last_bridge_hangup_cause") {
        leg.last_bridge_hangup_cause = std::move(value);
    } else if (name == "last_bridge_role") {
        leg.last_bridge_role = std::move(value);
    } else if (name == "originating_leg_uuid") {
        leg.originating_leg_uuid = std::move(value);
    } else if (name == "last_bridge_to") {
        leg.last_bridge_to = std::move(value);
    } else if (name == "call_direction") {
        leg.call_direction = std::move(value);
    } else if (name == "sip_auth_username" || (name == "user_name" && leg.sip_auth_username.empty())) {
        // sofia_reg_parse_auth sets both, to the same name, once a directory user passes digest auth
        leg.sip_auth_username = std::move(value);
    } else if (name == "sip_gateway_name") {
        leg.sip_gateway_name = std::move(value);
    } else if (name == "caller_id_number" || (name == "sip_from_user" && leg.caller_id_number.empty())) {
        leg.caller_id_number = std::move(value);
    } else if (name == "destination_number" || (name == "sip_to_user" && leg.destination_number.empty())) {
        leg.destination_number = std::move(value);
    } else if (name == "cc_side") {
        leg.cc_side = std::move(value);
    } else if (name == "cc_cause") {
        leg.cc_cause = std::move(value);
    } else if (name == "cc_cancel_reason") {
        leg.cc_cancel_reason = std::move(value);
    } else if (name == "start_uepoch") {
        leg.started_at_ms = epoch_ms(value, true);
    } else if (name == "answer_uepoch") {
        leg.answered_at_ms = epoch_ms(value, true);
    } else if (name == "end_uepoch") {
        leg.ended_at_ms = epoch_ms(value, true);
    } else if (name == "start_epoch" && leg.started_at_ms == kNoTime) {
        leg.started_at_ms = epoch_ms(value, false);
    } else if (name == "answer_epoch" && leg.answered_at_ms == kNoTime) {
        leg.answered_at_ms = epoch_ms(value, false);
    } else if (name == "end_epoch" && leg.ended_at_ms == kNoTime) {
        leg.ended_at_ms = epoch_ms(value, false);
    } else if (name == "direction" && leg.direction.empty()) {
        leg.direction = std::move(value);
    }
}

bool decode_json_cdr(simdjson::dom::object cdr, FreeswitchLeg& leg) {
    leg = FreeswitchLeg{};
    if (const auto channel = detail::object_at(cdr, "channel_data")) {
        leg.direction = std::string(detail::string_at(*channel, "direction"));
    }
    const auto variables = detail::object_at(cdr, "variables");
    if (!variables) return false;
    for (const auto field : *variables) {
        std::string_view value;
        if (field.value.get_string().get(value) != simdjson::SUCCESS) continue;
        set_variable(leg, field.key, url_decoded(value));
    }
    return !leg.uuid.empty();
}

namespace {

/// Expat callbacks: depth-tracked, collecting <channel_data><direction> and every child of
/// <variables> of each <cdr>.
constexpr std::size_t kMaxVariableBytes = std::size_t{1} << 20;

struct XmlState {
    const std::function<void(FreeswitchLeg&&, bool, std::uint64_t)>* on_leg = nullptr;
    XML_Parser parser = nullptr;
    FreeswitchLeg leg;
    std::string text;
    std::string element;  ///< the variable (or channel_data field) being read
    int depth = 0;
    int cdr_depth = -1;      ///< depth of the open <cdr>, -1 outside one
    int section_depth = -1;  ///< depth of <variables> / <channel_data> inside it
    bool in_variables = false;
    std::uint64_t cdr_line = 0;
};

void on_start(void* data, const XML_Char* name, const XML_Char** /*attributes*/) {
    auto& s = *static_cast<XmlState*>(data);
    ++s.depth;
    const std::string_view tag(name);
    if (s.cdr_depth < 0) {
        if (tag == "cdr") {
            s.cdr_depth = s.depth;
            s.leg = FreeswitchLeg{};
            s.cdr_line = XML_GetCurrentLineNumber(s.parser);
        }
        return;
    }
    if (s.depth == s.cdr_depth + 1 && (tag == "variables" || tag == "channel_data")) {
        s.section_depth = s.depth;
        s.in_variables = tag == "variables";
    } else if (s.section_depth > 0 && s.depth == s.section_depth + 1) {
        s.element = tag;
        s.text.clear();
    }
}

void on_end(void* data, const XML_Char* /*name*/) {
    auto& s = *static_cast<XmlState*>(data);
    if (s.section_depth > 0 && s.depth == s.section_depth + 1) {
        if (s.in_variables) {
            set_variable(s.leg, s.element, url_decoded(s.text));
        } else if (s.element == "direction") {
            s.leg.direction = s.text;
        }
        s.element.clear();
    } else if (s.depth == s.section_depth) {
        s.section_depth = -1;
    } else if (s.depth == s.cdr_depth) {
        s.cdr_depth = -1;
        const bool ok = !s.leg.uuid.empty();
        (*s.on_leg)(std::move(s.leg), ok, s.cdr_line);
    }
    --s.depth;
}

void on_text(void* data, const XML_Char* text, int length) {
    auto& s = *static_cast<XmlState*>(data);
    // One variable's text is capped (a hostile file gains nothing by a huge one).
    if (!s.element.empty() && s.text.size() < kMaxVariableBytes) s.text.append(text, static_cast<std::size_t>(length));
}

struct ParserFree {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

}  // namespace

std::string read_xml_cdrs(ByteSource& source,
                          const std::function<void(FreeswitchLeg&&, bool ok, std::uint64_t line)>& on_leg,
                          std::uint64_t& bytes_read) {
    const std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser(XML_ParserCreate("UTF-8"));
    if (!parser) return "out of memory";
    XmlState state;
    state.on_leg = &on_leg;
    state.parser = parser.get();
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), &on_start, &on_end);
    XML_SetCharacterDataHandler(parser.get(), &on_text);
    std::vector<char> buffer(std::size_t{256} << 10);
    bytes_read = 0;
    for (;;) {
        const std::size_t got = source.read_some(buffer.data(), buffer.size());
        bytes_read += got;
        const bool last = got == 0;
        if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last ? 1 : 0) == XML_STATUS_ERROR) {
            return fmt::format("line {}: {}", XML_GetCurrentLineNumber(parser.get()),
                               XML_ErrorString(XML_GetErrorCode(parser.get())));
        }
        if (last) break;
    }
    return {};
}

}  // namespace whohungup::exports::freeswitch
