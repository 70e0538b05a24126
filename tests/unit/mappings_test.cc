// SPDX-License-Identifier: MIT
// Every vendor code of the reference pages maps to a documented verdict, and docs/mappings.md
// is exactly what the tables say.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mappings/reason_table.h"

namespace whohungup::mappings {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void expect_mapped(const ReasonTable& table, std::string_view code) {
    const ReasonRow* row = lookup(table, code);
    ASSERT_NE(row, nullptr) << table.name << " does not map \"" << code << "\"";
    EXPECT_FALSE(row->reason.empty());
    EXPECT_FALSE(row->source.empty());
}

// The codes as the reference pages list them (shared/seeds), written out so this test stands on
// its own; SeedPagesParsedAtTestTime re-reads the pages themselves when they are present.
TEST(Mappings, EveryDocumentedCodeIsMapped) {
    for (std::string_view code :
         {"CUSTOMER_DISCONNECT", "AGENT_DISCONNECT", "THIRD_PARTY_DISCONNECT", "TELECOM_PROBLEM", "BARGED",
          "CONTACT_FLOW_DISCONNECT", "OTHER", "EXPIRED", "API", "TELECOM_BUSY", "TELECOM_NUMBER_INVALID",
          "TELECOM_UNANSWERED", "TELECOM_TIMEOUT", "TELECOM_POTENTIAL_BLOCKING", "TELECOM_ANYTHING_NEW"}) {
        expect_mapped(connect_disconnect_reason(), code);
    }
    for (std::string_view code : {"client",
                                  "conferenceTransfer",
                                  "consultTransfer",
                                  "dndEndpoint",
                                  "dndTransfer",
                                  "endpoint",
                                  "error",
                                  "forwardTransfer",
                                  "inactivity",
                                  "noAnswerTransfer",
                                  "notAvailableTransfer",
                                  "other",
                                  "peer",
                                  "sessionExpired",
                                  "spam",
                                  "system",
                                  "takeover",
                                  "timeout",
                                  "transfer",
                                  "transportFailure",
                                  "uncallable",
                                  "endpointDnd",
                                  "transferDnd",
                                  "endpoint.donotdisturb",
                                  "transfer.conference",
                                  "transfer.consult",
                                  "transfer.donotdisturb",
                                  "transfer.forward",
                                  "transfer.noanswer",
                                  "transfer.notavailable",
                                  "transport.failure",
                                  "session.expired",
                                  "Conference Transfer",
                                  "Transport Failure",
                                  "Transfer_consult",
                                  "Client – Session is inactive",
                                  "No Answer Transfer",
                                  "Not Available Transfer"}) {
        expect_mapped(genesys_disconnect_type(), code);
    }
    for (std::string_view code : {"abandoned", "Not Responding", "Handled"}) {
        expect_mapped(genesys_outcome(), code);
    }
    for (std::string_view code : {"Agent", "External", "System", "Conversation Inactivity", "Session Expired"}) {
        expect_mapped(genesys_interactions_disconnect_type(), code);
    }
    for (std::string_view code : {"user_hangup",
                                  "agent_hangup",
                                  "call_transfer",
                                  "voicemail_reached",
                                  "ivr_reached",
                                  "inactivity",
                                  "max_duration_reached",
                                  "dial_busy",
                                  "dial_failed",
                                  "dial_no_answer",
                                  "invalid_destination",
                                  "telephony_provider_permission_denied",
                                  "telephony_provider_unavailable",
                                  "sip_routing_error",
                                  "marked_as_spam",
                                  "user_declined",
                                  "concurrency_limit_reached",
                                  "no_valid_payment",
                                  "scam_detected",
                                  "error_llm_websocket_open",
                                  "error_llm_websocket_lost_connection",
                                  "error_llm_websocket_runtime",
                                  "error_llm_websocket_corrupt_payload",
                                  "error_no_audio_received",
                                  "error_asr",
                                  "error_retell",
                                  "error_unknown",
                                  "error_user_not_joined",
                                  "registered_call_timeout",
                                  "transfer_bridged",
                                  "transfer_cancelled",
                                  "manual_stopped",
                                  "call_take_over",
                                  "no_concurrency_fallback",
                                  "machine_detected",
                                  "error_twilio",
                                  "error_inbound_webhook",
                                  "error_frontend_corrupted_payload",
                                  "error_brand_new"}) {
        expect_mapped(retell_disconnection_reason(), code);
    }
    for (std::string_view code : {"PROCESSING", "QUEUED", "SCHEDULED", "ROUTING", "COMPLETED"}) {
        expect_mapped(gms_callback_state(), code);
    }
    for (std::string_view code : {"FAIL_LOAD_MESSAGE_FILE",
                                  "CANCELLED",
                                  "NOT_AVAILABLE",
                                  "FAIL_INTERACTION_DELETED",
                                  "AGENT_CONNECTED",
                                  "FAIL_TARGET_NOT_FOUND",
                                  "FAIL_ERROR",
                                  "FAIL_TIMEOUT_TTL",
                                  "FAIL_IXN_UNKNOWN_MEDIA_TYPE",
                                  "FAIL_NO_CUSTOMER_NUMBER",
                                  "FAIL_USER_NO_CONFIRM",
                                  "FAIL_QUEUEING",
                                  "FAIL_AGENT_CONNECT",
                                  "AGENT_PREVIEW_CANCEL_AFTER_1REJECTS",
                                  "AGENT_PREVIEW_CANCEL_AFTER_25REJECTS",
                                  "FAIL_CALL_TO_CUSTOMER",
                                  "FAIL_INCORRECT_CONFIG_MEDIA_TYPE",
                                  "FAIL_FAX_REACHED",
                                  "SUBMIT_ERROR",
                                  "FAIL_USER_UNREACHABLE",
                                  "SUBMIT_FAILED",
                                  "CANCELLED_BY_ADMIN"}) {
        expect_mapped(gms_callback_reason(), code);
    }
}

TEST(Mappings, SpellingsOfOneGenesysCodeAgree) {
    const auto& table = genesys_disconnect_type();
    EXPECT_EQ(lookup(table, "conferenceTransfer")->reason, lookup(table, "transfer.conference")->reason);
    EXPECT_EQ(lookup(table, "Conference Transfer")->reason, lookup(table, "transfer.conference")->reason);
    EXPECT_EQ(lookup(table, "transportFailure")->reason, lookup(table, "transport.failure")->reason);
    EXPECT_EQ(lookup(table, "sessionExpired")->reason, lookup(table, "session.expired")->reason);
    EXPECT_EQ(lookup(table, "dndEndpoint")->reason, lookup(table, "endpoint.donotdisturb")->reason);
}

TEST(Mappings, UnknownCodesGiveUnknownWithTheRawCode) {
    Verdict v;
    EXPECT_FALSE(apply(retell_disconnection_reason(), "teleported_away", v));
    EXPECT_EQ(v.ended_by, Party::kUnknown);
    EXPECT_EQ(v.reason, "unmapped_code");
    EXPECT_EQ(v.raw_reason, "teleported_away");
    const Diagnostic a = unknown_code_warning(retell_disconnection_reason(), "zz", "one.json", 3, 10);
    const Diagnostic b = unknown_code_warning(retell_disconnection_reason(), "zz", "two.json", 9, 90);
    EXPECT_EQ(a.once_key, b.once_key);  // said once per run, whichever input has it first
    EXPECT_NE(a.once_key, unknown_code_warning(retell_disconnection_reason(), "yy", "one.json", 3, 10).once_key);
}

TEST(Mappings, PrefixRowsMatchTheLongestPrefix) {
    EXPECT_EQ(lookup(retell_disconnection_reason(), "error_asr")->reason, "speech_recognition_error");
    EXPECT_EQ(lookup(retell_disconnection_reason(), "error_whatever")->reason, "platform_error");
    EXPECT_EQ(lookup(connect_disconnect_reason(), "telecom_busy")->reason, "busy");
}

TEST(Mappings, DocsAreRenderedFromTheTables) {
    const std::string docs = read_file(std::string(WHOHUNGUP_SOURCE_DIR) + "/docs/mappings.md");
    EXPECT_EQ(docs, render_markdown()) << "run: build/ci/whohungup --list-mappings > docs/mappings.md";
}

/// Codes read from the reference pages themselves (shared/seeds beside the repository).
TEST(Mappings, SeedPagesParsedAtTestTime) {
    const std::string seeds = std::string(WHOHUNGUP_SOURCE_DIR) + "/../shared/seeds";
    if (!std::filesystem::exists(seeds)) {
        GTEST_SKIP() << "reference pages not found at " << seeds;
    }
    int checked = 0;
    {  // "user_hangupendedUser hung up", "dial_busyOutbound call ...": a snake_case code glued to text.
        std::istringstream lines(read_file(seeds + "/ai-voice-agent-disconnection-reasons.txt"));
        std::string line;
        static const RE2 kCode(R"(^([a-z][a-z_]*?)(?:ended)?[A-Z])");
        while (std::getline(lines, line)) {
            std::string code;
            if (RE2::PartialMatch(line, kCode, &code) && code.find('_') != std::string::npos) {
                expect_mapped(retell_disconnection_reason(), code);
                ++checked;
            }
        }
    }
    {  // "| FAIL_ERROR | ...", "| Reason FAIL_QUEUEING | ...".
        std::istringstream lines(read_file(seeds + "/gms-callback-states.txt"));
        std::string line;
        static const RE2 kCode(R"(^\| (?:Reason )?([A-Z][A-Z_]+(?:<n>[A-Z]+)?) \|)");
        while (std::getline(lines, line)) {
            std::string code;
            if (RE2::PartialMatch(line, kCode, &code)) {
                RE2::Replace(&code, "<n>", "3");
                const bool state = code == "PROCESSING" || code == "QUEUED" || code == "SCHEDULED" ||
                                   code == "ROUTING" || code == "COMPLETED";
                expect_mapped(state ? gms_callback_state() : gms_callback_reason(), code);
                ++checked;
            }
        }
    }
    {  // "Conference Transfer: The Genesys Cloud user ..." (reasons and outcomes page).
        std::istringstream lines(read_file(seeds + "/genesys-cloud-reasons-and-outcomes.txt"));
        std::string line;
        static const RE2 kCode(R"(^([A-Z][A-Za-z ]+): )");
        while (std::getline(lines, line)) {
            std::string code;
            if (RE2::PartialMatch(line, kCode, &code) && code != "Required Subscription" &&
                code != "Required Permission Level") {
                const bool outcome = code == "Abandoned" || code == "Handled" || code == "Not Responding";
                expect_mapped(outcome ? genesys_outcome() : genesys_disconnect_type(), code);
                ++checked;
            }
        }
    }
    {  // "ClientThe Genesys Cloud ...": the disconnect-reasons page glues code and description.
        std::istringstream lines(read_file(seeds + "/genesys-cloud-disconnect-reasons.txt"));
        std::string line;
        bool in_table = false;
        while (std::getline(lines, line)) {
            if (line.starts_with("Disconnect reasonDescription")) {
                in_table = true;
                continue;
            }
            if (!in_table || line.empty()) continue;
            std::size_t split = std::string::npos;
            for (std::string_view starter : {"The ", "A ", "An ", "Another ", "AWS "}) {
                for (std::size_t p = 1; p < line.size(); ++p) {
                    if (std::string_view(line).substr(p).starts_with(starter) && p < split) {
                        split = p;
                        break;
                    }
                }
            }
            ASSERT_NE(split, std::string::npos) << line;
            std::string code = line.substr(0, split);
            while (!code.empty() && code.back() == ' ') code.pop_back();
            expect_mapped(genesys_disconnect_type(), code);
            ++checked;
        }
    }
    EXPECT_GT(checked, 60);
}

}  // namespace
}  // namespace whohungup::mappings
