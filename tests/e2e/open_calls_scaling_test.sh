#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Readers that hold calls until all their records are read (CUCM CDR, Asterisk CEL, queue_log)
# stay linear past --max-open-calls: 60,000 calls over a limit of 30,000 make every new call
# decide the oldest one early. Finding the oldest by a scan of every held call made that
# 30,000 x 30,000 steps (about 20 s); in arrival order it takes well under a second. The time
# limit is some 30 times what the linear reader needs, so only a quadratic path reaches it.
# The calls come out oldest first, each once, under the limit and at the end alike.
# Usage: open_calls_scaling_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
export TZ=UTC LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }

calls=60000
limit=30000
python3 - "$tmp" "$calls" << 'EOF'
import sys
tmp, calls = sys.argv[1], int(sys.argv[2])
with open(f"{tmp}/cucm.csv", "w") as out:  # one CDR per call; the device hung up on the caller's side
    out.write("cdrRecordType,globalCallID_callManagerId,globalCallID_callId,dateTimeOrigination,"
              "dateTimeConnect,dateTimeDisconnect,origCause_value,destCause_value,origCallTerminationOnBehalfOf,"
              "destCallTerminationOnBehalfOf,origDeviceName,destDeviceName\n")
    for n in range(1, calls + 1):
        out.write(f"1,1,{n},{1795795200 + n},{1795795205 + n},{1795795260 + n},16,0,12,0,SEP0001,gw\n")
with open(f"{tmp}/cel.csv", "w") as out:  # one HANGUP row per call
    out.write("eventtype,eventtime,channame,uniqueid,linkedid,extra\n")
    for n in range(1, calls + 1):
        out.write(f'HANGUP,2026-11-27 16:00:00,PJSIP/1001-{n:08x},{n}.1,{n}.1,'
                  '"{""hangupcause"":16,""hangupsource"":""PJSIP/1001"",""dialstatus"":""""}"\n')
with open(f"{tmp}/queue_log", "w") as out:  # calls that entered the queue and never left it
    for n in range(1, calls + 1):
        out.write(f"1795795200|{n}.1|support|NONE|ENTERQUEUE||555{n:07d}|1\n")
EOF

for file in cucm.csv cel.csv queue_log; do
  timeout 10 "$bin" --format jsonl --max-open-calls "$limit" "$tmp/$file" > "$tmp/out" 2> "$tmp/err"
  status=$?
  if [ $status = 124 ]; then
    bad "$file: $calls calls over --max-open-calls $limit still running after 10 s (a scan per call?)"
    continue
  fi
  grep -q "more than $limit calls open at once" "$tmp/err" && ok || bad "$file: no open-calls warning: $(head -3 "$tmp/err")"
  # Every call once, in the order first seen: the early ones as the limit is passed, the rest at the end.
  python3 - "$tmp/out" "$calls" "$file" << 'EOF' && ok || bad "$file: calls not reported once each, oldest first"
import json, sys
calls, file = int(sys.argv[2]), sys.argv[3]
records = [json.loads(line) for line in open(sys.argv[1])]
ids = [r["contact_id"] for r in records if r.get("type") == "verdict"]
expected = [str(n) if file == "cucm.csv" else f"{n}.1" for n in range(1, calls + 1)]
if ids != expected:
    print(f"{len(ids)} ids; first differences:", [(i, a, b) for i, (a, b) in enumerate(zip(ids, expected)) if a != b][:3])
    sys.exit(1)
EOF
done

echo "open_calls_scaling: $pass passed, $failures failed"
[ $failures = 0 ]
