// SPDX-License-Identifier: MIT
#include "exports/genesys/interactions_csv_reader.h"

#include <fmt/format.h>

#include "core/concat.h"
#include "exports/common/csv_export_reader.h"
#include "exports/common/date_order_vote.h"
#include "exports/genesys/conversation_decide.h"
#include "exports/genesys/conversation_decoder.h"

namespace whohungup::exports {

namespace {

/// How much of the file tells its date order: the rows an export's first 64 KiB hold, at most
/// 1000 (a day above 12 turns up within two weeks of calls).
constexpr std::size_t kDateHeadBytes = std::size_t{64} << 10;
constexpr std::size_t kDateHeadRows = 1000;

int date_column(const CsvHeader& header) {
    return header.find({"Date", "Start Date", "Conversation Start"});
}

class GenesysInteractionsCsvReader final : public CsvExportReader {
public:
    using CsvExportReader::CsvExportReader;

    /// The UI writes the Date column in the exporting user's locale: its order is read off the
    /// head of the file before any row is decided, and said when the head cannot tell.
    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        const std::string_view head = source.peek(kDateHeadBytes);
        const DateOrderVote vote = vote_date_order(head, head.size() < kDateHeadBytes, date_column, kDateHeadRows);
        set_date_order(vote.order);
        if (vote.mixed()) {
            diag.report(Diagnostic::warning(
                input_name, fmt::format("the Date column has dates only day-first reads (\"{}\") and dates only "
                                        "month-first reads (\"{}\"): read month first (M/D/Y), so the day-first "
                                        "ones are left unknown",
                                        vote.day_first, vote.month_first)));
        } else if (vote.ambiguous()) {
            diag.report(Diagnostic::warning(
                input_name,
                fmt::format("{} the same in either order (no day above 12): read month first (M/D/Y, the US "
                            "order); if this export is day-first (D/M/Y), its days and months are swapped",
                            vote.dates == 1 ? std::string("the Date column's one date reads")
                                            : fmt::format("the Date column's first {} dates read", vote.dates))));
        }
        return CsvExportReader::read(source, input_name, out, diag);
    }

protected:
    std::string bind_columns(const CsvHeader& header) override {
        id_ = header.find({"Conversation ID", "Interaction ID"});
        disconnect_ = header.find({"Disconnect Type"});
        abandoned_ = header.find({"Abandoned"});
        users_ = header.find({"Users - Interacted", "Users - Alerted"});
        date_ = date_column(header);
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
        // The row is the Interactions view's summary of one conversation: the same decide() as the
        // JSON shapes, from the fields the view carries.
        genesys::GenesysConversation conversation;
        conversation.shape = genesys::Shape::kInteractionsRow;
        conversation.id = std::string(id);
        conversation.started_at_ms = read_time(cell(row, date_));
        conversation.disconnect_type = std::string(disconnect);
        conversation.abandoned = abandoned == "YES" || abandoned == "Yes" || abandoned == "yes";
        conversation.users = std::string(cell(row, users_));
        conversation.media = std::string(cell(row, media_));
        conversation.channel = genesys::channel_of_media(conversation.media);
        std::vector<genesys::UnknownCode> unknown;
        Verdict decided = genesys::decide(conversation, unknown);
        for (const genesys::UnknownCode& code : unknown) {
            warn_unknown_code(*code.table, code.code);
        }
        Verdict v =
            new_verdict("genesys-interactions-csv",
                        detail::concat({"Conversation ID=", id, " Disconnect Type=", detail::or_dash(disconnect),
                                        " Abandoned=", detail::or_dash(abandoned)}));
        decided.source_format = std::move(v.source_format);
        decided.input = std::move(v.input);
        decided.evidence = std::move(v.evidence);
        out.on_verdict(std::move(decided));
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
