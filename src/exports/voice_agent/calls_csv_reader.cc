// SPDX-License-Identifier: MIT
#include "exports/voice_agent/calls_csv_reader.h"

#include <fmt/format.h>

#include "core/concat.h"
#include "exports/common/csv_export_reader.h"
#include "mappings/reason_table.h"

namespace whohungup::exports {

namespace {

class VoiceAgentCallsCsvReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

protected:
    std::string bind_columns(const CsvHeader& header) override {
        id_ = header.find({"call_id", "Call ID", "Session ID", "Session/Call ID", "Call Id"});
        reason_ = header.find({"disconnection_reason", "Disconnection Reason", "End Reason"});
        status_ = header.find({"call_status", "Call Status", "Session Status", "Session/Call Status"});
        agent_ = header.find({"agent_id", "Agent ID"});
        agent_name_ = header.find({"agent_name", "Agent Name", "Agent"});
        start_ = header.find({"start_timestamp", "Time", "Start Time"});
        end_ = header.find({"end_timestamp", "End Time"});
        if (id_ < 0) return R"(call id ("call_id", "Call ID" or "Session ID"))";
        if (reason_ < 0)
            return R"(disconnection reason ("disconnection_reason", "Disconnection Reason" or "End Reason"))";
        return {};
    }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        const std::string_view id = cell(row, id_);
        if (id.empty()) {
            why = "no call id";
            return false;
        }
        const std::string_view reason = cell(row, reason_);
        const std::string_view status = cell(row, status_);
        Verdict v = new_verdict("voice-agent-calls-csv",
                                detail::concat({"call_id=", id, " call_status=", detail::or_dash(status),
                                                " disconnection_reason=", detail::or_dash(reason)}));
        v.contact_id = std::string(id);
        v.agent = std::string(cell(row, agent_));
        v.agent_name = std::string(cell(row, agent_name_));
        v.started_at_ms = read_time(cell(row, start_));
        v.ended_at_ms = read_time(cell(row, end_));
        if (reason.empty()) {
            v.ended_by = Party::kUnknown;
            v.category = status == "ongoing" || status == "registered" ? Category::kInProgress : Category::kOther;
            v.reason = v.category == Category::kInProgress ? "call_in_progress" : "no_disconnect_reason";
            v.raw_reason = std::string(status);
            v.detail = "The row has no disconnection reason.";
        } else {
            map_code(mappings::retell_disconnection_reason(), reason, v);
            if (v.detail.empty()) {
                v.detail = detail::concat({"The call history says ", reason, "."});
            }
        }
        out.on_verdict(std::move(v));
        return true;
    }

private:
    int id_ = -1, reason_ = -1, status_ = -1, agent_ = -1, agent_name_ = -1, start_ = -1, end_ = -1;
};

}  // namespace

bool sniff_voice_agent_calls_csv(std::string_view head) {
    const std::string line = first_line_lowered(head);
    if (line.starts_with("[") || line.starts_with("{")) return false;
    const bool reason = line.find("disconnection_reason") != std::string::npos ||
                        line.find("disconnection reason") != std::string::npos ||
                        line.find("end reason") != std::string::npos;
    const bool id = line.find("call_id") != std::string::npos || line.find("call id") != std::string::npos ||
                    line.find("session id") != std::string::npos;
    return reason && id;
}

std::unique_ptr<Reader> make_voice_agent_calls_csv_reader(const Limits& limits) {
    return std::make_unique<VoiceAgentCallsCsvReader>(limits);
}

}  // namespace whohungup::exports
