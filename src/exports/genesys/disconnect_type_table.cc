// SPDX-License-Identifier: MIT
// Genesys Cloud `disconnectType`, as read on the last connected agent leg (the reason is relative
// to the participant that carries it; the conversation reader reads the customer side itself).
// One table serves the analytics camelCase, the Conversations-API dotted and the UI's words:
// all are lower-cased with '.', '_', '-', '–' and spaces removed before lookup.
#include <array>

#include "mappings/reason_table.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSeed = "Genesys Cloud: disconnect reasons (seed)";
constexpr std::string_view kOutcomes = "Genesys Cloud reasons and outcomes (seed)";
constexpr std::string_view kSdk = "Genesys Cloud platform SDK enums (analytics / conversations API)";

constexpr std::array<ReasonRow, 33> kRows{{
    {"client", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh, kSeed},
    {"clientsessionisinactive", Party::kSystem, Category::kOther, Reason::session_inactive, Confidence::kMedium, kSeed},
    {"endpoint", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh, kSeed},
    {"peer", Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh, kSeed},
    {"transfer", Party::kAgent, Category::kTransfer, Reason::transferred, Confidence::kHigh, kSeed},
    {"conferencetransfer", Party::kAgent, Category::kTransfer, Reason::conference_transfer, Confidence::kHigh, kSeed},
    {"transferconference", Party::kAgent, Category::kTransfer, Reason::conference_transfer, Confidence::kHigh, kSdk},
    {"consulttransfer", Party::kAgent, Category::kTransfer, Reason::consult_transfer, Confidence::kHigh, kOutcomes},
    {"transferconsult", Party::kAgent, Category::kTransfer, Reason::consult_transfer, Confidence::kHigh, kSeed},
    {"forwardtransfer", Party::kSystem, Category::kTransfer, Reason::forward_transfer, Confidence::kHigh, kSeed},
    {"transferforward", Party::kSystem, Category::kTransfer, Reason::forward_transfer, Confidence::kHigh, kSdk},
    {"noanswertransfer", Party::kSystem, Category::kTransfer, Reason::no_answer_transfer, Confidence::kHigh, kSeed},
    {"transfernoanswer", Party::kSystem, Category::kTransfer, Reason::no_answer_transfer, Confidence::kHigh, kSdk},
    {"notavailabletransfer", Party::kSystem, Category::kTransfer, Reason::not_available_transfer, Confidence::kHigh,
     kSeed},
    {"transfernotavailable", Party::kSystem, Category::kTransfer, Reason::not_available_transfer, Confidence::kHigh,
     kSdk},
    {"dndtransfer", Party::kSystem, Category::kTransfer, Reason::do_not_disturb_transfer, Confidence::kHigh, kSdk},
    {"transferdnd", Party::kSystem, Category::kTransfer, Reason::do_not_disturb_transfer, Confidence::kHigh, kSdk},
    {"transferdonotdisturb", Party::kSystem, Category::kTransfer, Reason::do_not_disturb_transfer, Confidence::kHigh,
     kSdk},
    {"dndendpoint", Party::kSystem, Category::kNotConnected, Reason::do_not_disturb, Confidence::kHigh, kSdk},
    {"endpointdnd", Party::kSystem, Category::kNotConnected, Reason::do_not_disturb, Confidence::kHigh, kSdk},
    {"endpointdonotdisturb", Party::kSystem, Category::kNotConnected, Reason::do_not_disturb, Confidence::kHigh, kSdk},
    {"system", Party::kSystem, Category::kOther, Reason::system_disconnect, Confidence::kHigh, kSeed},
    {"error", Party::kSystem, Category::kFailure, Reason::provider_error, Confidence::kHigh, kSeed},
    {"timeout", Party::kSystem, Category::kNotConnected, Reason::timeout, Confidence::kHigh, kSeed},
    {"transportfailure", Party::kSystem, Category::kFailure, Reason::transport_failure, Confidence::kHigh, kSeed},
    {"uncallable", Party::kSystem, Category::kNotConnected, Reason::uncallable, Confidence::kHigh, kSeed},
    {"spam", Party::kSystem, Category::kOther, Reason::spam, Confidence::kHigh, kSeed},
    {"other", Party::kUnknown, Category::kOther, Reason::other_disconnect, Confidence::kLow, kSeed},
    {"inactivity", Party::kSystem, Category::kOther, Reason::inactivity, Confidence::kHigh, kSdk},
    {"conversationinactivity", Party::kSystem, Category::kOther, Reason::inactivity, Confidence::kHigh, kSdk},
    {"sessionexpired", Party::kSystem, Category::kOther, Reason::session_expired, Confidence::kHigh, kSdk},
    {"takeover", Party::kThirdParty, Category::kTransfer, Reason::takeover, Confidence::kLow, kSdk},
    {"endpointdonotdisturbtransfer", Party::kSystem, Category::kTransfer, Reason::do_not_disturb_transfer,
     Confidence::kHigh, kSdk},
}};

/// Outcomes are derived from the segments (see genesys reader); the table names them for docs
/// and gives the verdict when the outcome alone decides.
constexpr std::array<ReasonRow, 4> kOutcomeRows{{
    {"abandoned", Party::kCustomer, Category::kAbandoned, Reason::abandoned, Confidence::kHigh, kOutcomes},
    {"abandonedinivr", Party::kCustomer, Category::kHangup, Reason::customer_hangup_in_ivr, Confidence::kHigh,
     "Genesys Cloud performance views: IVR hang-ups are not abandons"},
    {"notresponding", Party::kSystem, Category::kNotConnected, Reason::agent_not_responding, Confidence::kHigh,
     kOutcomes},
    {"handled", Party::kUnknown, Category::kOther, Reason::handled_end_not_recorded, Confidence::kLow, kOutcomes},
}};

constexpr std::array<ReasonRow, 5> kInteractionsRows{{
    {"agent", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh,
     "Genesys Cloud: how is disconnect type calculated (Interactions view)"},
    {"external", Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh,
     "Genesys Cloud: how is disconnect type calculated (Interactions view)"},
    {"system", Party::kSystem, Category::kOther, Reason::system_disconnect, Confidence::kHigh,
     "Genesys Cloud: how is disconnect type calculated (Interactions view)"},
    {"conversationinactivity", Party::kSystem, Category::kOther, Reason::inactivity, Confidence::kHigh,
     "Genesys Cloud: how is disconnect type calculated (Interactions view)"},
    {"sessionexpired", Party::kSystem, Category::kOther, Reason::session_expired, Confidence::kHigh,
     "Genesys Cloud: how is disconnect type calculated (Interactions view)"},
}};

std::string squashed_lower(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '.' || c == '_' || c == ' ' || c == '-') {
            continue;
        }
        if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < code.size()) {  // en/em dash
            i += 2;
            continue;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

}  // namespace

const ReasonTable& genesys_disconnect_type() {
    static const ReasonTable kTable{"Genesys Cloud disconnectType (last connected agent leg)", "genesys-cloud", kRows,
                                    &squashed_lower};
    return kTable;
}

const ReasonTable& genesys_outcome() {
    static const ReasonTable kTable{"Genesys Cloud outcome (derived from segments)", "genesys-cloud", kOutcomeRows,
                                    &squashed_lower};
    return kTable;
}

const ReasonTable& genesys_interactions_disconnect_type() {
    static const ReasonTable kTable{"Genesys Cloud Interactions export Disconnect Type", "genesys-interactions-csv",
                                    kInteractionsRows, &squashed_lower};
    return kTable;
}

}  // namespace whohungup::mappings
