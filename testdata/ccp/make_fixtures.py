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

    def destroy(self, at, cid, conn, error=None):
        self.add(at, "Sending API_REQUEST event for destroyConnection to upstream", level="TRACE",
                 component="ccp", layer="CRM", logger=LOGGER_CRM,
                 objects=[{"method": "destroyConnection", "params": {"contactId": cid, "connectionId": conn},
                           "stack": "Error\n    at Client._sendAPIRequest (connect-streams.js:1:1)"}])
        self.add(at + 40, "AWSClient: --> Calling operation 'destroyConnection'", level="TRACE",
                 component="ccp", layer="SharedWorker")
        if error:
            self.add(at + 160, "AWSClient: <-- Operation 'destroyConnection' failed: %s" % json.dumps(error),
                     level="TRACE", component="ccp", layer="SharedWorker")
        else:
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
                 objects=[{"configuration": {"name": "[redacted]", "username": username,
                                             "agentARN": AGENT_ARN[:-len(AGENT)] + self.agent,
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

    # --- contact-centre flows (reference §9): requests, snapshots with every connection -------
    def request(self, at, method, params=None, relayed_empty=False, error=None):
        """Streams client.js: `Sending API_REQUEST event for <method> to upstream` with objects[0] =
        {method, params, stack}; a copy relayed to a CRM page can arrive with `objects: []`. The
        worker then logs the call and its answer: `succeeded.`, or `failed: <error JSON>`."""
        objects = [] if relayed_empty else [{"method": method, "params": params or {},
                                             "stack": "Error\n    at Client._sendAPIRequest (connect-streams.js:1:1)"}]
        self.add(at, "Sending API_REQUEST event for %s to upstream" % method, level="TRACE", component="ccp",
                 layer="CRM", logger=LOGGER_CRM, objects=objects)
        self.add(at + 40, "AWSClient: --> Calling operation '%s'" % method, level="TRACE", component="ccp",
                 layer="SharedWorker")
        if error:
            self.add(at + 160, "AWSClient: <-- Operation '%s' failed: %s" % (method, json.dumps(error)),
                     level="TRACE", component="ccp", layer="SharedWorker")
        else:
            self.add(at + 160, "AWSClient: <-- Operation '%s' succeeded." % method, level="TRACE",
                     component="ccp", layer="SharedWorker", objects=[{}])

    def contact_snapshot(self, at, contacts, state="Busy", state_type=None):
        """A snapshot naming every connection: contacts = [dict(cid, type, state, initiation, conns)],
        conns = [(connectionId, type, initial, state, monitorStatus or None, endpoint type)]."""
        snap = {"snapshot": {
            "agentAvailabilityState": {"state": state, "timeStamp": iso(at)},
            "state": {"agentStateARN": None, "name": state, "startTimestamp": iso(at - 5000),
                      "type": state_type or ("routable" if state == "Available" else "system")},
            "nextState": None, "snapshotTimestamp": iso(at), "localTimestamp": 0, "skew": -12,
            "contentLength": 2048,
            "contacts": [{
                "contactId": c["cid"], "initialContactId": c.get("initial_contact"), "type": c.get("type", "voice"),
                "initiationMethod": c.get("initiation", "inbound"),
                "state": {"type": c["state"], "timestamp": iso(at - 1000)},
                "queue": {"name": "[redacted]", "queueARN": "arn:aws:connect:us-east-1:123456789012:instance/x/queue/q1"},
                "queueTimestamp": iso(at - 20000), "contactDuration": "0", "attributes": "[redacted]",
                "connections": [dict({"connectionId": cid, "type": ctype, "initial": initial,
                                      "state": {"type": cstate, "timestamp": iso(at)},
                                      "endpoint": {"type": etype, "phoneNumber": "[redacted]", "name": "[redacted]"},
                                      "mute": False, "forcedMute": False},
                                     **({"monitorStatus": monitor} if monitor else {}),
                                     **({"softphoneMediaInfo": {"callType": "audio_only", "autoAccept": False}}
                                        if ctype == "agent" and c.get("type", "voice") != "chat" else {}))
                                for cid, ctype, initial, cstate, monitor, etype in c["conns"]],
            } for c in contacts],
        }, "nextToken": "AAEAAf0...redacted"}
        self.add(at, "GET_AGENT_SNAPSHOT succeeded.", level="TRACE", component="ccp", layer="SharedWorker",
                 objects=[snap])

    def publish(self, at, event):
        """Streams event.js: `Publishing event: <name>` (per-contact names are `<event>::<contactId>`)."""
        self.add(at, "Publishing event: %s" % event, level="TRACE", component="ccp")

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
    # 3. CCP sends the bye but the agent made no request (flow disconnect, barge, a customer bye lost
    #    in a reconnect): this log records requests, so the end is not attributed.
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


def setup_to_answer(log, at, cid, conn=None):
    """Classic set-up up to the invite (no answer yet)."""
    if conn:
        log.detected(at - 500, cid, conn)
    log.ses(at, cid, "null", "GrabLocalMediaState")
    log.ses(at + 20, cid, "GrabLocalMediaState", "CreateOfferState")
    log.ses(at + 40, cid, "CreateOfferState", "SetLocalSessionDescriptionState")
    log.ses(at + 60, cid, "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState")
    log.sig(at + 61, cid, "null", "PendingConnectState")
    log.sig(at + 200, cid, "PendingConnectState", "PendingInviteState")
    log.ses(at + 300, cid, "ConnectSignalingAndIceCollectionState", "InviteAnswerState")
    log.sig(at + 301, cid, "PendingInviteState", "PendingAnswerState")


def legacy_2019():
    """A 2019 download: 7 fields, masked ids, SIGNALING lines and the v1 UI's agent line."""
    log = Log(shape="2019")
    a = "f23586c4-****-****-bf88-5e3ccd504e34"
    b = "886d8317-****-****-a221-6f6dbb912ab3"
    for cid, start in ((a, 1_000), (b, 200_000)):
        log.sig(start, cid, "null", "PendingConnectState")
        log.sig(start + 150, cid, "PendingConnectState", "PendingInviteState")
        log.sig(start + 300, cid, "PendingInviteState", "PendingAnswerState")
        log.sig(start + 700, cid, "PendingAnswerState", "PendingAcceptState")
        log.sig(start + 701, cid, "PendingAcceptState", "PendingAcceptAckState")
        log.sig(start + 760, cid, "PendingAcceptAckState", "TalkingState")
    log.sig(121_478, a, "TalkingState", "PendingRemoteHangupState")
    log.add(121_478, "Agent disconnected successfully.", component="ccp")
    log.sig(121_590, a, "PendingRemoteHangupState", "DisconnectedState")
    log.sig(390_000, b, "TalkingState", "PendingLocalHangupState")
    log.sig(390_000, b, "PendingLocalHangupState", "DisconnectedState")
    log.write("legacy-2019.txt")


def persistent_connection():
    """Persistent peer connection: from the second contact on, channel lines carry the first id."""
    log = Log()
    log.agent_config(100)
    a, b, c, d = uid(0x21), uid(0x22), uid(0x23), uid(0x24)
    log.add(500, " Using RtcPeerConnectionManager")
    # Contact A opens the channel; the agent ends it (persistent: TalkingState => IdleState).
    log.classic_setup(1_000, a, conn_of(0x21))
    log.destroy(60_000, a, conn_of(0x21))
    log.add(60_700, " %s RtcPeerConnectionManager PeerConnectionManager hangs up RtcSession" % a)
    log.sig(60_701, a, "TalkingState", "IdleState", prefix="%s RtcPeerConnectionManager " % a)
    log.ses(60_701, a, "TalkingState", "DisconnectedState", prefix="%s RtcPeerConnectionManager " % a)
    # Contact B: every channel line says A; the customer hangs up.
    pre = "%s RtcPeerConnectionManager " % a
    log.detected(90_000, b, conn_of(0x22))
    log.add(90_100, " %s RtcPeerConnectionManager PeerConnectionManager creates RtcSession" % a)
    log.ses(90_200, b, "null", "ConnectContactState", prefix="%s RtcPeerConnectionManager " % b)
    log.sig(90_210, a, "IdleState", "PendingConnectContactState", prefix=pre)
    log.sig(90_400, a, "PendingConnectContactState", "TalkingState", prefix=pre)
    log.ses(90_401, b, "ConnectContactState", "TalkingState", prefix="%s RtcPeerConnectionManager " % b)
    log.sig(150_123, a, "TalkingState", "PendingLocalHangupState", prefix=pre)
    log.ses(150_123, b, "TalkingState", "DisconnectedState", prefix="%s RtcPeerConnectionManager " % b)
    # Contact C: ends as TalkingState => IdleState under A with no request from the agent.
    log.detected(200_000, c, conn_of(0x23))
    log.ses(200_200, c, "null", "ConnectContactState", prefix="%s RtcPeerConnectionManager " % c)
    log.sig(200_210, a, "IdleState", "PendingConnectContactState", prefix=pre)
    log.sig(200_400, a, "PendingConnectContactState", "TalkingState", prefix=pre)
    log.ses(200_401, c, "ConnectContactState", "TalkingState", prefix="%s RtcPeerConnectionManager " % c)
    log.sig(260_000, a, "TalkingState", "IdleState", prefix=pre)
    log.ses(260_000, c, "TalkingState", "DisconnectedState", prefix="%s RtcPeerConnectionManager " % c)
    # Contact D: same path, but the agent asked to hang up their own leg.
    log.detected(300_000, d, conn_of(0x24))
    log.ses(300_200, d, "null", "ConnectContactState", prefix="%s RtcPeerConnectionManager " % d)
    log.sig(300_210, a, "IdleState", "PendingConnectContactState", prefix=pre)
    log.sig(300_400, a, "PendingConnectContactState", "TalkingState", prefix=pre)
    log.ses(300_401, d, "ConnectContactState", "TalkingState", prefix="%s RtcPeerConnectionManager " % d)
    log.destroy(379_000, d, conn_of(0x24))
    log.sig(380_000, a, "TalkingState", "IdleState", prefix=pre)
    log.ses(380_000, d, "TalkingState", "DisconnectedState", prefix="%s RtcPeerConnectionManager " % d)
    log.write("persistent-connection.txt")


def v2_manager():
    """Streams 2.28 with RtcPeerConnectionManagerV2: CallSession and SharedMediaSIGNALING lines only."""
    log = Log()
    log.add(100, " Using RtcPeerConnectionManagerV2")
    e, f, g, h = uid(0x31), uid(0x32), uid(0x33), uid(0x34)
    # E opens the shared channel; the customer hangs up (remote bye on the channel).
    log.detected(1_000, e, conn_of(0x31))
    log.callsession(1_100, e, "Creating CallSession")
    log.callsession(1_101, e, "null => InitialState")
    log.shared_sig(1_200, e, "null", "PendingConnectState")
    log.shared_sig(1_400, e, "PendingConnectState", "PendingInviteState")
    log.shared_sig(1_500, e, "PendingInviteState", "PendingAnswerState")
    log.shared_sig(1_900, e, "PendingAnswerState", "PendingAcceptState")
    log.shared_sig(1_901, e, "PendingAcceptState", "TalkingState")
    log.callsession(1_950, e, "InitialState => ConnectContactState")
    log.callsession(2_100, e, "ConnectContactState => TalkingState")
    log.shared_sig(70_000, e, "TalkingState", "PendingLocalHangupState")
    log.callsession(70_000, e, "TalkingState => DisconnectedState")
    log.callsession(70_000, e, "Entering Disconnected state")
    # F on the persistent shared channel: the customer's bye reaches only F's CallSession.
    log.detected(100_000, f, conn_of(0x32))
    log.callsession(100_100, f, "null => InitialState")
    log.callsession(100_200, f, "InitialState => ConnectContactState")
    log.callsession(100_400, f, "ConnectContactState => TalkingState")
    log.callsession(160_000, f, "Received message: bye")
    log.callsession(160_001, f, "TalkingState => DisconnectedState")
    # G: the agent clicks End call (destroyConnection), then DisconnectContact.
    log.detected(200_000, g, conn_of(0x33))
    log.callsession(200_100, g, "null => InitialState")
    log.callsession(200_200, g, "InitialState => ConnectContactState")
    log.callsession(200_400, g, "ConnectContactState => TalkingState")
    log.destroy(259_000, g, conn_of(0x33))
    log.callsession(259_800, g, "Disconnecting contact from Talking state")
    log.callsession(259_800, g, "Sending DisconnectContact for Persistent Connection Enabled path")
    log.callsession(259_801, g, "TalkingState => DisconnectedState")
    # H: same end with no request and no bye: the log cannot tell.
    log.detected(300_000, h, conn_of(0x34))
    log.callsession(300_100, h, "null => InitialState")
    log.callsession(300_200, h, "InitialState => ConnectContactState")
    log.callsession(300_400, h, "ConnectContactState => TalkingState")
    log.callsession(345_000, h, "Disconnecting contact from Talking state")
    log.callsession(345_001, h, "TalkingState => DisconnectedState")
    log.write("v2-peer-connection-manager.txt")


def ice_restart():
    """An ICE restart opens a second channel under the same id; a remote bye then hits both."""
    log = Log()
    i = uid(0x41)
    log.classic_setup(1_000, i, conn_of(0x41))
    for k, (old, new) in enumerate((("null", "PendingConnectState"), ("PendingConnectState", "PendingInviteState"),
                                    ("PendingInviteState", "PendingAnswerState"),
                                    ("PendingAnswerState", "PendingAcceptState"),
                                    ("PendingAcceptState", "TalkingState"))):
        log.sig(40_000 + 100 * k, i, old, new)
    log.sig(90_000, i, "TalkingState", "PendingLocalHangupState")
    log.sig(90_000, i, "TalkingState", "PendingRemoteHangupState")
    log.sig(90_000, i, "PendingLocalHangupState", "DisconnectedState")
    log.ses(90_000, i, "TalkingState", "DisconnectedState")
    log.sig(90_150, i, "PendingRemoteHangupState", "DisconnectedState")
    log.write("ice-restart.txt")


def not_connected():
    """Calls that never reached TalkingState, one per cause."""
    log = Log()
    t = 1_000
    # 404: the caller was gone before the agent's leg connected.
    c = uid(0x51)
    setup_to_answer(log, t, c, conn_of(0x51))
    log.sig(t + 900, c, "PendingAnswerState", "FailedState")
    log.add(t + 901, " %s SESSION Call not found. One of the participant probably hungup. "
            "CallNotFoundException: Call not found" % c, level="ERROR")
    log.ses(t + 901, c, "InviteAnswerState", "FailedState")
    log.add(t + 902, " Softphone call failed due to CallNotFoundException.", level="ERROR")
    # 404 after the agent's own destroyConnection: the agent hung up before the answer.
    t = 60_000
    c = uid(0x52)
    setup_to_answer(log, t, c, conn_of(0x52))
    log.destroy(t + 500, c, conn_of(0x52))
    log.sig(t + 2_000, c, "PendingAnswerState", "FailedState")
    log.add(t + 2_001, " %s SESSION Call not found. One of the participant probably hungup. "
            "CallNotFoundException: Call not found" % c, level="ERROR")
    log.ses(t + 2_001, c, "InviteAnswerState", "FailedState")
    # Peer-connection manager: "Agent clicks hangs up" reaches Streams as a webrtc_error.
    t = 120_000
    c = uid(0x53)
    setup_to_answer(log, t, c, conn_of(0x53))
    log.destroy(t + 400, c, conn_of(0x53))
    log.ses(t + 1_100, c, "InviteAnswerState", "FailedState")
    log.add(t + 1_102, " Softphone error occurred :  webrtc_error webrtc system error. ", level="ERROR")
    # 5 s without an answer to the invite.
    t = 180_000
    c = uid(0x54)
    setup_to_answer(log, t, c, conn_of(0x54))
    log.sig(t + 5_301, c, "PendingAnswerState", "FailedState")
    log.add(t + 5_302, " %s SESSION Failed handshaking with signaling server Timeout" % c, level="ERROR")
    log.ses(t + 5_302, c, "InviteAnswerState", "FailedState")
    # ICE collection timeout: the SESSION fails, SIGNALING stays in PendingInviteState.
    t = 240_000
    c = uid(0x55)
    log.detected(t - 500, c, conn_of(0x55))
    log.ses(t, c, "null", "GrabLocalMediaState")
    log.ses(t + 20, c, "GrabLocalMediaState", "CreateOfferState")
    log.ses(t + 40, c, "CreateOfferState", "SetLocalSessionDescriptionState")
    log.ses(t + 60, c, "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState")
    log.sig(t + 61, c, "null", "PendingConnectState")
    log.sig(t + 200, c, "PendingConnectState", "PendingInviteState")
    log.add(t + 8_060, " %s SESSION ICE collection timed out" % c, level="WARN")
    log.ses(t + 8_061, c, "ConnectSignalingAndIceCollectionState", "FailedState")
    log.add(t + 8_062, " Softphone error occurred :  ice_collection_timeout Ice collection timedout. ", level="ERROR")
    # Signaling unreachable: one failed socket counts twice, then FailedState.
    t = 300_000
    c = uid(0x56)
    log.detected(t - 500, c, conn_of(0x56))
    log.ses(t, c, "null", "GrabLocalMediaState")
    log.ses(t + 20, c, "GrabLocalMediaState", "CreateOfferState")
    log.ses(t + 40, c, "CreateOfferState", "SetLocalSessionDescriptionState")
    log.ses(t + 60, c, "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState")
    log.sig(t + 61, c, "null", "PendingConnectState")
    log.sig(t + 3_000, c, "PendingConnectState", "PendingConnectState")
    log.sig(t + 3_000, c, "PendingConnectState", "PendingConnectState")
    log.sig(t + 6_000, c, "PendingConnectState", "FailedState")
    log.add(t + 6_001, " %s SESSION Failed connecting to signaling server SignalingChannelDownError" % c, level="ERROR")
    log.ses(t + 6_001, c, "ConnectSignalingAndIceCollectionState", "FailedState")
    # Microphone denied: SESSION fails in GrabLocalMediaState, no SIGNALING line at all.
    t = 360_000
    c = uid(0x57)
    log.detected(t - 500, c, conn_of(0x57))
    log.ses(t, c, "null", "GrabLocalMediaState")
    log.add(t + 30, " %s SESSION Local media initialization failed NotAllowedError: Permission denied" % c,
            level="ERROR")
    log.ses(t + 31, c, "GrabLocalMediaState", "FailedState")
    log.add(t + 32, " Softphone error occurred :  microphone_not_shared Your microphone is not enabled in your browser. ",
            level="ERROR")
    # Accept rejected (403) under the manager: TalkingState => FailedState right after connecting.
    t = 420_000
    c = uid(0x58)
    setup_to_answer(log, t, c, conn_of(0x58))
    log.sig(t + 650, c, "PendingAnswerState", "PendingAcceptState")
    log.sig(t + 651, c, "PendingAcceptState", "TalkingState")
    log.ses(t + 652, c, "InviteAnswerState", "AcceptState")
    log.ses(t + 653, c, "AcceptState", "TalkingState")
    log.add(t + 900, " %s SESSION [TalkingState] Access Denied by server AccessDeniedException: denied" % c,
            level="ERROR")
    log.sig(t + 900, c, "TalkingState", "FailedState")
    log.ses(t + 901, c, "TalkingState", "FailedState")
    # Missed: the agent never accepted; no softphone session.
    t = 480_000
    c = uid(0x59)
    log.detected(t, c, conn_of(0x59))
    log.add(t + 20_000, "Publishing event: contact::missed::%s" % c, level="TRACE", component="ccp")
    log.write("not-connected.txt")


def rolled_start():
    """The call started before the log's window: only its end is left."""
    log = Log()
    j = uid(0x61)
    log.add(0, "Log roll interval occurred.", component="ccp")
    log.snapshot(1_000, [(j, conn_of(0x61), "connected")])
    log.noise(2_000)
    log.classic_agent_end(30_000, j, conn_of(0x61))
    log.write("rolled-start.txt")


def concatenated_downloads():
    """Two downloads pasted together: compact, a BOM each, epoch-ms times, overlapping windows."""
    first = Log()
    l, m, n = uid(0x71), uid(0x72), uid(0x73)
    first.classic_setup(1_000, l, conn_of(0x71))
    first.classic_agent_end(50_000, l, conn_of(0x71))
    first.classic_setup(100_000, m, conn_of(0x72))
    first.noise(120_000)
    second = Log()
    second.entries = [dict(e) for e in first.entries[len(first.entries) // 2:]]  # the overlap
    for e in second.entries:
        ms = int((datetime.strptime(e["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
                  - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds() * 1000)
        e["time"] = ms
    second.classic_customer_end(180_000, m)
    second.classic_setup(200_000, n, conn_of(0x73))
    second.classic_agent_end(260_000, n, conn_of(0x73))
    for e in second.entries:
        if isinstance(e["time"], str):
            ms = int((datetime.strptime(e["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
                      - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds() * 1000)
            e["time"] = ms
    with open(os.path.join(HERE, "concatenated-downloads.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("\ufeff" + json.dumps(first.entries, separators=(",", ":")) + "\n")
        out.write("\ufeff" + json.dumps(second.entries, separators=(",", ":")) + "\n")


def global_resiliency_pair():
    """Global Resiliency: the CRM page's log and the regional CCP's log overlap."""
    crm = Log()
    p, q = uid(0x81), uid(0x82)
    crm.agent_config(100)
    crm.classic_setup(1_000, p, conn_of(0x81))
    crm.classic_agent_end(70_000, p, conn_of(0x81))
    crm.classic_setup(100_000, q, conn_of(0x82))
    crm.classic_customer_end(150_000, q)
    ccp = Log()
    # The regional CCP window logged the softphone lines; relayed copies sit in the CRM log.
    ccp.entries = [dict(e) for e in crm.entries if e["component"] == "softphone"]
    for e in crm.entries:
        if e["component"] == "softphone":
            e["component"] = "ccp"  # relayed entries are re-tagged by the receiving logger
            e["contextLayer"] = "CRM"
    os.makedirs(os.path.join(HERE, "global-resiliency"), exist_ok=True)
    crm.write(os.path.join("global-resiliency", "crm-agent-log.txt"))
    ccp.write(os.path.join("global-resiliency", "ccp-us-east-1-agent-log.txt"))


def truncated_download():
    """A download cut off in the middle of an entry."""
    log = Log()
    a, b = uid(0x91), uid(0x92)
    log.classic_setup(1_000, a, conn_of(0x91))
    log.classic_customer_end(40_000, a)
    log.classic_setup(60_000, b, conn_of(0x92))
    text = json.dumps(log.entries, indent=4)
    cut = text.rfind('"text": " %s SESSION AcceptState' % b)
    with open(os.path.join(HERE, "truncated-download.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write(text[:cut + 20])


# --- contact-centre flows: one file per flow, one golden case each (testdata/golden/ccp_*) ------

def cust_of(n):
    return uid(n, "c5700000")


def third_of(n):
    return uid(n, "7a1d0000")


def contact(cid, state, conns, ctype="voice", initiation="inbound"):
    return {"cid": cid, "state": state, "conns": conns, "type": ctype, "initiation": initiation}


def inbound(n, state="connected", agent="connected", customer="connected", extra=()):
    """Contact n as the snapshot lists it: the agent's leg, the customer's initial leg, extras."""
    return contact(uid(n), state, [(conn_of(n), "agent", False, agent, None, "agent"),
                                   (cust_of(n), "inbound", True, customer, None, "phone_number")] + list(extra))


def cold_transfer_queue():
    """Quick connect to a queue, then End call on the agent's own leg: a transfer, not a hang-up."""
    log = Log()
    log.agent_config(100)
    n = 0xA1
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.request(60_000, "createAdditionalConnection",
                {"contactId": c, "endpoint": {"endpointARN": "arn:aws:connect:us-east-1:123456789012:instance/x/"
                                              "transfer-destination/qc1", "type": "queue", "name": "[redacted]",
                                              "phoneNumber": "[redacted]", "agentLogin": None, "queue": None}})
    log.contact_snapshot(61_000, [inbound(n, customer="hold",
                                          extra=[(third_of(n), "outbound", False, "connecting", None, "queue")])])
    log.classic_agent_end(64_000, c, conn_of(n))
    log.write("cold-transfer-queue.txt")


def cold_transfer_number():
    """Transfer to an external number (createAdditionalConnection phone_number), agent leaves."""
    log = Log()
    n = 0xA2
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.request(40_000, "createAdditionalConnection",
                {"contactId": c, "endpoint": {"endpointARN": None, "type": "phone_number", "name": "[redacted]",
                                              "phoneNumber": "[redacted]", "agentLogin": None, "queue": None}})
    log.contact_snapshot(41_000, [inbound(n, customer="hold",
                                          extra=[(third_of(n), "outbound", False, "connected", None,
                                                  "phone_number")])])
    log.classic_agent_end(55_000, c, conn_of(n))
    log.write("cold-transfer-number.txt")


def transfer_to_queue(log, at, c, error=None):
    """The agent's transferContact to a queue (Streams' transfer API)."""
    log.request(at, "transferContact",
                {"contactId": c, "endpoint": {"endpointARN": None, "type": "queue", "name": "[redacted]",
                                              "phoneNumber": None, "agentLogin": None, "queue": None}},
                error=error)


def transfer_api():
    """transferContact: the service removes the agent's leg; there is no destroyConnection."""
    log = Log()
    n = 0xA3
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    transfer_to_queue(log, 30_000, c)
    log.contact_snapshot(31_500, [inbound(n, state="ended", agent="disconnected")])
    log.classic_agent_end(31_600, c, conn_of(n), destroy=False)
    log.write("transfer-api.txt")


def failed_transfer():
    """transferContact refused by the service: the agent stays on, then ends the call (End call)."""
    log = Log()
    n = 0xAB
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    transfer_to_queue(log, 30_000, c,
                      error={"code": "InvalidParameterException", "message": "[redacted]", "statusCode": 400,
                             "retryable": False})
    log.contact_snapshot(32_000, [inbound(n)])
    log.classic_agent_end(150_000, c, conn_of(n))
    log.write("failed-transfer.txt")


def failed_hangup():
    """The agent clicks End call and the worker answers destroyConnection with a failure: the agent's
    leg is not hung up. The CCP sends the bye a moment later with no End call that worked."""
    log = Log()
    n = 0xAC
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.destroy(148_000, c, conn_of(n),
                error={"code": "InvalidStateException", "message": "[redacted]", "statusCode": 400,
                       "retryable": False})
    log.classic_agent_end(150_000, c, conn_of(n), destroy=False)
    log.write("failed-hangup.txt")


def conference_agent_leaves():
    """Agent adds a third party, joins a conference, then leaves: customer and third party stay."""
    log = Log()
    n = 0xA4
    c = uid(n)
    third = (third_of(n), "outbound", False, "connected", None, "phone_number")
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.request(30_000, "createAdditionalConnection",
                {"contactId": c, "endpoint": {"endpointARN": None, "type": "phone_number", "name": "[redacted]",
                                              "phoneNumber": "[redacted]", "agentLogin": None, "queue": None}})
    log.contact_snapshot(31_000, [inbound(n, customer="hold", extra=[third])])
    log.request(50_000, "conferenceConnections", {"contactId": c})
    log.contact_snapshot(50_500, [inbound(n, extra=[third])])
    log.classic_agent_end(90_000, c, conn_of(n))
    log.write("conference-agent-leaves.txt")


def conference_third_party_dropped():
    """Dropping a third party, or a third party hanging up, is not the call's end: the later end decides."""
    log = Log()
    n, m = 0xA5, 0xA6
    # n: the agent drops the third party, then the customer hangs up.
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.request(20_000, "createAdditionalConnection",
                {"contactId": c, "endpoint": {"endpointARN": None, "type": "phone_number", "name": "[redacted]",
                                              "phoneNumber": "[redacted]", "agentLogin": None, "queue": None}})
    log.contact_snapshot(21_000, [inbound(n, customer="hold",
                                          extra=[(third_of(n), "outbound", False, "connected", None,
                                                  "phone_number")])])
    log.request(40_000, "conferenceConnections", {"contactId": c})
    log.request(60_000, "destroyConnection", {"contactId": c, "connectionId": third_of(n)})
    log.contact_snapshot(60_800, [inbound(n, extra=[(third_of(n), "outbound", False, "disconnected", None,
                                                     "phone_number")])])
    log.classic_customer_end(90_000, c)
    # m: the third party hangs up on their own, then the agent ends the call.
    c = uid(m)
    log.classic_setup(120_000, c, conn_of(m))
    log.contact_snapshot(121_000, [inbound(m)])
    log.request(130_000, "createAdditionalConnection",
                {"contactId": c, "endpoint": {"endpointARN": None, "type": "phone_number", "name": "[redacted]",
                                              "phoneNumber": "[redacted]", "agentLogin": None, "queue": None}})
    log.contact_snapshot(131_000, [inbound(m, extra=[(third_of(m), "outbound", False, "connected", None,
                                                      "phone_number")])])
    log.contact_snapshot(150_000, [inbound(m, extra=[(third_of(m), "outbound", False, "disconnected", None,
                                                      "phone_number")])])
    log.classic_agent_end(170_000, c, conn_of(m))
    log.write("conference-third-party-dropped.txt")


def hold_and_resume():
    """Hold and resume never change the verdict; a bye while the customer is on hold is the far end's."""
    log = Log()
    n, m = 0xA7, 0xA8
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.request(20_000, "holdConnection", {"contactId": c, "connectionId": cust_of(n)})
    log.contact_snapshot(20_500, [inbound(n, customer="hold")])
    log.classic_customer_end(45_000, c)
    c = uid(m)
    log.classic_setup(60_000, c, conn_of(m))
    log.contact_snapshot(61_000, [inbound(m)])
    log.request(70_000, "holdConnection", {"contactId": c, "connectionId": cust_of(m)})
    log.request(80_000, "resumeConnection", {"contactId": c, "connectionId": cust_of(m)})
    log.classic_agent_end(100_000, c, conn_of(m))
    log.write("hold-and-resume.txt")


def crm_relay_empty_objects():
    """A download from a CRM page: the relayed End-call requests arrive with `objects: []`."""
    log = Log()
    n, m, o = 0xB1, 0xB2, 0xB3
    # n alone: the request is tied to it (medium).
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.request(59_700, "destroyConnection", relayed_empty=True)
    log.sig(60_000, c, "TalkingState", "PendingRemoteHangupState")
    log.ses(60_000, c, "TalkingState", "DisconnectedState")
    log.sig(60_120, c, "PendingRemoteHangupState", "DisconnectedState")
    # m and o overlap (o rings while m ends): the request names neither, so it decides nothing.
    c, d = uid(m), uid(o)
    log.classic_setup(100_000, c, conn_of(m))
    log.detected(159_000, d, conn_of(o))
    log.request(159_700, "destroyConnection", relayed_empty=True)
    log.sig(160_000, c, "TalkingState", "PendingRemoteHangupState")
    log.ses(160_000, c, "TalkingState", "DisconnectedState")
    log.sig(160_120, c, "PendingRemoteHangupState", "DisconnectedState")
    log.classic_setup(161_000, d, conn_of(o))
    log.classic_customer_end(200_000, d)
    log.write("crm-relay-empty-objects.txt")


def chat_and_task_between_calls():
    """A chat and a task between two calls: Streams logs Contact detected for them too."""
    log = Log()
    a, chat, task, b = 0xC1, 0xC2, 0xC3, 0xC4
    log.classic_setup(1_000, uid(a), conn_of(a))
    log.classic_customer_end(40_000, uid(a))
    log.contact_snapshot(50_000, [contact(uid(chat), "connecting",
                                          [(conn_of(chat), "agent", False, "connecting", None, "agent"),
                                           (cust_of(chat), "inbound", True, "connected", None, "phone_number")],
                                          ctype="chat")])
    log.detected(50_100, uid(chat), conn_of(chat))
    log.publish(52_000, "contact::connected::%s" % uid(chat))
    log.contact_snapshot(52_000, [contact(uid(chat), "connected",
                                          [(conn_of(chat), "agent", False, "connected", None, "agent"),
                                           (cust_of(chat), "inbound", True, "connected", None, "phone_number")],
                                          ctype="chat")])
    log.contact_snapshot(70_000, [contact(uid(task), "connecting",
                                          [(conn_of(task), "agent", False, "connecting", None, "agent")],
                                          ctype="task", initiation="api")])
    log.detected(70_100, uid(task), conn_of(task))
    log.request(90_000, "destroyConnection", {"contactId": uid(chat), "connectionId": conn_of(chat)})
    log.contact_snapshot(90_500, [contact(uid(chat), "ended",
                                          [(conn_of(chat), "agent", False, "disconnected", None, "agent")],
                                          ctype="chat"),
                                  contact(uid(task), "connected",
                                          [(conn_of(task), "agent", False, "connected", None, "agent")],
                                          ctype="task", initiation="api")])
    log.classic_setup(120_000, uid(b), conn_of(b))
    log.classic_agent_end(160_000, uid(b), conn_of(b))
    log.write("chat-and-task-between-calls.txt")


def missed_call():
    """Auto-accept off: Streams starts the softphone while the call rings and the leg reaches
    TalkingState; the agent never accepts, the contact is missed, and the CCP sends the bye."""
    log = Log()
    n = 0xD1
    c = uid(n)
    log.contact_snapshot(500, [inbound(n, state="connecting", agent="connecting")])
    log.classic_setup(1_400, c, conn_of(n), snapshot=False)
    log.contact_snapshot(21_000, [inbound(n, state="missed", agent="disconnected")], state="MissedCallAgent",
                         state_type="error")
    log.publish(21_010, "contact::missed::%s" % c)
    log.classic_agent_end(21_050, c, conn_of(n), destroy=False)
    log.write("missed-call.txt")


def rejected_call():
    """The agent clicks Reject: Streams does not end a rejected contact itself; the service's bye comes later."""
    log = Log()
    n = 0xD2
    c = uid(n)
    log.contact_snapshot(500, [inbound(n, state="connecting", agent="connecting")])
    log.classic_setup(1_400, c, conn_of(n), snapshot=False)
    log.request(6_000, "rejectContact", {"contactId": c})
    log.contact_snapshot(6_400, [inbound(n, state="rejected", agent="disconnected")])
    log.classic_customer_end(7_500, c)
    log.write("rejected-call.txt")


def rejected_call_filtered():
    """A rejected call (auto-accept off) and a call the customer ended, in a download saved with
    filterByLogLevel: log.js Logger.download keeps only the entries at or above the logger's level
    (INFO by default), so the snapshots, the rejectContact request and the worker's answers (TRACE)
    are gone, and the reject's bye reads like the customer's. Streams numbers only the entries at or
    above that level, so the kept entries' `line` runs on without gaps."""
    log = Log()
    n = 0xD3
    c = uid(n)
    log.add(0, "Log roll interval occurred.", component="ccp")
    log.agent_config(200)
    log.contact_snapshot(500, [inbound(n, state="connecting", agent="connecting")])
    log.classic_setup(1_400, c, conn_of(n), snapshot=False)
    # softphone.js fireContactAcceptedEvent, on the session's TalkingState.
    log.add(1_400 + 653, " Auto-accept is disabled, ringtone will be stopped by user action.")
    log.noise(4_000)
    log.request(6_000, "rejectContact", {"contactId": c})
    log.contact_snapshot(6_400, [inbound(n, state="rejected", agent="disconnected")])
    log.classic_customer_end(7_500, c)
    # The next contact: accepted, then the customer hangs up two minutes in (long past the ring).
    n = 0xD4
    c = uid(n)
    log.contact_snapshot(60_500, [inbound(n, state="connecting", agent="connecting")])
    log.classic_setup(61_400, c, conn_of(n), snapshot=False)
    log.add(61_400 + 653, " Auto-accept is disabled, ringtone will be stopped by user action.")
    log.request(64_000, "acceptContact", {"contactId": c})
    log.contact_snapshot(65_000, [inbound(n)])
    log.noise(90_000)
    log.classic_customer_end(185_000, c)
    kept = [e for e in log.entries if e["level"] not in ("TEST", "TRACE", "DEBUG")]
    for number, entry in enumerate(kept):
        entry["line"] = number
    log.entries = kept
    log.write("rejected-call-filtered.txt")


def outbound(n, state, customer, agent="connected"):
    return contact(uid(n), state, [(conn_of(n), "agent", False, agent, None, "agent"),
                                   (cust_of(n), "outbound", True, customer, None, "phone_number")],
                   initiation="outbound")


def outbound_calls():
    """Agent-initiated calls: busy, unreachable, cancelled by the agent, and one answered."""
    log = Log()
    busy, unreachable, cancelled, answered = 0xE1, 0xE2, 0xE3, 0xE4
    endpoint = {"endpoint": {"endpointARN": None, "type": "phone_number", "name": "[redacted]",
                             "phoneNumber": "[redacted]", "agentLogin": None, "queue": None},
                "queueARN": "arn:aws:connect:us-east-1:123456789012:instance/x/queue/q-out"}
    for k, n in enumerate((busy, unreachable, cancelled, answered)):
        t = 1_000 + k * 100_000
        c = uid(n)
        log.request(t - 2_000, "createOutboundContact", endpoint)
        log.contact_snapshot(t - 1_000, [outbound(n, "connecting", "init", agent="connecting")])
        log.classic_setup(t, c, conn_of(n), snapshot=False)
        log.contact_snapshot(t + 1_000, [outbound(n, "connected", "connecting")])
        if n == busy:
            log.contact_snapshot(t + 6_000, [outbound(n, "error", "disconnected", agent="disconnected")],
                                 state="LineEngagedCustomer", state_type="error")
            log.classic_agent_end(t + 6_100, c, conn_of(n), destroy=False)
        elif n == unreachable:
            log.contact_snapshot(t + 9_000, [outbound(n, "error", "disconnected", agent="disconnected")],
                                 state="FailedConnectCustomer", state_type="error")
            log.classic_customer_end(t + 9_000, c)
        elif n == cancelled:
            log.classic_agent_end(t + 12_000, c, conn_of(n))
        else:
            log.contact_snapshot(t + 8_000, [outbound(n, "connected", "connected")])
            log.classic_customer_end(t + 60_000, c)
    log.write("outbound-calls.txt")


def barge():
    """A supervisor barges in (monitorStatus BARGE) and drops the agent; the customer stays."""
    log = Log()
    n = 0xF1
    c = uid(n)
    supervisor = ("5e000000-00f1-40f1-80f1-a11ce00000f1", "monitoring", False, "connected", "BARGE", "agent")
    log.classic_setup(1_000, c, conn_of(n))
    log.contact_snapshot(2_000, [inbound(n)])
    log.contact_snapshot(40_000, [inbound(n, extra=[supervisor])])
    log.classic_agent_end(70_000, c, conn_of(n), destroy=False)
    log.contact_snapshot(70_400, [inbound(n, state="ended", agent="disconnected", extra=[supervisor])])
    log.write("barge.txt")


def queued_callback():
    """A queued callback: the agent's connectionId changes when the callback connects."""
    log = Log()
    n = 0xF2
    c = uid(n)
    first, second = conn_of(n), uid(n, "a9e20000")
    log.contact_snapshot(500, [contact(c, "connecting", [(first, "agent", False, "connecting", None, "agent"),
                                                          (cust_of(n), "outbound", True, "init", None,
                                                           "phone_number")],
                                       ctype="queue_callback", initiation="callback")])
    log.classic_setup(1_400, c, first, snapshot=False)
    log.contact_snapshot(9_000, [contact(c, "connected", [(second, "agent", False, "connected", None, "agent"),
                                                           (cust_of(n), "outbound", True, "connected", None,
                                                            "phone_number")],
                                         ctype="queue_callback", initiation="callback")])
    log.classic_agent_end(80_000, c, second)
    log.write("queued-callback.txt")


def lost_bye_reconnect():
    """A log that records every request: the customer's bye was lost in a reconnect; the CCP then
    sends its own bye with no End-call request of the agent's."""
    log = Log()
    n = 0xF3
    c = uid(n)
    log.classic_setup(1_000, c, conn_of(n))
    log.add(30_000, " %s SIGNALING WebSocket onclose code=1006, reason=" % c, level="LOG")
    log.sig(30_001, c, "TalkingState", "PendingReconnectState")
    log.sig(31_500, c, "PendingReconnectState", "TalkingState")
    log.classic_agent_end(33_000, c, conn_of(n), destroy=False)
    log.write("lost-bye-reconnect.txt")


def legacy_2019_no_request():
    """A 2019-era log (7-field entries, no request lines, no v1 UI line): the old rule at medium."""
    log = Log(shape="2019")
    a = "a2019c4c-****-****-bf88-5e3ccd504e34"
    log.sig(1_000, a, "null", "PendingConnectState")
    log.sig(1_150, a, "PendingConnectState", "PendingInviteState")
    log.sig(1_300, a, "PendingInviteState", "PendingAnswerState")
    log.sig(1_700, a, "PendingAnswerState", "PendingAcceptState")
    log.sig(1_701, a, "PendingAcceptState", "PendingAcceptAckState")
    log.sig(1_760, a, "PendingAcceptAckState", "TalkingState")
    log.sig(90_000, a, "TalkingState", "PendingRemoteHangupState")
    log.sig(90_110, a, "PendingRemoteHangupState", "DisconnectedState")
    log.write("legacy-2019-no-request.txt")


def shift_30min_window():
    """A shift download: the log roll cut the first call's start, calls come seconds apart, and an
    id-less CallNotFound line is logged while the next call already rings."""
    log = Log()
    log.add(0, "Log roll interval occurred.", component="ccp")
    log.agent_config(100)
    first, second, third, fourth = 0x101, 0x102, 0x103, 0x104
    # The first call began before the window: only its end is left.
    log.contact_snapshot(1_000, [inbound(first)])
    log.classic_agent_end(5_000, uid(first), conn_of(first))
    # The second starts 3 s later; the customer hangs up.
    log.classic_setup(8_000, uid(second), conn_of(second))
    log.classic_customer_end(50_000, uid(second))
    # The third: the agent hangs up before the answer (404 to the stale invite) while the fourth
    # already rings; Streams' id-less line names neither.
    setup_to_answer(log, 60_000, uid(third), conn_of(third))
    log.destroy(60_500, uid(third), conn_of(third))
    log.detected(61_000, uid(fourth), conn_of(fourth))
    log.sig(62_000, uid(third), "PendingAnswerState", "FailedState")
    log.ses(62_001, uid(third), "InviteAnswerState", "FailedState")
    log.add(62_002, " Softphone call failed due to CallNotFoundException.", level="ERROR")
    log.classic_setup(62_500, uid(fourth), conn_of(fourth))
    log.classic_customer_end(120_000, uid(fourth))
    log.write("shift-30min-window.txt")
def busy_call(log, at, cid, conn):
    """Two CCP windows open: 486 BusyException before the answer (never connected)."""
    setup_to_answer(log, at, cid, conn)
    log.sig(at + 700, cid, "PendingAnswerState", "FailedState")
    log.add(at + 701, " %s SESSION User Busy, possibly multiple CCP windows open BusyException: Busy" % cid,
            level="ERROR")
    log.ses(at + 701, cid, "InviteAnswerState", "FailedState")
    log.add(at + 705, " Softphone error occurred :  user_busy_error Busy", level="ERROR")


def dropped_call(log, at, cid):
    """Signaling lost mid-call and never back."""
    log.add(at, " %s SIGNALING WebSocket onclose code=1006, reason=" % cid, level="LOG")
    log.sig(at + 1, cid, "TalkingState", "PendingReconnectState")
    log.sig(at + 10_001, cid, "PendingReconnectState", "FailedState")
    log.ses(at + 10_002, cid, "TalkingState", "FailedState")


def team_shift():
    """Three agents' logs of one afternoon (the supervisor's view: --summary over a folder).
    alice ends 3 of her 4 connected calls herself; bob's customers end most of his, and one of
    his calls drops; carol's customers end both of hers, and one call never connects."""
    team = {
        "alice": ("a11ce000-0000-4000-8000-00000000000a", [("agent", 60_000), ("agent", 45_000),
                                                           ("customer", 200_000), ("agent", 30_000),
                                                           ("busy", 0)]),
        "bob": ("b0b00000-0000-4000-8000-00000000000b", [("customer", 120_000), ("customer", 90_000),
                                                         ("agent", 300_000), ("dropped", 50_000),
                                                         ("customer", 40_000)]),
        "carol": ("ca201000-0000-4000-8000-00000000000c", [("customer", 75_000), ("busy", 0),
                                                           ("customer", 500_000)]),
    }
    os.makedirs(os.path.join(HERE, "team"), exist_ok=True)
    for number, (name, (agent, calls)) in enumerate(sorted(team.items())):
        log = Log(agent=agent)
        log.add(0, "Log roll interval occurred.", component="ccp")
        log.agent_config(200, username=name)
        at = 10_000 + number * 1_000
        for index, (ending, length) in enumerate(calls):
            n = 0x100 * (number + 1) + index
            c = uid(n)
            if ending == "busy":
                busy_call(log, at, c, conn_of(n))
            else:
                log.classic_setup(at, c, conn_of(n))
                end = at + 652 + length
                if ending == "agent":
                    log.classic_agent_end(end, c, conn_of(n))
                elif ending == "customer":
                    log.classic_customer_end(end, c)
                else:
                    dropped_call(log, end, c)
                at = end
            at += 3_600_000 // 2  # the next call half an hour later: calls spread over hours
        log.noise(at)
        log.write(os.path.join("team", "%s-agent-log.txt" % name))


def main():
    sample_shift()
    legacy_2019()
    persistent_connection()
    v2_manager()
    ice_restart()
    not_connected()
    rolled_start()
    concatenated_downloads()
    global_resiliency_pair()
    truncated_download()
    cold_transfer_queue()
    cold_transfer_number()
    transfer_api()
    failed_transfer()
    failed_hangup()
    conference_agent_leaves()
    conference_third_party_dropped()
    hold_and_resume()
    crm_relay_empty_objects()
    chat_and_task_between_calls()
    missed_call()
    rejected_call()
    rejected_call_filtered()
    outbound_calls()
    barge()
    queued_callback()
    lost_bye_reconnect()
    legacy_2019_no_request()
    shift_30min_window()
    team_shift()


if __name__ == "__main__":
    main()
