// SPDX-License-Identifier: MIT
#include "reconcile/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <vector>

namespace whohungup::reconcile {

SpillFile::~SpillFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

std::string SpillFile::directory() {
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir != nullptr && *tmpdir != '\0' ? std::string(tmpdir) : std::string("/tmp");
}

void SpillFile::open() {
    tried_open_ = true;
    const std::string path = directory() + "/whohungup-reconcile-XXXXXX";
    std::vector<char> name(path.begin(), path.end());
    name.push_back('\0');
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) {
        file_failed_ = true;
        return;
    }
    // No name on disk from here on: the space is given back when the descriptor closes, however
    // the process ends.
    ::unlink(name.data());
}

void SpillFile::write_pending() {
    std::size_t done = 0;
    while (done < pending_.size()) {
        const ssize_t n =
            ::pwrite(fd_, pending_.data() + done, pending_.size() - done, static_cast<off_t>(file_end_ + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            file_failed_ = true;  // disk full or an I/O error: what is written stays readable
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    file_end_ += done;
    pending_.erase(0, done);
}

SpillFile::Place SpillFile::append(std::string_view bytes) {
    if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("reconcile: a held verdict is larger than 4 GiB");
    }
    if (!tried_open_) {
        open();
    }
    const Place place{file_end_ + pending_.size(), static_cast<std::uint32_t>(bytes.size())};
    pending_.append(bytes);
    if (!file_failed_ && pending_.size() >= kBuffer) {
        write_pending();
    }
    return place;
}

std::string SpillFile::read(const Place& place) {
    std::string bytes(place.size, '\0');
    const std::uint64_t end = place.at + place.size;
    // The part already in the file (a record may straddle file_end_ after a failed write).
    std::uint64_t at = place.at;
    while (at < std::min(end, file_end_)) {
        const auto want = static_cast<std::size_t>(std::min(end, file_end_) - at);
        const ssize_t n = ::pread(fd_, bytes.data() + (at - place.at), want, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw std::runtime_error("reconcile: cannot read back the temporary file in " + directory());
        }
        at += static_cast<std::uint64_t>(n);
    }
    if (end > file_end_) {
        const std::uint64_t from = std::max(place.at, file_end_);
        pending_.copy(bytes.data() + (from - place.at), static_cast<std::size_t>(end - from),
                      static_cast<std::size_t>(from - file_end_));
    }
    return bytes;
}

void SpillFile::clear() {
    pending_.clear();
    pending_.shrink_to_fit();
    if (fd_ >= 0 && file_end_ > 0 && ::ftruncate(fd_, 0) != 0) {
        // Cannot give the space back early: it is given back at exit. Keep appending after it.
        return;
    }
    file_end_ = 0;
}

}  // namespace whohungup::reconcile
