// SPDX-License-Identifier: MIT
// Genesys GMS callback records: `_callback_state`, and `_callback_reason` once COMPLETED.
#include <array>

#include "mappings/reason_table.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSeed = "Genesys GMS callback states and reasons (seed)";
constexpr std::string_view kTests = "Genesys GMS functional tests (extra COMPLETED reasons)";
constexpr auto kNC = Category::kNotConnected;
constexpr auto kFail = Category::kFailure;

constexpr std::array<ReasonRow, 5> kStateRows{{
    {"QUEUED", Party::kUnknown, Category::kInProgress, "callback_queued", Confidence::kHigh, kSeed},
    {"SCHEDULED", Party::kUnknown, Category::kInProgress, "callback_scheduled", Confidence::kHigh, kSeed},
    {"ROUTING", Party::kUnknown, Category::kInProgress, "callback_routing", Confidence::kHigh, kSeed},
    {"PROCESSING", Party::kUnknown, Category::kInProgress, "callback_in_conversation", Confidence::kHigh, kSeed},
    {"COMPLETED", Party::kUnknown, Category::kOther, "callback_completed_without_reason", Confidence::kLow, kSeed},
}};

constexpr std::array<ReasonRow, 21> kReasonRows{{
    {"AGENT_CONNECTED", Party::kUnknown, Category::kOther, "callback_connected_to_agent", Confidence::kHigh, kSeed},
    {"CANCELLED", Party::kCustomer, Category::kOther, "callback_cancelled", Confidence::kMedium, kSeed},
    {"CANCELLED_BY_ADMIN", Party::kSystem, Category::kOther, "callback_cancelled_by_admin", Confidence::kHigh, kTests},
    {"FAIL_CALL_TO_CUSTOMER", Party::kCustomer, kNC, "customer_unreachable", Confidence::kHigh, kSeed},
    {"FAIL_USER_UNREACHABLE", Party::kCustomer, kNC, "customer_unreachable", Confidence::kHigh, kSeed},
    {"FAIL_FAX_REACHED", Party::kSystem, kNC, "fax_reached", Confidence::kHigh, kSeed},
    {"FAIL_USER_NO_CONFIRM", Party::kCustomer, kNC, "customer_did_not_confirm", Confidence::kHigh, kSeed},
    {"FAIL_TIMEOUT_TTL", Party::kSystem, kNC, "callback_expired", Confidence::kHigh, kSeed},
    {"FAIL_TARGET_NOT_FOUND", Party::kSystem, kNC, "no_agent_target", Confidence::kHigh, kSeed},
    {"FAIL_QUEUEING", Party::kSystem, kNC, "queueing_failed", Confidence::kHigh, kSeed},
    {"FAIL_AGENT_CONNECT", Party::kSystem, kNC, "agent_connect_failed", Confidence::kHigh, kSeed},
    {"AGENT_PREVIEW_CANCEL_AFTER_", Party::kAgent, kNC, "agent_rejected_preview", Confidence::kHigh, kSeed,
     /*prefix=*/true},
    {"FAIL_ERROR", Party::kSystem, kFail, "callback_service_error", Confidence::kHigh, kSeed},
    {"SUBMIT_ERROR", Party::kSystem, kFail, "submit_failed", Confidence::kHigh, kSeed},
    {"SUBMIT_FAILED", Party::kSystem, kFail, "submit_failed", Confidence::kHigh, kTests},
    {"FAIL_LOAD_MESSAGE_FILE", Party::kSystem, kFail, "callback_service_error", Confidence::kHigh, kSeed},
    {"FAIL_INTERACTION_DELETED", Party::kSystem, kFail, "interaction_deleted", Confidence::kHigh, kSeed},
    {"FAIL_IXN_UNKNOWN_MEDIA_TYPE", Party::kSystem, kFail, "unsupported_media_type", Confidence::kHigh, kSeed},
    {"FAIL_INCORRECT_CONFIG_MEDIA_TYPE", Party::kSystem, kFail, "unsupported_media_type", Confidence::kHigh, kSeed},
    {"FAIL_NO_CUSTOMER_NUMBER", Party::kSystem, kFail, "no_customer_number", Confidence::kHigh, kSeed},
    {"NOT_AVAILABLE", Party::kSystem, kFail, "callback_service_exited", Confidence::kMedium, kSeed},
}};

}  // namespace

const ReasonTable& gms_callback_state() {
    static const ReasonTable kTable{"Genesys GMS _callback_state", "gms-callbacks", kStateRows, &upper_trimmed};
    return kTable;
}

const ReasonTable& gms_callback_reason() {
    static const ReasonTable kTable{"Genesys GMS _callback_reason (state COMPLETED)", "gms-callbacks", kReasonRows,
                                    &upper_trimmed};
    return kTable;
}

}  // namespace whohungup::mappings
