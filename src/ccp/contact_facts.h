// SPDX-License-Identifier: MIT
// What a call's own lines say about its contact beyond the softphone states: the role of every
// connectionId (the agent's own leg, the customer's initial leg, third parties, a supervisor),
// the agent's API requests, and the contact's states from snapshots. The judge's rules read
// these facts; docs/ccp-rules.md says which lines each comes from.
// Tested by tests/unit/call_facts_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccp/call_record.h"

namespace whohungup::ccp {

/// The part a connection plays in the contact, seen from this agent's log.
enum class Role : std::uint8_t {
    kUnknown,     ///< the log does not link it
    kAgent,       ///< this agent's own leg (Contact detected, snapshot connection of type agent)
    kCustomer,    ///< the contact's initial non-agent connection
    kThirdParty,  ///< any other inbound/outbound connection (transfer, conference)
    kSupervisor,  ///< a monitoring connection (silent monitor or barge)
};

/// How long after a request the worker's answer to it may come (the AWS SDK's call, retried).
inline constexpr std::int64_t kApiResultWindowMs = 30000;

/// One request the agent's CCP sent about this contact.
struct Request {
    const CcpEvent* event = nullptr;
    bool idless = false;                ///< relayed with no objects: tied to the call only because it was alone
    const CcpEvent* failure = nullptr;  ///< the worker's answer saying the request failed, if one did
};

class ContactFacts {
public:
    /// `extra_agent_connection` is a link known from outside the call's lines (may be empty);
    /// `api_results` are the worker's answers near the call (kApiResult), paired with requests.
    ContactFacts(const CallRecord& call,
                 const std::vector<const CcpEvent*>& idless_requests,
                 const std::vector<const CcpEvent*>& api_results,
                 std::string_view extra_agent_connection);

    [[nodiscard]] Role role_of(std::string_view connection_id) const;
    [[nodiscard]] bool knows_agent_leg() const { return agent_legs_ > 0; }
    /// The contact's requests in time order (own ones and id-less ones tied to it).
    [[nodiscard]] const std::vector<Request>& requests() const { return requests_; }
    /// Snapshots of the contact in time order.
    [[nodiscard]] const std::vector<const CcpEvent*>& views() const { return views_; }
    /// The last snapshot at or before `at_ms`, else nullptr.
    [[nodiscard]] const ContactView* view_at(std::int64_t at_ms) const;

    [[nodiscard]] ContactType type() const { return type_; }
    [[nodiscard]] bool ever_in_state(std::string_view contact_state) const;
    /// The customer's leg (initial connection) was connected or on hold in some snapshot.
    [[nodiscard]] bool customer_ever_connected() const { return customer_connected_; }
    /// The customer's leg is outbound: an outbound call or a queued callback.
    [[nodiscard]] bool customer_leg_outbound() const { return customer_outbound_; }
    /// The agent's error state in a snapshot of this contact (LineEngagedCustomer...), or "".
    [[nodiscard]] const std::string& agent_error_state() const { return agent_error_state_; }

private:
    void link(const ContactView& view);
    void pair_answers(const std::vector<const CcpEvent*>& api_results);

    std::unordered_map<std::string, Role> roles_;
    std::size_t agent_legs_ = 0;
    std::vector<Request> requests_;
    std::vector<const CcpEvent*> views_;
    ContactType type_ = ContactType::kUnknown;
    bool customer_connected_ = false;
    bool customer_outbound_ = false;
    std::string agent_error_state_;
};

/// Parties still on the contact in `view` besides this agent, as words for `detail`.
[[nodiscard]] std::string remaining_parties(const ContactView& view, const ContactFacts& facts);

/// True when `connection` is still on the call (Streams CONNECTION_ACTIVE_STATES).
[[nodiscard]] bool is_active_connection_state(std::string_view state);

}  // namespace whohungup::ccp
