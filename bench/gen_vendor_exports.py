#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes large vendor exports for benchmarks, from the record shapes of the test fixtures
(testdata/make_vendor_fixtures.py) with a fresh id on every record.

    bench/gen_vendor_exports.py DIR [BYTES]     -> in DIR, BYTES (default 100 MB) each of
        ctr.jsonl, genesys.jsonl, interactions.csv, voice-agent.json, voice-agent.csv, gms.json,
        queue_log, cel.csv, twilio.jsonl, freeswitch.json, freeswitch.xml, cucm_cdr.csv,
        3cx_cdr.csv, five9_call_log.csv, talkdesk_calls.csv, avaya_cms_calls.csv, ucce_tcd.csv,
        asterisk_cdr.csv, acc.csv

The PBX and CPaaS exports repeat one call of the committed fixtures (testdata/asterisk, twilio,
freeswitch, cisco, columns, kamailio) under a fresh call id each time.
"""
import csv
import datetime
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata"))
import make_vendor_fixtures as fx  # noqa: E402

# An option where DIR belongs (--help, say) is a usage error, not a directory to fill.
if len(sys.argv) not in (2, 3) or sys.argv[1].startswith("-") or (len(sys.argv) == 3 and not sys.argv[2].isdigit()):
    sys.stderr.write(__doc__)
    sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
out_dir = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000_000
os.makedirs(out_dir, exist_ok=True)
reasons = ["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT", "CONTACT_FLOW_DISCONNECT", "TELECOM_PROBLEM"]


def fill(path, make_line, header=None, wrap=None):
    written = 0
    n = 0
    with open(os.path.join(out_dir, path), "w", encoding="utf-8", newline="\n") as out:
        if header:
            out.write(header)
        if wrap:
            out.write(wrap[0])
        while written < target:
            n += 1
            line = make_line(n)
            if wrap and n > 1:
                out.write(",\n")
            out.write(line if wrap else line + "\n")
            written += len(line) + 1
        if wrap:
            out.write(wrap[1])


fill("ctr.jsonl", lambda n: json.dumps(fx.ctr("5d1c0a7e-%04d-4b1e-9c2f-%012d" % (n % 10000, n), reasons[n % 4],
                                               n % 50)))
template = json.dumps(fx.conversation("CONVERSATION-ID", fx.t(0), fx.t(6),
                                      [fx.customer(0, 6), fx.ivr(0, 1), fx.acd(1, 2),
                                       fx.agent("Ana Agent", "u-ana", 2, 6, "peer")]))
fill("genesys.jsonl", lambda n: template.replace("CONVERSATION-ID", "c1a2b3c4-%04d-4000-8000-%012d" % (n % 10000, n)))
fill("interactions.csv",
     lambda n: '"YES","","Date: Today","voice","Ana Agent","11/20/26 9:00 AM","Inbound","Support","Resolved",'
               '"d0000000-0000-4000-8000-%012d","NO","%s","183000","213000"' % (n, ["Agent", "External", "System"][n % 3]),
     header='"Full Export Completed","Partial Result Timestamp","Filters","Media Type","Users - Interacted","Date",'
            '"Direction","Queue","Wrap-up","Conversation ID","Abandoned","Disconnect Type","Total Talk","Total Handle"\n')
call = fx.call(1, "user_hangup")
fill("voice-agent.json", lambda n: json.dumps(dict(call, call_id="call_%012d" % n)), wrap=("[\n", "\n]\n"))


# --- The rest of the formats of issue "Other platforms" -------------------------------------------
testdata = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata")


def fixture(path):
    with open(os.path.join(testdata, path), encoding="utf-8") as f:
        return f.read()


def csv_line(fields):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(fields)
    return buffer.getvalue()


va_header = ("Time,Duration,Channel Type,Cost,Session ID,End Reason,Session Status,User Sentiment,From,To,"
             "Direction,Session Outcome,End to End Latency\n")
va_reasons = ["user_hangup", "agent_hangup", "dial_busy", "call_transfer"]
fill("voice-agent.csv",
     lambda n: "11/20/2026 09:00,1:35,phone_call,$0.12,call_csv_%012d,%s,ended,Positive,+15550100001,+15550199000,"
               "inbound,Successful,820ms" % (n, va_reasons[n % 4]), header=va_header)
fill("gms.json", lambda n: json.dumps(dict(fx.callback(n, "COMPLETED", ["AGENT_CONNECTED", "CANCELLED"][n % 2]),
                                           _id="%032x" % (0x51CB000000 + n))), wrap=("[\n", "\n]\n"))

# queue_log: a queued call the member (or the caller) hangs up, three lines per call.
fill("queue_log",
     lambda n: "%d|%d.%d|support|NONE|ENTERQUEUE||5551230001|1\n"
               "%d|%d.%d|support|PJSIP/1002|CONNECT|10|%d.%d|6\n"
               "%d|%d.%d|support|PJSIP/1002|%s|10|75|1" % (
                   1795795210 + n, 1795795210 + n, n, 1795795220 + n, 1795795210 + n, n, 1795795220 + n, n,
                   1795795295 + n, 1795795210 + n, n, ["COMPLETEAGENT", "COMPLETECALLER"][n % 2]))

# CEL: the rows of one call of the fixture (an extension hangs up), under fresh ids.
cel_lines = fixture("asterisk/cel.csv").splitlines()
cel_linked = "1795795320.20"
cel_call = [row for row in csv.reader(cel_lines[1:]) if row and row[17] == cel_linked]
cel_uniques = sorted({row[16] for row in cel_call})


def cel(n):
    rows = []
    for i, row in enumerate(cel_call):
        row = list(row)
        row[0] = str(n * 100 + i)
        row[16] = "%d.%d" % (1795795920 + n, cel_uniques.index(row[16]) + n * 10)
        row[17] = "%d.%d" % (1795795920 + n, cel_uniques.index(cel_linked) + n * 10)
        rows.append(csv_line(row))
    return "\n".join(rows)


fill("cel.csv", cel, header=cel_lines[0] + "\n")

# Twilio: Voice Insights call summaries as JSON Lines.
summary = json.loads(fixture("twilio/call_summaries.json"))["call_summaries"][0]
fill("twilio.jsonl", lambda n: json.dumps(dict(summary, call_sid="CA%032x" % n)))

# FreeSWITCH: the fixture's A-leg, documents back to back (JSON) or <cdr> elements under a wrapper.
fs_json = json.dumps(json.loads(fixture("freeswitch/cdr.json")))
fs_uuid = json.loads(fs_json)["variables"]["uuid"]
fill("freeswitch.json", lambda n: fs_json.replace(fs_uuid, "%08x-0000-4000-8000-a%011x" % (n, n)))
fs_xml = fixture("freeswitch/cdr.xml").split("?>", 1)[1].strip()
fill("freeswitch.xml", lambda n: fs_xml.replace(fs_uuid, "%08x-0000-4000-8000-a%011x" % (n, n)),
     header='<?xml version="1.0"?>\n<cdrs>\n')
with open(os.path.join(out_dir, "freeswitch.xml"), "a", encoding="utf-8") as f:
    f.write("</cdrs>\n")

# CUCM: the fixture's first CDR (two header rows, then one row per call) under a fresh callId/pkid.
cucm_lines = fixture("cisco/cdr_StandAloneCluster_01_202611271600_1").splitlines()
cucm_row = cucm_lines[2]
cucm_fields = list(csv.reader([cucm_row]))[0]
cucm_prefix = ",".join(cucm_fields[:3]) + ","  # cdrRecordType, callManagerId, callId: all integers
cucm_pkid = cucm_fields[cucm_lines[0].split(",").index('"pkid"')]


def cucm(n):
    row = cucm_row.replace(cucm_pkid, "c0ffee00-0000-4000-8000-%012x" % n)
    return "%s,%s,%d,%s" % (cucm_fields[0], cucm_fields[1], 1000000 + n, row[len(cucm_prefix):])


fill("cucm_cdr.csv", cucm, header=cucm_lines[0] + "\n" + cucm_lines[1] + "\n")


# Column products, UCCE, Asterisk CDRs and the acc table: rows of the fixtures under a fresh call
# id each time, their times moved on a second per call (readers that settle ended calls as reading
# goes on see time pass, as in a real export).
stamp = re.compile(r"(\d{4}-\d\d-\d\d)([ T])(\d\d:\d\d:\d\d)")


def later(row, seconds):
    def shift(match):
        moved = datetime.datetime.fromisoformat(match.group(1) + " " + match.group(3)) + \
            datetime.timedelta(seconds=seconds)
        return moved.strftime("%Y-%m-%d") + match.group(2) + moved.strftime("%H:%M:%S")
    return stamp.sub(shift, row)


def fresh_rows(path, pick, ids, out_name, header_lines=1):
    """Writes the rows `pick` selects from the fixture at `path`, each old id of `ids`
    replaced by its maker's id for call n, the rows' times n seconds later."""
    lines = fixture(path).splitlines()
    rows = [line for line in lines[header_lines:] if pick(line)]
    assert rows and all(any(old in row for row in rows) for old in ids), (path, ids)

    def call(n):
        text = "\n".join(rows)
        for old, make in ids.items():
            text = text.replace(old, make(n))
        return later(text, n)
    fill(out_name, call, header="\n".join(lines[:header_lines]) + "\n")


fresh_rows("columns/3cx_cdr.csv", lambda row: row.startswith("101,"),
           {"101,00000191A1B2C3D4_1": lambda n: "%d,%016X_1" % (1000 + n, n)}, "3cx_cdr.csv")
fresh_rows("columns/five9_call_log.csv", lambda row: row.startswith("300000000000001,"),
           {"300000000000001": lambda n: "%d" % (300000000000000 + n)}, "five9_call_log.csv")
fresh_rows("columns/talkdesk_calls.csv", lambda row: row.startswith("c7a1d0e2-0001,"),
           {"c7a1d0e2-0001": lambda n: "c7a1d0e2-%010d" % n}, "talkdesk_calls.csv")
fresh_rows("columns/avaya_cms_calls.csv", lambda row: row.startswith("7001,"),
           {"7001,": lambda n: "%d," % (7000 + n), "00001000011700000001": lambda n: "%020d" % (10**12 + n)},
           "avaya_cms_calls.csv")
# UCCE: the customer hang-up of the fixture (its RouterCallKeyDay and RouterCallKey name the call).
fresh_rows("cisco/ucce_tcd.csv", lambda row: ",152000,41006," in row,
           {",152000,41006,": lambda n: ",152000,%d," % (41000000 + n)}, "ucce_tcd.csv")
# Asterisk CDRs: both rows of the fixture's first queued call (one leg not answered, one answered).
fresh_rows("asterisk/cdr_linkedid.csv", lambda row: "1795773600.10," in row,
           {"1795773600.10": lambda n: "%d.%d" % (1795773600 + n, n)}, "asterisk_cdr.csv")
# acc: the INVITE, ACK and BYE of one call.
fresh_rows("kamailio/acc.csv", lambda row: "call-0001@" in row, {"call-0001@": lambda n: "call-%d@" % n}, "acc.csv")
