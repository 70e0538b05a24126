// SPDX-License-Identifier: MIT
#include "cli/progress_line.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <string>

namespace whohungup::cli {

namespace {

/// Straight to the descriptor: std::cerr would interleave with the buffered std::cout.
void write_stderr(const std::string& text) {
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text.data(), text.size());
}

}  // namespace

void ProgressLine::on_progress(const ProgressUpdate& update) {
    const double rate = update.seconds > 0 ? static_cast<double>(update.bytes_done) / update.seconds : 0.0;
    const std::uint64_t left_bytes = update.bytes_total - std::min(update.bytes_total, update.bytes_done);
    const double left_seconds = rate > 0 ? static_cast<double>(left_bytes) / rate : 0.0;
    write_stderr(fmt::format("\r\x1b[K{}/{} files, {:.0f} MB, {:.0f} MB/s, ETA {:.0f}s", update.files_done,
                             update.files_total, static_cast<double>(update.bytes_done) / 1e6, rate / 1e6,
                             left_seconds));
    shown_ = true;
}

void ProgressLine::pause() {
    if (shown_) {
        write_stderr("\r\x1b[K");
        shown_ = false;
    }
}

}  // namespace whohungup::cli
