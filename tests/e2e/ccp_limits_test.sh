#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What one CCP entry, one call and one log may hold, on logs generated here: a snapshot whose
# events would cost far more than its bytes (many empty connections; a long agent state copied
# per contact) and an absurd contact id are skipped entries (status 2, the good file still
# reported); a call over --max-call-bytes is judged with what is held, with lowered confidence;
# a log over --max-held-bytes judges its oldest calls early. Each says so in one line.
# Usage: ccp_limits_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
failures=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }

# The address-space limit only means something without AddressSanitizer's shadow memory.
limit=""
if ! ldd "$bin" 2> /dev/null | grep -q asan; then
  limit="ulimit -v 1000000;"
fi
run() {  # run ARGS...: whohungup under the memory limit, stdout to $tmp/out, stderr to $tmp/err
  timeout 60 bash -c "$limit \"\$@\"" _ "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
}
one_line_each() { ! grep -qv '^whohungup: ' "$tmp/err"; }

python3 - "$tmp" << 'EOF'
import json, sys
tmp = sys.argv[1]

def entry(text, ms, objects=None, level="INFO"):
    return {"component": "softphone", "level": level, "text": text,
            "time": f"2026-11-20T14:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}Z",
            "exception": None, "objects": objects or [], "line": 1, "agentResourceId": "agent-1",
            "loggerId": "logger-1", "tabId": "tab-1"}

def call(cid, start_ms, repeats=0):
    lines = [entry(f" {cid} SESSION null => GrabLocalMediaState", start_ms),
             entry(f" {cid} SIGNALING PendingAcceptState => TalkingState", start_ms + 10),
             entry(f" {cid} SESSION AcceptState => TalkingState", start_ms + 11)]
    for i in range(repeats):  # a line repeated at distinct times: each one is held
        lines.append(entry(f" Contact detected: contactId {cid} agent connectionId k-1", start_ms + 20 + i))
    end = start_ms + 20 + repeats + 1000
    lines += [entry(f" {cid} SIGNALING TalkingState => PendingLocalHangupState", end),
              entry(f" {cid} SESSION TalkingState => DisconnectedState", end + 1)]
    return lines

def snapshot(contacts, agent_state="Busy"):
    return entry("GET_AGENT_SNAPSHOT succeeded.", 500,
                 [{"snapshot": {"state": {"name": agent_state}, "contacts": contacts}}])

def write(name, entries):
    with open(f"{tmp}/{name}", "w") as out:
        json.dump(entries, out)

# 330,000 empty connections in a 1 MB entry; then the same contact's call, which is still read.
write("connections.txt", [snapshot([{"contactId": "c-1", "type": "voice", "connections": [{}] * 330000}])]
      + call("c-1", 1000))
# A 2 MB agent state, copied into each of 500 contacts' views.
write("agent-state.txt", [snapshot([{"contactId": f"c-{i}", "type": "voice"} for i in range(500)],
                                   agent_state="x" * 2000000)] + call("c-1", 1000))
# A 10 MB text with 300 connections: bounded, and read.
big = snapshot([{"contactId": "c-1", "type": "voice",
                 "connections": [{"connectionId": f"k-{i}", "type": "agent"} for i in range(300)]}])
big["text"] = "GET_AGENT_SNAPSHOT succeeded." + "y" * 10000000
write("big-text.txt", [big] + call("c-1", 1000))
# Contact ids of 1 MB and of 257 bytes are damage; 256 bytes is the longest Connect documents.
write("long-id.txt", call("i" * 1000000, 1000) + call("j" * 257, 5000) + call("k" * 256, 9000))
# One call of 2,000 held lines, and 300 calls open at once.
# (A whole download has TRACE entries; one with none was saved filtered by level, where a bye
# this soon after the offer is not confidently the customer's.)
write("long-call.txt", [entry("Sending heartbeat", 500, level="TRACE")] + call("c-long", 1000, repeats=2000))
many = []
for i in range(300):
    many += call(f"c-many-{i:03d}", 1000 + i * 3, repeats=0)[:3]
for i in range(300):
    many += call(f"c-many-{i:03d}", 1000 + i * 3, repeats=0)[3:]
write("many-calls.txt", sorted(many, key=lambda e: e["time"]))
EOF

run --format csv "$tmp/connections.txt" ccp/ice-restart.txt
status=$?
[ $status = 2 ] && grep -q 'connections.txt:1:.*entry skipped: its events would cost far more than its bytes' "$tmp/err" &&
  grep -q customer_hangup "$tmp/out" && grep -q ',c-1,' "$tmp/out" && one_line_each && ok ||
  bad "330,000 empty connections: status $status, $(head -c 300 "$tmp/err")"

run --format csv "$tmp/agent-state.txt" ccp/ice-restart.txt
status=$?
[ $status = 2 ] && grep -q 'agent-state.txt:1:.*entry skipped: its events would cost far more than its bytes' "$tmp/err" &&
  grep -q customer_hangup "$tmp/out" && one_line_each && ok ||
  bad "2 MB agent state in 500 contacts: status $status, $(head -c 300 "$tmp/err")"

run --format csv "$tmp/big-text.txt"
status=$?
[ $status = 0 ] && grep -q ',c-1,' "$tmp/out" && ok || bad "10 MB snapshot text: status $status, $(head -c 300 "$tmp/err")"

run --format csv "$tmp/long-id.txt"
status=$?
[ $status = 2 ] && grep -q 'long-id.txt:1:.*entry skipped: an id longer than 256 bytes' "$tmp/err" &&
  grep -q "skipped 10 of 15 entries" "$tmp/err" && grep -q ",k\{256\}," "$tmp/out" &&
  [ "$(grep -c customer_hangup "$tmp/out")" = 1 ] && [ "$(wc -c < "$tmp/err")" -lt 2000 ] && one_line_each && ok ||
  bad "1 MB and 257-byte contact ids: status $status, $(head -c 300 "$tmp/err")"

run --format jsonl --max-call-bytes 100000 "$tmp/long-call.txt"
status=$?
grep -q '"contact_id":"c-long"' "$tmp/out" && ! grep -q '"confidence":"high"' "$tmp/out" &&
  grep -q 'per-call byte budget' "$tmp/out" &&
  grep -q 'long-call.txt:[0-9]*:.*warning: the lines of contact c-long take more than 100000 bytes: judged now' "$tmp/err" &&
  [ "$(grep -c '"type":"verdict"' "$tmp/out")" = 1 ] && one_line_each && ok ||
  bad "a call over --max-call-bytes: status $status, $(head -c 300 "$tmp/err")"
run --format jsonl "$tmp/long-call.txt"
status=$?
[ $status = 0 ] && grep -q '"confidence":"high"' "$tmp/out" && [ ! -s "$tmp/err" ] && ok ||
  bad "the same call under the default budget: status $status, $(head -c 300 "$tmp/err")"

run --format csv --max-held-bytes 200000 "$tmp/many-calls.txt"
status=$?
[ "$(grep -c ',c-many-' "$tmp/out")" = 300 ] &&
  grep -q 'many-calls.txt:[0-9]*:.*warning: the lines held for this log take more than 200000 bytes: judging the oldest calls early' "$tmp/err" &&
  one_line_each && ok ||
  bad "300 open calls over --max-held-bytes: status $status, $(head -c 300 "$tmp/err")"

for flag in --max-call-bytes --max-held-bytes; do
  "$bin" "$flag" 0 ccp/ice-restart.txt > /dev/null 2> "$tmp/err"
  [ $? = 2 ] && grep -q -- "$flag" "$tmp/err" && ok || bad "$flag 0 accepted"
done

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
