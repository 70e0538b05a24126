// SPDX-License-Identifier: MIT
// Where the reconcile stage keeps the whole verdicts of held calls, so that memory holds only a
// compact entry per call (reconcile/call_table.h): an anonymous temporary file in $TMPDIR (/tmp
// when unset), removed from the directory as soon as it is created, so that its space is given
// back however the process ends (normal exit, error, signal, crash). Appends go through a buffer;
// reads go through a few read-ahead windows: held calls are read back mostly in the order they
// were stored, one stream per input, so one positional read serves many verdicts. When the file cannot be created or
// written (no such directory, disk full), later records are kept in memory instead: the output is the same, only memory
// grows.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace whohungup::reconcile {

class SpillFile {
public:
    /// Where one record is: opaque to callers.
    struct Place {
        std::uint64_t at = 0;
        std::uint32_t size = 0;
    };

    SpillFile() = default;
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;
    ~SpillFile();

    /// Stores `bytes` (at most 4 GiB) and says where.
    [[nodiscard]] Place append(std::string_view bytes);
    /// The bytes stored at `place`.
    [[nodiscard]] std::string read(const Place& place);
    /// Forgets every record (the file is truncated, not closed: the next held call reuses it).
    void clear();

    /// Bytes stored since the last clear(), on disk or in memory.
    [[nodiscard]] std::uint64_t bytes() const { return file_end_ + pending_.size(); }
    /// The directory the temporary file goes to: $TMPDIR, or /tmp.
    [[nodiscard]] static std::string directory();

private:
    void open();
    void write_pending();

    /// Copies the file's bytes [at, at + size) into `to`, through the read-ahead windows.
    void read_file(std::uint64_t at, std::size_t size, char* to);

    static constexpr std::size_t kBuffer = std::size_t{1} << 20;
    static constexpr std::size_t kWindows = 4;  ///< streams read back at once (a call's sources)
    static constexpr std::size_t kMaxReadAhead = std::size_t{256} << 10;
    static constexpr std::size_t kMinReadAhead = std::size_t{4} << 10;

    /// A copy of the file's bytes [at, at + bytes.size()): stored records never change, so it stays
    /// true until clear().
    struct Window {
        std::string bytes;
        std::uint64_t at = 0;
        std::uint64_t served = 0;    ///< bytes copied out of it since it was filled
        std::uint64_t last_use = 0;  ///< for least-recently-used replacement
    };

    int fd_ = -1;
    bool tried_open_ = false;
    /// Creating or writing the file failed: from then on pending_ is never written, it is the store.
    bool file_failed_ = false;
    std::uint64_t file_end_ = 0;  ///< bytes [0, file_end_) are in the file
    std::string pending_;         ///< bytes from file_end_ on, not (yet) written
    std::array<Window, kWindows> windows_;
    std::uint64_t uses_ = 0;
    /// How much a window reads past the record asked for. Halved when a window is replaced having
    /// served little of what it read (reads in no order), doubled when it served most of it.
    std::size_t read_ahead_ = kMaxReadAhead;
};

}  // namespace whohungup::reconcile
