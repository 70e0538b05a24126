// SPDX-License-Identifier: MIT
#include "reconcile/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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

void SpillFile::read_file(std::uint64_t at, std::size_t size, char* to) {
    Window* window = nullptr;
    for (Window& candidate : windows_) {
        if (at >= candidate.at && at + size <= candidate.at + candidate.bytes.size()) {
            window = &candidate;
            break;
        }
    }
    if (window == nullptr) {
        window = &*std::min_element(windows_.begin(), windows_.end(),
                                    [](const Window& a, const Window& b) { return a.last_use < b.last_use; });
        if (!window->bytes.empty()) {
            const std::uint64_t read = window->bytes.size();
            read_ahead_ = window->served * 4 < read    ? std::max(read_ahead_ / 2, kMinReadAhead)
                          : window->served * 2 >= read ? std::min(read_ahead_ * 2, kMaxReadAhead)
                                                       : read_ahead_;
        }
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(std::max(size, read_ahead_), file_end_ - at));
        if (window->bytes.capacity() > 2 * std::max(want, kMaxReadAhead)) {
            window->bytes = std::string();  // a huge record's window is not kept for small ones
        }
        window->bytes.resize(want);
        window->at = at;
        window->served = 0;
        std::size_t done = 0;
        while (done < want) {
            const ssize_t n = ::pread(fd_, window->bytes.data() + done, want - done, static_cast<off_t>(at + done));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                window->bytes.clear();
                throw std::runtime_error("reconcile: cannot read back the temporary file in " + directory());
            }
            done += static_cast<std::size_t>(n);
        }
    }
    window->served += size;
    window->last_use = ++uses_;
    std::memcpy(to, window->bytes.data() + (at - window->at), size);
}

std::string SpillFile::read(const Place& place) {
    std::string bytes(place.size, '\0');
    const std::uint64_t end = place.at + place.size;
    // The part already in the file (a record may straddle file_end_ after a failed write).
    if (place.at < std::min(end, file_end_)) {
        read_file(place.at, static_cast<std::size_t>(std::min(end, file_end_) - place.at), bytes.data());
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
    windows_ = {};
    read_ahead_ = kMaxReadAhead;
    if (fd_ >= 0 && file_end_ > 0 && ::ftruncate(fd_, 0) != 0) {
        // Cannot give the space back early: it is given back at exit. Keep appending after it.
        return;
    }
    file_end_ = 0;
}

}  // namespace whohungup::reconcile
