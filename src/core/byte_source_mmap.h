// SPDX-License-Identifier: MIT
// A regular, uncompressed file read by mapping it a window at a time: the reader scans the page
// cache in place instead of having the kernel copy every byte into a buffer first (a tenth of a
// CCP run's time). Memory stays one window whatever the file's size.
#pragma once

#include <memory>

#include "whohungup/byte_source.h"

namespace whohungup::detail {

/// A mapped source over `fd` when it is a regular file that does not start with gzip's magic
/// bytes; nullptr otherwise (`fd` is then left open for the caller).
std::unique_ptr<ByteSource> open_mapped_file(int fd);

}  // namespace whohungup::detail
