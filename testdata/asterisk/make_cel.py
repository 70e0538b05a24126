#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes Asterisk CEL fixtures (event types from asterisk main/cel.c cel_event_types[]; HANGUP
extra {"hangupcause", "hangupsource", "dialstatus"} as cel_channel_state_change() packs it;
Master.csv columns in configs/samples/cel_custom.conf.sample's order):

  cel.csv      the `cel` table exported with a header, newest row first (as some dumps are)
  Master.csv   cel_custom's sample mapping, no header, oldest first

Run from this directory: python3 make_cel.py
"""
import csv
import datetime
import json

T0 = 1795795200  # 2026-11-27 16:00:00 UTC
TRUNK = "PJSIP/carrier"


def extra(source, cause=16, dialstatus="ANSWER"):
    return json.dumps({"hangupcause": cause, "hangupsource": source, "dialstatus": dialstatus},
                      separators=(",", ":"))


def call(n, legs):
    """legs: (seconds, eventtype, channel, uniqueid suffix, extra)."""
    linked = f"{T0 + 60 * n}.{n * 10}"
    rows = []
    for seconds, event, channel, leg, ext in legs:
        uid = linked if leg == 0 else f"{T0 + 60 * n}.{n * 10 + leg}"
        rows.append((T0 + 60 * n + seconds, event, channel, uid, linked, ext))
    return rows


def answered(n, caller, callee, source, caller_cause=16, callee_cause=16):
    return call(n, [
        (0, "CHAN_START", caller, 0, ""), (1, "CHAN_START", callee, 1, ""), (4, "ANSWER", callee, 1, ""),
        (4, "ANSWER", caller, 0, ""), (4, "BRIDGE_ENTER", caller, 0, ""), (4, "BRIDGE_ENTER", callee, 1, ""),
        (64, "BRIDGE_EXIT", callee, 1, ""), (64, "BRIDGE_EXIT", caller, 0, ""),
        (64, "HANGUP", callee, 1, extra(source, callee_cause, "")),
        (64, "HANGUP", caller, 0, extra(source, caller_cause, "ANSWER")),
        (64, "CHAN_END", callee, 1, ""), (64, "CHAN_END", caller, 0, ""), (64, "LINKEDID_END", caller, 0, ""),
    ])


def unanswered(n, caller, callee, dialstatus, caller_source="", callee_cause=19):
    return call(n, [
        (0, "CHAN_START", caller, 0, ""), (1, "CHAN_START", callee, 1, ""),
        (20, "HANGUP", callee, 1, extra("", callee_cause, "")),
        (20, "HANGUP", caller, 0, extra(caller_source, 16, dialstatus)),
        (20, "CHAN_END", caller, 0, ""), (20, "LINKEDID_END", caller, 0, ""),
    ])


CALLS = [
    answered(1, f"{TRUNK}-00000001", "PJSIP/1001-00000002", f"{TRUNK}-00000001"),       # customer hangs up
    answered(2, f"{TRUNK}-00000003", "PJSIP/1001-00000004", "PJSIP/1001-00000004"),     # agent hangs up
    answered(3, "PJSIP/1002-00000005", f"{TRUNK}-00000006", "PJSIP/1002-00000005"),     # agent calls out, hangs up
    call(4, [(0, "CHAN_START", f"{TRUNK}-00000007", 0, ""), (2, "ANSWER", f"{TRUNK}-00000007", 0, ""),
             (30, "HANGUP", f"{TRUNK}-00000007", 0, extra("dialplan/builtin", 16, "")),
             (30, "LINKEDID_END", f"{TRUNK}-00000007", 0, "")]),                           # IVR hangs up
    unanswered(5, f"{TRUNK}-00000008", "PJSIP/1001-00000009", "NOANSWER"),
    unanswered(6, f"{TRUNK}-0000000a", "PJSIP/1001-0000000b", "BUSY", callee_cause=17),
    unanswered(7, f"{TRUNK}-0000000c", "PJSIP/1001-0000000d", "CANCEL", caller_source=f"{TRUNK}-0000000c"),
    answered(8, f"{TRUNK}-0000000e", "PJSIP/1001-0000000f", "PJSIP/1001-0000000f")[:8]
    + call(8, [(30, "BLINDTRANSFER", "PJSIP/1001-0000000f", 1, '{"extension":"2000","context":"from-internal"}')])
    + answered(8, f"{TRUNK}-0000000e", "PJSIP/2000-00000010", f"{TRUNK}-0000000e")[8:],  # transferred
    call(9, [(0, "CHAN_START", f"{TRUNK}-00000011", 0, ""), (1, "CHAN_START", "Local/1001@queue-00000001;1", 1, ""),
             (1, "CHAN_START", "Local/1001@queue-00000001;2", 2, ""), (2, "CHAN_START", "PJSIP/1001-00000012", 3, ""),
             (5, "BRIDGE_ENTER", f"{TRUNK}-00000011", 0, ""), (5, "BRIDGE_ENTER", "PJSIP/1001-00000012", 3, ""),
             (6, "HANGUP", "Local/1001@queue-00000001;1", 1, extra("", 26, "")),
             (6, "HANGUP", "Local/1001@queue-00000001;2", 2, extra("", 26, "")),
             (90, "HANGUP", "PJSIP/1001-00000012", 3, extra("PJSIP/1001-00000012", 16, "")),
             (90, "HANGUP", f"{TRUNK}-00000011", 0, extra("PJSIP/1001-00000012", 16, "ANSWER")),
             (90, "LINKEDID_END", f"{TRUNK}-00000011", 0, "")]),                          # queue agent, Local hops
    answered(10, f"{TRUNK}-00000013", "PJSIP/1001-00000014", ""),                         # nobody claimed it
    call(11, [(0, "CHAN_START", f"{TRUNK}-00000015", 0, ""), (1, "ANSWER", f"{TRUNK}-00000015", 0, "")]),  # going on
    answered(12, f"{TRUNK}-00000016", "PJSIP/1001-00000017", "crm-forced"),               # a dialplan's own word
]


def rows():
    n = 0
    for c in CALLS:
        for when, event, channel, uid, linked, ext in c:
            n += 1
            yield n, when, event, channel, uid, linked, ext


def stamp(when):
    return datetime.datetime.fromtimestamp(when, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.000000")


def main():
    all_rows = list(rows())
    with open("cel.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["id", "eventtype", "eventtime", "cid_name", "cid_num", "cid_ani", "cid_rdnis", "cid_dnid", "exten",
                    "context", "channame", "appname", "appdata", "amaflags", "accountcode", "peeraccount", "uniqueid",
                    "linkedid", "userfield", "peer", "extra"])
        for n, when, event, channel, uid, linked, ext in sorted(all_rows, key=lambda r: -r[0]):
            w.writerow([n, event, stamp(when), "Ann Caller", "+15550200001", "+15550200001", "", "1001", "1001",
                        "from-pstn", channel, "Dial" if event == "CHAN_START" else "", "", 3, "", "", uid, linked, "",
                        "", ext])
    with open("Master.csv", "w", newline="") as out:
        w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for n, when, event, channel, uid, linked, ext in sorted(all_rows, key=lambda r: (r[1], r[0])):
            w.writerow([event, f"{when}.000000", "Ann Caller", "+15550200001", "+15550200001", "", "1001", "1001",
                        "from-pstn", channel, "", "", "DOCUMENTATION", "", uid, linked, "", "", "", ext])


if __name__ == "__main__":
    main()
