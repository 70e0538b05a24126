// SPDX-License-Identifier: MIT
// Amazon Connect contact record `DisconnectReason`.
#include <array>

#include "mappings/reason_table.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kDataModel = "Amazon Connect Admin Guide, contact records data model";
constexpr std::string_view kCampaigns = "Amazon Connect outbound campaigns / GetMetricDataV2 filter values";

constexpr std::array<ReasonRow, 15> kRows{{
    {"CUSTOMER_DISCONNECT", Party::kCustomer, Category::kHangup, "customer_hangup", Confidence::kHigh, kDataModel},
    {"AGENT_DISCONNECT", Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kHigh, kDataModel},
    {"THIRD_PARTY_DISCONNECT", Party::kThirdParty, Category::kHangup, "third_party_hangup", Confidence::kHigh,
     kDataModel},
    {"TELECOM_PROBLEM", Party::kSystem, Category::kFailure, "telecom_problem", Confidence::kHigh, kDataModel},
    {"BARGED", Party::kThirdParty, Category::kHangup, "supervisor_barged", Confidence::kHigh, kDataModel},
    {"CONTACT_FLOW_DISCONNECT", Party::kSystem, Category::kHangup, "flow_disconnect", Confidence::kHigh, kDataModel},
    {"OTHER", Party::kUnknown, Category::kOther, "other_disconnect", Confidence::kLow, kDataModel},
    {"EXPIRED", Party::kSystem, Category::kOther, "task_expired", Confidence::kHigh, kDataModel},
    {"API", Party::kSystem, Category::kHangup, "api_stop", Confidence::kHigh, kDataModel},
    {"TELECOM_BUSY", Party::kCustomer, Category::kNotConnected, "busy", Confidence::kHigh, kCampaigns},
    {"TELECOM_UNANSWERED", Party::kCustomer, Category::kNotConnected, "no_answer", Confidence::kHigh, kCampaigns},
    {"TELECOM_NUMBER_INVALID", Party::kSystem, Category::kNotConnected, "invalid_number", Confidence::kHigh,
     kCampaigns},
    {"TELECOM_TIMEOUT", Party::kSystem, Category::kNotConnected, "telecom_timeout", Confidence::kHigh, kCampaigns},
    {"TELECOM_POTENTIAL_BLOCKING", Party::kSystem, Category::kNotConnected, "potential_blocking", Confidence::kHigh,
     kCampaigns},
    {"TELECOM_", Party::kSystem, Category::kNotConnected, "telecom_not_connected", Confidence::kMedium, kCampaigns,
     /*prefix=*/true},
}};

}  // namespace

const ReasonTable& connect_disconnect_reason() {
    static const ReasonTable kTable{"Amazon Connect contact record DisconnectReason", "connect-ctr", kRows,
                                    &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings
