// SPDX-License-Identifier: MIT
#include "core/byte_source_mmap.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace whohungup::detail {

namespace {

/// Below this, the file's last bytes are read rather than mapped: a window that small saves
/// nothing, and the reader needs its padding bytes inside the file.
constexpr std::size_t kMinWindow = std::size_t{1} << 20;

class MappedFileSource final : public ByteSource {
public:
    MappedFileSource(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
    ~MappedFileSource() override {
        unmap();
        ::close(fd_);
    }
    MappedFileSource(const MappedFileSource&) = delete;
    MappedFileSource& operator=(const MappedFileSource&) = delete;
    MappedFileSource(MappedFileSource&&) = delete;
    MappedFileSource& operator=(MappedFileSource&&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override {
        if (!error_.empty() || capacity == 0) {
            return 0;
        }
        for (;;) {
            const ssize_t got = ::pread(fd_, buffer, capacity, static_cast<off_t>(read_pos_));
            if (got >= 0) {
                read_pos_ += static_cast<std::uint64_t>(got);
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR) {
                error_ = std::strerror(errno);
                return 0;
            }
        }
    }
    [[nodiscard]] const std::string& error() const override { return error_; }
    [[nodiscard]] bool compressed() const override { return false; }

protected:
    std::string_view map_at(std::uint64_t offset, std::size_t size, std::size_t padding) override {
        unmap();
        // A file cut shorter since it was opened would fault on its missing pages: its size is
        // checked again for every window, and a shrunk file is read (and found cut) instead.
        struct stat info {};
        if (::fstat(fd_, &info) != 0 || static_cast<std::uint64_t>(info.st_size) < size_) {
            size_ = 0;
        }
        if (!error_.empty() || offset + padding >= size_) {
            return {};
        }
        const std::size_t bytes = static_cast<std::size_t>(std::min<std::uint64_t>(size, size_ - offset - padding));
        if (bytes < kMinWindow) {
            return {};
        }
        static const auto kPage = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
        const std::uint64_t start = offset / kPage * kPage;
        const auto skip = static_cast<std::size_t>(offset - start);
        // Every byte of the mapping is inside the file: no page past its end is ever touched.
        // The kernel maps cached pages around each fault (fault-around), so no MAP_POPULATE: measured, it costs more
        // than it saves.
        void* map = ::mmap(nullptr, skip + bytes + padding, PROT_READ, MAP_PRIVATE, fd_, static_cast<off_t>(start));
        if (map == MAP_FAILED) {
            return {};  // out of address space, say: the file is read instead
        }
        ::madvise(map, skip + bytes + padding, MADV_SEQUENTIAL);
        map_ = map;
        map_size_ = skip + bytes + padding;
        return {static_cast<const char*>(map) + skip, bytes};
    }
    bool seek_to(std::uint64_t offset) override {
        read_pos_ = offset;
        return true;
    }

private:
    void unmap() {
        if (map_ != nullptr) {
            ::munmap(map_, map_size_);
            map_ = nullptr;
        }
    }

    int fd_;
    std::uint64_t size_;
    std::uint64_t read_pos_ = 0;
    void* map_ = nullptr;
    std::size_t map_size_ = 0;
    std::string error_;
};

}  // namespace

std::unique_ptr<ByteSource> open_mapped_file(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        return nullptr;
    }
    unsigned char magic[2] = {0, 0};
    if (::pread(fd, magic, sizeof magic, 0) == static_cast<ssize_t>(sizeof magic) && magic[0] == 0x1f &&
        magic[1] == 0x8b) {
        return nullptr;  // gzip: zlib decompresses it
    }
    return std::make_unique<MappedFileSource>(fd, static_cast<std::uint64_t>(info.st_size));
}

}  // namespace whohungup::detail
