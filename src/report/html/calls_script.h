// SPDX-License-Identifier: MIT
// The calls table: its markup, its data (JSON in a <script type="application/json"> element) and
// the small inline script that sorts, filters, pages it and opens a call's evidence.
#pragma once

#include <string>

#include "report/html/call_store.h"

namespace whohungup::detail::html {

/// Appends the calls section: controls, an empty table the script fills, the data and the script.
/// A page address ending in #call=<contact id> opens that call.
void append_calls_section(std::string& out, const CallStore& calls);

}  // namespace whohungup::detail::html
