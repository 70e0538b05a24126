// SPDX-License-Identifier: MIT
// The one list of input formats, most specific first. An explicit list (not self-registering
// statics) so the sniff order is visible and no format is lost to the linker.
#include <array>

#include "ccp/ccp_reader.h"
#include "exports/asterisk/cdr_reader.h"
#include "exports/asterisk/cel_reader.h"
#include "exports/asterisk/queue_log_reader.h"
#include "exports/cisco/cucm_reader.h"
#include "exports/cisco/ucce_reader.h"
#include "exports/columns/column_reader.h"
#include "exports/connect/contact_record_reader.h"
#include "exports/freeswitch/freeswitch_reader.h"
#include "exports/genesys/conversation_reader.h"
#include "exports/genesys/interactions_csv_reader.h"
#include "exports/gms/callback_reader.h"
#include "exports/kamailio/acc_reader.h"
#include "exports/twilio/twilio_reader.h"
#include "exports/voice_agent/calls_csv_reader.h"
#include "exports/voice_agent/calls_reader.h"
#include "report/verdict_jsonl_reader.h"
#include "whohungup/reader.h"

namespace whohungup {

namespace {
/// Contact records of one run are one group: the latest record of a contact wins across files.
std::string one_group(std::string_view /*head*/) {
    return "all";
}

// Sized by the list itself: adding a format is adding a line.
constexpr auto kKinds = std::to_array<ReaderKind>({
    // Our own output first: it quotes other formats' words inside its evidence.
    {"whohungup-jsonl", "whohungup's own --format jsonl output (to merge per-file results)",
     &exports::sniff_verdict_jsonl, &exports::make_verdict_jsonl_reader, nullptr},
    {"ccp-log", "Amazon Connect CCP agent log (agent-log.txt: a JSON array of log entries)", &ccp::sniff_ccp_log,
     &ccp::make_ccp_log_reader, &ccp::ccp_log_group_key},
    {"connect-ctr",
     "Amazon Connect contact records and DescribeContact responses (DisconnectReason): JSON, JSON Lines or back to "
     "back",
     &exports::sniff_connect_ctr, &exports::make_connect_ctr_reader, &one_group},
    {"genesys-cloud", "Genesys Cloud conversations (analytics details or Conversations API JSON)",
     &exports::sniff_genesys_conversations, &exports::make_genesys_conversations_reader, nullptr},
    {"freeswitch-json-cdr", "FreeSWITCH mod_json_cdr CDRs (one JSON document per leg; sip_hangup_disposition)",
     &exports::freeswitch::sniff_json_cdr, &exports::freeswitch::make_json_cdr_reader,
     &exports::freeswitch::cdr_group_key},
    {"freeswitch-xml-cdr", "FreeSWITCH mod_xml_cdr CDRs (one XML document per leg; sip_hangup_disposition)",
     &exports::freeswitch::sniff_xml_cdr, &exports::freeswitch::make_xml_cdr_reader,
     &exports::freeswitch::cdr_group_key},
    {"twilio-call-summaries",
     "Twilio Voice Insights call summaries (disconnected_by; also as Event Streams events) and Call resources (status)",
     &exports::twilio::sniff_twilio_calls, &exports::twilio::make_twilio_calls_reader, nullptr},
    {"voice-agent-calls", "AI voice agent call history (disconnection_reason): calls, pages, webhooks",
     &exports::sniff_voice_agent_calls, &exports::make_voice_agent_calls_reader, nullptr},
    {"gms-callbacks", "Genesys GMS callback records (_callback_state / _callback_reason)",
     &exports::sniff_gms_callbacks, &exports::make_gms_callbacks_reader, nullptr},
    {"genesys-interactions-csv", "Genesys Cloud Interactions view CSV export (Disconnect Type, Abandoned)",
     &exports::sniff_genesys_interactions_csv, &exports::make_genesys_interactions_csv_reader, nullptr},
    {"voice-agent-calls-csv", "AI voice agent dashboard call history CSV (disconnection reason column)",
     &exports::sniff_voice_agent_calls_csv, &exports::make_voice_agent_calls_csv_reader, nullptr},
    {"asterisk-queue-log", "Asterisk queue_log (epoch|callid|queue|agent|event|data, or the table as CSV)",
     &exports::asterisk::sniff_queue_log, &exports::asterisk::make_queue_log_reader,
     &exports::asterisk::queue_log_group_key},
    {"asterisk-cel", "Asterisk CEL as CSV: the cel table with a header, or cel_custom's Master.csv (HANGUP extra)",
     &exports::asterisk::sniff_cel, &exports::asterisk::make_cel_reader, &exports::asterisk::cel_group_key},
    {"cisco-cucm-cdr", "Cisco Unified CM CDR flat files (origCause_value / destCause_value, OnBehalfOf)",
     &exports::cisco::sniff_cucm_cdr, &exports::cisco::make_cucm_cdr_reader, &exports::cisco::cucm_group_key},
    {"asterisk-cdr", "Asterisk CDRs: the cdr table as CSV, or Master.csv (disposition: outcome only)",
     &exports::asterisk::sniff_cdr, &exports::asterisk::make_cdr_reader, &exports::asterisk::cdr_group_key},
    {"cisco-ucce-tcd", "Cisco UCCE/PCCE Termination_Call_Detail as CSV (CallDisposition: outcome only)",
     &exports::cisco::sniff_ucce_tcd, &exports::cisco::make_ucce_tcd_reader, nullptr},
    {"3cx-cdr", "3CX CDR export with a header row (reason-terminated)", &exports::columns::sniff_three_cx_cdr,
     &exports::columns::make_three_cx_cdr_reader, nullptr},
    {"talkdesk-calls", "Talkdesk Calls report CSV (agent_disconnected, type)", &exports::columns::sniff_talkdesk_calls,
     &exports::columns::make_talkdesk_calls_reader, nullptr},
    {"five9-call-log", "Five9 call log report CSV (AGENT DISCONNECTS FIRST)", &exports::columns::sniff_five9_call_log,
     &exports::columns::make_five9_call_log_reader, nullptr},
    {"avaya-cms-calls", "Avaya CMS call records as CSV (AGT_RELEASED, TRANSFERRED, DISPOSITION; one row a segment)",
     &exports::columns::sniff_avaya_cms_calls, &exports::columns::make_avaya_cms_calls_reader, nullptr},
    {"kamailio-acc", "Kamailio / OpenSIPS acc table as CSV (BYE from_tag vs the INVITE's tags; INVITE sip_code)",
     &exports::kamailio::sniff_acc, &exports::kamailio::make_acc_reader, &exports::kamailio::acc_group_key},
});
}  // namespace

std::span<const ReaderKind> reader_kinds() {
    return kKinds;
}

const ReaderKind* find_reader_kind(std::string_view name) {
    for (const ReaderKind& kind : kKinds) {
        if (kind.name == name) {
            return &kind;
        }
    }
    return nullptr;
}

const ReaderKind* sniff_reader_kind(std::string_view head) {
    for (const ReaderKind& kind : kKinds) {
        if (kind.sniff(head)) {
            return &kind;
        }
    }
    return nullptr;
}

}  // namespace whohungup
