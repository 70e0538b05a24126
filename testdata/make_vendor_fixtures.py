#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the vendor export fixtures under testdata/{connect,genesys,voice-agent,gms,mixed-batch}.

Record shapes follow the vendors' documented models (field names and nesting as the exports
carry them): Amazon Connect contact records as the contact record stream writes them, Genesys
Cloud analytics conversations with participants/sessions/segments/metrics and the
Conversations-API call shape, AI voice agent call objects with transcripts, GMS callback query
results. All ids, names and numbers are made up. Run: python3 testdata/make_vendor_fixtures.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
INSTANCE = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"


def write(path, text):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


# --- Amazon Connect contact records ---------------------------------------------------------------

def ctr(contact, reason, minute, agent="jdoe", agent_id="8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f", method="INBOUND",
        channel="VOICE", previous=None, next_=None, initial=None, update_second=30):
    record = {
        "AWSAccountId": "123456789012",
        "AWSContactTraceRecordFormatVersion": "2017-03-10",
        "Agent": None if agent is None else {
            "ARN": INSTANCE + "/agent/" + agent_id,
            "AfterContactWorkDuration": 12,
            "AfterContactWorkEndTimestamp": "2026-11-20T09:%02d:50Z" % (minute + 3),
            "AfterContactWorkStartTimestamp": "2026-11-20T09:%02d:38Z" % (minute + 3),
            "AgentInteractionDuration": 170,
            "ConnectedToAgentTimestamp": "2026-11-20T09:%02d:20Z" % minute,
            "CustomerHoldDuration": 0,
            "HierarchyGroups": None,
            "LongestHoldDuration": 0,
            "NumberOfHolds": 0,
            "RoutingProfile": {"ARN": INSTANCE + "/routing-profile/rp-1", "Name": "Basic Routing Profile"},
            "Username": agent,
        },
        "AgentConnectionAttempts": 1,
        "Attributes": {"greetingPlayed": "true"},
        "Channel": channel,
        "ContactId": contact,
        "CustomerEndpoint": {"Address": "+15550100%03d" % minute, "Type": "TELEPHONE_NUMBER"},
        "DisconnectReason": reason,
        "DisconnectTimestamp": "2026-11-20T09:%02d:38Z" % (minute + 3),
        "InitialContactId": initial,
        "InitiationMethod": method,
        "InitiationTimestamp": "2026-11-20T09:%02d:02Z" % minute,
        "InstanceARN": INSTANCE,
        "LastUpdateTimestamp": "2026-11-20T09:%02d:%02dZ" % (minute + 5, update_second),
        "MediaStreams": [{"Type": "AUDIO"}],
        "NextContactId": next_,
        "PreviousContactId": previous,
        "Queue": {"ARN": INSTANCE + "/queue/q-1", "DequeueTimestamp": "2026-11-20T09:%02d:19Z" % minute,
                  "Duration": 17, "EnqueueTimestamp": "2026-11-20T09:%02d:02Z" % minute, "Name": "BasicQueue"},
        "Recording": None,
        "SystemEndpoint": {"Address": "+15550199000", "Type": "TELEPHONE_NUMBER"},
        "TransferCompletedTimestamp": None,
        "TransferredToEndpoint": None,
    }
    if reason is None:
        del record["DisconnectReason"]
    return record


def connect_records():
    c = lambda n: "5d1c0a7e-%04d-4b1e-9c2f-%012d" % (n, n)
    records = [
        ctr(c(1), "CUSTOMER_DISCONNECT", 0),
        ctr(c(2), "AGENT_DISCONNECT", 4),
        ctr(c(3), "THIRD_PARTY_DISCONNECT", 8),
        ctr(c(4), "TELECOM_PROBLEM", 12),
        ctr(c(5), "BARGED", 16),
        ctr(c(6), "CONTACT_FLOW_DISCONNECT", 20, agent=None),
        ctr(c(7), "OTHER", 24),
        ctr(c(8), None, 28, agent=None),
        ctr(c(9), "TELECOM_BUSY", 32, method="EXTERNAL_OUTBOUND"),
        ctr(c(10), "TELECOM_CARRIER_REJECTED", 36, method="EXTERNAL_OUTBOUND"),
        ctr(c(11), "AGENT_HUNG_UP_ON_PURPOSE", 40),
        # A transfer: the first leg goes on as contact 13.
        ctr(c(12), "AGENT_DISCONNECT", 44, next_=c(13), initial=c(12)),
        ctr(c(13), "CUSTOMER_DISCONNECT", 47, method="TRANSFER", previous=c(12), initial=c(12),
            agent="asmith", agent_id="9d2e3f40-1a2b-4c3d-8e9f-112233445566"),
        ctr(c(14), "EXPIRED", 50, channel="TASK", method="API", agent=None),
        ctr(c(15), "API", 52, channel="TASK", method="API"),
    ]
    # The stream writes an update of contact 1 later; an older copy arrives after it.
    newer = ctr(c(1), "AGENT_DISCONNECT", 0, update_second=59)
    older = ctr(c(1), "CUSTOMER_DISCONNECT", 0, update_second=1)
    records[0] = newer
    records.append(older)
    # Kinesis Data Firehose writes records back to back, no separator.
    write("connect/contact-records-firehose.json", "".join(json.dumps(r, separators=(",", ":")) for r in records))
    write("connect/contact-records.jsonl", "\n".join(json.dumps(r) for r in records[1:4]) + "\n")
    write("mixed-batch/connect-contact-records.jsonl", "\n".join(json.dumps(r) for r in records[1:3]) + "\n")


def transfer_out_records():
    """Contacts transferred out of Amazon Connect (a flow's Transfer to phone number, or an agent's
    quick connect to an outside number): the data model's TransferCompletedTimestamp and
    TransferredToEndpoint are set, and no NextContactId follows, as no Amazon Connect contact
    continues the call. Beside them, one without a transfer."""
    c = lambda n: "7f0e7a11-%04d-4c3d-8e9f-%012d" % (n, n)
    agent_out = ctr(c(1), "AGENT_DISCONNECT", 0)
    agent_out["TransferCompletedTimestamp"] = "2026-11-20T09:03:30Z"
    agent_out["TransferredToEndpoint"] = {"Address": "+15550177001", "Type": "TELEPHONE_NUMBER"}
    flow_out = ctr(c(2), "CONTACT_FLOW_DISCONNECT", 10, agent=None)
    flow_out["TransferCompletedTimestamp"] = "2026-11-20T09:13:35Z"
    flow_out["TransferredToEndpoint"] = {"Address": "+15550177002", "Type": "TELEPHONE_NUMBER"}
    plain = ctr(c(3), "AGENT_DISCONNECT", 20)
    write("connect/transfer-out.jsonl", "\n".join(json.dumps(r) for r in (agent_out, flow_out, plain)) + "\n")


def described(contact, reason, minute, epoch=True, agent_id="8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f", queued=True,
              method="INBOUND", previous=None, initial=None):
    """A DescribeContact response: the API reference's Contact (Id, AgentInfo, QueueInfo; no
    NextContactId, no transfer fields, no agent username). The API's JSON gives timestamps as epoch
    seconds; the AWS CLI prints them as ISO 8601 with microseconds and an offset."""
    def when(second):
        at = 1795168800 + minute * 60 + second  # 2026-11-20T10:00:00Z
        if epoch:
            return at + 0.25
        return "2026-11-20T10:%02d:%02d.250000+00:00" % (minute + second // 60, second % 60)
    contact_object = {
        "Arn": INSTANCE + "/contact/" + contact,
        "Id": contact,
        "InitialContactId": initial,
        "PreviousContactId": previous,
        "InitiationMethod": method,
        "Channel": "VOICE",
        "InitiationTimestamp": when(0),
        "ConnectedToSystemTimestamp": when(1),
        "DisconnectTimestamp": when(200),
        "LastUpdateTimestamp": when(260),
        "DisconnectReason": reason,
        "CustomerEndpoint": {"Type": "TELEPHONE_NUMBER", "Address": "+15550101%03d" % minute},
        "Tags": {"aws:connect:instanceId": "11111111-2222-3333-4444-555555555555"},
    }
    if queued:
        contact_object["QueueInfo"] = {"Id": "q-1", "EnqueueTimestamp": when(5)}
    if agent_id is not None:
        contact_object["AgentInfo"] = {"Id": agent_id, "ConnectedToAgentTimestamp": when(20),
                                       "AgentPauseDurationInSeconds": 0}
    return {"Contact": contact_object}


def describe_contact_responses():
    c = lambda n: "7a3b0c1d-%04d-4e2f-8a9b-%012d" % (n, n)
    # As `aws connect describe-contact` prints one response.
    write("connect/describe-contact-cli.json",
          json.dumps(described(c(1), "CUSTOMER_DISCONNECT", 0, epoch=False), indent=4) + "\n")
    # A script's log of raw API responses, one a line.
    responses = [
        described(c(2), "AGENT_DISCONNECT", 4),
        # A transfer: the second contact names the first as its previous contact.
        described(c(3), "AGENT_DISCONNECT", 8, initial=c(3)),
        described(c(4), "CUSTOMER_DISCONNECT", 12, method="TRANSFER", previous=c(3), initial=c(3),
                  agent_id="9d2e3f40-1a2b-4c3d-8e9f-112233445566"),
        # Hung up while queued: abandoned.
        described(c(5), "CUSTOMER_DISCONNECT", 16, agent_id=None),
        # Ended in the flow, never queued.
        described(c(6), "CONTACT_FLOW_DISCONNECT", 20, agent_id=None, queued=False),
    ]
    write("connect/describe-contact-responses.jsonl", "\n".join(json.dumps(r) for r in responses) + "\n")


# --- Genesys Cloud --------------------------------------------------------------------------------

def seg(start, end, kind, disconnect=None, **extra):
    s = {"segmentStart": start, "segmentEnd": end, "segmentType": kind}
    if disconnect:
        s["disconnectType"] = disconnect
    s.update(extra)
    return s


def session(media, segments, metrics=(), **extra):
    s = {"mediaType": media, "sessionId": "s-%d" % (abs(hash(str(segments))) % 10 ** 8), "direction": "inbound",
         "ani": "tel:+15550100123", "dnis": "tel:+15550199000", "provider": "Edge", "segments": segments,
         "metrics": [{"name": n, "value": v, "emitDate": "2026-11-20T10:00:00.000Z"} for n, v in metrics]}
    s.update(extra)
    return s


def participant(purpose, name, sessions, user=None):
    p = {"participantId": "p-%s-%s" % (purpose, name.replace(" ", "").lower()), "participantName": name,
         "purpose": purpose, "sessions": sessions}
    if user:
        p["userId"] = user
    return p


def t(minute, second=0):
    return "2026-11-20T10:%02d:%02d.000Z" % (minute, second)


def conversation(cid, start, end, participants):
    c = {"conversationId": cid, "conversationStart": start, "originatingDirection": "inbound",
         "divisionIds": ["d-1"], "mediaStatsMinConversationMos": 4.38, "participants": participants}
    if end:
        c["conversationEnd"] = end
    return c


def customer(m0, m1, disconnect="endpoint"):
    return participant("customer", "Caller", [session("voice", [seg(t(m0), t(m1), "interact", disconnect,
                                                                        q850ResponseCodes=[16])],
                                                      [("nConnected", 1), ("tConnected", 1000)])])


def ivr(m0, m1, disconnect="transfer"):
    return participant("ivr", "Main IVR", [session("voice", [seg(t(m0), t(m1), "ivr", disconnect)],
                                                   [("nFlow", 1), ("tIvr", 20000)],
                                                   flow={"flowName": "Main IVR", "flowType": "INBOUNDCALL",
                                                         "exitReason": "TRANSFER"})])


def acd(m0, m1, disconnect="transfer", metrics=(("nOffered", 1), ("tAcd", 30000))):
    return participant("acd", "Support Queue", [session("voice", [seg(t(m0), t(m1), "interact", disconnect,
                                                                       queueId="q-support")], metrics)])


def agent(name, user, m0, m1, disconnect, alert_only=False, alert_disconnect=None):
    segments = [seg(t(m0), t(m0, 8), "alert", alert_disconnect)]
    metrics = [("tAlert", 8000)]
    if alert_only:
        metrics += [("tNotResponding", 15000), ("nError", 1)]
    else:
        segments += [seg(t(m0, 8), t(m1), "interact", disconnect),
                     seg(t(m1), t(m1, 30), "wrapup", disconnect, wrapUpCode="ININ-WRAP-UP-TIMEOUT")]
        metrics += [("tAnswered", 8000), ("tTalk", (m1 - m0) * 60000), ("tAcw", 30000), ("tHandle", 60000)]
    return participant("agent", name, [session("voice", segments, metrics)], user=user)


def genesys():
    conversations = [
        # 1. The customer hangs up: agent 'peer', customer 'endpoint'.
        conversation("c1a2b3c4-0001-4000-8000-000000000001", t(0), t(6),
                     [customer(0, 6), ivr(0, 1), acd(1, 2), agent("Ana Agent", "u-ana", 2, 6, "peer")]),
        # 2. The agent clicks End Call: 'client'.
        conversation("c1a2b3c4-0002-4000-8000-000000000002", t(7), t(12),
                     [customer(7, 12, "peer"), acd(7, 8), agent("Ana Agent", "u-ana", 8, 12, "client")]),
        # 3. Ring-no-answer on the first agent, the second answers and hangs up her phone.
        conversation("c1a2b3c4-0003-4000-8000-000000000003", t(13), t(20),
                     [customer(13, 20, "peer"), acd(13, 14),
                      agent("Bob Busy", "u-bob", 14, 14, None, alert_only=True, alert_disconnect="noAnswerTransfer"),
                      agent("Cat Carter", "u-cat", 15, 20, "endpoint")]),
        # 4. Abandoned in queue.
        conversation("c1a2b3c4-0004-4000-8000-000000000004", t(21), t(23),
                     [customer(21, 23), ivr(21, 22), acd(22, 23, "peer", (("nOffered", 1), ("tAbandon", 60000)))]),
        # 5. Abandoned while an agent was alerting.
        conversation("c1a2b3c4-0005-4000-8000-000000000005", t(24), t(25),
                     [customer(24, 25), acd(24, 25, "peer"),
                      agent("Bob Busy", "u-bob", 24, 24, None, alert_only=True, alert_disconnect="peer")]),
        # 6. Hung up in the IVR: not an abandon.
        conversation("c1a2b3c4-0006-4000-8000-000000000006", t(26), t(27), [customer(26, 27), ivr(26, 27, "peer")]),
        # 7. Blind transfer to an external number: the last agent leg ends 'transfer'.
        conversation("c1a2b3c4-0007-4000-8000-000000000007", t(28), t(33),
                     [customer(28, 33, "peer"), acd(28, 29), agent("Ana Agent", "u-ana", 29, 31, "transfer"),
                      participant("external", "Billing line", [session("voice", [seg(t(31), t(33), "interact",
                                                                                      "endpoint")])])]),
        # 8. Still in progress: no conversationEnd.
        conversation("c1a2b3c4-0008-4000-8000-000000000008", t(34), None,
                     [customer(34, 35), acd(34, 35)]),
        # 9. A malformed timestamp (one-digit day) in a real export.
        conversation("c1a2b3c4-0009-4000-8000-000000000009", "2026-11-2T10:36:00.000Z", "2026-11-2T10:40:00.000Z",
                     [customer(36, 40, "peer"), acd(36, 37), agent("Ana Agent", "u-ana", 37, 40, "transportFailure")]),
    ]
    write("genesys/analytics-details-query.json",
          json.dumps({"conversations": conversations, "aggregations": [], "totalHits": len(conversations)}, indent=2))
    messaging = [
        conversation("c1a2b3c4-0010-4000-8000-000000000010", t(41), t(50), [
            participant("customer", "Web visitor", [session("message", [seg(t(41), t(50), "interact", "inactivity")])]),
            participant("agent", "Ana Agent", [session("message", [seg(t(42), t(50), "interact", "peer")])],
                        user="u-ana")]),
        conversation("c1a2b3c4-0011-4000-8000-000000000011", t(51), t(59), [
            participant("customer", "Web visitor", [session("message", [seg(t(51), t(59), "interact",
                                                                            "sessionExpired")])]),
            participant("agent", "Ana Agent", [session("message", [seg(t(52), t(59), "interact",
                                                                        "sessionExpired")])], user="u-ana")]),
    ]
    write("genesys/async-job-results.json",
          json.dumps({"conversations": messaging, "cursor": "eyJwYWdlIjoyfQ==",
                      "dataAvailabilityDate": "2026-11-20T11:00:00.000Z"}, indent=2))
    api_call = {
        "id": "c1a2b3c4-0012-4000-8000-000000000012",
        "participants": [
            {"id": "pa-1", "name": "Caller", "address": "tel:+15550100123", "startTime": t(0),
             "connectedTime": t(0, 1), "endTime": t(5), "purpose": "customer", "state": "disconnected",
             "direction": "inbound", "disconnectType": "endpoint", "held": False, "wrapupRequired": False},
            {"id": "pa-2", "name": "Bob Busy", "startTime": t(1), "startAlertingTime": t(1), "endTime": t(1, 20),
             "purpose": "agent", "state": "disconnected", "direction": "inbound", "disconnectType": "client",
             "user": {"id": "u-bob"}, "queue": {"id": "q-support"}, "held": False, "wrapupRequired": True},
            {"id": "pa-3", "name": "Cat Carter", "startTime": t(1, 21), "startAlertingTime": t(1, 21),
             "connectedTime": t(1, 30), "endTime": t(5), "purpose": "agent", "state": "disconnected",
             "direction": "inbound", "disconnectType": "peer", "user": {"id": "u-cat"},
             "queue": {"id": "q-support"}, "held": False, "wrapupRequired": True},
        ],
        "recordingState": "none", "selfUri": "/api/v2/conversations/calls/c1a2b3c4-0012-4000-8000-000000000012",
    }
    write("genesys/conversations-api-call.json", json.dumps(api_call, indent=2))
    # Conversations API list pages, one per JSON Lines line: records inside envelopes on one line.
    pages = []
    for ids in (("101", "102"), ("103",)):
        entities = [json.loads(json.dumps(api_call).replace("000000000012", "000000000" + n)) for n in ids]
        pages.append({"entities": entities, "pageSize": 2, "pageNumber": len(pages) + 1, "total": 3})
    write("genesys/conversations-api-pages.jsonl",
          "".join(json.dumps(page, separators=(",", ":")) + "\n" for page in pages))
    api_transfer = dict(api_call)
    api_transfer["id"] = "c1a2b3c4-0013-4000-8000-000000000013"
    api_transfer["participants"] = [dict(p) for p in api_call["participants"]]
    api_transfer["participants"][2]["disconnectType"] = "transfer.conference"
    write("mixed-batch/genesys-conversation.json", json.dumps(api_transfer, indent=2))
    header = ['"Full Export Completed"', '"Partial Result Timestamp"', '"Filters"', '"Media Type"',
              '"Users - Interacted"', '"Date"', '"Direction"', '"Queue"', '"Wrap-up"', '"Conversation ID"',
              '"Abandoned"', '"Disconnect Type"', '"Total Talk"', '"Total Handle"']
    rows = [
        ["YES", "", "Date: Today", "voice", "Ana Agent", "11/20/26 9:00 AM", "Inbound", "Support", "Resolved",
         "d0000000-0000-4000-8000-000000000001", "NO", "Agent", "183000", "213000"],
        ["YES", "", "Date: Today", "voice", "Cat Carter", "11/20/26 9:05 AM", "Inbound", "Support",
         "Billing, refund", "d0000000-0000-4000-8000-000000000002", "NO", "External", "95000", "125000"],
        ["YES", "", "Date: Today", "voice", "", "11/20/26 9:10 AM", "Inbound", "Support", "",
         "d0000000-0000-4000-8000-000000000003", "YES", "External", "0", "0"],
        ["YES", "", "Date: Today", "message", "Ana Agent", "11/20/26 9:15 AM", "Inbound", "Chat", "",
         "d0000000-0000-4000-8000-000000000004", "NO", "Conversation Inactivity", "0", "600000"],
        ["YES", "", "Date: Today", "message", "Ana Agent", "11/20/26 9:20 AM", "Inbound", "Chat", "",
         "d0000000-0000-4000-8000-000000000005", "NO", "Session Expired", "0", "0"],
        ["YES", "", "Date: Today", "voice", "Ana Agent", "11/20/26 9:25 AM", "Outbound", "", "",
         "d0000000-0000-4000-8000-000000000006", "NO", "System", "12000", "12000"],
        ["YES", "", "Date: Today", "voice", "Ana Agent", "11/20/26 9:30 AM", "Inbound", "Support", "",
         "d0000000-0000-4000-8000-000000000007", "NO", "", "0", "0"],
        ["YES", "", "Date: Today", "voice", "Ana Agent", "11/20/26 9:35 AM", "Inbound", "Support",
         "Line one\nline two", "d0000000-0000-4000-8000-000000000008", "NO", "Customer", "1000", "1000"],
    ]
    lines = [",".join(header)] + [",".join('"%s"' % c.replace('"', '""') for c in r) for r in rows]
    write("genesys/interactions-export.csv", "\r\n".join(lines) + "\r\n")


# --- AI voice agent call history ------------------------------------------------------------------

def call(n, reason, status="ended", start=1795240800000, duration=95000, direction="inbound", **extra):
    c = {
        "call_id": "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq%d" % n,
        "call_type": "phone_call",
        "agent_id": "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
        "agent_name": "Front desk agent",
        "agent_version": 4,
        "call_status": status,
        "direction": direction,
        "from_number": "+15550100%03d" % n,
        "to_number": "+15550199000",
        "start_timestamp": start + n * 600000,
        "end_timestamp": start + n * 600000 + duration,
        "duration_ms": duration,
        "disconnection_reason": reason,
        "transcript": "Agent: Hi, how can I help you?\nUser: I need to move my appointment.\nAgent: Sure.",
        "transcript_object": [
            {"role": "agent", "content": "Hi, how can I help you?",
             "words": [{"word": "Hi,", "start": 0.7, "end": 1.1}]},
            {"role": "user", "content": "I need to move my appointment.",
             "words": [{"word": "I", "start": 2.0, "end": 2.1}]}],
        "recording_url": "https://example.invalid/recording/%d.wav" % n,
        "public_log_url": "https://example.invalid/log/%d.txt" % n,
        "latency": {"e2e": {"p50": 800, "p90": 1200, "p95": 1500, "p99": 2500, "max": 2700, "min": 500, "num": 10}},
        "call_cost": {"combined_cost": 7.0, "total_duration_seconds": duration // 1000,
                      "product_costs": [{"product": "elevenlabs_tts", "unit_price": 1, "cost": 60}]},
        "call_analysis": {"call_summary": "The caller moved an appointment.", "in_voicemail": False,
                          "user_sentiment": "Positive", "call_successful": True, "custom_analysis_data": {}},
        "metadata": {}, "retell_llm_dynamic_variables": {"customer_name": "[redacted]"},
        "opt_out_sensitive_data_storage": False,
    }
    if reason is None:
        del c["disconnection_reason"]
    c.update(extra)
    return c


def voice_agent():
    calls = [
        call(1, "user_hangup"), call(2, "agent_hangup"), call(3, "call_transfer", transfer_destination="+15550123456"),
        call(4, "voicemail_reached", direction="outbound"), call(5, "dial_no_answer", status="not_connected",
                                                                 direction="outbound", duration=0),
        call(6, "error_llm_websocket_open", status="error"), call(7, "registered_call_timeout", status="error"),
        call(8, None, status="ongoing"), call(9, "brand_new_reason_2027"),
        call(10, "transfer_bridged"), call(11, "machine_detected", direction="outbound"),
        # The vendor's own example pairs an error reason with status "ended": the reason decides.
        call(12, "error_asr", status="ended"),
    ]
    write("voice-agent/list-calls-v2.json", json.dumps(calls, indent=2))
    page = {"items": [call(20, "telephony_provider_unavailable", status="not_connected", direction="outbound"),
                      call(21, "user_declined", status="not_connected", direction="outbound"),
                      call(22, "inactivity"), call(23, "max_duration_reached")],
            "has_more": True, "pagination_key": "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq23", "total": 4}
    write("voice-agent/list-calls-v3-page.json", json.dumps(page, indent=2))
    started = call(30, None, status="ongoing")
    for key in ("end_timestamp", "duration_ms", "call_analysis", "transcript", "transcript_object"):
        started.pop(key, None)
    ended = call(30, "user_hangup")
    ended.pop("call_analysis")
    analyzed = call(30, "user_hangup")
    only_started = call(31, None, status="ongoing")
    events = [{"event": "call_started", "event_timestamp": 1795258800000, "call": started},
              {"event": "call_started", "event_timestamp": 1795258801000, "call": only_started},
              {"event": "call_ended", "event_timestamp": 1795258900000, "call": ended},
              {"event": "call_analyzed", "event_timestamp": 1795258905000, "call": analyzed}]
    write("voice-agent/webhooks.jsonl", "\n".join(json.dumps(e) for e in events) + "\n")
    write("mixed-batch/voice-agent-call.json", json.dumps(call(40, "agent_hangup"), indent=2))
    rows = [["Time", "Duration", "Channel Type", "Cost", "Session ID", "End Reason", "Session Status",
             "User Sentiment", "From", "To", "Direction", "Session Outcome", "End to End Latency"],
            ["11/20/2026 09:00", "1:35", "phone_call", "$0.12", "call_csv_001", "user_hangup", "ended", "Positive",
             "+15550100001", "+15550199000", "inbound", "Successful", "820ms"],
            ["11/20/2026 09:10", "0:00", "phone_call", "$0.00", "call_csv_002", "dial_busy", "not_connected",
             "Unknown", "+15550199000", "+15550100002", "outbound", "Unsuccessful", ""],
            ["11/20/2026 09:20", "2:10", "web_call", "$0.20", "call_csv_003", "error_user_not_joined", "error",
             "Unknown", "", "", "inbound", "Unsuccessful", ""],
            ["11/20/2026 09:30", "4:00", "phone_call", "$0.31", "call_csv_004", "agent_hangup", "ended",
             "Neutral", "+15550100004", "+15550199000", "inbound", "Successful, \"great\"", "790ms"]]
    write("voice-agent/call-history.csv",
          "\n".join(",".join('"%s"' % c.replace('"', '""') if ("," in c or '"' in c) else c for c in r)
                    for r in rows) + "\n")


# --- Genesys GMS callbacks ------------------------------------------------------------------------

def callback(n, state, reason=None, service="Callback_Support", **extra):
    r = {"_id": "%032x" % (0x51CB000000 + n), "_service_name": service,
         "_desired_time": "2026-11-20T%02d:00:00.000Z" % (8 + n % 10),
         "_expiration_time": "2026-11-21T%02d:00:00.000Z" % (8 + n % 10),
         "_customer_number": "5550100%03d" % n, "_url": "http://gms.invalid/genesys/1/service/%032x" % n,
         "_callback_state": state, "_ors_session_id": "0BK%013d" % n}
    if reason is not None:
        r["_callback_reason"] = reason
    r.update(extra)
    return r


def gms():
    records = [callback(1, "QUEUED"), callback(2, "SCHEDULED"), callback(3, "ROUTING"), callback(4, "PROCESSING"),
               callback(5, "COMPLETED", "AGENT_CONNECTED", _agent_id="agent007"),
               callback(6, "COMPLETED", "CANCELLED"), callback(7, "COMPLETED", "CANCELLED_BY_ADMIN"),
               callback(8, "COMPLETED", "FAIL_CALL_TO_CUSTOMER"), callback(9, "COMPLETED", "FAIL_USER_UNREACHABLE"),
               callback(10, "COMPLETED", "AGENT_PREVIEW_CANCEL_AFTER_3REJECTS"),
               callback(11, "COMPLETED", "AGENT_PREVIEW_CANCEL_AFTER_12REJECTS"),
               callback(12, "COMPLETED", "FAIL_TIMEOUT_TTL"), callback(13, "COMPLETED", "SUBMIT_FAILED"),
               callback(14, "COMPLETED", "FAIL_FAX_REACHED"), callback(15, "COMPLETED", "FAIL_USER_NO_CONFIRM"),
               callback(16, "COMPLETED", "NOT_AVAILABLE"), callback(17, "COMPLETED", "FAIL_SOMETHING_NEW")]
    write("gms/callbacks-by-id.json", json.dumps(records, indent=2))
    by_queue = {"Callback_Support": [callback(20, "QUEUED"), callback(21, "COMPLETED", "FAIL_QUEUEING")],
                "Callback_Sales": [callback(22, "COMPLETED", "FAIL_AGENT_CONNECT", service="Callback_Sales")]}
    write("gms/callbacks-by-queue.json", json.dumps(by_queue, indent=2))
    write("mixed-batch/gms-callbacks.json", json.dumps([callback(30, "COMPLETED", "FAIL_CALL_TO_CUSTOMER")], indent=2))


# --- Two sources of the same calls (the reconcile stage) ------------------------------------------

def at_hour(record, hour):
    """The same record moved from 09:xx to another hour of the day."""
    return json.loads(json.dumps(record).replace("T09:", "T%02d:" % hour))


def reconcile_pairs():
    # Contact records of contacts in ccp/sample-agent-log.txt (agent jdoe, 2026-11-20 14:00-14:12).
    agree = [at_hour(ctr("c0ffee00-0001-4001-8001-a11ce0000001", "AGENT_DISCONNECT", 0), 14),
             at_hour(ctr("c0ffee00-0005-4005-8005-a11ce0000005", "CUSTOMER_DISCONNECT", 9), 14)]
    write("connect/ccp-pair-agree.jsonl", "\n".join(json.dumps(r) for r in agree) + "\n")
    # The log shows the customer hanging up (the agent's side went PendingLocalHangup); the record
    # says the agent did.
    conflict = [at_hour(ctr("c0ffee00-0002-4002-8002-a11ce0000002", "AGENT_DISCONNECT", 2), 14)]
    write("connect/ccp-pair-conflict.jsonl", "\n".join(json.dumps(r) for r in conflict) + "\n")
    # Interactions-view rows of conversations in genesys/analytics-details-query.json and
    # genesys/segments-without-conversation-end.json.
    header = ('"Media Type","Users - Interacted","Date","Direction","Queue","Conversation ID","Abandoned",'
              '"Disconnect Type"')
    rows = ['"voice","Ana Agent","11/20/26 9:00 AM","Inbound","Support","c1a2b3c4-0001-4000-8000-000000000001",'
            '"NO","External"',
            '"voice","Ben Baker","11/20/26 9:05 AM","Inbound","Support","c1a2b3c4-0002-4000-8000-000000000002",'
            '"NO","External"',
            '"voice","Cat Carter","11/20/26 9:15 AM","Inbound","Support","c1a2b3c4-0003-4000-8000-000000000003",'
            '"NO","Agent"',
            # Still going on (genesys/segments-without-conversation-end.json): no Disconnect Type yet.
            '"voice","Ana Agent","11/20/26 10:10 AM","Inbound","Support","c1a2b3c4-0102-4000-8000-000000000102",'
            '"NO",""']
    write("genesys/interactions-export-pair.csv", "\r\n".join([header] + rows) + "\r\n")
    # The dashboard's CSV of calls in voice-agent/list-calls-v2.json (one still ongoing).
    va = [["Time", "Channel Type", "Session ID", "End Reason", "Session Status"],
          ["11/20/2026 09:00", "phone_call", "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq1", "user_hangup", "ended"],
          ["11/20/2026 09:00", "phone_call", "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq2", "agent_hangup", "ended"],
          ["11/20/2026 09:00", "phone_call", "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq8", "", "ongoing"]]
    write("voice-agent/call-history-pair.csv", "\n".join(",".join(r) for r in va) + "\n")


def genesys_segment_shapes():
    """Conversations as the analytics API returns them without conversationEnd: older API versions
    leave it out of ended conversations (every last segment has segmentEnd), live ones have a
    segment without segmentEnd, an agent in wrap-up has an open wrapup segment. And a chat whose
    legs all end 'system'."""
    def fixed(conv):
        for n, p in enumerate(conv["participants"]):
            for m, sess in enumerate(p["sessions"]):
                sess["sessionId"] = "s-%s-%d-%d" % (conv["conversationId"][-2:], n, m)
        return conv

    older = conversation("c1a2b3c4-0101-4000-8000-000000000101", t(0), None,
                         [customer(0, 5, "peer"), acd(0, 1), agent("Ana Agent", "u-ana", 1, 5, "client")])
    live = conversation("c1a2b3c4-0102-4000-8000-000000000102", t(10), None,
                        [customer(10, 14), acd(10, 11), agent("Ana Agent", "u-ana", 11, 14, None)])
    for p in live["participants"]:
        if p["purpose"] in ("customer", "agent"):
            last = [x for x in p["sessions"][0]["segments"] if x["segmentType"] == "interact"][-1]
            last["segmentEnd"] = None
            last.pop("disconnectType", None)
            p["sessions"][0]["segments"] = [x for x in p["sessions"][0]["segments"] if x["segmentType"] != "wrapup"]
    wrapping = conversation("c1a2b3c4-0103-4000-8000-000000000103", t(20), None,
                            [customer(20, 24), acd(20, 21), agent("Cat Carter", "u-cat", 21, 24, "peer")])
    for p in wrapping["participants"]:
        if p["purpose"] == "agent":
            p["sessions"][0]["segments"][-1]["segmentEnd"] = None
    chat = conversation("c1a2b3c4-0104-4000-8000-000000000104", t(30), t(40),
                        [customer(30, 40, "system"), acd(30, 31), agent("Ana Agent", "u-ana", 31, 40, "system")])
    for p in chat["participants"]:
        for sess in p["sessions"]:
            sess["mediaType"] = "chat"
    body = {"conversations": [fixed(c) for c in (older, live, wrapping, chat)], "totalHits": 4}
    text = json.dumps(body, indent=2).replace('"segmentEnd": null, ', "")
    write("genesys/segments-without-conversation-end.json", json.dumps(json.loads(text), indent=2).replace(
        '"segmentEnd": null,\n', ""))


if __name__ == "__main__":
    genesys_segment_shapes()
    reconcile_pairs()
    connect_records()
    transfer_out_records()
    describe_contact_responses()
    genesys()
    voice_agent()
    gms()
