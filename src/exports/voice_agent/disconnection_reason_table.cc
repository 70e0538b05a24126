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
    {"user_hangup", Party::kCustomer, Category::kHangup, Reason::customer_hangup, Confidence::kHigh, kSeed},
    {"agent_hangup", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh, kSeed},
    {"call_transfer", Party::kAgent, Category::kTransfer, Reason::transferred, Confidence::kHigh, kSeed},
    {"transfer_bridged", Party::kAgent, Category::kTransfer, Reason::transferred, Confidence::kHigh, kSdk},
    {"transfer_cancelled", Party::kSystem, Category::kFailure, Reason::transfer_failed, Confidence::kMedium, kSdk},
    {"call_take_over", Party::kThirdParty, Category::kTransfer, Reason::human_takeover, Confidence::kMedium, kSdk},
    // The voice agent ended the call on a machine: no person was reached.
    {"voicemail_reached", Party::kAgent, kNC, Reason::voicemail_reached, Confidence::kMedium, kSeed, /*prefix=*/false,
     "The call history says disconnection_reason voicemail_reached: a voicemail was detected and the voice agent is "
     "configured to handle it (hang up, or leave a message and hang up). No person was reached. That the voice agent "
     "rather than the voicemail system ended the call is inferred from that setting."},
    {"ivr_reached", Party::kAgent, kNC, Reason::ivr_reached, Confidence::kHigh, kSeed, /*prefix=*/false,
     "The call history says disconnection_reason ivr_reached: an IVR answered and the voice agent is configured to "
     "hang up on one. No person was reached."},
    {"inactivity", Party::kSystem, Category::kOther, Reason::inactivity, Confidence::kHigh, kSeed},
    {"max_duration_reached", Party::kSystem, Category::kOther, Reason::max_duration_reached, Confidence::kHigh, kSeed},
    {"manual_stopped", Party::kSystem, Category::kHangup, Reason::stopped_by_operator, Confidence::kMedium, kSdk},
    {"machine_detected", Party::kSystem, kNC, Reason::machine_detected, Confidence::kHigh, kSdk},
    {"dial_busy", Party::kCustomer, kNC, Reason::busy, Confidence::kHigh, kSeed},
    {"dial_failed", Party::kSystem, kNC, Reason::dial_failed, Confidence::kHigh, kSeed},
    {"dial_no_answer", Party::kCustomer, kNC, Reason::no_answer, Confidence::kHigh, kSeed},
    {"invalid_destination", Party::kSystem, kNC, Reason::invalid_number, Confidence::kHigh, kSeed},
    {"telephony_provider_permission_denied", Party::kSystem, kNC, Reason::telephony_permission_denied,
     Confidence::kHigh, kSeed},
    {"telephony_provider_unavailable", Party::kSystem, kNC, Reason::telephony_unavailable, Confidence::kHigh, kSeed},
    {"telephony_", Party::kSystem, kNC, Reason::telephony_error, Confidence::kMedium, kSeed, /*prefix=*/true},
    {"sip_routing_error", Party::kSystem, kNC, Reason::sip_routing_error, Confidence::kHigh, kSeed},
    {"marked_as_spam", Party::kSystem, kNC, Reason::marked_as_spam, Confidence::kHigh, kSeed},
    {"user_declined", Party::kCustomer, kNC, Reason::customer_declined, Confidence::kHigh, kSeed},
    {"registered_call_timeout", Party::kSystem, kNC, Reason::registered_call_timeout, Confidence::kHigh, kSeed},
    // Listed among the errors, but each refuses the call before it starts (duration 0): not connected.
    {"concurrency_limit_reached", Party::kSystem, kNC, Reason::concurrency_limit_reached, Confidence::kHigh, kSeed},
    {"no_concurrency_fallback", Party::kSystem, kNC, Reason::concurrency_limit_reached, Confidence::kMedium, kSdk,
     /*prefix=*/false,
     "The call history says disconnection_reason no_concurrency_fallback: the concurrency limit was reached and no "
     "fallback was available (the vendor's docs do not describe this code; read from its name)."},
    {"no_valid_payment", Party::kSystem, kNC, Reason::no_valid_payment, Confidence::kHigh, kSeed},
    {"scam_detected", Party::kSystem, kNC, Reason::scam_detected, Confidence::kHigh, kSeed},
    {"error_llm_websocket_open", Party::kSystem, Category::kFailure, Reason::llm_connection_failed, Confidence::kHigh,
     kSeed},
    {"error_llm_websocket_lost_connection", Party::kSystem, Category::kFailure, Reason::llm_connection_lost,
     Confidence::kHigh, kSeed},
    {"error_llm_websocket_runtime", Party::kSystem, Category::kFailure, Reason::llm_connection_error, Confidence::kHigh,
     kSeed},
    {"error_llm_websocket_corrupt_payload", Party::kSystem, Category::kFailure, Reason::llm_bad_payload,
     Confidence::kHigh, kSeed},
    {"error_no_audio_received", Party::kSystem, Category::kFailure, Reason::no_audio_received, Confidence::kHigh,
     kSeed},
    {"error_asr", Party::kSystem, Category::kFailure, Reason::speech_recognition_error, Confidence::kHigh, kSeed},
    {"error_retell", Party::kSystem, Category::kFailure, Reason::platform_error, Confidence::kHigh, kSeed},
    {"error_unknown", Party::kSystem, Category::kFailure, Reason::unknown_error, Confidence::kMedium, kSeed},
    {"error_user_not_joined", Party::kCustomer, kNC, Reason::customer_not_joined, Confidence::kHigh, kSeed},
    {"error_twilio", Party::kSystem, Category::kFailure, Reason::telephony_error, Confidence::kHigh, kSdk},
    {"error_inbound_webhook", Party::kSystem, Category::kFailure, Reason::inbound_webhook_error, Confidence::kHigh,
     kSdk},
    {"error_frontend_corrupted_payload", Party::kSystem, Category::kFailure, Reason::frontend_bad_payload,
     Confidence::kHigh, kSdk},
    {"error_", Party::kSystem, Category::kFailure, Reason::platform_error, Confidence::kMedium, kSeed, /*prefix=*/true},
}};

}  // namespace

const ReasonTable& retell_disconnection_reason() {
    static const ReasonTable kTable{"AI voice agent disconnection_reason", "voice-agent-calls", kRows, &lower_snake};
    return kTable;
}

}  // namespace whohungup::mappings
