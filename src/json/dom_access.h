// SPDX-License-Identifier: MIT
// Small, forgiving accessors over a simdjson DOM: a missing key, a null or a value of the wrong
// type all read as "absent", because vendor exports leave fields out or null them freely.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace whohungup::detail {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

inline std::optional<object> as_object(element value) {
    object out;
    if (value.get_object().get(out) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return out;
}

inline std::optional<element> field(object from, std::string_view key) {
    element out;
    if (from[key].get(out) != simdjson::SUCCESS || out.is_null()) {
        return std::nullopt;
    }
    return out;
}

inline std::string_view string_at(object from, std::string_view key) {
    std::string_view out;
    if (from[key].get_string().get(out) != simdjson::SUCCESS) {
        return {};
    }
    return out;
}

inline std::optional<object> object_at(object from, std::string_view key) {
    object out;
    if (from[key].get_object().get(out) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return out;
}

inline std::optional<array> array_at(object from, std::string_view key) {
    array out;
    if (from[key].get_array().get(out) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return out;
}

/// An integer, or a number with a fraction (truncated), or a string of digits.
inline std::optional<std::int64_t> integer_at(object from, std::string_view key) {
    element value;
    if (from[key].get(value) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    std::int64_t integer = 0;
    if (value.get_int64().get(integer) == simdjson::SUCCESS) {
        return integer;
    }
    double real = 0;
    if (value.get_double().get(real) == simdjson::SUCCESS && real > -9.2e18 && real < 9.2e18) {
        return static_cast<std::int64_t>(real);
    }
    return std::nullopt;
}

}  // namespace whohungup::detail
