// SPDX-License-Identifier: MIT
// Finds where a JSON container ends, 64 bytes at a time: bitmasks of quotes, backslashes and
// brackets (AVX2), escapes and string interiors computed with carry-less multiplication (the
// technique of simdjson's stage 1), then only the few bracket bits are walked one by one.
// A scalar version serves CPUs without AVX2/PCLMUL and checks the fast one in tests.
// Tested by tests/unit/array_splitter_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace whohungup::detail {

/// Scan state carried from one block to the next within one container.
struct ScanState {
    std::size_t depth = 0;
    std::size_t max_depth = 0;
    std::uint64_t in_string = 0;     ///< all ones when the previous block ended inside a string
    std::uint64_t prev_escaped = 0;  ///< 1 when the previous block ended in an odd backslash run
    std::uint64_t newlines = 0;      ///< newlines seen in the bytes consumed
};

/// Returned while the container goes on past the scanned bytes.
inline constexpr std::size_t kNotClosed = SIZE_MAX;

/// Scans `data[0..size)` (size a multiple of 64; the caller pads the input's last bytes). Returns
/// the offset just past the container's closing bracket, or kNotClosed; `state` is updated either
/// way (newlines counted up to the returned offset).
std::size_t scan_container(const char* data, std::size_t size, ScanState& state);

/// Offset of the closing quote of a JSON string whose contents start at `data` (just after the
/// opening quote), or `size` when it does not close within `size` bytes; `escaped` is set when
/// the contents hold a backslash. Reads up to 31 bytes past `size` (callers keep padding).
std::size_t find_string_end(const char* data, std::size_t size, bool& escaped);

/// The same, one byte at a time.
std::size_t scan_container_scalar(const char* data, std::size_t size, ScanState& state);

}  // namespace whohungup::detail
