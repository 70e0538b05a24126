// SPDX-License-Identifier: MIT
// The report's one stylesheet, written inline into the page (no external file, no web font).
#pragma once

#include <string_view>

namespace whohungup::detail::html {

/// CSS for the page and its charts: light and dark colour schemes, print, phone width. The
/// chart series classes k0..k4 differ in lightness, so they read in greyscale too.
[[nodiscard]] std::string_view page_css();

}  // namespace whohungup::detail::html
