// SPDX-License-Identifier: MIT
// The bytes an input's format is recognised from.
#pragma once

#include <cstddef>
#include <string_view>

#include "whohungup/byte_source.h"

namespace whohungup::detail {

/// The first `sniff_bytes` of `source` (peeked, not consumed). When all of those are
/// whitespace (after an optional BOM) and the input goes on, a valid log may still follow: the
/// `sniff_bytes` after the whitespace are returned instead, looking at most `max_skip` bytes in.
/// The result is all whitespace only when the input (or its first `max_skip` bytes) is.
[[nodiscard]] std::string_view sniff_head(ByteSource& source, std::size_t sniff_bytes, std::size_t max_skip);

}  // namespace whohungup::detail
