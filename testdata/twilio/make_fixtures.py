#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the Twilio fixtures in the shapes Twilio documents (field names and values from
twilio.com/docs/voice/voice-insights/api/call/call-summary-resource, call-summaries-resource,
details-call-summary, and the Call resource of the 2010-04-01 API):

  call_summaries.json  the list envelope {"meta": ..., "call_summaries": [...]}
  call_summary.json    one summary (GET /v1/Voice/{CallSid}/Summary)
  calls.json           a Call resource list page {"calls": [...], ...} (status only)
  eventstreams_batch.json   Event Streams call-summary events (CloudEvents) as a webhook sink
                            delivers them, a batch in one JSON array
  eventstreams_kinesis.jsonl  the same events one a line, with call events and metrics beside
                            them (types that carry no call summary, skipped)

Run from this directory: python3 make_fixtures.py
"""
import json

ACCOUNT = "AC" + "0" * 31 + "1"
BUSINESS = "+15550100000"


def sid(n):
    return "CA" + f"{n:032x}"


def summary(n, direction, disconnected_by, call_state="completed", frm=None, to=None, processing="complete",
            call_type="carrier", sip=200):
    inbound = direction in ("inbound", "trunking-originating")
    caller = frm or (f"+1555020{n:04d}" if inbound else BUSINESS)
    callee = to or (BUSINESS if inbound else f"+1555020{n:04d}")
    properties = {"direction": direction, "last_sip_response_num": sip, "pdd_ms": 1200, "queue_time": 0}
    if disconnected_by is not None:
        properties["disconnected_by"] = disconnected_by
    return {
        "account_sid": ACCOUNT,
        "call_sid": sid(n),
        "call_type": call_type,
        "call_state": call_state,
        "answered_by": "unknown",
        "processing_state": processing,
        "created_time": f"2026-11-27T16:{n:02d}:00Z",
        "start_time": f"2026-11-27T16:{n:02d}:00Z",
        "end_time": None if call_state in ("ringing", "answered") else f"2026-11-27T16:{n:02d}:45Z",
        "duration": 45,
        "connect_duration": 40 if disconnected_by else 0,
        "from": {"caller": caller, "carrier": "Example Carrier", "connection": "mobile", "number_prefix": "1555"},
        "to": {"callee": callee, "carrier": "Twilio", "connection": "voip", "number_prefix": "1555"},
        "carrier_edge": None,
        "client_edge": None,
        "sip_edge": None,
        "sdk_edge": None,
        "tags": [],
        "attributes": {"conference_participant": False},
        "properties": properties,
        "trust": None,
        "annotation": None,
        "url": f"https://insights.twilio.com/v1/Voice/{sid(n)}/Summary",
    }


SUMMARIES = [
    summary(1, "inbound", "caller"),
    summary(2, "inbound", "callee"),
    summary(3, "outbound-api", "caller"),
    summary(4, "outbound-api", "callee"),
    summary(5, "outbound-dial", "callee", to="client:agent_ana", call_type="client"),
    summary(6, "outbound-dial", "caller", to="client:agent_ben", call_type="client"),
    summary(7, "trunking-originating", "caller", call_type="trunking"),
    summary(8, "trunking-terminating", "callee", call_type="trunking"),
    summary(9, "inbound", None, processing="partial"),
    summary(10, "outbound-api", None, call_state="busy", sip=486),
    summary(11, "outbound-api", None, call_state="noanswer", sip=487),
    summary(12, "inbound", None, call_state="canceled", sip=487),
    summary(13, "outbound-api", None, call_state="fail", sip=503),
    summary(14, "outbound-api", None, call_state="undialed", sip=0),
    summary(15, "inbound", None, call_state="ringing", processing="partial"),
    summary(16, "inbound", None, call_state="answered", processing="partial"),
    # The partial summary of call 1 again, after its complete one: the complete one stays.
    summary(1, "inbound", None, processing="partial"),
]


def call(n, status, direction="outbound-api", parent=None):
    return {
        "account_sid": ACCOUNT,
        "sid": sid(100 + n),
        "parent_call_sid": parent,
        "from": BUSINESS,
        "to": f"+1555030{n:04d}",
        "status": status,
        "direction": direction,
        "start_time": f"Fri, 27 Nov 2026 17:{n:02d}:00 +0000",
        "end_time": None if status in ("in-progress", "ringing", "queued") else f"Fri, 27 Nov 2026 17:{n:02d}:30 +0000",
        "duration": "30",
        "answered_by": None,
        "uri": f"/2010-04-01/Accounts/{ACCOUNT}/Calls/{sid(100 + n)}.json",
    }


CALLS = [
    call(1, "completed"),
    call(2, "busy"),
    call(3, "no-answer"),
    call(4, "canceled"),
    call(5, "failed"),
    call(6, "in-progress", "inbound"),
    call(7, "ringing", "outbound-dial", parent=sid(101)),
    call(8, "queued"),
]


def event(n, kind, data, event_type=None):
    """A CloudEvents 1.0 envelope as Event Streams writes it (twilio.com/docs/events, Call Insights
    Event Stream): the event type names what `data` holds."""
    return {
        "specversion": "1.0",
        "type": event_type or f"com.twilio.voice.insights.call-summary.{kind}",
        "source": "/v1/Voice/Summary",
        "id": f"EZ{n:032x}",
        "dataschema": "https://events-schemas.twilio.com/VoiceInsights.CallSummary/1",
        "datacontenttype": "application/json",
        "time": "2026-11-27T17:30:00.000Z",
        "data": data,
    }


def events():
    # A partial summary, then the complete one of the same call: the complete one wins.
    batch = [
        event(1, "partial", summary(30, "inbound", None, processing="partial")),
        event(2, "complete", summary(30, "inbound", "callee")),
        # Predicted complete (Twilio's model), then a late partial: the predicted one stays.
        event(3, "predicted-complete", summary(31, "outbound-api", "callee")),
        event(4, "partial", summary(31, "outbound-api", None, processing="partial")),
        # Only a partial event, whose data says nothing of its processing state.
        event(5, "partial", {k: v for k, v in summary(32, "inbound", "caller").items() if k != "processing_state"}),
    ]
    stream = [
        event(6, None, {"call_sid": sid(33), "event": "initiated", "edge": "carrier_edge"},
              "com.twilio.voice.insights.call-event.gateway"),
        event(7, "complete", summary(33, "outbound-dial", "caller", to="client:agent_ana", call_type="client")),
        event(8, None, {"call_sid": sid(33), "edge": "carrier_edge"}, "com.twilio.voice.insights.call-metrics.gateway"),
    ]
    return batch, stream


def main():
    with open("call_summaries.json", "w") as out:
        json.dump({"meta": {"page": 0, "page_size": 50, "first_page_url": "https://insights.twilio.com/v1/Voice/"
                            "Summaries?PageSize=50&Page=0", "previous_page_url": None, "next_page_url": None,
                            "url": "https://insights.twilio.com/v1/Voice/Summaries?PageSize=50&Page=0",
                            "key": "call_summaries"},
                   "call_summaries": SUMMARIES}, out, indent=2)
        out.write("\n")
    with open("call_summary.json", "w") as out:
        json.dump(summary(20, "inbound", "callee"), out, indent=2)
        out.write("\n")
    with open("calls.json", "w") as out:
        json.dump({"calls": CALLS, "page": 0, "page_size": 50, "start": 0, "end": 7,
                   "uri": f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json?PageSize=50&Page=0",
                   "first_page_uri": f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json?PageSize=50&Page=0",
                   "next_page_uri": None, "previous_page_uri": None}, out, indent=2)
        out.write("\n")
    batch, stream = events()
    with open("eventstreams_batch.json", "w") as out:
        json.dump(batch, out, indent=2)
        out.write("\n")
    with open("eventstreams_kinesis.jsonl", "w") as out:
        out.write("".join(json.dumps(e) + "\n" for e in stream))


if __name__ == "__main__":
    main()
