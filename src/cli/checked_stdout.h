// SPDX-License-Identifier: MIT
// Standard output that remembers why a write failed (a full disk, a closed descriptor), so the
// run can end with "writing output: ..." and exit 2 instead of reporting success.
#pragma once

#include <array>
#include <streambuf>
#include <string>

namespace whohungup::cli {

/// A streambuf over file descriptor 1. The first failed write is kept (errno); later output is
/// dropped, since it could not reach its reader either.
class CheckedStdoutBuffer final : public std::streambuf {
public:
    CheckedStdoutBuffer();
    CheckedStdoutBuffer(const CheckedStdoutBuffer&) = delete;
    CheckedStdoutBuffer& operator=(const CheckedStdoutBuffer&) = delete;
    ~CheckedStdoutBuffer() override;

    /// Empty while every byte so far was written; else the reason of the first failure.
    [[nodiscard]] std::string error() const;

protected:
    int_type overflow(int_type ch) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;

private:
    bool drain();
    bool write_all(const char* data, std::size_t size);

    std::array<char, std::size_t{64} << 10> buffer_{};
    int errno_ = 0;
};

/// Makes descriptors 0, 1 and 2 valid: a closed one is opened on /dev/null read-only, so a file
/// opened later cannot take its number, and a write to a closed stdout fails (EBADF) and is seen.
void reserve_standard_descriptors();

}  // namespace whohungup::cli
