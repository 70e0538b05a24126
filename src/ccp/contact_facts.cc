// SPDX-License-Identifier: MIT
#include "ccp/contact_facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace whohungup::ccp {

namespace {

/// Streams `connect.AgentErrorStates` that a snapshot shows after a contact failed to connect.
constexpr std::array<std::string_view, 6> kContactErrorStates{
    "LineEngagedCustomer", "BadAddressCustomer", "FailedConnectCustomer",
    "MissedCallCustomer",  "MissedCallAgent",    "FailedConnectAgent",
};

}  // namespace

bool is_active_connection_state(std::string_view state) {
    return state == "connecting" || state == "connected" || state == "hold" || state == "silent_monitor" ||
           state == "barge";
}

ContactFacts::ContactFacts(const CallRecord& call,
                           const std::vector<const CcpEvent*>& idless_requests,
                           const std::vector<const CcpEvent*>& api_results,
                           std::string_view extra_agent_connection) {
    if (!extra_agent_connection.empty()) {
        roles_[std::string(extra_agent_connection)] = Role::kAgent;
        ++agent_legs_;
    }
    for (const CcpEvent& event : call.events) {
        switch (event.kind) {
            case EventKind::kContactDetected:
                // The id Streams started the softphone session with. For a queued callback the
                // agent's connectionId changes when the contact connects: both stay the agent's.
                if (!event.detail.empty() && roles_.try_emplace(event.detail, Role::kAgent).second) {
                    ++agent_legs_;
                }
                break;
            case EventKind::kContactState:
                if (event.contact) {
                    views_.push_back(&event);
                    link(*event.contact);
                }
                break;
            case EventKind::kApiRequest: requests_.push_back(Request{&event, false}); break;
            default: break;
        }
    }
    for (const CcpEvent* request : idless_requests) {
        requests_.push_back(Request{request, true});
    }
    std::stable_sort(requests_.begin(), requests_.end(), [](const Request& a, const Request& b) {
        return a.event->time_ms != b.event->time_ms ? a.event->time_ms < b.event->time_ms : a.event->seq < b.event->seq;
    });
    pair_answers(api_results);
}

void ContactFacts::pair_answers(const std::vector<const CcpEvent*>& api_results) {
    // The worker answers requests one by one and names no contact: a request's answer is the
    // first answer of its method after it, within kApiResultWindowMs, not taken by an earlier one.
    std::vector<bool> taken(api_results.size(), false);
    for (Request& request : requests_) {
        for (std::size_t i = 0; i < api_results.size(); ++i) {
            const CcpEvent& answer = *api_results[i];
            if (taken[i] || answer.method != request.event->method || answer.time_ms < request.event->time_ms ||
                answer.time_ms > request.event->time_ms + kApiResultWindowMs) {
                continue;
            }
            taken[i] = true;
            if (answer.detail == "failed") {
                request.failure = &answer;
            }
            break;
        }
    }
}

void ContactFacts::link(const ContactView& view) {
    if (type_ == ContactType::kUnknown) {
        type_ = view.type;
    }
    if (agent_error_state_.empty() && std::find(kContactErrorStates.begin(), kContactErrorStates.end(),
                                                view.agent_state) != kContactErrorStates.end()) {
        agent_error_state_ = view.agent_state;
    }
    for (const ConnectionView& connection : view.connections) {
        if (connection.id.empty()) {
            continue;
        }
        Role role = Role::kThirdParty;
        if (connection.type == "agent") {
            role = Role::kAgent;
        } else if (connection.type == "monitoring" || connection.barge) {
            role = Role::kSupervisor;
        } else if (connection.initial) {
            role = Role::kCustomer;
            customer_outbound_ = customer_outbound_ || connection.type == "outbound";
            customer_connected_ = customer_connected_ || connection.state == "connected" || connection.state == "hold";
        }
        auto [it, inserted] = roles_.try_emplace(connection.id, role);
        if (inserted && role == Role::kAgent) {
            ++agent_legs_;
        } else if (!inserted && it->second != Role::kAgent && role == Role::kSupervisor) {
            it->second = role;  // a connection that starts barging is the supervisor's
        }
    }
    customer_outbound_ = customer_outbound_ || view.initiation == "outbound";
}

Role ContactFacts::role_of(std::string_view connection_id) const {
    if (connection_id.empty()) {
        return Role::kUnknown;
    }
    const auto it = roles_.find(std::string(connection_id));
    return it == roles_.end() ? Role::kUnknown : it->second;
}

const ContactView* ContactFacts::view_at(std::int64_t at_ms) const {
    const ContactView* found = nullptr;
    for (const CcpEvent* view : views_) {
        if (view->time_ms > at_ms) {
            break;
        }
        found = view->contact.get();
    }
    return found;
}

bool ContactFacts::ever_in_state(std::string_view contact_state) const {
    return std::any_of(views_.begin(), views_.end(),
                       [&](const CcpEvent* view) { return view->contact->state == contact_state; });
}

std::string remaining_parties(const ContactView& view, const ContactFacts& facts) {
    std::string words;
    for (const ConnectionView& connection : view.connections) {
        const Role role = facts.role_of(connection.id);
        if (role == Role::kAgent || !is_active_connection_state(connection.state)) {
            continue;
        }
        std::string party;
        switch (role) {
            case Role::kCustomer: party = "the customer"; break;
            case Role::kSupervisor: party = "a supervisor"; break;
            case Role::kThirdParty:
            case Role::kUnknown:
            case Role::kAgent:
                party = connection.endpoint_type.empty() ? std::string("a third party")
                                                         : fmt::format("a third party ({})", connection.endpoint_type);
                break;
        }
        words +=
            fmt::format("{}{} (connection {}, {})", words.empty() ? "" : ", ", party, connection.id, connection.state);
    }
    return words;
}

}  // namespace whohungup::ccp
