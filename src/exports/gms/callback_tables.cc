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
    {"QUEUED", Party::kUnknown, Category::kInProgress, Reason::callback_queued, Confidence::kHigh, kSeed},
    {"SCHEDULED", Party::kUnknown, Category::kInProgress, Reason::callback_scheduled, Confidence::kHigh, kSeed},
    {"ROUTING", Party::kUnknown, Category::kInProgress, Reason::callback_routing, Confidence::kHigh, kSeed},
    {"PROCESSING", Party::kUnknown, Category::kInProgress, Reason::callback_in_conversation, Confidence::kHigh, kSeed},
    {"COMPLETED", Party::kUnknown, Category::kOther, Reason::callback_completed_without_reason, Confidence::kLow,
     kSeed},
}};

constexpr std::array<ReasonRow, 21> kReasonRows{{
    {"AGENT_CONNECTED", Party::kUnknown, Category::kOther, Reason::callback_connected_to_agent, Confidence::kHigh,
     kSeed},
    {"CANCELLED", Party::kCustomer, Category::kOther, Reason::callback_cancelled, Confidence::kMedium, kSeed},
    {"CANCELLED_BY_ADMIN", Party::kSystem, Category::kOther, Reason::callback_cancelled_by_admin, Confidence::kHigh,
     kTests},
    {"FAIL_CALL_TO_CUSTOMER", Party::kCustomer, kNC, Reason::customer_unreachable, Confidence::kMedium, kSeed,
     /*prefix=*/false,
     "The callback completed with reason FAIL_CALL_TO_CUSTOMER: the call to the customer could not be connected. "
     "Busy, no answer, a wrong number and a network fault all end here; the reason does not say which."},
    {"FAIL_USER_UNREACHABLE", Party::kCustomer, kNC, Reason::customer_unreachable, Confidence::kMedium, kSeed,
     /*prefix=*/false,
     "The callback completed with reason FAIL_USER_UNREACHABLE (FAIL_CALL_TO_CUSTOMER before GMS 8.5.102.14): the "
     "call to the customer could not be connected. Busy, no answer, a wrong number and a network fault all end "
     "here; the reason does not say which."},
    {"FAIL_FAX_REACHED", Party::kSystem, kNC, Reason::fax_reached, Confidence::kHigh, kSeed},
    {"FAIL_USER_NO_CONFIRM", Party::kCustomer, kNC, Reason::customer_did_not_confirm, Confidence::kHigh, kSeed},
    {"FAIL_TIMEOUT_TTL", Party::kSystem, kNC, Reason::callback_expired, Confidence::kHigh, kSeed},
    {"FAIL_TARGET_NOT_FOUND", Party::kSystem, kNC, Reason::no_agent_target, Confidence::kHigh, kSeed},
    {"FAIL_QUEUEING", Party::kSystem, kNC, Reason::queueing_failed, Confidence::kHigh, kSeed},
    {"FAIL_AGENT_CONNECT", Party::kSystem, kNC, Reason::agent_connect_failed, Confidence::kHigh, kSeed},
    {"AGENT_PREVIEW_CANCEL_AFTER_", Party::kAgent, kNC, Reason::agent_rejected_preview, Confidence::kHigh, kSeed,
     /*prefix=*/true},
    {"FAIL_ERROR", Party::kSystem, kFail, Reason::callback_service_error, Confidence::kHigh, kSeed},
    {"SUBMIT_ERROR", Party::kSystem, kFail, Reason::submit_failed, Confidence::kHigh, kSeed},
    {"SUBMIT_FAILED", Party::kSystem, kFail, Reason::submit_failed, Confidence::kHigh, kTests},
    {"FAIL_LOAD_MESSAGE_FILE", Party::kSystem, kFail, Reason::callback_service_error, Confidence::kHigh, kSeed},
    {"FAIL_INTERACTION_DELETED", Party::kSystem, kFail, Reason::interaction_deleted, Confidence::kHigh, kSeed},
    {"FAIL_IXN_UNKNOWN_MEDIA_TYPE", Party::kSystem, kFail, Reason::unsupported_media_type, Confidence::kHigh, kSeed},
    {"FAIL_INCORRECT_CONFIG_MEDIA_TYPE", Party::kSystem, kFail, Reason::unsupported_media_type, Confidence::kHigh,
     kSeed},
    {"FAIL_NO_CUSTOMER_NUMBER", Party::kSystem, kFail, Reason::no_customer_number, Confidence::kHigh, kSeed},
    {"NOT_AVAILABLE", Party::kSystem, kFail, Reason::callback_service_exited, Confidence::kMedium, kSeed},
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
