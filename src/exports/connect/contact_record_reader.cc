// SPDX-License-Identifier: MIT
#include "exports/connect/contact_record_reader.h"

#include <fmt/format.h>

#include <unordered_map>
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
    std::string initiation_method;
    bool transfer_recorded = false;  ///< TransferCompletedTimestamp or TransferredToEndpoint is set
    std::uint64_t order = 0;         ///< arrival, for output order and ties
};

class ConnectCtrReader final : public JsonRecordReader {
public:
    using JsonRecordReader::JsonRecordReader;

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override {
        // The leg that continues each contact (either side of the link may carry it).
        std::unordered_map<std::string, const HeldRecord*> continued_by;
        for (const auto& [id, held] : records_) {
            if (!held.previous_contact.empty()) {
                continued_by.try_emplace(held.previous_contact, &held);
            }
        }
        std::vector<HeldRecord*> ordered;
        ordered.reserve(records_.size());
        for (auto& [id, held] : records_) {
            ordered.push_back(&held);
        }
        // In order of the winning records: by input name, then position.
        std::sort(ordered.begin(), ordered.end(), [](const HeldRecord* a, const HeldRecord* b) {
            return a->verdict.input != b->verdict.input ? a->verdict.input < b->verdict.input : a->order < b->order;
        });
        for (HeldRecord* held : ordered) {
            Verdict& v = held->verdict;
            const HeldRecord* next_leg = nullptr;
            if (const auto next = records_.find(held->next_contact);
                !held->next_contact.empty() && next != records_.end()) {
                next_leg = &next->second;
            } else if (const auto by = continued_by.find(v.contact_id); by != continued_by.end()) {
                next_leg = by->second;
            }
            // NextContactId is also set by a Set disconnect flow block (post-chat surveys) and by an
            // added WebRTC participant (Admin Guide, contact records data model): only a next leg
            // started by a transfer, or a transfer this record itself records, moves the call on.
            const bool next_is_no_transfer = next_leg != nullptr && (next_leg->initiation_method == "DISCONNECT" ||
                                                                     next_leg->initiation_method == "WEBRTC_API" ||
                                                                     next_leg->initiation_method == "MONITOR");
            const bool transferred_on =
                next_leg != nullptr ? !next_is_no_transfer : !held->next_contact.empty() && held->transfer_recorded;
            if (next_is_no_transfer) {
                v.detail += fmt::format(" Contact {} (InitiationMethod {}) follows this one; nothing was transferred.",
                                        next_leg->verdict.contact_id, next_leg->initiation_method);
            } else if (next_leg == nullptr && !held->next_contact.empty() && !transferred_on) {
                v.detail += fmt::format(
                    " A next contact {} exists but is not among the inputs, and this record shows no transfer: it may "
                    "be a disconnect flow's contact, so this leg's own DisconnectReason is kept.",
                    held->next_contact);
            }
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
        held.initiation_method = std::string(string_at(*record, "InitiationMethod"));
        held.transfer_recorded = !string_at(*record, "TransferCompletedTimestamp").empty() ||
                                 object_at(*record, "TransferredToEndpoint").has_value();

        Verdict& v = held.verdict;
        v = new_verdict("connect-ctr");
        v.contact_id = std::string(contact_id);
        std::int64_t connected_to_agent = kNoTime;
        const auto agent_object = object_at(*record, "Agent");
        if (const auto& agent = agent_object) {
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
        v.channel = channel == "VOICE"   ? Channel::kVoice
                    : channel == "CHAT"  ? Channel::kChat
                    : channel == "TASK"  ? Channel::kTask
                    : channel == "EMAIL" ? Channel::kEmail
                                         : Channel::kUnknown;
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
            // A customer who hangs up while queued, before any agent: an abandon (the Admin Guide's
            // "Contacts abandoned" metric), not a hang-up. A queued callback has no customer waiting.
            if (reason == "CUSTOMER_DISCONNECT" && !agent_object && object_at(*record, "Queue") &&
                method != "CALLBACK") {
                v.category = Category::kAbandoned;
                v.reason = "abandoned";
                v.detail =
                    "The contact record says CUSTOMER_DISCONNECT while the contact was queued, with no agent "
                    "connected: the customer abandoned the queue.";
            }
        }
        v.evidence.push_back(evidence(pos, v.ended_at_ms,
                                      detail::concat({"ContactId=", contact_id, " Channel=", detail::or_dash(channel),
                                                      " InitiationMethod=", detail::or_dash(method),
                                                      " DisconnectReason=", detail::or_dash(reason, "null")})));
        auto [it, inserted] = records_.try_emplace(v.contact_id);
        if (inserted || later_or_first(held, it->second)) {
            it->second = std::move(held);
        }
    }

private:
    /// The winner rule of docs/reconcile.md: the latest LastUpdateTimestamp (a record with one
    /// beats a record without), then the first seen by input name and position, so the winner
    /// does not depend on the order the inputs were given in.
    static bool later_or_first(const HeldRecord& incoming, const HeldRecord& held) {
        if (incoming.last_update != held.last_update) {
            return incoming.last_update > held.last_update;  // kNoTime is the minimum
        }
        if (incoming.verdict.input != held.verdict.input) {
            return incoming.verdict.input < held.verdict.input;
        }
        return incoming.order < held.order;
    }

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
