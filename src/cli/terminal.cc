// SPDX-License-Identifier: MIT
#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace whohungup::cli {

bool use_color(ColorMode mode) {
    if (mode != ColorMode::kAuto) {
        return mode == ColorMode::kAlways;  // an explicit flag wins over NO_COLOR, as no-color.org asks
    }
    const char* no_color = std::getenv("NO_COLOR");
    return (no_color == nullptr || *no_color == '\0') && ::isatty(STDOUT_FILENO) != 0;
}

std::size_t table_width() {
    constexpr std::size_t kFallback = 80;
    if (::isatty(STDOUT_FILENO) == 0) {
        return 0;
    }
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        const std::string_view text(columns);
        std::size_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size() && value > 0) {
            return value;
        }
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0) {  // NOLINT(cppcoreguidelines-pro-type-vararg)
        return size.ws_col;
    }
    return kFallback;
}

}  // namespace whohungup::cli
