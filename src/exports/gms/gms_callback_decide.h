// SPDX-License-Identifier: MIT
// GMS callbacks → verdicts: decide() next to the state and reason tables (callback_tables.cc).
// A callback still on its way is decided by its state; a finished one by its reason.
#pragma once

#include "exports/gms/gms_callback.h"
#include "mappings/reason_table.h"

namespace whohungup::exports::gms {

/// One verdict, without input and evidence (the reader adds them). When the deciding code is one
/// its table does not know, `unknown_table` is set to that table (the code is in raw_reason).
[[nodiscard]] Verdict decide(const GmsCallback& callback, const mappings::ReasonTable*& unknown_table);

}  // namespace whohungup::exports::gms
