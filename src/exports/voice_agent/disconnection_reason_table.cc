// SPDX-License-Identifier: MIT
// AI voice agent call history `disconnection_reason`. The verdict follows this field, not
// `call_status` (the vendor's own examples pair them inconsistently). `agent` is the voice agent.
#include <array>

#include "mappings/reason_table.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSeed = "AI voice agent: disconnection reasons (seed)";
constexpr std::string_view kSdk = "AI voice agent SDK history (newer or retired values)";
constexpr auto kNC = Category::kNotConnected;

constexpr std::array<ReasonRow, 40> kRows{{
    {"user_hangup", Party::kCustomer, Category::kHangup, "customer_hangup", Confidence::kHigh, kSeed},
    {"agent_hangup", Party::kAgent, Category::kHangup, "agent_hangup", Confidence::kHigh, kSeed},
    {"call_transfer", Party::kAgent, Category::kTransfer, "transferred", Confidence::kHigh, kSeed},
    {"transfer_bridged", Party::kAgent, Category::kTransfer, "transferred", Confidence::kHigh, kSdk},
    {"transfer_cancelled", Party::kSystem, Category::kFailure, "transfer_failed", Confidence::kMedium, kSdk},
    {"call_take_over", Party::kThirdParty, Category::kTransfer, "human_takeover", Confidence::kMedium, kSdk},
    {"voicemail_reached", Party::kSystem, Category::kOther, "voicemail_reached", Confidence::kHigh, kSeed},
    {"ivr_reached", Party::kSystem, Category::kOther, "ivr_reached", Confidence::kHigh, kSeed},
    {"inactivity", Party::kSystem, Category::kOther, "inactivity", Confidence::kHigh, kSeed},
    {"max_duration_reached", Party::kSystem, Category::kOther, "max_duration_reached", Confidence::kHigh, kSeed},
    {"manual_stopped", Party::kSystem, Category::kHangup, "stopped_by_operator", Confidence::kMedium, kSdk},
    {"machine_detected", Party::kSystem, kNC, "machine_detected", Confidence::kHigh, kSdk},
    {"dial_busy", Party::kCustomer, kNC, "busy", Confidence::kHigh, kSeed},
    {"dial_failed", Party::kSystem, kNC, "dial_failed", Confidence::kHigh, kSeed},
    {"dial_no_answer", Party::kCustomer, kNC, "no_answer", Confidence::kHigh, kSeed},
    {"invalid_destination", Party::kSystem, kNC, "invalid_number", Confidence::kHigh, kSeed},
    {"telephony_provider_permission_denied", Party::kSystem, kNC, "telephony_permission_denied", Confidence::kHigh,
     kSeed},
    {"telephony_provider_unavailable", Party::kSystem, kNC, "telephony_unavailable", Confidence::kHigh, kSeed},
    {"telephony_", Party::kSystem, kNC, "telephony_error", Confidence::kMedium, kSeed, /*prefix=*/true},
    {"sip_routing_error", Party::kSystem, kNC, "sip_routing_error", Confidence::kHigh, kSeed},
    {"marked_as_spam", Party::kSystem, kNC, "marked_as_spam", Confidence::kHigh, kSeed},
    {"user_declined", Party::kCustomer, kNC, "customer_declined", Confidence::kHigh, kSeed},
    {"registered_call_timeout", Party::kSystem, kNC, "registered_call_timeout", Confidence::kHigh, kSeed},
    {"concurrency_limit_reached", Party::kSystem, Category::kFailure, "concurrency_limit_reached", Confidence::kHigh,
     kSeed},
    {"no_concurrency_fallback", Party::kSystem, Category::kFailure, "concurrency_limit_reached", Confidence::kMedium,
     kSdk},
    {"no_valid_payment", Party::kSystem, Category::kFailure, "no_valid_payment", Confidence::kHigh, kSeed},
    {"scam_detected", Party::kSystem, Category::kFailure, "scam_detected", Confidence::kHigh, kSeed},
    {"error_llm_websocket_open", Party::kSystem, Category::kFailure, "llm_connection_failed", Confidence::kHigh, kSeed},
    {"error_llm_websocket_lost_connection", Party::kSystem, Category::kFailure, "llm_connection_lost",
     Confidence::kHigh, kSeed},
    {"error_llm_websocket_runtime", Party::kSystem, Category::kFailure, "llm_connection_error", Confidence::kHigh,
     kSeed},
    {"error_llm_websocket_corrupt_payload", Party::kSystem, Category::kFailure, "llm_bad_payload", Confidence::kHigh,
     kSeed},
    {"error_no_audio_received", Party::kSystem, Category::kFailure, "no_audio_received", Confidence::kHigh, kSeed},
    {"error_asr", Party::kSystem, Category::kFailure, "speech_recognition_error", Confidence::kHigh, kSeed},
    {"error_retell", Party::kSystem, Category::kFailure, "platform_error", Confidence::kHigh, kSeed},
    {"error_unknown", Party::kSystem, Category::kFailure, "unknown_error", Confidence::kMedium, kSeed},
    {"error_user_not_joined", Party::kCustomer, kNC, "customer_not_joined", Confidence::kHigh, kSeed},
    {"error_twilio", Party::kSystem, Category::kFailure, "telephony_error", Confidence::kHigh, kSdk},
    {"error_inbound_webhook", Party::kSystem, Category::kFailure, "inbound_webhook_error", Confidence::kHigh, kSdk},
    {"error_frontend_corrupted_payload", Party::kSystem, Category::kFailure, "frontend_bad_payload", Confidence::kHigh,
     kSdk},
    {"error_", Party::kSystem, Category::kFailure, "platform_error", Confidence::kMedium, kSeed, /*prefix=*/true},
}};

}  // namespace

const ReasonTable& retell_disconnection_reason() {
    static const ReasonTable kTable{"AI voice agent disconnection_reason", "voice-agent-calls", kRows, &lower_snake};
    return kTable;
}

}  // namespace whohungup::mappings
