// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_reader.h"

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/concat.h"
#include "exports/common/json_record_reader.h"
#include "json/dom_access.h"

namespace whohungup::exports {

namespace {

using detail::object_at;
using detail::string_at;

struct HeldRecord {
    Verdict verdict;
    std::int64_t last_update = kNoTime;
    std::string previous_contact;
    std::string next_contact;
    std::string initial_contact;
    std::uint64_t order = 0;  ///< first arrival, for output order
};

class ConnectCtrReader final : public JsonRecordReader {
public:
    using JsonRecordReader::JsonRecordReader;

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        // Which contacts were continued by a later leg (either side of the link may carry it).
        std::unordered_set<std::string> continued;
        for (const auto& [id, held] : records_) {
            if (!held.previous_contact.empty()) {
                continued.insert(held.previous_contact);
            }
        }
        std::vector<HeldRecord*> ordered;
        ordered.reserve(records_.size());
        for (auto& [id, held] : records_) {
            ordered.push_back(&held);
        }
        std::sort(ordered.begin(), ordered.end(),
                  [](const HeldRecord* a, const HeldRecord* b) { return a->order < b->order; });
        for (HeldRecord* held : ordered) {
            Verdict& v = held->verdict;
            const bool transferred_on = !held->next_contact.empty() || continued.contains(v.contact_id);
            if (transferred_on && v.category != Category::kTransfer) {
                const std::string next = !held->next_contact.empty() ? held->next_contact : std::string("a later leg");
                v.category = Category::kTransfer;
                v.reason = "transferred";
                v.detail = fmt::format(
                    "This leg was transferred to {}; the call went on there (its DisconnectReason "
                    "{} describes the leg, not the call).",
                    next, v.raw_reason.empty() ? "(none)" : v.raw_reason);
            } else if (!held->previous_contact.empty()) {
                v.detail += fmt::format(" This leg continues contact {} (initial contact {}).", held->previous_contact,
                                        held->initial_contact.empty() ? held->previous_contact : held->initial_contact);
            }
            out.on_verdict(std::move(v));
        }
        records_.clear();
    }

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& /*out*/) override {
        count_record();
        const std::optional<detail::object> record = detail::as_object(value);
        if (!record) {
            skip_record(pos, "not a JSON object");
            return;
        }
        const std::string_view contact_id = string_at(*record, "ContactId");
        if (contact_id.empty()) {
            skip_record(pos, "no ContactId");
            return;
        }
        HeldRecord held;
        held.order = ++arrivals_;
        held.last_update = read_time(string_at(*record, "LastUpdateTimestamp"), pos);
        held.previous_contact = std::string(string_at(*record, "PreviousContactId"));
        held.next_contact = std::string(string_at(*record, "NextContactId"));
        held.initial_contact = std::string(string_at(*record, "InitialContactId"));

        Verdict& v = held.verdict;
        v = new_verdict("connect-ctr");
        v.contact_id = std::string(contact_id);
        std::int64_t connected_to_agent = kNoTime;
        if (const auto agent = object_at(*record, "Agent")) {
            const std::string_view arn = string_at(*agent, "ARN");
            v.agent = std::string(arn.substr(arn.rfind('/') == std::string_view::npos ? 0 : arn.rfind('/') + 1));
            v.agent_name = std::string(string_at(*agent, "Username"));
            connected_to_agent = read_time(string_at(*agent, "ConnectedToAgentTimestamp"), pos);
        }
        const std::int64_t initiated = read_time(string_at(*record, "InitiationTimestamp"), pos);
        v.started_at_ms = connected_to_agent != kNoTime ? connected_to_agent : initiated;
        v.ended_at_ms = read_time(string_at(*record, "DisconnectTimestamp"), pos);
        const std::string_view reason = string_at(*record, "DisconnectReason");
        const std::string_view method = string_at(*record, "InitiationMethod");
        const std::string_view channel = string_at(*record, "Channel");
        if (reason.empty()) {
            v.ended_by = Party::kUnknown;
            v.category = Category::kOther;
            v.reason = "no_disconnect_reason";
            v.confidence = Confidence::kLow;
            v.detail = "The contact record has no DisconnectReason (contacts ended by flows or APIs often have none).";
        } else {
            map_code(mappings::connect_disconnect_reason(), reason, v, pos);
            if (v.detail.empty()) {
                v.detail = detail::concat({"The contact record says DisconnectReason ", reason, "."});
            }
        }
        v.evidence.push_back(evidence(pos, v.ended_at_ms,
                                      detail::concat({"ContactId=", contact_id, " Channel=", detail::or_dash(channel),
                                                      " InitiationMethod=", detail::or_dash(method),
                                                      " DisconnectReason=", detail::or_dash(reason, "null")})));
        auto [it, inserted] = records_.try_emplace(v.contact_id);
        if (inserted || held.last_update == kNoTime || it->second.last_update == kNoTime ||
            held.last_update >= it->second.last_update) {
            if (!inserted) {
                held.order = it->second.order;  // keep the first position in the output
            }
            it->second = std::move(held);
        }
    }

private:
    std::unordered_map<std::string, HeldRecord> records_;
    std::uint64_t arrivals_ = 0;
};

}  // namespace

bool sniff_connect_ctr(std::string_view head) {
    return head.find("\"ContactId\"") != std::string_view::npos &&
           (head.find("\"AWSContactTraceRecordFormatVersion\"") != std::string_view::npos ||
            head.find("\"InitiationMethod\"") != std::string_view::npos ||
            head.find("\"DisconnectReason\"") != std::string_view::npos ||
            head.find("\"InitiationTimestamp\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_connect_ctr_reader(const Limits& limits) {
    return std::make_unique<ConnectCtrReader>(limits);
}

}  // namespace whohungup::exports
