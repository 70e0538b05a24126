// SPDX-License-Identifier: MIT
#include "exports/kamailio/acc_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "core/concat.h"
#include "exports/common/csv_export_reader.h"
#include "exports/common/open_calls.h"
#include "exports/kamailio/acc_decide.h"

namespace whohungup::exports::kamailio {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

/// A count column of OpenSIPS's CDR mode ("12"); nullopt when empty, NULL, unreadable, 0
/// (transaction-mode rows write 0: a 0 there says nothing) or too large for a time span (so
/// that scaling and adding it stays exact).
std::optional<std::int64_t> positive_count(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0 || value > detail::kLastTimeMs / 1000) {
        return std::nullopt;
    }
    return value;
}

bool answered(const AccRow& row) {
    return row.sip_code.starts_with('2');
}

/// Whether `row` is a better INVITE for the call than `held`: an answered one over a failed one
/// (a forked INVITE writes a row per branch); of two answered, the earlier (later ones are
/// re-INVITEs inside the dialog); of two failed, the later. Ties keep the row read first.
bool better_invite(const AccRow& row, const AccRow& held) {
    if (answered(row) != answered(held)) return answered(row);
    if (row.time_ms == kNoTime || held.time_ms == kNoTime) return false;
    return answered(row) ? row.time_ms < held.time_ms : row.time_ms > held.time_ms;
}

/// A BYE, a failed INVITE, or an OpenSIPS CDR (written once the BYE is answered) ends a call.
bool ended(const AccCall& call) {
    return call.bye.has_value() || (call.invite && (!answered(*call.invite) || call.invite->duration_ms));
}

/// The first BYE decides: the side that sent it first hung up.
bool earlier(const AccRow& row, const AccRow& held) {
    return row.time_ms != kNoTime && (held.time_ms == kNoTime || row.time_ms < held.time_ms);
}

/// The acc table on the common CSV loop (header, bad rows, "mostly not this format"), holding
/// its rows by callid until the end of the group.
class AccReader final : public CsvExportReader {
public:
    explicit AccReader(const Limits& limits)
        : CsvExportReader(limits), max_open_calls_(limits.max_open_calls), agents_(agent_pattern(limits)) {}

    void finish(VerdictSink& out, DiagnosticSink& diag) override {
        calls_.drain([&](const AccCall& call) { emit(call, out, [&](const Diagnostic& d) { diag.report(d); }); });
    }

protected:
    /// The default column names (acc_*_column parameters; the kamctl acc-create.sql schemas),
    /// and the extra columns the acc README's examples log for the caller and the callee.
    std::string bind_columns(const CsvHeader& h) override {
        method_ = h.find({"method"});
        from_tag_ = h.find({"from_tag"});
        to_tag_ = h.find({"to_tag"});
        callid_ = h.find({"callid"});
        sip_code_ = h.find({"sip_code"});
        sip_reason_ = h.find({"sip_reason"});
        time_ = h.find({"time"});
        // OpenSIPS's CDR-mode columns (its acc-create.sql; the acc README's "cdr" flag).
        created_ = h.find({"created"});
        setuptime_ = h.find({"setuptime"});
        duration_ = h.find({"duration"});
        ms_duration_ = h.find({"ms_duration"});
        caller_ = h.find({"src_user", "from_user", "caller", "from_uri", "src_uri"});
        callee_ = h.find({"dst_ouser", "dst_user", "to_user", "callee", "to_uri", "dst_uri"});
        if (method_ < 0) return "\"method\"";
        if (from_tag_ < 0) return "\"from_tag\"";
        if (to_tag_ < 0) return "\"to_tag\"";
        if (callid_ < 0) return "\"callid\"";
        if (sip_code_ < 0) return "\"sip_code\"";
        return {};
    }

    [[nodiscard]] std::string_view format_title() const override { return "a Kamailio / OpenSIPS acc table"; }

    bool on_row(const std::vector<std::string>& cells, VerdictSink& out, std::string& why) override {
        AccRow acc;
        acc.method = upper(cell(cells, method_));
        acc.callid = std::string(cell(cells, callid_));
        if (acc.method.empty()) {
            why = "no method";
            return false;
        }
        if (acc.callid.empty()) {
            why = "no callid";
            return false;
        }
        // Only the INVITE and the BYE say how a call ended; ACK, CANCEL (its INVITE's 487 says
        // the same), REGISTER, OPTIONS, MESSAGE … are read and passed over.
        if (acc.method != "INVITE" && acc.method != "BYE") return true;
        acc.from_tag = std::string(cell(cells, from_tag_));
        acc.to_tag = std::string(cell(cells, to_tag_));
        acc.sip_code = std::string(cell(cells, sip_code_));
        acc.sip_reason = std::string(cell(cells, sip_reason_));
        acc.caller = std::string(cell(cells, caller_));
        acc.callee = std::string(cell(cells, callee_));
        const std::string_view time_text = cell(cells, time_);
        acc.time_ms = read_time(time_text);  // DATETIME, read as UTC
        read_cdr_columns(cells, acc);
        acc.input = input();
        acc.line = line();
        acc.byte = byte();
        acc.text = fmt::format("method={} from_tag={} to_tag={} callid={} sip_code={} sip_reason={} time={}",
                               acc.method, detail::or_dash(acc.from_tag), detail::or_dash(acc.to_tag), acc.callid,
                               detail::or_dash(acc.sip_code), detail::or_dash(acc.sip_reason),
                               detail::or_dash(std::string(time_text)));
        if (caller_ >= 0 || callee_ >= 0) {
            acc.text += fmt::format(" from={} to={}", detail::or_dash(acc.caller), detail::or_dash(acc.callee));
        }
        if (created_ >= 0 || duration_ >= 0 || ms_duration_ >= 0) {
            acc.text +=
                fmt::format(" created={} setuptime={} duration={} ms_duration={}",
                            detail::or_dash(cell(cells, created_)), detail::or_dash(cell(cells, setuptime_)),
                            detail::or_dash(cell(cells, duration_)), detail::or_dash(cell(cells, ms_duration_)));
        }
        add(std::move(acc), out);
        return true;
    }

private:
    /// The CDR-mode columns, when the table has them: ms_duration over duration (whole seconds,
    /// rounded up by OpenSIPS).
    void read_cdr_columns(const std::vector<std::string>& cells, AccRow& acc) {
        const std::string_view created = cell(cells, created_);
        if (!created.empty() && created != "NULL") acc.created_ms = read_time(created);
        if (const auto setup = positive_count(cell(cells, setuptime_))) acc.setup_ms = *setup * 1000;
        if (const auto ms = positive_count(cell(cells, ms_duration_))) {
            acc.duration_ms = *ms;
        } else if (const auto seconds = positive_count(cell(cells, duration_))) {
            acc.duration_ms = *seconds * 1000;
        }
    }

    /// What a row says (not where it was read), for telling a repeated row from a new one.
    static std::uint64_t row_hash(const AccRow& r) {
        return std::hash<std::string>{}(fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", r.method,
                                                    r.from_tag, r.to_tag, r.sip_code, r.sip_reason, r.time_ms, r.caller,
                                                    r.callee));
    }

    void add(AccRow&& row, VerdictSink& out) {
        // An ended call (a BYE, or a failed INVITE) an hour old is decided as reading goes on.
        if (calls_.settle_due(since_sweep_, max_open_calls_)) {
            sweep(row.time_ms, out);
        }
        AccCall* held = calls_.find(row.callid);
        if (held == nullptr) {
            make_room(out);
            held = &calls_.add(row.callid);
        }
        AccCall& call = *held;
        if (!call.seen_rows.first_time(row_hash(row))) return;
        if (row.time_ms != kNoTime && (call.touched_ms == kNoTime || row.time_ms > call.touched_ms)) {
            call.touched_ms = row.time_ms;
        }
        std::optional<AccRow>& slot = row.method == "INVITE" ? call.invite : call.bye;
        const bool take = !slot || (row.method == "INVITE" ? better_invite(row, *slot) : earlier(row, *slot));
        if (take) slot = std::move(row);
    }

    void make_room(VerdictSink& out) {
        const auto say = [this](const Diagnostic& d) { report(d); };
        if (calls_.make_room(max_open_calls_, [&](const AccCall& call) { emit(call, out, say); }) && !warned_) {
            warned_ = true;
            report(Diagnostic::warning(input(), fmt::format("more than {} calls open at once (--max-open-calls): "
                                                            "the oldest are decided before all their rows are read "
                                                            "(said once)",
                                                            max_open_calls_)));
        }
    }

    /// Ended calls no row has touched for kCallSettleMs of acc time are decided, in first-seen order.
    void sweep(std::int64_t now_ms, VerdictSink& out) {
        if (now_ms == kNoTime) return;
        const auto say = [this](const Diagnostic& d) { report(d); };
        calls_.settle(
            [&](const AccCall& call) {
                return ended(call) && call.touched_ms != kNoTime && now_ms - call.touched_ms > kCallSettleMs;
            },
            [&](const AccCall& call) { emit(call, out, say); });
    }

    /// Decides one call; an INVITE code the table does not know is said once per value (`say`:
    /// the finish() sink, or the common loop's while a row is read).
    template <typename Say>
    void emit(const AccCall& call, VerdictSink& out, Say&& say) const {
        Verdict v = decide(call, agents_);
        if (v.reason == Reason::unmapped_code && call.invite) {
            say(mappings::unknown_code_warning(mappings::kamailio_acc_invite_code(), call.invite->sip_code,
                                               call.invite->input, call.invite->line, call.invite->byte));
        }
        out.on_verdict(std::move(v));
    }

    std::size_t max_open_calls_;
    AgentMatch agents_;
    OpenCalls<AccCall> calls_;
    bool warned_ = false;
    std::uint64_t since_sweep_ = 0;
    int method_ = -1, from_tag_ = -1, to_tag_ = -1, callid_ = -1, sip_code_ = -1, sip_reason_ = -1, time_ = -1,
        caller_ = -1, callee_ = -1, created_ = -1, setuptime_ = -1, duration_ = -1, ms_duration_ = -1;
};

}  // namespace

bool sniff_acc(std::string_view head) {
    static constexpr std::array<std::string_view, 5> kNames{"method", "from_tag", "to_tag", "callid", "sip_code"};
    const std::string line = first_line_lowered(head);
    return std::all_of(kNames.begin(), kNames.end(),
                       [&](std::string_view name) { return line.find(name) != std::string::npos; });
}

std::unique_ptr<Reader> make_acc_reader(const Limits& limits) {
    return std::make_unique<AccReader>(limits);
}

std::string acc_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::kamailio
