// SPDX-License-Identifier: MIT
#include "report/table_layout.h"

#include <numeric>

namespace whohungup::detail {

namespace {

constexpr std::size_t kGap = 2;           ///< spaces between columns
constexpr std::size_t kMinLastWidth = 8;  ///< the agent column never gets less than this while fitting
constexpr std::size_t kMinReasonWidth = 12;
constexpr std::size_t kCompactTimeWidth = 14;  ///< "11-20 14:01:35"
constexpr std::size_t kElidedContactWidth = 13;

TableColumn column_for(Field field) {
    switch (field) {
        case Field::kEndedAt: return {field, "ENDED (UTC)", 23};
        case Field::kStartedAt: return {field, "STARTED (UTC)", 23};
        case Field::kDurationS: return {field, "DURATION", 9, /*right=*/true};
        case Field::kEndedBy: return {field, "ENDED BY", 11};
        case Field::kCategory: return {field, "CATEGORY", 13};
        case Field::kReason: return {field, "REASON", kLongestReasonCode};
        case Field::kRawReason: return {field, "RAW REASON", 40};
        case Field::kConfidence: return {field, "CONF", 6};
        case Field::kContactId: return {field, "CONTACT", 36};
        case Field::kAgent: return {field, "AGENT", 16};
        case Field::kAgentName: return {field, "AGENT NAME", 16};
        case Field::kSourceFormat: return {field, "FORMAT", 18};
        case Field::kInput: return {field, "INPUT", 24};
        case Field::kDetail: return {field, "DETAIL", 60};
        case Field::kOutcome: return {field, "OUTCOME", 14};
        case Field::kEvidenceLines: return {field, "LINES", 5, /*right=*/true};
        case Field::kChannel: return {field, "CHANNEL", 8};
        case Field::kEndedBySide: return {field, "SIDE", 6};
        case Field::kAgreement: return {field, "AGREEMENT", 9};
        case Field::kSources: return {field, "SOURCES", 40};
    }
    return {field, "", 0};
}

/// Width of every column but the last, with the gaps, plus the last column's minimum.
std::size_t needed(const std::vector<TableColumn>& columns) {
    const std::size_t padded =
        std::accumulate(columns.begin(), columns.end() - 1, std::size_t{0},
                        [](std::size_t sum, const TableColumn& c) { return sum + c.width + kGap; });
    return padded + kMinLastWidth;
}

void drop(std::vector<TableColumn>& columns, Field field) {
    std::erase_if(columns, [field](const TableColumn& c) { return c.field == field; });
}

TableColumn* find(std::vector<TableColumn>& columns, Field field) {
    for (TableColumn& column : columns) {
        if (column.field == field) {
            return &column;
        }
    }
    return nullptr;
}

}  // namespace

TableLayout layout_table(const std::vector<std::string>& fields, std::size_t width) {
    TableLayout layout;
    if (!fields.empty()) {
        for (const Field field : fields_from_names(fields)) {
            layout.columns.push_back(column_for(field));
        }
        return layout;
    }
    for (const Field field : {Field::kEndedAt, Field::kDurationS, Field::kEndedBy, Field::kReason, Field::kConfidence,
                              Field::kContactId, Field::kAgent}) {
        layout.columns.push_back(column_for(field));
    }
    if (width == 0) {
        return layout;
    }
    layout.line_width = width;
    auto& columns = layout.columns;
    if (needed(columns) > width) {
        layout.compact_times = true;
        find(columns, Field::kEndedAt)->width = kCompactTimeWidth;
    }
    if (needed(columns) > width) {
        layout.elide_contact = true;
        find(columns, Field::kContactId)->width = kElidedContactWidth;
    }
    if (needed(columns) > width) {
        drop(columns, Field::kConfidence);
    }
    if (needed(columns) > width) {
        drop(columns, Field::kContactId);
    }
    if (needed(columns) > width) {
        TableColumn* reason = find(columns, Field::kReason);
        const std::size_t over = needed(columns) - width;
        reason->width = reason->width > over + kMinReasonWidth ? reason->width - over : kMinReasonWidth;
        reason->cut = true;
    }
    if (needed(columns) > width) {
        drop(columns, Field::kDurationS);
    }
    const std::size_t used = needed(columns) - kMinLastWidth;
    layout.last_width = width > used ? width - used : 1;
    return layout;
}

std::size_t text_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        width += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;  // not a continuation byte
    }
    return width;
}

std::string cut_text(std::string_view text, std::size_t width) {
    if (text_width(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return {};
    }
    std::string out;
    std::size_t kept = 0;
    for (const char c : text) {
        const bool starts = (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
        if (starts && kept == width - 1) {
            break;
        }
        kept += starts ? 1U : 0U;
        out.push_back(c);
    }
    out.push_back('~');
    return out;
}

std::string elide_middle(std::string_view text) {
    constexpr std::size_t kHead = 8;
    constexpr std::size_t kTail = 4;
    if (text_width(text) <= kHead + kTail + 1) {
        return std::string(text);
    }
    // Byte offsets of the head's end and the tail's start, on character boundaries.
    std::size_t head_end = 0;
    for (std::size_t seen = 0; head_end < text.size(); ++head_end) {
        if ((static_cast<unsigned char>(text[head_end]) & 0xC0U) != 0x80U && seen++ == kHead) {
            break;
        }
    }
    std::size_t tail_start = text.size();
    for (std::size_t seen = 0; tail_start > 0 && seen < kTail;) {
        --tail_start;
        seen += (static_cast<unsigned char>(text[tail_start]) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    return std::string(text.substr(0, head_end)) + "~" + std::string(text.substr(tail_start));
}

}  // namespace whohungup::detail
