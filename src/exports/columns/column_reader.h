// SPDX-License-Identifier: MIT
// The one reader of column exports (column_product.h): binds a product's columns by header name,
// reads one verdict per row, and is listed once per product in the reader registry
// ("3cx-cdr", "talkdesk-calls", "five9-call-log", "avaya-cms-calls"). Tested by tests/unit/column_exports_test.cc
// and testdata/golden/columns_*.
#pragma once

#include <memory>
#include <string_view>

#include "exports/columns/column_product.h"
#include "whohungup/reader.h"

namespace whohungup::exports::columns {

[[nodiscard]] std::unique_ptr<Reader> make_column_reader(const ColumnProduct& product, const Limits& limits);

[[nodiscard]] bool sniff_three_cx_cdr(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_three_cx_cdr_reader(const Limits& limits);
[[nodiscard]] bool sniff_talkdesk_calls(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_talkdesk_calls_reader(const Limits& limits);
[[nodiscard]] bool sniff_five9_call_log(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_five9_call_log_reader(const Limits& limits);
[[nodiscard]] bool sniff_avaya_cms_calls(std::string_view head);
[[nodiscard]] std::unique_ptr<Reader> make_avaya_cms_calls_reader(const Limits& limits);

}  // namespace whohungup::exports::columns
