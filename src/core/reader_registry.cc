// SPDX-License-Identifier: MIT
// The one list of input formats, most specific first. An explicit list (not self-registering
// statics) so the sniff order is visible and no format is lost to the linker.
#include <array>

#include "ccp/ccp_reader.h"
#include "whohungup/reader.h"

namespace whohungup {

namespace {
const std::array<ReaderKind, 1> kKinds{{
    {"ccp-log", "Amazon Connect CCP agent log (agent-log.txt: a JSON array of log entries)", &ccp::sniff_ccp_log,
     &ccp::make_ccp_log_reader, &ccp::ccp_log_group_key},
}};
}  // namespace

std::span<const ReaderKind> reader_kinds() {
    return kKinds;
}

const ReaderKind* find_reader_kind(std::string_view name) {
    for (const ReaderKind& kind : kKinds) {
        if (kind.name == name) {
            return &kind;
        }
    }
    return nullptr;
}

const ReaderKind* sniff_reader_kind(std::string_view head) {
    for (const ReaderKind& kind : kKinds) {
        if (kind.sniff(head)) {
            return &kind;
        }
    }
    return nullptr;
}

}  // namespace whohungup
