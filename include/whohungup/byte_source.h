// SPDX-License-Identifier: MIT
// Streaming input: a file, a FIFO or stdin, plain or gzip-compressed (detected from the bytes,
// not the name). Memory use is one fixed buffer, or one mapped window, whatever the input size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace whohungup {

class ByteSource {
public:
    /// Opens `path` ("-" means standard input). On failure returns nullptr and sets `error`.
    static std::unique_ptr<ByteSource> open(const std::string& path, std::string& error);
    /// A source over bytes held in memory (tests, fuzzing).
    static std::unique_ptr<ByteSource> from_memory(std::string bytes);

    virtual ~ByteSource() = default;

    /// Up to `capacity` bytes into `buffer`. Returns 0 at end of input or on error (see error()).
    virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
    /// Set once a read failed (I/O error, corrupt gzip stream); empty otherwise.
    [[nodiscard]] virtual const std::string& error() const = 0;
    /// Whether the bytes are being decompressed.
    [[nodiscard]] virtual bool compressed() const = 0;

    /// The first bytes of the (decompressed) input, without consuming them; at most `size`.
    std::string_view peek(std::size_t size);
    /// read() that serves peeked bytes first. Readers use this one.
    std::size_t read_some(char* buffer, std::size_t capacity);

    /// Regular uncompressed files are mapped rather than copied: up to `size` bytes from input
    /// offset `offset`, with at least `padding` more bytes readable after them, valid until the
    /// next call. Empty when the input is not mapped there (a pipe, gzip, the file's last bytes):
    /// read_some() then goes on from `offset`. A reader either maps from its first byte on, or
    /// only reads.
    std::string_view map_window(std::uint64_t offset, std::size_t size, std::size_t padding);

protected:
    /// map_window() without the peeked bytes; the default maps nothing.
    virtual std::string_view map_at(std::uint64_t offset, std::size_t size, std::size_t padding);
    /// After a failed map_at(): makes read() go on from `offset`. False when it cannot.
    virtual bool seek_to(std::uint64_t offset);

private:
    std::string peeked_;
    std::size_t peeked_pos_ = 0;
};

}  // namespace whohungup
