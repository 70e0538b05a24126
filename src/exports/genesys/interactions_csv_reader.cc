// SPDX-License-Identifier: MIT
#include "exports/genesys/interactions_csv_reader.h"

#include <fmt/format.h>

#include "core/concat.h"
#include "exports/common/csv_export_reader.h"
#include "mappings/reason_table.h"

namespace whohungup::exports {

namespace {

class GenesysInteractionsCsvReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

protected:
    std::string bind_columns(const CsvHeader& header) override {
        id_ = header.find({"Conversation ID", "Interaction ID"});
        disconnect_ = header.find({"Disconnect Type"});
        abandoned_ = header.find({"Abandoned"});
        users_ = header.find({"Users - Interacted", "Users - Alerted"});
        date_ = header.find({"Date", "Start Date", "Conversation Start"});
        media_ = header.find({"Media Type"});
        if (id_ < 0) return "\"Conversation ID\"";
        if (disconnect_ < 0) return "\"Disconnect Type\"";
        return {};
    }

    bool on_row(const std::vector<std::string>& row, VerdictSink& out, std::string& why) override {
        const std::string_view id = cell(row, id_);
        if (id.empty()) {
            why = "no Conversation ID";
            return false;
        }
        const std::string_view disconnect = cell(row, disconnect_);
        const std::string_view abandoned = cell(row, abandoned_);
        Verdict v =
            new_verdict("genesys-interactions-csv",
                        detail::concat({"Conversation ID=", id, " Disconnect Type=", detail::or_dash(disconnect),
                                        " Abandoned=", detail::or_dash(abandoned)}));
        v.contact_id = std::string(id);
        v.agent_name = std::string(cell(row, users_));
        v.started_at_ms = read_time(cell(row, date_));
        if (abandoned == "YES" || abandoned == "Yes" || abandoned == "yes") {
            mappings::apply(mappings::genesys_outcome(), "abandoned", v);
            v.raw_reason = disconnect.empty() ? std::string("Abandoned=YES") : std::string(disconnect);
            v.outcome = "abandoned";
            v.detail = "The export marks the interaction abandoned.";
        } else if (disconnect.empty()) {
            v.ended_by = Party::kUnknown;
            v.category = Category::kInProgress;
            v.reason = "conversation_in_progress";
            v.confidence = Confidence::kMedium;
            v.outcome = "in_progress";
            v.detail = "The export has no Disconnect Type: the interaction was still in progress.";
        } else {
            map_code(mappings::genesys_interactions_disconnect_type(), disconnect, v);
            if (v.detail.empty()) {
                v.detail = detail::concat({"The export's Disconnect Type is ", disconnect, "."});
            }
            if (!v.agent_name.empty()) v.outcome = "handled";
        }
        if (media_ >= 0 && !cell(row, media_).empty()) {
            v.detail += detail::concat({" Media: ", cell(row, media_), "."});
        }
        out.on_verdict(std::move(v));
        return true;
    }

private:
    int id_ = -1, disconnect_ = -1, abandoned_ = -1, users_ = -1, date_ = -1, media_ = -1;
};

}  // namespace

bool sniff_genesys_interactions_csv(std::string_view head) {
    const std::string line = first_line_lowered(head);
    // The export's first column, or the column this reader needs; a missing one is then named.
    return line.find("conversation id") != std::string::npos &&
           (line.find("disconnect type") != std::string::npos ||
            line.find("full export completed") != std::string::npos);
}

std::unique_ptr<Reader> make_genesys_interactions_csv_reader(const Limits& limits) {
    return std::make_unique<GenesysInteractionsCsvReader>(limits);
}

}  // namespace whohungup::exports
