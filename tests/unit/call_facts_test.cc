// SPDX-License-Identifier: MIT
// Role linking: every connectionId of a contact gets the part it plays, from the snapshot's
// connections and the Contact detected lines (docs/ccp-rules.md, "Connection roles").
#include <gtest/gtest.h>

#include "ccp/contact_facts.h"
#include "support/ccp_events.h"

namespace whohungup::ccp {
namespace {

using whohungup::testing::contact_state;
using whohungup::testing::line;
using whohungup::testing::request;

ConnectionView connection(std::string id, std::string type, std::string state, bool initial = false) {
    ConnectionView view;
    view.id = std::move(id);
    view.type = std::move(type);
    view.state = std::move(state);
    view.initial = initial;
    return view;
}

CallRecord call_with(std::vector<CcpEvent> events) {
    CallRecord call;
    call.id = "c1";
    for (CcpEvent& event : events) {
        call.add(std::move(event));
    }
    return call;
}

TEST(ContactFacts, SnapshotConnectionsGetTheirRoles) {
    ContactView view;
    view.type = ContactType::kVoice;
    view.state = "connected";
    view.connections = {connection("k-agent", "agent", "connected"), connection("k-cust", "inbound", "hold", true),
                        connection("k-third", "outbound", "connected")};
    ConnectionView supervisor = connection("k-sup", "monitoring", "connected");
    supervisor.barge = true;
    view.connections.push_back(supervisor);
    const CallRecord call = call_with({contact_state(1000, "c1", view)});
    const ContactFacts facts(call, {}, {}, "");
    EXPECT_EQ(facts.role_of("k-agent"), Role::kAgent);
    EXPECT_EQ(facts.role_of("k-cust"), Role::kCustomer);
    EXPECT_EQ(facts.role_of("k-third"), Role::kThirdParty);
    EXPECT_EQ(facts.role_of("k-sup"), Role::kSupervisor);
    EXPECT_EQ(facts.role_of("k-unseen"), Role::kUnknown);
    EXPECT_TRUE(facts.knows_agent_leg());
    EXPECT_TRUE(facts.customer_ever_connected());
    EXPECT_FALSE(facts.customer_leg_outbound());
}

TEST(ContactFacts, ContactDetectedLinksTheAgentLegWithoutASnapshot) {
    const CallRecord call = call_with({line(1000, " Contact detected: contactId c1 agent connectionId k1"),
                                       line(2000, " c1 SIGNALING PendingAcceptState => TalkingState")});
    const ContactFacts facts(call, {}, {}, "");
    EXPECT_EQ(facts.role_of("k1"), Role::kAgent);
    EXPECT_EQ(facts.role_of("k2"), Role::kUnknown);
    EXPECT_TRUE(facts.knows_agent_leg());
}

TEST(ContactFacts, QueuedCallbackKeepsBothAgentConnectionIds) {
    // Streams softphone.js: "For queued callbacks, agentConnectionId changes when contact connects".
    ContactView ringing;
    ringing.type = ContactType::kQueueCallback;
    ringing.state = "connecting";
    ringing.connections = {connection("k-first", "agent", "connecting"),
                           connection("k-cust", "outbound", "connecting", true)};
    ContactView connected = ringing;
    connected.state = "connected";
    connected.connections = {connection("k-second", "agent", "connected"),
                             connection("k-cust", "outbound", "connected", true)};
    const CallRecord call = call_with({line(900, " Contact detected: contactId c1 agent connectionId k-first"),
                                       contact_state(1000, "c1", ringing), contact_state(5000, "c1", connected)});
    const ContactFacts facts(call, {}, {}, "");
    EXPECT_EQ(facts.role_of("k-first"), Role::kAgent);
    EXPECT_EQ(facts.role_of("k-second"), Role::kAgent);
    EXPECT_TRUE(facts.customer_leg_outbound());
    EXPECT_EQ(facts.type(), ContactType::kQueueCallback);
}

TEST(ContactFacts, IdlessRequestsJoinTheContactsOwnInTimeOrder) {
    const CcpEvent idless = request(3000, "destroyConnection", "", "");
    const CallRecord call =
        call_with({request(1000, "holdConnection", "c1", "k-cust"), request(5000, "resumeConnection", "c1", "k-cust")});
    const ContactFacts facts(call, {&idless}, {}, "");
    ASSERT_EQ(facts.requests().size(), 3U);
    EXPECT_EQ(facts.requests()[1].event->method, ApiMethod::kDestroyConnection);
    EXPECT_TRUE(facts.requests()[1].idless);
    EXPECT_FALSE(facts.requests()[0].idless);
}

TEST(ContactFacts, RemainingPartiesNameWhoStayedOnTheContact) {
    ContactView view;
    view.connections = {
        connection("k-agent", "agent", "disconnected"), connection("k-cust", "inbound", "connected", true),
        connection("k-third", "outbound", "connected"), connection("k-gone", "outbound", "disconnected")};
    view.connections[2].endpoint_type = "phone_number";
    const CallRecord call = call_with({contact_state(1000, "c1", view)});
    const ContactFacts facts(call, {}, {}, "");
    EXPECT_EQ(remaining_parties(view, facts),
              "the customer (connection k-cust, connected), a third party (phone_number) (connection k-third, "
              "connected)");
}

}  // namespace
}  // namespace whohungup::ccp
