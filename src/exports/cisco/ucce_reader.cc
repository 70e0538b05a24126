// SPDX-License-Identifier: MIT
#include "exports/cisco/ucce_reader.h"

#include <fmt/format.h>

#include <charconv>

#include "core/concat.h"
#include "exports/cisco/ucce_decide.h"
#include "exports/common/csv_export_reader.h"

namespace whohungup::exports::cisco {

namespace {

class UcceTcdReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

protected:
    std::string bind_columns(const CsvHeader& h) override {
        disposition_ = h.find({"CallDisposition"});
        recovery_key_ = h.find({"RecoveryKey"});
        peripheral_key_ = h.find({"PeripheralCallKey"});
        router_day_ = h.find({"RouterCallKeyDay"});
        router_key_ = h.find({"RouterCallKey"});
        date_time_ = h.find({"DateTime"});
        start_utc_ = h.find({"StartDateTimeUTC"});
        duration_ = h.find({"Duration"});
        ani_ = h.find({"ANI"});
        dnis_ = h.find({"DNIS", "DigitsDialed"});
        if (disposition_ < 0) return "\"CallDisposition\"";
        return {};
    }

    [[nodiscard]] std::string_view format_title() const override { return "a Termination_Call_Detail export"; }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        TcdRecord record;
        record.disposition = std::string(cell(row, disposition_));
        if (record.disposition.empty()) {
            why = "no CallDisposition";
            return false;
        }
        const std::string_view day = cell(row, router_day_);
        const std::string_view key = cell(row, router_key_);
        if (!day.empty() && !key.empty() && key != "0") {
            record.call_key = detail::concat({day, ".", key});  // the router's id of the call
        } else if (!cell(row, peripheral_key_).empty()) {
            record.call_key = std::string(cell(row, peripheral_key_));
        } else {
            record.call_key = std::string(cell(row, recovery_key_));
        }
        record.ani = std::string(cell(row, ani_));
        record.dnis = std::string(cell(row, dnis_));
        // DateTime is written when the call leaves the peripheral: the end; Duration runs back to
        // the start when StartDateTimeUTC is not exported.
        record.ended_at_ms = read_time(cell(row, date_time_));
        record.started_at_ms = read_time(cell(row, start_utc_));
        std::int64_t seconds = 0;
        const std::string_view duration = cell(row, duration_);
        if (record.started_at_ms == kNoTime && record.ended_at_ms != kNoTime &&
            std::from_chars(duration.data(), duration.data() + duration.size(), seconds).ec == std::errc()) {
            record.started_at_ms = record.ended_at_ms - seconds * 1000;
        }
        Verdict v = decide_tcd(record);
        attach_row(v, record.ended_at_ms,
                   detail::concat({"RecoveryKey=", detail::or_dash(cell(row, recovery_key_)), " RouterCallKey=",
                                   record.call_key, " PeripheralCallKey=", detail::or_dash(cell(row, peripheral_key_)),
                                   " CallDisposition=", record.disposition, " ANI=", detail::or_dash(record.ani),
                                   " Duration=", detail::or_dash(duration)}));
        if (v.reason == Reason::unmapped_code) warn_unknown_code(mappings::ucce_call_disposition(), record.disposition);
        out.on_verdict(std::move(v));
        return true;
    }

private:
    int disposition_ = -1, recovery_key_ = -1, peripheral_key_ = -1, router_day_ = -1, router_key_ = -1,
        date_time_ = -1, start_utc_ = -1, duration_ = -1, ani_ = -1, dnis_ = -1;
};

}  // namespace

bool sniff_ucce_tcd(std::string_view head) {
    const std::string header = first_line_lowered(head);
    return header.find("calldisposition") != std::string::npos &&
           (header.find("peripheralcallkey") != std::string::npos ||
            header.find("routercallkey") != std::string::npos || header.find("recoverykey") != std::string::npos);
}

std::unique_ptr<Reader> make_ucce_tcd_reader(const Limits& limits) {
    return std::make_unique<UcceTcdReader>(limits);
}

}  // namespace whohungup::exports::cisco
