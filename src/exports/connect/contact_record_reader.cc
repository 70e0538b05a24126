// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_reader.h"

#include <fmt/format.h>

#include <unordered_map>
#include <vector>

#include "core/concat.h"
#include "exports/common/json_record_reader.h"
#include "exports/connect/contact_record_decide.h"
#include "exports/connect/contact_record_decoder.h"
#include "json/dom_access.h"
#include "reconcile/spill_file.h"
#include "reconcile/verdict_codec.h"
#include "reconcile/winner.h"

namespace whohungup::exports {

namespace {

/// What linking transfer legs needs of one contact's winning record. The verdict itself waits in
/// the reader's temporary file, so memory holds ids and a few codes per contact, not whole records.
struct HeldRecord {
    reconcile::SpillFile::Place verdict;
    reconcile::WinnerKey key;  ///< LastUpdateTimestamp and completeness, for the winner rule
    std::uint32_t input = 0;   ///< index into the reader's input names
    std::string previous_contact;
    std::string next_contact;
    std::string initial_contact;
    std::string initiation_method;
    bool transfer_recorded = false;  ///< TransferCompletedTimestamp or TransferredToEndpoint is set
    bool lists_next_contact = true;  ///< false for DescribeContact (no NextContactId, no transfer fields)
    bool agent_connected = false;    ///< ConnectedToAgentTimestamp is set
    std::uint64_t order = 0;         ///< arrival, for output order and ties
};

class ConnectCtrReader final : public JsonRecordReader {
public:
    using JsonRecordReader::JsonRecordReader;

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        using Entry = std::pair<const std::string, HeldRecord>;
        // The leg that continues each contact (either side of the link may carry it).
        std::unordered_map<std::string_view, const Entry*> continued_by;
        for (const Entry& entry : records_) {
            if (!entry.second.previous_contact.empty()) {
                continued_by.try_emplace(entry.second.previous_contact, &entry);
            }
        }
        std::vector<const Entry*> ordered;
        ordered.reserve(records_.size());
        for (const Entry& entry : records_) {
            ordered.push_back(&entry);
        }
        // In order of the winning records: by input name, then position.
        std::sort(ordered.begin(), ordered.end(),
                  [this](const Entry* a, const Entry* b) { return seen(a->second).before(seen(b->second)); });
        for (const Entry* entry : ordered) {
            const HeldRecord* held = &entry->second;
            Verdict v = reconcile::decode_verdict(spill_.read(held->verdict));
            const Entry* next_leg = nullptr;
            if (const auto next = records_.find(held->next_contact);
                !held->next_contact.empty() && next != records_.end()) {
                next_leg = &*next;
            } else if (const auto by = continued_by.find(entry->first); by != continued_by.end()) {
                next_leg = by->second;
            }
            const std::string_view next_method =
                next_leg != nullptr ? std::string_view(next_leg->second.initiation_method) : std::string_view();
            // NextContactId is also set by a Set disconnect flow block (post-chat surveys) and by an
            // added WebRTC participant (Admin Guide, contact records data model): only a next leg
            // started by a transfer, or a transfer this record itself records, moves the call on.
            const bool next_is_no_transfer =
                next_leg != nullptr &&
                (next_method == "DISCONNECT" || next_method == "WEBRTC_API" || next_method == "MONITOR");
            // TransferCompletedTimestamp and TransferredToEndpoint are set when the contact was
            // transferred out of Amazon Connect (Admin Guide, contact records data model): the call
            // went on at an outside number, where no contact record, hence no NextContactId, follows.
            const bool transferred_out = next_leg == nullptr && held->next_contact.empty() && held->transfer_recorded;
            const bool transferred_on = next_leg != nullptr ? !next_is_no_transfer : held->transfer_recorded;
            if (next_is_no_transfer) {
                v.detail += fmt::format(" Contact {} (InitiationMethod {}) follows this one; nothing was transferred.",
                                        next_leg->first, next_method);
            } else if (next_leg == nullptr && !held->next_contact.empty() && !transferred_on) {
                v.detail += fmt::format(
                    " A next contact {} exists but is not among the inputs, and this record shows no transfer: it may "
                    "be a disconnect flow's contact, so this leg's own DisconnectReason is kept.",
                    held->next_contact);
            }
            if (transferred_on && v.category != Category::kTransfer) {
                const std::string next = transferred_out               ? std::string("a number outside Amazon Connect")
                                         : !held->next_contact.empty() ? held->next_contact
                                                                       : std::string("a later leg");
                v.category = Category::kTransfer;
                v.reason = Reason::transferred;
                v.detail = fmt::format(
                    "This leg was transferred to {}; the call went on there (its DisconnectReason "
                    "{} describes the leg, not the call).",
                    next, v.raw_reason.empty() ? "(none)" : v.raw_reason);
                if (transferred_out) {
                    v.detail +=
                        " The record has TransferCompletedTimestamp or TransferredToEndpoint and no NextContactId: no "
                        "contact record follows the call there, so who ended it is not known.";
                }
            } else if (!held->previous_contact.empty()) {
                v.detail += fmt::format(" This leg continues contact {} (initial contact {}).", held->previous_contact,
                                        held->initial_contact.empty() ? held->previous_contact : held->initial_contact);
            }
            if (!transferred_on && next_leg == nullptr && !held->lists_next_contact && held->agent_connected &&
                v.category == Category::kHangup && v.confidence == Confidence::kHigh) {
                // An inference: a leg an agent transferred keeps a hang-up DisconnectReason (the
                // contact records show it only through NextContactId or the transfer fields, which
                // DescribeContact does not return).
                v.confidence = Confidence::kMedium;
                v.detail +=
                    " DescribeContact returns no NextContactId or transfer fields, and no input continues this "
                    "contact: had the agent transferred it, this response would not show it, hence medium.";
            }
            out.on_verdict(std::move(v));
        }
        records_.clear();
        spill_.clear();
    }

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& /*out*/) override {
        count_record();
        const std::optional<detail::object> record = detail::as_object(value);
        if (!record) {
            skip_record(pos, "not a JSON object");
            return;
        }
        connect::ContactRecord contact;
        const connect::TimeAt time = [this, &pos](detail::object object, std::string_view key) {
            return time_at(object, key, pos);
        };
        // A DescribeContact response wraps one contact as {"Contact": {...}}; a contact record is bare.
        const std::optional<detail::object> described =
            detail::string_at(*record, "ContactId").empty() ? detail::object_at(*record, "Contact") : std::nullopt;
        if (described ? !connect::decode_describe_contact(*described, time, contact)
                      : !connect::decode_contact_record(*record, time, contact)) {
            skip_record(pos, described ? "a DescribeContact response whose Contact has no Id" : "no ContactId");
            return;
        }
        HeldRecord held;
        held.order = ++arrivals_;
        held.input = input_index();
        held.previous_contact = contact.previous_contact;
        held.next_contact = contact.next_contact;
        held.initial_contact = contact.initial_contact;
        held.initiation_method = contact.initiation_method;
        held.transfer_recorded = contact.transfer_recorded;
        held.lists_next_contact = contact.lists_next_contact;
        held.agent_connected = contact.connected_to_agent_ms != kNoTime;

        Verdict v = connect::decide(contact);
        v.source_format = "connect-ctr";
        v.input = input_name();
        if (v.reason == Reason::unmapped_code) {
            diag().report(mappings::unknown_code_warning(mappings::connect_disconnect_reason(),
                                                         contact.disconnect_reason, input_name(), pos.line, pos.byte));
        }
        v.evidence.push_back(
            evidence(pos, v.ended_at_ms,
                     detail::concat({"ContactId=", contact.contact_id, " Channel=", detail::or_dash(contact.channel),
                                     " InitiationMethod=", detail::or_dash(contact.initiation_method),
                                     " DisconnectReason=", detail::or_dash(contact.disconnect_reason, "null")})));
        // The winner rule of docs/reconcile.md (reconcile/winner.h), with a contact record's update
        // time being its LastUpdateTimestamp (a record with one beats a record without). The
        // reader applies it itself because it holds the records anyway, to link transfer legs.
        held.key = reconcile::WinnerKey{contact.last_update_ms, reconcile::completeness(v)};
        auto [it, inserted] = records_.try_emplace(v.contact_id);
        if (inserted || reconcile::replaces(held.key, seen(held), it->second.key, seen(it->second))) {
            encoded_.clear();
            reconcile::encode_verdict(v, encoded_);
            held.verdict = spill_.append(encoded_);  // a replaced record's bytes stay, unread
            it->second = std::move(held);
        }
    }

private:
    /// A timestamp member: ISO 8601 text (contact records, the AWS CLI's print of DescribeContact)
    /// or a number of epoch seconds (DescribeContact as the API returns it).
    std::int64_t time_at(detail::object object, std::string_view key, const RecordPos& pos) {
        const std::optional<detail::element> value = detail::field(object, key);
        double seconds = 0;
        std::string_view text;
        if (!value) {
            return kNoTime;
        }
        if (value->get_double().get(seconds) == simdjson::SUCCESS) {
            return read_epoch_seconds(seconds, pos);
        }
        return value->get_string().get(text) == simdjson::SUCCESS ? read_time(text, pos) : kNoTime;
    }

    [[nodiscard]] reconcile::Seen seen(const HeldRecord& record) const {
        return reconcile::Seen{inputs_[record.input], record.order};
    }

    /// The current input's index in inputs_ (each input's records arrive together).
    std::uint32_t input_index() {
        if (inputs_.empty() || inputs_.back() != input_name()) {
            inputs_.push_back(input_name());
        }
        return static_cast<std::uint32_t>(inputs_.size() - 1);
    }

    std::unordered_map<std::string, HeldRecord> records_;
    std::vector<std::string> inputs_;
    reconcile::SpillFile spill_;
    std::string encoded_;
    std::uint64_t arrivals_ = 0;
};

}  // namespace

namespace {
/// `"Contact"` as a member name whose value is an object: DescribeContact's response.
bool names_contact_object(std::string_view head) {
    for (std::size_t at = head.find("\"Contact\""); at != std::string_view::npos;
         at = head.find("\"Contact\"", at + 1)) {
        const std::size_t colon = head.find_first_not_of(" \t\r\n", at + 9);
        if (colon == std::string_view::npos || head[colon] != ':') {
            continue;
        }
        const std::size_t value = head.find_first_not_of(" \t\r\n", colon + 1);
        if (value != std::string_view::npos && head[value] == '{') {
            return true;
        }
    }
    return false;
}
}  // namespace

bool sniff_connect_ctr(std::string_view head) {
    return (head.find("\"ContactId\"") != std::string_view::npos || names_contact_object(head)) &&
           (head.find("\"AWSContactTraceRecordFormatVersion\"") != std::string_view::npos ||
            head.find("\"InitiationMethod\"") != std::string_view::npos ||
            head.find("\"DisconnectReason\"") != std::string_view::npos ||
            head.find("\"InitiationTimestamp\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_connect_ctr_reader(const Limits& limits) {
    return std::make_unique<ConnectCtrReader>(limits);
}

}  // namespace whohungup::exports
