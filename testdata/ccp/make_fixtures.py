#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the CCP log fixtures in this directory.

Each fixture is a real-shaped agent log (the JSON array the CCP's "Download logs" saves, 4-space
pretty print, entries in insertion order) whose call lines use the exact texts of the softphone
library and Streams (docs/ccp-rules.md lists them). The files are committed; this script is how
they were made and how to add one: edit, run `python3 testdata/ccp/make_fixtures.py`, review the
diff, then bless the golden outputs (tools/bless_golden.sh).
"""
import json
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
AGENT = "8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f"
AGENT_ARN = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/agent/" + AGENT
LOGGER_CCP = "1700000000000-k3j5h2g1f0"
LOGGER_CRM = "1700000000123-p9o8i7u6y5"
BASE = datetime(2026, 11, 20, 14, 0, 0, tzinfo=timezone.utc)


def iso(ms):
    t = BASE + timedelta(milliseconds=ms)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


class Log:
    """Collects entries; `at` is milliseconds after BASE."""

    def __init__(self, shape="current", agent=AGENT):
        self.entries = []
        self.shape = shape
        self.agent = agent
        self.line = 0

    def add(self, at, text, level="INFO", component="softphone", objects=None, logger=LOGGER_CCP,
            layer="CCP", epoch=False):
        self.line += 1
        if self.shape == "2019":
            entry = {"component": component, "level": level, "text": text, "time": iso(at),
                     "exception": None, "objects": objects or [], "line": self.line}
        else:
            entry = {"component": component, "level": level, "text": text,
                     "time": int((BASE + timedelta(milliseconds=at)).timestamp() * 1000) if epoch else iso(at),
                     "tabId": "a1b2c3d4e5", "exception": None, "objects": objects or [], "line": self.line,
                     "agentResourceId": self.agent, "loggerId": logger, "contextLayer": layer}
        self.entries.append(entry)
        return entry

    # --- lines -------------------------------------------------------------------------------
    def sig(self, at, cid, old, new, prefix=""):
        self.add(at, " %s%s SIGNALING %s => %s" % (prefix, cid, old, new))

    def ses(self, at, cid, old, new, prefix=""):
        self.add(at, " %s%s SESSION %s => %s" % (prefix, cid, old, new))

    def callsession(self, at, cid, text):
        self.add(at, " %s RtcPeerConnectionManagerV2 %s CallSession %s" % (cid, cid, text))

    def shared_sig(self, at, cid, old, new):
        self.add(at, " %s RtcPeerConnectionManagerV2 %s SharedMediaSIGNALING %s => %s" % (cid, cid, old, new))

    def detected(self, at, cid, conn):
        self.add(at, " Contact detected: contactId %s agent connectionId %s" % (cid, conn))

    def softphone_detected(self, at, cid, conn):
        self.add(at, " Softphone call detected: contactId %s agent connectionId %s" % (cid, conn))

    def destroy(self, at, cid, conn):
        self.add(at, "Sending API_REQUEST event for destroyConnection to upstream", level="TRACE",
                 component="ccp", layer="CRM", logger=LOGGER_CRM,
                 objects=[{"method": "destroyConnection", "params": {"contactId": cid, "connectionId": conn},
                           "stack": "Error\n    at Client._sendAPIRequest (connect-streams.js:1:1)"}])
        self.add(at + 40, "AWSClient: --> Calling operation 'destroyConnection'", level="TRACE",
                 component="ccp", layer="SharedWorker")
        self.add(at + 160, "AWSClient: <-- Operation 'destroyConnection' succeeded.", level="TRACE",
                 component="ccp", layer="SharedWorker", objects=[{}])

    def snapshot(self, at, contacts, state="Busy"):
        snap = {"snapshot": {
            "agentAvailabilityState": {"state": state, "timeStamp": iso(at)},
            "state": {"agentStateARN": None, "name": state, "startTimestamp": iso(at - 5000),
                      "type": "routable" if state == "Available" else "system"},
            "nextState": None, "snapshotTimestamp": iso(at), "localTimestamp": 0, "skew": -12,
            "contentLength": 2048,
            "contacts": [{
                "contactId": cid, "initialContactId": None, "type": "voice",
                "state": {"type": ctype, "timestamp": iso(at - 1000)},
                "queue": {"name": "[redacted]", "queueARN": "arn:aws:connect:us-east-1:123456789012:instance/x/queue/q1"},
                "queueTimestamp": iso(at - 20000), "contactDuration": "0", "attributes": "[redacted]",
                "connections": [
                    {"connectionId": conn, "type": "agent", "initial": False,
                     "state": {"type": "connected" if ctype == "connected" else "connecting", "timestamp": iso(at)},
                     "endpoint": {"type": "agent", "phoneNumber": "[redacted]", "name": "[redacted]"},
                     "softphoneMediaInfo": {"callType": "audio_only", "autoAccept": False}},
                    {"connectionId": "f" + conn[1:], "type": "inbound", "initial": True,
                     "state": {"type": "connected", "timestamp": iso(at - 20000)},
                     "endpoint": {"type": "phone_number", "phoneNumber": "[redacted]"}},
                ]} for cid, conn, ctype in contacts],
        }, "nextToken": "AAEAAf0...redacted"}
        self.add(at, "GET_AGENT_SNAPSHOT succeeded.", level="TRACE", component="ccp", layer="SharedWorker",
                 objects=[snap])

    def agent_config(self, at, username="jdoe"):
        self.add(at, "AWSClient: <-- Operation 'getAgentConfiguration' succeeded.", level="TRACE",
                 component="ccp", layer="SharedWorker",
                 objects=[{"configuration": {"name": "[redacted]", "username": username, "agentARN": AGENT_ARN,
                                             "routingProfile": {"name": "Basic Routing Profile"},
                                             "softphoneEnabled": True, "softphoneAutoAccept": False,
                                             "extension": "[redacted]", "agentPreferences": {}}}])

    def noise(self, at):
        self.add(at, "Sending heartbeat", level="TRACE", component="ccp", layer="SharedWorker")
        self.add(at + 35, "Heartbeat response received", level="TRACE", component="ccp", layer="SharedWorker")
        self.add(at + 50, " sendSoftphoneMetrics success[{\"softphoneStreamType\":\"audio_input\",\"timestamp\":\"%s\","
                 "\"packetsLost\":0,\"packetsCount\":50,\"audioLevel\":0.21,\"jitterBufferMillis\":20,"
                 "\"roundTripTimeMillis\":38}]" % iso(at + 50))

    # --- whole call segments ---------------------------------------------------------------
    def classic_setup(self, at, cid, conn, snapshot=True):
        if snapshot:
            self.snapshot(at - 900, [(cid, conn, "connecting")])
        self.detected(at - 800, cid, conn)
        self.softphone_detected(at - 700, cid, conn)
        self.ses(at, cid, "null", "GrabLocalMediaState")
        self.ses(at + 20, cid, "GrabLocalMediaState", "CreateOfferState")
        self.ses(at + 40, cid, "CreateOfferState", "SetLocalSessionDescriptionState")
        self.ses(at + 60, cid, "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState")
        self.sig(at + 61, cid, "null", "PendingConnectState")
        self.sig(at + 210, cid, "PendingConnectState", "PendingInviteState")
        self.ses(at + 300, cid, "ConnectSignalingAndIceCollectionState", "InviteAnswerState")
        self.sig(at + 301, cid, "PendingInviteState", "PendingAnswerState")
        self.ses(at + 650, cid, "InviteAnswerState", "AcceptState")
        self.sig(at + 650, cid, "PendingAnswerState", "PendingAcceptState")
        self.sig(at + 651, cid, "PendingAcceptState", "TalkingState")
        self.ses(at + 652, cid, "AcceptState", "TalkingState")
        self.add(at + 700, " %s SESSION ICE Connection State:  connected" % cid)
        self.add(at + 700, " %s SESSION ICE Connection State:  connected" % cid)  # library writes it twice

    def classic_agent_end(self, at, cid, conn, destroy=True):
        if destroy:
            self.destroy(at - 600, cid, conn)
        self.sig(at, cid, "TalkingState", "PendingRemoteHangupState")
        self.ses(at, cid, "TalkingState", "DisconnectedState")
        self.sig(at + 120, cid, "PendingRemoteHangupState", "DisconnectedState")
        self.add(at + 121, " %s SIGNALING WebSocket onclose code=1000, reason=" % cid, level="LOG")

    def classic_customer_end(self, at, cid):
        self.sig(at, cid, "TalkingState", "PendingLocalHangupState")
        self.sig(at, cid, "PendingLocalHangupState", "DisconnectedState")
        self.ses(at, cid, "TalkingState", "DisconnectedState")
        self.add(at + 1, " %s SIGNALING WebSocket onclose code=1000, reason=" % cid, level="LOG")

    def write(self, name, compact=False, bom=False):
        text = json.dumps(self.entries, separators=(",", ":")) if compact else json.dumps(self.entries, indent=4)
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as out:
            if bom:
                out.write("\ufeff")
            out.write(text)


def uid(n, prefix="c0ffee00"):
    return "%s-%04x-4%03x-8%03x-%012x" % (prefix, n, n, n, 0xA11CE0000000 + n)


def conn_of(n):
    return uid(n, "a9e10000")


def sample_shift():
    """The Quick start sample: one agent's half hour, every common ending."""
    log = Log()
    log.add(0, "Log roll interval occurred.", component="ccp")
    log.agent_config(200)
    log.noise(500)
    # 1. Agent clicks End call.
    c = uid(1)
    log.classic_setup(10_000, c, conn_of(1))
    log.noise(30_000)
    log.classic_agent_end(95_000, c, conn_of(1))
    # 2. Customer hangs up.
    c = uid(2)
    log.classic_setup(140_000, c, conn_of(2))
    log.classic_customer_end(260_500, c)
    # 3. CCP sends the bye but the agent made no request (flow disconnect, barge...): medium.
    c = uid(3)
    log.classic_setup(300_000, c, conn_of(3))
    log.classic_agent_end(410_000, c, conn_of(3), destroy=False)
    # 4. Signaling drops mid-call and never comes back.
    c = uid(4)
    log.classic_setup(450_000, c, conn_of(4))
    log.add(500_000, " %s SIGNALING WebSocket onclose code=1006, reason=" % c, level="LOG")
    log.sig(500_001, c, "TalkingState", "PendingReconnectState")
    log.sig(510_001, c, "PendingReconnectState", "FailedState")
    log.ses(510_002, c, "TalkingState", "FailedState")
    # 5. Signaling drops, comes back, then the customer hangs up.
    c = uid(5)
    log.classic_setup(560_000, c, conn_of(5))
    log.sig(600_000, c, "TalkingState", "PendingReconnectState")
    log.sig(601_500, c, "PendingReconnectState", "TalkingState")
    log.classic_customer_end(650_000, c)
    # 6. Two CCP windows open: 486 BusyException.
    c = uid(6)
    log.detected(700_000, c, conn_of(6))
    log.ses(700_100, c, "null", "GrabLocalMediaState")
    log.ses(700_120, c, "GrabLocalMediaState", "CreateOfferState")
    log.ses(700_140, c, "CreateOfferState", "SetLocalSessionDescriptionState")
    log.ses(700_160, c, "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState")
    log.sig(700_161, c, "null", "PendingConnectState")
    log.sig(700_300, c, "PendingConnectState", "PendingInviteState")
    log.ses(700_400, c, "ConnectSignalingAndIceCollectionState", "InviteAnswerState")
    log.sig(700_401, c, "PendingInviteState", "PendingAnswerState")
    log.sig(700_800, c, "PendingAnswerState", "FailedState")
    log.add(700_801, " %s SESSION User Busy, possibly multiple CCP windows open BusyException: Busy" % c, level="ERROR")
    log.ses(700_801, c, "InviteAnswerState", "FailedState")
    log.add(700_805, " Softphone error occurred :  user_busy_error Busy", level="ERROR")
    # 7. A relayed copy of call 2's hang-up arrives late and out of order (a duplicate).
    c2 = uid(2)
    log.add(260_500, " %s SIGNALING TalkingState => PendingLocalHangupState" % c2, component="ccp",
            layer="CRM")  # same loggerId+time+text as the original: dropped as a duplicate
    log.entries[-1]["loggerId"] = LOGGER_CCP
    # 8. Still talking when the log was downloaded.
    c = uid(8)
    log.classic_setup(1_700_000, c, conn_of(8))
    log.noise(1_750_000)
    log.write("sample-agent-log.txt")


def main():
    sample_shift()


if __name__ == "__main__":
    main()
