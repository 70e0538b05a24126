// SPDX-License-Identifier: MIT
#include "exports/columns/column_reader.h"

#include <fmt/format.h>

#include "core/concat.h"
#include "exports/common/csv_export_reader.h"

namespace whohungup::exports::columns {

namespace {

/// The first of `aliases` the header has (CsvHeader::find ignores case and spaces around names).
int find_any(const CsvHeader& header, Aliases aliases) {
    for (const std::string_view alias : aliases) {
        if (const int index = header.find({alias}); index >= 0) return index;
    }
    return -1;
}

class ColumnReader final : public CsvExportReader {
public:
    ColumnReader(const ColumnProduct& product, const Limits& limits)
        : CsvExportReader(limits), product_(product), agents_(agent_pattern(limits)) {}

protected:
    std::string bind_columns(const CsvHeader& h) override {
        call_id_ = find_any(h, product_.call_id);
        value_ = find_any(h, product_.value);
        kind_ = find_any(h, product_.kind);
        caller_ = find_any(h, product_.caller);
        callee_ = find_any(h, product_.callee);
        caller_type_ = find_any(h, product_.caller_type);
        callee_type_ = find_any(h, product_.callee_type);
        agent_ = find_any(h, product_.agent);
        started_ = find_any(h, product_.started);
        ended_ = find_any(h, product_.ended);
        flag_ = find_any(h, product_.flag);
        segment_ = find_any(h, product_.segment);
        if (value_ < 0) return fmt::format("\"{}\"", product_.value.front());
        return {};
    }

    [[nodiscard]] std::string_view format_title() const override { return product_.title; }

    bool on_row(const std::vector<std::string>& cells, VerdictSink& out, std::string& why) override {
        ColumnRow row;
        row.value = std::string(cell(cells, value_));
        row.kind = std::string(cell(cells, kind_));
        row.call_id = std::string(cell(cells, call_id_));
        if (row.value.empty() && row.kind.empty() && row.call_id.empty()) {
            why = fmt::format("no call id and no {}", product_.value.front());
            return false;
        }
        row.caller = std::string(cell(cells, caller_));
        row.callee = std::string(cell(cells, callee_));
        row.caller_type = std::string(cell(cells, caller_type_));
        row.callee_type = std::string(cell(cells, callee_type_));
        row.agent = std::string(cell(cells, agent_));
        row.flag = std::string(cell(cells, flag_));
        row.segment = std::string(cell(cells, segment_));
        row.started_at_ms = read_time(cell(cells, started_));
        row.ended_at_ms = read_time(cell(cells, ended_));
        Verdict v = product_.decide(row, agents_);
        using detail::append_all;
        using detail::or_dash;
        std::string text = detail::concat({product_.call_id.front(), "=", or_dash(row.call_id), " ",
                                           product_.value.front(), "=", or_dash(row.value)});
        if (kind_ >= 0) append_all(text, {" ", product_.kind.front(), "=", or_dash(row.kind)});
        if (segment_ >= 0) append_all(text, {" ", product_.segment.front(), "=", or_dash(row.segment)});
        if (flag_ >= 0) append_all(text, {" ", product_.flag.front(), "=", or_dash(row.flag)});
        if (caller_ >= 0 || callee_ >= 0) {
            append_all(text, {" from=", or_dash(row.caller), " to=", or_dash(row.callee)});
        }
        attach_row(v, row.ended_at_ms, std::move(text));
        if (v.reason == Reason::unmapped_code) warn_unknown_code(product_.table(), v.raw_reason);
        out.on_verdict(std::move(v));
        return true;
    }

private:
    const ColumnProduct& product_;
    AgentMatch agents_;
    int call_id_ = -1, value_ = -1, kind_ = -1, caller_ = -1, callee_ = -1, caller_type_ = -1, callee_type_ = -1,
        agent_ = -1, started_ = -1, ended_ = -1, flag_ = -1, segment_ = -1;
};

}  // namespace

std::unique_ptr<Reader> make_column_reader(const ColumnProduct& product, const Limits& limits) {
    return std::make_unique<ColumnReader>(product, limits);
}

bool sniff_three_cx_cdr(std::string_view head) {
    return header_matches(three_cx_cdr(), head);
}
std::unique_ptr<Reader> make_three_cx_cdr_reader(const Limits& limits) {
    return make_column_reader(three_cx_cdr(), limits);
}
bool sniff_talkdesk_calls(std::string_view head) {
    return header_matches(talkdesk_calls(), head);
}
std::unique_ptr<Reader> make_talkdesk_calls_reader(const Limits& limits) {
    return make_column_reader(talkdesk_calls(), limits);
}
bool sniff_five9_call_log(std::string_view head) {
    return header_matches(five9_call_log(), head);
}
std::unique_ptr<Reader> make_five9_call_log_reader(const Limits& limits) {
    return make_column_reader(five9_call_log(), limits);
}
bool sniff_avaya_cms_calls(std::string_view head) {
    return header_matches(avaya_cms_calls(), head);
}
std::unique_ptr<Reader> make_avaya_cms_calls_reader(const Limits& limits) {
    return make_column_reader(avaya_cms_calls(), limits);
}

}  // namespace whohungup::exports::columns
