// SPDX-License-Identifier: MIT
// Amazon Connect contact records → verdicts: decide() reads one record next to its reason table
// (disconnect_reason_table.cc) and applies the rules that need more of the record than the code
// (direction, channel, queue and agent fields). Linking transfer legs needs the other records:
// the reader does it. The rules and their sources: docs/vendor-exports.md#amazon-connect.
#pragma once

#include "exports/connect/contact_record.h"
#include "mappings/reason_table.h"

namespace whohungup::exports::connect {

/// One verdict from one record, without input and evidence (the reader adds them). A
/// DisconnectReason the table does not know gives reason "unmapped_code" (the caller warns).
[[nodiscard]] Verdict decide(const ContactRecord& record);

}  // namespace whohungup::exports::connect
