// SPDX-License-Identifier: MIT
// Genesys Cloud conversations → verdicts: one decide() for every shape (analytics details,
// Conversations API, Interactions CSV row), next to its reason tables (disconnect_type_table.cc).
// The rules and their sources: docs/vendor-exports.md#genesys-cloud.
#pragma once

#include <string>
#include <vector>

#include "exports/genesys/genesys_conversation.h"
#include "mappings/reason_table.h"

namespace whohungup::exports::genesys {

/// A code a table does not know: the reader warns about it with the record's position.
struct UnknownCode {
    const mappings::ReasonTable* table = nullptr;
    std::string code;
};

/// One verdict: who / category / reason / confidence / outcome / detail / channel / agent /
/// times, and the legs' evidence (time and text only: the reader adds input and position).
/// Codes no table knows are appended to `unknown`.
[[nodiscard]] Verdict decide(const GenesysConversation& conversation, std::vector<UnknownCode>& unknown);

}  // namespace whohungup::exports::genesys
