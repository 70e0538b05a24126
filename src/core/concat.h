// SPDX-License-Identifier: MIT
// Joins pieces of text with one allocation. Used on per-record paths, where fmt::format's
// parsing of a format string costs more than the work itself.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace whohungup::detail {

/// Appends the pieces to `out`.
inline void append_all(std::string& out, std::initializer_list<std::string_view> pieces) {
    for (std::string_view piece : pieces) {
        out.append(piece);
    }
}

inline std::string concat(std::initializer_list<std::string_view> pieces) {
    std::size_t size = 0;
    for (std::string_view piece : pieces) {
        size += piece.size();
    }
    std::string out;
    out.reserve(size);
    append_all(out, pieces);
    return out;
}

/// `text`, or `fallback` when it is empty ("-" in evidence lines).
inline std::string_view or_dash(std::string_view text, std::string_view fallback = "-") {
    return text.empty() ? fallback : text;
}

}  // namespace whohungup::detail
