// SPDX-License-Identifier: MIT
// zlib's gz* API reads gzip and plain bytes alike (it looks at the magic bytes itself), so .gz
// detection is by content, and a FIFO or stdin streams through the same code.
#include "whohungup/byte_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace whohungup {

namespace {

/// zlib prefixes messages with "<fd:N>: "; the caller names the input itself.
std::string without_fd_prefix(const char* message) {
    std::string_view text = message == nullptr ? "" : message;
    if (text.starts_with("<fd:")) {
        const std::size_t colon = text.find(": ");
        if (colon != std::string_view::npos) {
            text.remove_prefix(colon + 2);
        }
    }
    return fmt::format("{} (compressed input)", text);
}

class GzFileSource final : public ByteSource {
public:
    explicit GzFileSource(gzFile file) : file_(file) {}
    ~GzFileSource() override { gzclose(file_); }
    GzFileSource(const GzFileSource&) = delete;
    GzFileSource& operator=(const GzFileSource&) = delete;
    GzFileSource(GzFileSource&&) = delete;
    GzFileSource& operator=(GzFileSource&&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override {
        if (!error_.empty() || capacity == 0) {
            return 0;
        }
        const auto want = static_cast<unsigned>(std::min<std::size_t>(capacity, INT_MAX / 2));
        const int got = gzread(file_, buffer, want);
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(file_, &code);
            error_ = code == Z_ERRNO ? std::strerror(errno) : without_fd_prefix(message);
            return 0;
        }
        if (got == 0 && gzdirect(file_) == 0) {
            // A gzip stream cut short ends without Z_OK from gzread on some zlib versions.
            int code = 0;
            const char* message = gzerror(file_, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                error_ = without_fd_prefix(message);
            }
        }
        return static_cast<std::size_t>(got);
    }

    [[nodiscard]] const std::string& error() const override { return error_; }
    [[nodiscard]] bool compressed() const override { return gzdirect(file_) == 0; }

private:
    gzFile file_;
    std::string error_;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
        const std::size_t n = std::min(capacity, bytes_.size() - pos_);
        std::memcpy(buffer, bytes_.data() + pos_, n);
        pos_ += n;
        return n;
    }
    [[nodiscard]] const std::string& error() const override { return error_; }
    [[nodiscard]] bool compressed() const override { return false; }

private:
    std::string bytes_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

std::unique_ptr<ByteSource> ByteSource::open(const std::string& path, std::string& error) {
    int fd = -1;
    if (path == "-") {
        fd = ::dup(STDIN_FILENO);
    } else {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    gzFile file = gzdopen(fd, "rb");
    if (file == nullptr) {
        ::close(fd);
        error = "out of memory opening the input";
        return nullptr;
    }
    gzbuffer(file, 1U << 18U);
    return std::make_unique<GzFileSource>(file);
}

std::unique_ptr<ByteSource> ByteSource::from_memory(std::string bytes) {
    return std::make_unique<MemorySource>(std::move(bytes));
}

std::string_view ByteSource::peek(std::size_t size) {
    while (peeked_.size() < size) {
        const std::size_t old = peeked_.size();
        peeked_.resize(size);
        const std::size_t got = read(peeked_.data() + old, size - old);
        peeked_.resize(old + got);
        if (got == 0) {
            break;
        }
    }
    return std::string_view(peeked_).substr(0, std::min(size, peeked_.size()));
}

std::size_t ByteSource::read_some(char* buffer, std::size_t capacity) {
    if (peeked_pos_ < peeked_.size()) {
        const std::size_t n = std::min(capacity, peeked_.size() - peeked_pos_);
        std::memcpy(buffer, peeked_.data() + peeked_pos_, n);
        peeked_pos_ += n;
        if (peeked_pos_ == peeked_.size()) {
            peeked_.clear();
            peeked_.shrink_to_fit();
            peeked_pos_ = 0;
        }
        return n;
    }
    return read(buffer, capacity);
}

}  // namespace whohungup
