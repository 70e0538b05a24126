// SPDX-License-Identifier: MIT
#include "core/reason_codes.h"

#include <algorithm>
#include <array>

namespace whohungup {

namespace {

// Keep sorted by name (a test checks). A code a reader or a reason table starts to emit goes
// here first; then paste render_reason_table() into docs/verdicts.md.
constexpr std::array kCodes{
    ReasonCode{"abandoned", "The customer left while queued or ringing, before an agent answered."},
    ReasonCode{"access_denied",
               "The softphone was refused access (credentials or permissions); the call never connected."},
    ReasonCode{"agent_connect_failed", "The callback could not be connected to an agent."},
    ReasonCode{"agent_hangup", "The agent ended a connected call."},
    ReasonCode{"agent_hangup_before_answer", "The agent rejected or cleared the call before it connected."},
    ReasonCode{"agent_not_responding", "The call was offered to an agent who did not answer."},
    ReasonCode{"agent_rejected_preview",
               "The agent cancelled the callback's preview (after the configured number of rejects)."},
    ReasonCode{"api_stop", "A StopContact API call ended the contact."},
    ReasonCode{"busy", "The called number was busy."},
    ReasonCode{"call_in_progress", "The call history says the call is still going on."},
    ReasonCode{"call_not_found", "The far end was gone before the call connected (the signaling found no call)."},
    ReasonCode{"callback_cancelled", "The customer cancelled the callback."},
    ReasonCode{"callback_cancelled_by_admin", "An administrator cancelled the callback."},
    ReasonCode{"callback_completed_without_reason", "The callback completed and the record says no more about how."},
    ReasonCode{"callback_connected_to_agent",
               "The callback reached an agent; the record does not say who ended the call."},
    ReasonCode{"callback_expired", "The callback expired (its time to live ran out) before it was made."},
    ReasonCode{"callback_in_conversation", "The callback is being handled now."},
    ReasonCode{"callback_queued", "The callback is waiting in a queue."},
    ReasonCode{"callback_routing", "The callback is being routed to an agent."},
    ReasonCode{"callback_scheduled", "The callback is scheduled for later."},
    ReasonCode{"callback_service_error", "The callback service failed (an error or a message file it could not load)."},
    ReasonCode{"callback_service_exited", "The callback service was not available, so the callback was not made."},
    ReasonCode{"concurrency_limit_reached", "The voice agent platform refused the call: too many calls at once."},
    ReasonCode{"conference_transfer", "The agent left the call by a conference transfer."},
    ReasonCode{"consult_transfer", "The agent left the call by a consult transfer."},
    ReasonCode{"conversation_in_progress", "The conversation is not over yet (no end time in the export)."},
    ReasonCode{"customer_declined", "The customer declined the call."},
    ReasonCode{"customer_did_not_confirm", "The customer did not confirm the callback."},
    ReasonCode{"customer_hangup", "The customer (the far end) ended a connected call."},
    ReasonCode{"customer_hangup_before_connect", "The customer hung up before the call reached an agent."},
    ReasonCode{"customer_hangup_in_ivr", "The customer hung up in the IVR, before reaching a queue or an agent."},
    ReasonCode{"customer_not_joined", "The customer never joined the call."},
    ReasonCode{"customer_unreachable", "The customer could not be reached for the callback."},
    ReasonCode{"dial_failed", "Dialling the number failed."},
    ReasonCode{"do_not_disturb", "The agent's endpoint was on do-not-disturb; the call never connected."},
    ReasonCode{"do_not_disturb_transfer", "The call was transferred on because the agent was on do-not-disturb."},
    ReasonCode{"end_not_attributable",
               "The softphone session ended without a transition that says who ended the call."},
    ReasonCode{"end_side_not_logged",
               "The call ended on a path that logs the same line whoever hangs up, and the agent made no "
               "destroyConnection request."},
    ReasonCode{"fax_reached", "The callback reached a fax machine."},
    ReasonCode{"flow_disconnect", "A contact flow's Disconnect block ended the contact."},
    ReasonCode{"forward_transfer", "The call was forwarded to another destination."},
    ReasonCode{"frontend_bad_payload", "The voice agent platform received a corrupt payload from its front end."},
    ReasonCode{"handled_end_not_recorded", "An agent handled the call, but the export does not record who ended it."},
    ReasonCode{"human_takeover", "A human took the call over from the voice agent."},
    ReasonCode{"ice_collection_timeout",
               "The softphone could not gather network candidates in time; the call never connected."},
    ReasonCode{"inactivity", "The conversation ended after a period of inactivity."},
    ReasonCode{"inbound_webhook_error", "The voice agent's inbound webhook failed."},
    ReasonCode{"interaction_deleted", "The callback's interaction was deleted."},
    ReasonCode{"invalid_number", "The number dialled is not valid."},
    ReasonCode{"ivr_reached", "The voice agent reached an IVR and ended the call."},
    ReasonCode{"llm_bad_payload", "The voice agent's language model connection sent a corrupt payload."},
    ReasonCode{"llm_connection_error", "The voice agent's language model connection failed during the call."},
    ReasonCode{"llm_connection_failed", "The voice agent could not open its language model connection."},
    ReasonCode{"llm_connection_lost", "The voice agent lost its language model connection."},
    ReasonCode{"log_ends_mid_call", "The log ends while the call is still connected or being set up."},
    ReasonCode{"machine_detected", "An answering machine answered the call."},
    ReasonCode{"marked_as_spam", "The call was marked as spam and not connected."},
    ReasonCode{"max_duration_reached", "The call reached its configured maximum duration."},
    ReasonCode{"microphone_denied", "The browser denied the softphone the microphone; the call never connected."},
    ReasonCode{"missed_by_agent", "The call was offered to the agent and never answered."},
    ReasonCode{"no_agent_target", "No agent target was found for the callback."},
    ReasonCode{"no_answer", "The called party did not answer."},
    ReasonCode{"no_answer_transfer", "The call was transferred on because nobody answered."},
    ReasonCode{"no_audio_received", "The voice agent received no audio."},
    ReasonCode{"no_callback_state", "The callback record has no state, so its outcome is unknown."},
    ReasonCode{"no_customer_number", "The callback has no customer number."},
    ReasonCode{"no_disconnect_reason", "The record has no disconnect reason, so who ended the call is unknown."},
    ReasonCode{"no_disconnect_type", "The conversation has no disconnect type, so who ended it is unknown."},
    ReasonCode{"no_softphone_session", "The contact was detected but the log has no softphone state line for it."},
    ReasonCode{"no_valid_payment", "The voice agent platform refused the call: no valid payment method."},
    ReasonCode{"not_available_transfer", "The call was transferred on because the agent was not available."},
    ReasonCode{"other_disconnect", "The source's disconnect code is 'other': who ended the call is unknown."},
    ReasonCode{"platform_error", "The voice agent platform failed during the call."},
    ReasonCode{"potential_blocking", "The carrier may be blocking the number; the call never connected."},
    ReasonCode{"provider_error", "A provider the voice agent depends on failed."},
    ReasonCode{"queueing_failed", "The callback could not be queued."},
    ReasonCode{"registered_call_timeout", "A registered call was never started and timed out."},
    ReasonCode{"scam_detected", "The voice agent platform ended the call as a suspected scam."},
    ReasonCode{"session_expired", "The session expired."},
    ReasonCode{"session_failed", "The softphone session failed during the call."},
    ReasonCode{"session_inactive", "The client session was inactive."},
    ReasonCode{"setup_failed", "The call failed while being set up, for a reason the log does not name."},
    ReasonCode{"signaling_failed", "Signaling failed during a connected call."},
    ReasonCode{"signaling_handshake_failure", "The signaling handshake failed; the call never connected."},
    ReasonCode{"signaling_lost", "The signaling connection was lost during a connected call."},
    ReasonCode{"signaling_timeout", "Signaling timed out while setting the call up."},
    ReasonCode{"signaling_unreachable", "The signaling server could not be reached; the call never connected."},
    ReasonCode{"sip_routing_error", "SIP routing failed; the call never connected."},
    ReasonCode{"spam", "The call was flagged as spam."},
    ReasonCode{"speech_recognition_error", "The voice agent's speech recognition failed."},
    ReasonCode{"stopped_by_operator", "An operator stopped the call by hand."},
    ReasonCode{"submit_failed", "The callback could not be submitted."},
    ReasonCode{"supervisor_barged", "A supervisor barged in and ended the call."},
    ReasonCode{"system_disconnect", "The platform ended the call."},
    ReasonCode{"takeover", "Another party took the call over."},
    ReasonCode{"task_expired", "The task expired before it was completed."},
    ReasonCode{"telecom_not_connected", "The telephone network did not connect the call (a TELECOM_ code)."},
    ReasonCode{"telecom_problem", "The telephone network failed during the call."},
    ReasonCode{"telecom_timeout", "The telephone network timed out setting the call up."},
    ReasonCode{"telephony_error", "The voice agent's telephony provider failed."},
    ReasonCode{"telephony_permission_denied", "The telephony provider refused permission; the call never connected."},
    ReasonCode{"telephony_unavailable", "The telephony provider was unavailable; the call never connected."},
    ReasonCode{"third_party_hangup", "A third party (conference or transfer target) ended the call."},
    ReasonCode{"timeout", "The call timed out before it connected."},
    ReasonCode{"transfer_failed", "A transfer was attempted and failed or was cancelled."},
    ReasonCode{"transferred", "The call left this leg by a transfer."},
    ReasonCode{"transport_failure", "The media or network transport failed."},
    ReasonCode{"uncallable", "The number cannot be called."},
    ReasonCode{"unknown_error", "The platform reports an error of unknown kind."},
    ReasonCode{"unmapped_code",
               "The source gave a code whohungup does not know (raw_reason keeps it; a warning names it)."},
    ReasonCode{"unsupported_media_type", "The callback's media type is unknown or not configured."},
    ReasonCode{"user_busy", "The agent's softphone was busy; the call never connected."},
    ReasonCode{"voicemail_reached", "The voice agent reached voicemail and ended the call."},
};

}  // namespace

std::span<const ReasonCode> reason_codes() {
    return kCodes;
}

const ReasonCode* find_reason_code(std::string_view name) {
    const auto* it = std::lower_bound(kCodes.begin(), kCodes.end(), name,
                                      [](const ReasonCode& code, std::string_view key) { return code.name < key; });
    return it != kCodes.end() && it->name == name ? &*it : nullptr;
}

std::string render_reason_table() {
    std::string out = "| reason | meaning |\n|---|---|\n";
    for (const ReasonCode& code : kCodes) {
        out += "| `";
        out += code.name;
        out += "` | ";
        out += code.meaning;
        out += " |\n";
    }
    return out;
}

}  // namespace whohungup
