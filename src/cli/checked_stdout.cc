// SPDX-License-Identifier: MIT
#include "cli/checked_stdout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace whohungup::cli {

CheckedStdoutBuffer::CheckedStdoutBuffer() {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

CheckedStdoutBuffer::~CheckedStdoutBuffer() {
    drain();
}

std::string CheckedStdoutBuffer::error() const {
    return errno_ == 0 ? std::string() : std::strerror(errno_);
}

bool CheckedStdoutBuffer::write_all(const char* data, std::size_t size) {
    if (errno_ != 0) {
        return false;
    }
    while (size > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            errno_ = errno;
            return false;
        }
        if (written == 0) {
            errno_ = EIO;
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

bool CheckedStdoutBuffer::drain() {
    const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), pending);
}

CheckedStdoutBuffer::int_type CheckedStdoutBuffer::overflow(int_type ch) {
    if (!drain()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

int CheckedStdoutBuffer::sync() {
    return drain() ? 0 : -1;
}

std::streamsize CheckedStdoutBuffer::xsputn(const char* data, std::streamsize count) {
    const auto size = static_cast<std::size_t>(count);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, size);
        pbump(static_cast<int>(size));
        return count;
    }
    // Larger than the room left: write what is buffered, then the block itself.
    if (!drain() || !write_all(data, size)) {
        return 0;
    }
    return count;
}

void reserve_standard_descriptors() {
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            // open() returns the lowest free number, which is this one.
            const int opened = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            if (opened != fd && opened >= 0) {
                ::close(opened);
            }
        }
    }
}

}  // namespace whohungup::cli
