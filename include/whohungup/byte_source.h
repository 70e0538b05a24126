// SPDX-License-Identifier: MIT
// Streaming input: a file, a FIFO or stdin, plain or gzip-compressed (detected from the bytes,
// not the name). Memory use is one fixed buffer whatever the input size.
#pragma once

#include <cstddef>
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

private:
    std::string peeked_;
    std::size_t peeked_pos_ = 0;
};

}  // namespace whohungup
