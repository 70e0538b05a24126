// SPDX-License-Identifier: MIT
// Every vendor code of the reference pages maps to a documented verdict, and docs/mappings.md
// is exactly what the tables say.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
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
    EXPECT_FALSE(to_string(row->reason).empty());
    EXPECT_FALSE(row->source.empty());
}

// The codes as the reference pages list them (shared/seeds), written out so this test stands on
// its own; SeedPagesParsedAtTestTime re-reads the pages themselves when they are present.
TEST(Mappings, EveryDocumentedCodeIsMapped) {
    for (std::string_view code : {"CUSTOMER_DISCONNECT",
                                  "AGENT_DISCONNECT",
                                  "THIRD_PARTY_DISCONNECT",
                                  "TELECOM_PROBLEM",
                                  "BARGED",
                                  "CONTACT_FLOW_DISCONNECT",
                                  "OTHER",
                                  "EXPIRED",
                                  "API",
                                  "TELECOM_BUSY",
                                  "TELECOM_NUMBER_INVALID",
                                  "TELECOM_UNANSWERED",
                                  "TELECOM_TIMEOUT",
                                  "TELECOM_POTENTIAL_BLOCKING",
                                  "TELECOM_ANYTHING_NEW",
                                  "TELECOM_ORIGINATOR_CANCEL",
                                  "CUSTOMER_NEVER_ARRIVED",
                                  "OUTBOUND_DESTINATION_ENDPOINT_ERROR",
                                  "OUTBOUND_RESOURCE_ERROR",
                                  "OUTBOUND_ATTEMPT_FAILED",
                                  "OUTBUND_PREVIEW_DISCARDED",
                                  "AGENT_NETWORK_DISCONNECT",
                                  "CUSTOMER_CONNECTION_NOT_ESTABLISHED",
                                  "IDLE_DISCONNECT",
                                  "SYSTEM_ERROR",
                                  "AGENT_COMPLETED",
                                  "TRANSFERRED",
                                  "DISCARDED"}) {
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

struct Expected {
    std::string_view code;
    Party party;
    Category category;
    Confidence confidence;
};

void expect_rows(const ReasonTable& table, std::initializer_list<Expected> rows) {
    for (const Expected& want : rows) {
        const ReasonRow* row = lookup(table, want.code);
        ASSERT_NE(row, nullptr) << want.code;
        EXPECT_FALSE(row->prefix) << want.code << " has a row of its own, not a prefix match";
        EXPECT_EQ(row->party, want.party) << want.code;
        EXPECT_EQ(row->category, want.category) << want.code;
        EXPECT_EQ(row->confidence, want.confidence) << want.code;
    }
}

// The Admin Guide's per-channel lists (contact records data model, DisconnectReason).
TEST(Mappings, ConnectCodesOfEveryChannelFollowTheAdminGuide) {
    expect_rows(
        connect_disconnect_reason(),
        {
            // Voice: the originator is the customer inbound and the agent/API outbound.
            {"TELECOM_ORIGINATOR_CANCEL", Party::kUnknown, Category::kNotConnected, Confidence::kLow},
            {"CUSTOMER_NEVER_ARRIVED", Party::kCustomer, Category::kNotConnected, Confidence::kHigh},
            {"TELECOM_PROBLEM", Party::kSystem, Category::kFailure, Confidence::kHigh},
            {"TELECOM_UNANSWERED", Party::kCustomer, Category::kNotConnected, Confidence::kMedium},
            // Outbound campaign voice: nobody was reached.
            {"OUTBOUND_DESTINATION_ENDPOINT_ERROR", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
            {"OUTBOUND_RESOURCE_ERROR", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
            {"OUTBOUND_ATTEMPT_FAILED", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
            {"OUTBUND_PREVIEW_DISCARDED", Party::kAgent, Category::kNotConnected, Confidence::kMedium},
            {"OUTBOUND_PREVIEW_DISCARDED", Party::kAgent, Category::kNotConnected, Confidence::kMedium},
            // Chat.
            {"AGENT_NETWORK_DISCONNECT", Party::kSystem, Category::kFailure, Confidence::kHigh},
            {"CUSTOMER_CONNECTION_NOT_ESTABLISHED", Party::kCustomer, Category::kNotConnected, Confidence::kMedium},
            {"IDLE_DISCONNECT", Party::kSystem, Category::kOther, Confidence::kMedium},
            {"SYSTEM_ERROR", Party::kSystem, Category::kFailure, Confidence::kHigh},
            // Task and email.
            {"AGENT_COMPLETED", Party::kAgent, Category::kHangup, Confidence::kHigh},
            {"TRANSFERRED", Party::kUnknown, Category::kTransfer, Confidence::kMedium},
            {"DISCARDED", Party::kAgent, Category::kNotConnected, Confidence::kMedium},
        });
    // The prefix still catches a TELECOM_ code the guide does not list yet.
    EXPECT_EQ(lookup(connect_disconnect_reason(), "TELECOM_SOMETHING_NEW")->reason, Reason::telecom_not_connected);
}

TEST(Mappings, VoiceAgentMachineAndRefusedCallsAreNotConnected) {
    expect_rows(retell_disconnection_reason(),
                {
                    // "agent is configured to ... hang up": the voice agent ended it on a machine.
                    {"voicemail_reached", Party::kAgent, Category::kNotConnected, Confidence::kMedium},
                    {"ivr_reached", Party::kAgent, Category::kNotConnected, Confidence::kHigh},
                    // Refused before the call started (duration 0), not a dropped call.
                    {"concurrency_limit_reached", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
                    {"no_concurrency_fallback", Party::kSystem, Category::kNotConnected, Confidence::kMedium},
                    {"no_valid_payment", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
                    {"scam_detected", Party::kSystem, Category::kNotConnected, Confidence::kHigh},
                });
}

TEST(Mappings, GmsCustomerUnreachableIsMediumForItCoversSeveralCauses) {
    expect_rows(gms_callback_reason(),
                {
                    {"FAIL_CALL_TO_CUSTOMER", Party::kCustomer, Category::kNotConnected, Confidence::kMedium},
                    {"FAIL_USER_UNREACHABLE", Party::kCustomer, Category::kNotConnected, Confidence::kMedium},
                });
}

TEST(Mappings, ANoteBecomesTheDetailAndSaysWhatTheCodeLeavesOpen) {
    Verdict idle;
    ASSERT_TRUE(apply(connect_disconnect_reason(), "IDLE_DISCONNECT", idle));
    EXPECT_NE(idle.detail.find("Which participant was idle is not recorded"), std::string::npos) << idle.detail;
    EXPECT_EQ(idle.raw_reason, "IDLE_DISCONNECT");

    Verdict cancel;
    ASSERT_TRUE(apply(connect_disconnect_reason(), "TELECOM_ORIGINATOR_CANCEL", cancel));
    EXPECT_EQ(cancel.reason, Reason::originator_cancelled);
    EXPECT_NE(cancel.detail.find("inbound"), std::string::npos) << cancel.detail;

    Verdict plain;  // a row without a note leaves the reader's own detail to the reader
    plain.detail = "kept";
    ASSERT_TRUE(apply(connect_disconnect_reason(), "AGENT_DISCONNECT", plain));
    EXPECT_EQ(plain.detail, "kept");
}

TEST(Mappings, NotesAndSourcesFitInOneMarkdownTableCell) {
    for (const ReasonTable* table : all_tables()) {
        for (const ReasonRow& row : table->rows) {
            EXPECT_EQ(row.note.find('|'), std::string_view::npos) << table->name << " " << row.code;
            EXPECT_EQ(row.note.find('\n'), std::string_view::npos) << table->name << " " << row.code;
            EXPECT_EQ(row.source.find('|'), std::string_view::npos) << table->name << " " << row.code;
        }
    }
}

TEST(Mappings, ACodeThatDoesNotTellWhoEndedTheCallIsLowConfidence) {
    // An unknown ended_by backed by nothing: high would read as a decided call to a filter.
    for (const ReasonTable* table : all_tables()) {
        for (const ReasonRow& row : table->rows) {
            if (row.reason == Reason::record_does_not_tell) {
                EXPECT_EQ(row.party, Party::kUnknown) << table->name << " " << row.code;
                EXPECT_EQ(row.confidence, Confidence::kLow) << table->name << " " << row.code;
            }
        }
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
    EXPECT_EQ(v.reason, Reason::unmapped_code);
    EXPECT_EQ(v.raw_reason, "teleported_away");
    const Diagnostic a = unknown_code_warning(retell_disconnection_reason(), "zz", "one.json", 3, 10);
    const Diagnostic b = unknown_code_warning(retell_disconnection_reason(), "zz", "two.json", 9, 90);
    EXPECT_EQ(a.once_key, b.once_key);  // said once per run, whichever input has it first
    EXPECT_NE(a.once_key, unknown_code_warning(retell_disconnection_reason(), "yy", "one.json", 3, 10).once_key);
}

TEST(Mappings, PrefixRowsMatchTheLongestPrefix) {
    EXPECT_EQ(lookup(retell_disconnection_reason(), "error_asr")->reason, Reason::speech_recognition_error);
    EXPECT_EQ(lookup(retell_disconnection_reason(), "error_whatever")->reason, Reason::platform_error);
    EXPECT_EQ(lookup(connect_disconnect_reason(), "telecom_busy")->reason, Reason::busy);
}

TEST(Mappings, DocsAreRenderedFromTheTables) {
    const std::string docs = read_file(std::string(WHOHUNGUP_SOURCE_DIR) + "/docs/mappings.md");
    EXPECT_EQ(docs, render_markdown()) << "run: build/ci/whohungup --list-mappings > docs/mappings.md";
}

/// Codes read from the reference pages themselves (shared/seeds beside the repository, or the
/// directory WHOHUNGUP_SEEDS_DIR names, for a checkout that is not beside them).
TEST(Mappings, SeedPagesParsedAtTestTime) {
    const char* seeds_env = std::getenv("WHOHUNGUP_SEEDS_DIR");
    const std::string seeds = seeds_env != nullptr && *seeds_env != '\0'
                                  ? std::string(seeds_env)
                                  : std::string(WHOHUNGUP_SOURCE_DIR) + "/../shared/seeds";
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
