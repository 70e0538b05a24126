// SPDX-License-Identifier: MIT
#include "core/sniff_head.h"

#include <algorithm>

namespace whohungup::detail {

std::string_view sniff_head(ByteSource& source, std::size_t sniff_bytes, std::size_t max_skip) {
    constexpr std::string_view kBlank = " \t\r\n";
    std::string_view head = source.peek(sniff_bytes);
    const std::size_t bom = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    if (head.find_first_not_of(kBlank, bom) != std::string_view::npos || head.size() < sniff_bytes) {
        return head;  // the usual case: something to recognise, or the whole input
    }
    // Only whitespace so far: peek further, doubling, until a byte that is not or the limit.
    std::size_t want = sniff_bytes;
    for (;;) {
        const std::size_t scanned = head.size();
        want = std::min(want * 2, max_skip + sniff_bytes);
        head = source.peek(want);
        const std::size_t first = head.find_first_not_of(kBlank, scanned);
        if (first != std::string_view::npos) {
            return source.peek(first + sniff_bytes).substr(first);
        }
        if (head.size() < want || want >= max_skip + sniff_bytes) {
            return head;
        }
    }
}

}  // namespace whohungup::detail
