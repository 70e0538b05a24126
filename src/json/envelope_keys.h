// SPDX-License-Identifier: MIT
// Which members of a top-level JSON object hold records: a vendor's list envelope
// ({"conversations": [...], "totalHits": 9}), or an object of arrays keyed by name (a GMS query
// by queue). JsonArraySplitter streams the arrays of such members element by element, so an
// export bigger than one record costs the memory of its largest record, not of the whole export.
// Each reader declares its envelopes next to its own code.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace whohungup::detail {

struct EnvelopeKeys {
    /// Member names whose array value is a list of records, wherever they sit in the object.
    std::vector<std::string_view> keys;
    /// An object whose first member is an array is an object of record arrays: every member
    /// that is an array is a list of records, whatever its name; the other members are not read.
    bool arrays_by_name = false;

    [[nodiscard]] bool empty() const { return keys.empty() && !arrays_by_name; }

    /// Whether member `key` (its raw text between the quotes), whose value is an array, holds
    /// records. `first` is true for an object's first member, `in_envelope` once an earlier
    /// member was a record array. A name written with escapes is never one of `keys`.
    [[nodiscard]] bool holds_records(std::string_view key, bool first, bool in_envelope) const {
        if (arrays_by_name && (first || in_envelope)) {
            return true;
        }
        return std::ranges::any_of(keys, [key](std::string_view known) { return key == known; });
    }
};

}  // namespace whohungup::detail
