#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes large vendor exports for benchmarks, from the record shapes of the test fixtures
(testdata/make_vendor_fixtures.py) with a fresh id on every record.

    bench/gen_vendor_exports.py DIR [BYTES]     -> DIR/ctr.jsonl, DIR/genesys.jsonl,
                                                   DIR/interactions.csv, DIR/voice-agent.json
"""
import json
import os
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
