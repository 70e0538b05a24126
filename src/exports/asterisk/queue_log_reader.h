// SPDX-License-Identifier: MIT
// "asterisk-queue-log": Asterisk's queue_log, the pipe-delimited file or the table exported as
// CSV with a header. Lines are decoded (queue_log_decoder.h), gathered per callid into a
// QueueLogCall and decided (queue_log_decide.h). Streaming: memory is bounded by the calls open
// at once (--max-open-calls). Tested by tests/unit/asterisk_queue_log_test.cc and the goldens
// testdata/golden/asterisk_queue_log_*.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace whohungup::exports::asterisk {

[[nodiscard]] bool sniff_queue_log(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_queue_log_reader(const Limits& limits);
/// Every queue_log input of a run is one stream: a call may span a rotated file and the next.
[[nodiscard]] std::string queue_log_group_key(std::string_view head);

}  // namespace whohungup::exports::asterisk
