// SPDX-License-Identifier: MIT
#include "exports/asterisk/cdr_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "core/concat.h"
#include "exports/asterisk/cdr_decide.h"
#include "exports/asterisk/queue_log_decoder.h"
#include "exports/common/csv_export_reader.h"
#include "exports/common/open_calls.h"

namespace whohungup::exports::asterisk {

namespace {

/// Where each field sits; -1 when the file does not have it.
struct CdrColumns {
    int uniqueid = -1, linkedid = -1, src = -1, dst = -1, channel = -1, dstchannel = -1, disposition = -1,
        userfield = -1, start = -1, answer = -1, end = -1, calldate = -1, duration = -1;
};

/// cdr_csv's Master.csv (cdr/cdr_csv.c: accountcode, src, dst, dcontext, clid, channel,
/// dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags,
/// uniqueid, userfield, then with newcdrcolumns peeraccount, linkedid, sequence).
constexpr CdrColumns kCdrCsv{.uniqueid = 16,
                             .linkedid = 19,
                             .src = 1,
                             .dst = 2,
                             .channel = 5,
                             .dstchannel = 6,
                             .disposition = 14,
                             .userfield = 17,
                             .start = 9,
                             .answer = 10,
                             .end = 11};
/// cdr_custom.conf.sample's Master.csv mapping (clid, src, dst, dcontext, channel, dstchannel,
/// lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, accountcode,
/// uniqueid, userfield, sequence).
constexpr CdrColumns kCdrCustom{.uniqueid = 16,
                                .src = 1,
                                .dst = 2,
                                .channel = 4,
                                .dstchannel = 5,
                                .disposition = 13,
                                .userfield = 17,
                                .start = 8,
                                .answer = 9,
                                .end = 10};

bool is_disposition(std::string_view text) {
    return mappings::lookup(mappings::asterisk_cdr_disposition(), text) != nullptr;
}

/// "2026-11-20 14:01:35" or empty (an answer time of a call never answered).
bool is_cdr_time(std::string_view text) {
    return text.empty() || (text.size() >= 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ');
}

/// The headerless template `first_row` follows, judged by its disposition and time cells.
std::optional<CdrColumns> template_of(const std::vector<std::string>& row) {
    for (const CdrColumns& columns : {kCdrCsv, kCdrCustom}) {
        if (row.size() > static_cast<std::size_t>(columns.disposition) + 1 &&
            is_disposition(cell(row, columns.disposition)) && is_cdr_time(cell(row, columns.start)) &&
            is_cdr_time(cell(row, columns.end))) {
            return columns;
        }
    }
    return std::nullopt;
}

/// The cells of one CSV line (quotes as cdr_csv writes them: every field quoted, "" inside).
std::vector<std::string> split_line(std::string_view line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            cells.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

class CdrReader final : public CsvExportReader {
public:
    explicit CdrReader(const Limits& limits)
        : CsvExportReader(limits), max_open_calls_(limits.max_open_calls), agents_(agent_pattern(limits)) {}

protected:
    std::string bind_columns(const CsvHeader& h) override {
        c_ = CdrColumns{};
        c_.uniqueid = h.find({"uniqueid"});
        c_.linkedid = h.find({"linkedid"});
        c_.src = h.find({"src"});
        c_.dst = h.find({"dst"});
        c_.channel = h.find({"channel"});
        c_.dstchannel = h.find({"dstchannel"});
        c_.disposition = h.find({"disposition"});
        c_.userfield = h.find({"userfield"});
        c_.start = h.find({"start"});
        c_.answer = h.find({"answer"});
        c_.end = h.find({"end"});
        c_.calldate = h.find({"calldate"});
        c_.duration = h.find({"duration"});
        if (c_.disposition < 0) return "\"disposition\"";
        return {};
    }

    bool bind_headerless(const std::vector<std::string>& first_row) override {
        const std::optional<CdrColumns> columns = template_of(first_row);
        if (columns) c_ = *columns;
        return columns.has_value();
    }

    [[nodiscard]] std::string_view format_title() const override { return "an Asterisk CDR file"; }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        AsteriskCdr cdr;
        cdr.disposition = std::string(cell(row, c_.disposition));
        if (cdr.disposition.empty()) {
            why = "no disposition";
            return false;
        }
        cdr.uniqueid = std::string(cell(row, c_.uniqueid));
        cdr.linkedid = std::string(cell(row, c_.linkedid));
        cdr.src = std::string(cell(row, c_.src));
        cdr.dst = std::string(cell(row, c_.dst));
        cdr.channel = std::string(cell(row, c_.channel));
        cdr.dstchannel = std::string(cell(row, c_.dstchannel));
        cdr.userfield = std::string(cell(row, c_.userfield));
        cdr.started_at_ms = time_of(cell(row, c_.start >= 0 ? c_.start : c_.calldate));
        cdr.answered_at_ms = time_of(cell(row, c_.answer));
        cdr.ended_at_ms = time_of(cell(row, c_.end));
        if (cdr.ended_at_ms == kNoTime && cdr.started_at_ms != kNoTime) {
            std::int64_t seconds = 0;  // the cdr table has calldate and duration, not end
            const std::string_view duration = cell(row, c_.duration);
            if (std::from_chars(duration.data(), duration.data() + duration.size(), seconds).ec == std::errc()) {
                cdr.ended_at_ms = cdr.started_at_ms + seconds * 1000;
            }
        }
        std::string text =
            fmt::format("uniqueid={} linkedid={} src={} dst={} channel={} dstchannel={} disposition={} userfield={}",
                        detail::or_dash(cdr.uniqueid), detail::or_dash(cdr.linkedid), detail::or_dash(cdr.src),
                        detail::or_dash(cdr.dst), detail::or_dash(cdr.channel), detail::or_dash(cdr.dstchannel),
                        cdr.disposition, detail::or_dash(cdr.userfield));
        if (!is_disposition(cdr.disposition)) warn_unknown_code(mappings::asterisk_cdr_disposition(), cdr.disposition);
        if (!cdr.linkedid.empty()) {  // Asterisk 12+: the CDRs of one call share it
            hold(std::move(cdr), std::move(text), out);
            return true;
        }
        Verdict decided = decide_cdr(cdr, agents_);
        attach_row(decided, cdr.ended_at_ms, std::move(text));
        out.on_verdict(std::move(decided));
        return true;
    }

public:
    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        calls_.drain([&](const AsteriskCdrCall& call) { out.on_verdict(decide_cdr_call(call, agents_)); });
    }

private:
    std::int64_t time_of(std::string_view text) {
        if (text.empty()) return kNoTime;
        const std::int64_t ms = parse_queue_log_time(text);
        return ms == kNoTime ? read_time(text) : ms;  // read_time warns once when unreadable
    }

    /// What a row says (not where it was read), for telling a repeated row from a new one.
    static std::uint64_t row_hash(const AsteriskCdr& c) {
        return std::hash<std::string>{}(fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", c.uniqueid,
                                                    c.channel, c.dstchannel, c.disposition, c.userfield,
                                                    c.started_at_ms, c.answered_at_ms, c.ended_at_ms, c.src + c.dst));
    }

    void hold(AsteriskCdr&& cdr, std::string&& text, VerdictSink& out) {
        // Every CDR is written when its leg ends: a call whose last leg ended an hour before this
        // row's is over, and is decided as reading goes on.
        if (calls_.settle_due(since_sweep_, max_open_calls_)) {
            if (const std::int64_t now = cdr.ended_at_ms; now != kNoTime) {
                calls_.settle(
                    [&](const AsteriskCdrCall& call) {
                        return call.ended_at_ms != kNoTime && now - call.ended_at_ms > kCallSettleMs;
                    },
                    [&](const AsteriskCdrCall& call) { out.on_verdict(decide_cdr_call(call, agents_)); });
            }
        }
        AsteriskCdrCall* call = calls_.find(cdr.linkedid);
        if (call == nullptr) {
            const auto emit = [&](const AsteriskCdrCall& oldest) { out.on_verdict(decide_cdr_call(oldest, agents_)); };
            if (calls_.make_room(max_open_calls_, emit) && !warned_) {
                warned_ = true;
                report(Diagnostic::warning(input(), fmt::format("more than {} calls open at once (--max-open-calls): "
                                                                "the oldest are decided before all their rows are "
                                                                "read (said once)",
                                                                max_open_calls_)));
            }
            call = &calls_.add(cdr.linkedid);
        }
        if (!call->seen_rows.first_time(row_hash(cdr))) return;
        const std::int64_t ended = cdr.ended_at_ms;
        call->add(std::move(cdr), Evidence{ended, input(), line(), byte(), std::move(text)});
    }

    CdrColumns c_;
    std::size_t max_open_calls_;
    AgentMatch agents_;
    OpenCalls<AsteriskCdrCall> calls_;
    bool warned_ = false;
    std::uint64_t since_sweep_ = 0;
};

}  // namespace

bool sniff_cdr(std::string_view head) {
    const std::string header = first_line_lowered(head);
    if (header.find("disposition") != std::string::npos && header.find("billsec") != std::string::npos &&
        header.find("dcontext") != std::string::npos) {
        return true;
    }
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    return template_of(split_line(head.substr(0, head.find('\n')))).has_value();
}

std::unique_ptr<Reader> make_cdr_reader(const Limits& limits) {
    return std::make_unique<CdrReader>(limits);
}

std::string cdr_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::asterisk
