#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes FreeSWITCH CDR fixtures in the shapes mod_json_cdr and mod_xml_cdr write them
(signalwire/freeswitch src/switch_ivr.c switch_ivr_generate_json_cdr / _xml_cdr): one document per
leg, "channel_data" + "variables" (URL-encoded values, as encode-values=true and mod_xml_cdr do),
"callflow". Variable names and values from mod_sofia, switch_channel.c and mod_callcenter.

  json/<a_|><uuid>.cdr.json   one file per leg (B-legs too: json_cdr's log-b-leg=true)
  xml/a_<uuid>.cdr.xml        one file per leg
  cdr.json, cdr.xml           one A-leg each (the caller hung up)

Run from this directory: python3 make_fixtures.py
"""
import json
import os
import urllib.parse
from xml.sax.saxutils import escape

T0 = 1795795200  # 2026-11-27 16:00:00 UTC


def uuid(n, leg):
    return f"{n:08x}-0000-4000-8000-{'a' if leg == 'a' else 'b'}{n:011x}"


def leg(n, which, disposition, cause, caller="+15550200001", dest="1001", answered=True, extra=None,
        last_bridge=None, start=0, talk=60, caller_leg=True):
    a = which == "a"
    variables = {
        "uuid": uuid(n, which),
        "direction": "inbound" if a else "outbound",
        "sip_hangup_disposition": disposition,
        "hangup_cause": cause,
        "hangup_cause_q850": {"NORMAL_CLEARING": "16", "ORIGINATOR_CANCEL": "487", "USER_BUSY": "17"}.get(cause, "0"),
        "proto_specific_hangup_cause": "sip:200" if cause == "NORMAL_CLEARING" else "sip:487",
        "caller_id_number": caller,
        "caller_id_name": "Ann Caller",
        "destination_number": dest,
        "start_stamp": "2026-11-27 16:%02d:00" % n,
        "start_epoch": str(T0 + 60 * n + start),
        "start_uepoch": str((T0 + 60 * n + start) * 1000000),
        "answer_epoch": str(T0 + 60 * n + start + 5) if answered else "0",
        "end_epoch": str(T0 + 60 * n + start + 5 + (talk if answered else 10)),
        "end_uepoch": str((T0 + 60 * n + start + 5 + (talk if answered else 10)) * 1000000),
        "billsec": str(talk if answered else 0),
    }
    if not a and caller_leg:  # switch_ivr_originate.c: only a leg a caller's session dialled
        variables["originating_leg_uuid"] = uuid(n, "a")
        variables["last_bridge_to"] = uuid(n, "a")
    if last_bridge:
        variables["last_bridge_hangup_cause"] = last_bridge
    if answered and caller_leg:
        variables["last_bridge_role"] = "originator" if a else "originatee"
    variables.update(extra or {})
    return {
        "core-uuid": "c0ffee00-0000-4000-8000-000000000001",
        "switchname": "fs1.example.net",
        "channel_data": {"state": "CS_REPORTING", "direction": variables["direction"], "state_number": "11",
                         "flags": "0=1;1=1;38=1", "caps": "1=1;2=1;3=1"},
        "callStats": {},
        "variables": variables,
        "app_log": {"applications": [{"app_name": "bridge", "app_data": "user/1001", "app_stamp": "1"}]},
        "callflow": [{"dialplan": "XML", "profile_index": "1",
                      "caller_profile": {"username": caller, "caller_id_number": caller,
                                         "destination_number": dest, "uuid": variables["uuid"]},
                      "times": {"created_time": variables["start_uepoch"]}}],
    }


CALLS = [
    # 1: the caller hangs up (A recv_bye).
    [leg(1, "a", "recv_bye", "NORMAL_CLEARING")],
    # 2: the agent hangs up: A send_bye, and the B-leg says recv_bye.
    [leg(2, "a", "send_bye", "NORMAL_CLEARING", last_bridge="NORMAL_CLEARING"),
     leg(2, "b", "recv_bye", "NORMAL_CLEARING")],
    # 3: A send_bye with no B-leg CDR, the partner cleared normally: callee (inferred).
    [leg(3, "a", "send_bye", "NORMAL_CLEARING", last_bridge="NORMAL_CLEARING")],
    # 4: uuid_kill: MANAGER_REQUEST, no human.
    [leg(4, "a", "send_bye", "MANAGER_REQUEST")],
    # 5: the caller gives up while the agent rings.
    [leg(5, "a", "recv_cancel", "ORIGINATOR_CANCEL", answered=False),
     leg(5, "b", "send_cancel", "ORIGINATOR_CANCEL", answered=False)],
    # 6: FreeSWITCH refuses the call.
    [leg(6, "a", "send_refuse", "NO_ROUTE_DESTINATION", answered=False, dest="9999")],
    # 7: ring group: one phone answered elsewhere (LOSE_RACE), one busy, the caller hangs up on the third.
    [leg(7, "a", "recv_bye", "NORMAL_CLEARING"),
     leg(7, "b", "send_cancel", "LOSE_RACE", answered=False, dest="1002"),
     leg(7, "b", "recv_refuse", "USER_BUSY", answered=False, dest="1003")],
    # 8: mod_callcenter: the caller hangs up while queued.
    [leg(8, "a", "recv_bye", "NORMAL_CLEARING", answered=True,
         extra={"cc_side": "member", "cc_cause": "cancel", "cc_cancel_reason": "BREAK_OUT", "cc_queue": "support"})],
    # 9: an extension calls out (FusionPBX call_direction=outbound) and hangs up first.
    [leg(9, "a", "recv_bye", "NORMAL_CLEARING", caller="1001", dest="+15550300009",
         extra={"call_direction": "outbound"})],
    # 10: the B-leg's callee refuses (the only leg of the call in the CDRs).
    [leg(10, "b", "recv_refuse", "CALL_REJECTED", answered=False)],
    # 11: a registered extension calls out through a gateway (no FusionPBX call_direction); the
    # outside callee hangs up. sofia_reg_parse_auth set user_name / sip_auth_username on the A-leg.
    [leg(11, "a", "send_bye", "NORMAL_CLEARING", caller="1001", dest="+15550300011", last_bridge="NORMAL_CLEARING",
         extra={"sip_authorized": "true", "user_name": "1001", "sip_auth_username": "1001"}),
     leg(11, "b", "recv_bye", "NORMAL_CLEARING", caller="1001", dest="+15550300011",
         extra={"sip_gateway_name": "carrier1"})],
    # 12: `originate sofia/gateway/carrier1/+15550300012 &playback(...)`: one leg, no caller; FreeSWITCH
    # hangs up when the playback ends.
    [leg(12, "b", "send_bye", "NORMAL_CLEARING", caller="0000000000", dest="+15550300012", caller_leg=False,
         extra={"sip_gateway_name": "carrier1", "current_application_response": "FILE PLAYED"})],
]


def url(value):
    return urllib.parse.quote(value, safe="")


def encoded(doc):
    doc = json.loads(json.dumps(doc))
    doc["variables"] = {k: url(v) for k, v in doc["variables"].items()}
    return doc


def xml_of(doc):
    v = encoded(doc)["variables"]
    lines = ['<?xml version="1.0"?>', f'<cdr core-uuid="{doc["core-uuid"]}" switchname="{doc["switchname"]}">',
             "  <channel_data>"]
    for key, value in doc["channel_data"].items():
        lines.append(f"    <{key}>{escape(value)}</{key}>")
    lines.append("  </channel_data>")
    lines.append("  <variables>")
    for key, value in v.items():
        lines.append(f"    <{key}>{escape(value)}</{key}>")
    lines.append("  </variables>")
    lines.append('  <app_log><application app_name="bridge" app_data="user/1001" app_stamp="1"></application>'
                 "</app_log>")
    lines.append('  <callflow dialplan="XML" profile_index="1"><caller_profile>'
                 f"<uuid>{v['uuid']}</uuid><destination_number>{escape(v['destination_number'])}"
                 "</destination_number></caller_profile></callflow>")
    lines.append("</cdr>")
    return "\n".join(lines) + "\n"


def main():
    os.makedirs("json", exist_ok=True)
    os.makedirs("xml", exist_ok=True)
    for call in CALLS:
        for doc in call:
            u = doc["variables"]["uuid"]
            a = doc["variables"]["direction"] == "inbound"
            with open(f"json/{u}.cdr.json", "w") as out:
                json.dump(encoded(doc), out, indent=1)
                out.write("\n")
            with open(f"xml/{'a_' if a else ''}{u}.cdr.xml", "w") as out:
                out.write(xml_of(doc))
    with open("cdr.json", "w") as out:
        json.dump(encoded(CALLS[0][0]), out, indent=1)
        out.write("\n")
    with open("cdr.xml", "w") as out:
        out.write(xml_of(CALLS[0][0]))


if __name__ == "__main__":
    main()
