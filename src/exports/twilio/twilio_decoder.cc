// SPDX-License-Identifier: MIT
#include "exports/twilio/twilio_decoder.h"

#include <array>
#include <charconv>

#include "core/time_format.h"
#include "json/dom_access.h"

namespace whohungup::exports::twilio {

namespace {

using detail::object_at;
using detail::string_at;

std::int64_t iso_or_none(std::string_view text) {
    if (text.empty()) return kNoTime;
    return detail::parse_iso8601_ms(text).value_or(kNoTime);
}

bool read_int(std::string_view text, int& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

TwilioShape shape_of(simdjson::dom::object object) {
    if (detail::array_at(object, "call_summaries")) return TwilioShape::kSummaryList;
    if (!string_at(object, "call_sid").empty()) return TwilioShape::kSummary;
    if (detail::array_at(object, "calls")) return TwilioShape::kCallList;
    if (!string_at(object, "sid").empty() && !string_at(object, "status").empty()) return TwilioShape::kCall;
    return TwilioShape::kNone;
}

bool decode_call_summary(simdjson::dom::object object, TwilioCall& call) {
    call = TwilioCall{};
    call.summary = true;
    call.call_sid = std::string(string_at(object, "call_sid"));
    if (call.call_sid.empty()) return false;
    call.call_state = std::string(string_at(object, "call_state"));
    call.call_type = std::string(string_at(object, "call_type"));
    call.processing_state = std::string(string_at(object, "processing_state"));
    call.started_at_ms = iso_or_none(string_at(object, "start_time"));
    call.ended_at_ms = iso_or_none(string_at(object, "end_time"));
    if (const auto from = object_at(object, "from")) call.from = std::string(string_at(*from, "caller"));
    if (const auto to = object_at(object, "to")) call.to = std::string(string_at(*to, "callee"));
    if (const auto properties = object_at(object, "properties")) {
        call.direction = std::string(string_at(*properties, "direction"));
        call.disconnected_by = std::string(string_at(*properties, "disconnected_by"));
        call.last_sip_response = detail::integer_at(*properties, "last_sip_response_num").value_or(-1);
    }
    return true;
}

bool decode_call_resource(simdjson::dom::object object, TwilioCall& call) {
    call = TwilioCall{};
    call.call_sid = std::string(string_at(object, "sid"));
    if (call.call_sid.empty()) return false;
    call.parent_call_sid = std::string(string_at(object, "parent_call_sid"));
    call.status = std::string(string_at(object, "status"));
    call.direction = std::string(string_at(object, "direction"));
    call.from = std::string(string_at(object, "from"));
    call.to = std::string(string_at(object, "to"));
    call.started_at_ms = parse_rfc2822_ms(string_at(object, "start_time")).value_or(kNoTime);
    call.ended_at_ms = parse_rfc2822_ms(string_at(object, "end_time")).value_or(kNoTime);
    return true;
}

std::optional<std::int64_t> parse_rfc2822_ms(std::string_view text) {
    // "Thu, 27 Nov 2026 16:00:10 +0000": the weekday is optional and not checked.
    if (const std::size_t comma = text.find(", "); comma != std::string_view::npos) text.remove_prefix(comma + 2);
    static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int day = 0;
    int year = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int zone = 0;
    if (text.size() < 20) return std::nullopt;
    const std::size_t sp1 = text.find(' ');
    if (sp1 == std::string_view::npos || !read_int(text.substr(0, sp1), day)) return std::nullopt;
    const std::string_view month_name = text.substr(sp1 + 1, 3);
    unsigned month = 0;
    for (unsigned m = 0; m < kMonths.size(); ++m) {
        if (kMonths[m] == month_name) month = m + 1;
    }
    const std::string_view rest = text.substr(sp1 + 5);  // "2026 16:00:10 +0000"
    if (month == 0 || rest.size() < 19 || rest[4] != ' ' || rest[7] != ':' || rest[10] != ':' || rest[13] != ' ') {
        return std::nullopt;
    }
    if (!read_int(rest.substr(0, 4), year) || !read_int(rest.substr(5, 2), hour) ||
        !read_int(rest.substr(8, 2), minute) || !read_int(rest.substr(11, 2), second) ||
        !read_int(rest.substr(15, 4), zone) || (rest[14] != '+' && rest[14] != '-')) {
        return std::nullopt;
    }
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    const int offset_min = (zone / 100 * 60 + zone % 100) * (rest[14] == '-' ? -1 : 1);
    const std::int64_t days = detail::days_from_civil(year, month, static_cast<unsigned>(day));
    const std::int64_t seconds =
        days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second - std::int64_t{offset_min} * 60;
    return seconds * 1000;
}

}  // namespace whohungup::exports::twilio
