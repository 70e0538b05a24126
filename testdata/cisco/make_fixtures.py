#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a Cisco Unified CM CDR flat file as the CDR Repository Manager pushes it: line 1 the
quoted field names, line 2 their types, then one row per call leg record (Cisco Unified CM CDR
Definition: field order, epoch-second times, dateTimeConnect 0 when never connected, Q.850 cause
values non-zero only on the clearing side, OnBehalfOf codes). Real files carry about 130 fields;
these are the first ones of the definition plus the ones whohungup reads (it finds fields by name).

Run from this directory: python3 make_fixtures.py
"""
T0 = 1795795200  # 2026-11-27 16:00:00 UTC

FIELDS = [
    ("cdrRecordType", "INTEGER"), ("globalCallID_callManagerId", "INTEGER"), ("globalCallID_callId", "INTEGER"),
    ("origLegCallIdentifier", "INTEGER"), ("dateTimeOrigination", "INTEGER"), ("origNodeId", "INTEGER"),
    ("origSpan", "INTEGER"), ("origIpAddr", "INTEGER"), ("callingPartyNumber", "VARCHAR(50)"),
    ("callingPartyUnicodeLoginUserID", "VARCHAR(128)"), ("origCause_location", "INTEGER"),
    ("origCause_value", "INTEGER"), ("origPrecedenceLevel", "INTEGER"), ("destLegIdentifier", "INTEGER"),
    ("destNodeId", "INTEGER"), ("destSpan", "INTEGER"), ("destIpAddr", "INTEGER"),
    ("originalCalledPartyNumber", "VARCHAR(50)"), ("finalCalledPartyNumber", "VARCHAR(50)"),
    ("finalCalledPartyUnicodeLoginUserID", "VARCHAR(128)"), ("destCause_location", "INTEGER"),
    ("destCause_value", "INTEGER"), ("destPrecedenceLevel", "INTEGER"), ("dateTimeConnect", "INTEGER"),
    ("dateTimeDisconnect", "INTEGER"), ("lastRedirectDn", "VARCHAR(50)"), ("pkid", "UNIQUEIDENTIFIER"),
    ("duration", "INTEGER"), ("origDeviceName", "VARCHAR(129)"), ("destDeviceName", "VARCHAR(129)"),
    ("origCallTerminationOnBehalfOf", "INTEGER"), ("destCallTerminationOnBehalfOf", "INTEGER"),
    ("origCalledPartyRedirectOnBehalfOf", "INTEGER"), ("lastRedirectRedirectOnBehalfOf", "INTEGER"),
    ("globalCallId_ClusterID", "VARCHAR(50)"), ("comment", "VARCHAR(2048)"),
]

PHONE_A, PHONE_B = "SEP00AABBCC1001", "SEP00AABBCC1002"
GATEWAY, TRUNK2 = "PSTN_GW_01", "SIP_TRUNK_CARRIER2"

# (call id, start offset, talk seconds or None, calling, called, orig cause, dest cause, orig behalf,
#  dest behalf, orig device, dest device)
ROWS = [
    (101, 0, 60, "+15550200001", "1001", 16, 0, 12, 0, GATEWAY, PHONE_A),       # customer hangs up
    (102, 60, 90, "+15550200002", "1001", 0, 16, 0, 12, GATEWAY, PHONE_A),      # agent hangs up
    (103, 120, 45, "1002", "+15550300003", 16, 0, 12, 0, PHONE_B, GATEWAY),     # agent calls out, hangs up
    (104, 180, 30, "1001", "1002", 0, 16, 0, 12, PHONE_A, PHONE_B),             # internal, callee hangs up
    (105, 240, None, "+15550200005", "1001", 0, 17, 0, 0, GATEWAY, PHONE_A),    # busy
    (106, 300, None, "+15550200006", "1001", 0, 19, 0, 0, GATEWAY, PHONE_A),    # no answer
    (107, 360, None, "+15550200007", "1001", 16, 0, 12, 0, GATEWAY, PHONE_A),   # caller gives up ringing
    (108, 420, 20, "+15550200008", "1001", 393216, 393216, 10, 10, GATEWAY, PHONE_A),  # split by transfer
    (108, 440, 70, "+15550200008", "1002", 0, 16, 0, 12, GATEWAY, PHONE_B),     # ... the transfer target hangs up
    (109, 540, 50, "+15550200009", "1001", 0, 16, 0, 1, GATEWAY, PHONE_A),      # agent ends it from the desktop
    (110, 600, 10, "+15550200010", "1001", 0, 0, 0, 0, GATEWAY, PHONE_A),       # nobody cleared
    (111, 660, 25, "+15550200011", "+15550300011", 16, 0, 12, 0, GATEWAY, TRUNK2),  # trunk to trunk
    (112, 720, 40, "+15550200012", "1001", 0, 41, 0, 0, GATEWAY, PHONE_A),      # network failure
]


def row(r, seq):
    call_id, start, talk, calling, called, oc, dc, ob, db, od, dd = r
    origination = T0 + start
    connect = origination + 5 if talk is not None else 0
    disconnect = (connect + talk) if talk is not None else origination + 12
    values = {
        "cdrRecordType": 1, "globalCallID_callManagerId": 1, "globalCallID_callId": call_id,
        "origLegCallIdentifier": 20000000 + seq * 2, "dateTimeOrigination": origination, "origNodeId": 1,
        "origSpan": 0, "origIpAddr": -1062731519, "callingPartyNumber": calling,
        "callingPartyUnicodeLoginUserID": "", "origCause_location": 0, "origCause_value": oc,
        "origPrecedenceLevel": 4, "destLegIdentifier": 20000001 + seq * 2, "destNodeId": 1, "destSpan": 0,
        "destIpAddr": -1062731518, "originalCalledPartyNumber": called, "finalCalledPartyNumber": called,
        "finalCalledPartyUnicodeLoginUserID": "", "destCause_location": 0, "destCause_value": dc,
        "destPrecedenceLevel": 4, "dateTimeConnect": connect, "dateTimeDisconnect": disconnect,
        "lastRedirectDn": "", "pkid": f"c0ffee00-0000-4000-8000-{seq:012d}", "duration": talk or 0,
        "origDeviceName": od, "destDeviceName": dd, "origCallTerminationOnBehalfOf": ob,
        "destCallTerminationOnBehalfOf": db, "origCalledPartyRedirectOnBehalfOf": 0,
        "lastRedirectRedirectOnBehalfOf": 0, "globalCallId_ClusterID": "StandAloneCluster", "comment": "",
    }
    out = []
    for name, kind in FIELDS:
        value = values[name]
        out.append(f'"{value}"' if kind.startswith("VARCHAR") or kind == "UNIQUEIDENTIFIER" else str(value))
    return ",".join(out)


def main():
    with open("cdr_StandAloneCluster_01_202611271600_1", "w", newline="\r\n") as out:
        out.write(",".join(f'"{name}"' for name, _ in FIELDS) + "\n")
        out.write(",".join(kind for _, kind in FIELDS) + "\n")
        for seq, r in enumerate(ROWS):
            out.write(row(r, seq) + "\n")


if __name__ == "__main__":
    main()
