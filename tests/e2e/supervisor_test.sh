#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What a supervisor asks, end to end: the summary's per-agent rates and every other field, the
# filters (--since/--until, --agent, --reason, --category, --channel), --sort, --fields, --count,
# -q stopping early, directory audits that skip stray files, one-line usage errors, --verbose,
# --version and --tz. Inputs: testdata/ccp/team/ (alice, bob, carol) and the sample log.
# Usage: supervisor_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
team=ccp/team
sample=ccp/sample-agent-log.txt

ok() { pass=$((pass + 1)); }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
# same NAME GOT EXPECTED
same() { if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }
# run NAME EXPECTED_STATUS COMMAND...: stdout in $tmp/out, stderr in $tmp/err
run() {
  local name=$1 expected=$2
  shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local status=$?
  if [ "$status" != "$expected" ]; then
    fail "$name: exit $status, expected $expected"
    head -3 "$tmp/err" | sed 's/^/  stderr: /'
  else
    ok
  fi
}
summary_json() { "$bin" --summary --format jsonl "$@" 2> /dev/null | grep '"type":"summary"'; }
q() { jq -r "$1" <<< "$json"; }

# --- the summary ---------------------------------------------------------------------------------
json=$(summary_json "$team")
alice=a11ce000-0000-4000-8000-00000000000a
bob=b0b00000-0000-4000-8000-00000000000b
carol=ca201000-0000-4000-8000-00000000000c
same "calls" "$(q .calls)" 13
same "alice name" "$(q ".by_agent[\"$alice\"].agent_name")" alice
same "alice calls" "$(q ".by_agent[\"$alice\"].calls")" 5
same "alice connected (the busy call did not)" "$(q ".by_agent[\"$alice\"].connected")" 4
same "alice agent hang-up rate" "$(q ".by_agent[\"$alice\"].agent_hangup_rate")" 0.75
same "alice customer hang-up rate" "$(q ".by_agent[\"$alice\"].customer_hangup_rate")" 0.25
same "bob dropped rate" "$(q ".by_agent[\"$bob\"].dropped_rate")" 0.2
same "bob ended_by object" "$(q ".by_agent[\"$bob\"].ended_by | [.agent,.customer,.third_party,.system,.unknown] | join(\",\")")" 1,3,0,1,0
same "carol category object" "$(q ".by_agent[\"$carol\"].category | [.hangup,.not_connected,.failure] | join(\",\")")" 2,1,0
same "rates in [0,1]" "$(q '[.by_agent[] | .agent_hangup_rate, .customer_hangup_rate, .dropped_rate | select(. < 0 or . > 1)] | length')" 0
same "dropped mid-call" "$(q '.dropped_mid_call | to_entries | map("\(.key)=\(.value)") | join(",")')" system=1
same "never connected" "$(q '.never_connected | to_entries | map("\(.key)=\(.value)") | join(",")')" system=2
same "by_category" "$(q '.by_category | [.hangup, .failure, .not_connected] | join(",")')" 10,1,2
same "by_confidence" "$(q '.by_confidence.high')" 13
same "by_hour keys" "$(q '.by_hour | keys | join(",")')" 14,15,16
same "by_hour 14" "$(q '.by_hour["14"]')" 6
same "hour zone" "$(q .hour_zone)" UTC
same "median agent duration" "$(q '.duration_s.agent.median')" 45
same "p90 customer duration" "$(q '.duration_s.customer.p90')" 500
same "duration calls per ended_by" "$(q '.duration_s | [.agent.calls, .customer.calls, .system.calls] | join(",")')" 4,6,3
same "conflicts" "$(q .conflicts)" 0
same "by_channel" "$(q .by_channel.voice)" 13

run "text summary" 0 "$bin" --summary "$team"
same "text summary leads with the agent table" "$(sed -n 3p "$tmp/out")" "Agents, by agent hang-up rate (rates over connected calls)"
same "highest agent hang-up rate first" "$(sed -n 5p "$tmp/out" | awk '{print $1, $4}')" "alice 75.0%"
same "lowest last" "$(sed -n 7p "$tmp/out" | awk '{print $1, $4}')" "carol 0.0%"
same "dropped line" "$(grep '^Dropped mid-call:' "$tmp/out")" "Dropped mid-call: 1 (system 1)"
same "never connected line" "$(grep '^Never connected:' "$tmp/out")" "Never connected:  2 (system 2)"
grep -q '^Duration ' "$tmp/out" && ok || fail "text summary has no Duration block"

run "csv summary" 0 "$bin" --summary --format csv "$team"
same "csv summary header" "$(head -1 "$tmp/out" | tr -d '\r')" "dimension,key,measure,value"
grep -q "^agent,$alice,agent_hangup_rate,0.7500" "$tmp/out" && ok || fail "csv summary lacks alice's rate row"
grep -q "^duration_s,customer,p90,500" "$tmp/out" && ok || fail "csv summary lacks the customer p90 row"
same "csv rows have four cells" "$(tr -d '\r' < "$tmp/out" | awk -F, 'NF != 4' | wc -l)" 0

# The summary of whohungup's own JSON Lines equals the direct one (the map/reduce recipe).
"$bin" --format jsonl "$team" "$sample" > "$tmp/parts.jsonl" 2> /dev/null
same "summary from JSON Lines" "$(summary_json "$tmp/parts.jsonl")" "$(summary_json "$team" "$sample")"

# --tz: hours in that zone (Tokyo is UTC+9, no daylight saving).
json=$("$bin" --summary --format jsonl --tz Asia/Tokyo "$team" | grep '"type":"summary"')
same "--tz hours" "$(q '.by_hour | keys | join(",")')" 00,01,23
same "--tz 14 UTC is 23 in Tokyo" "$(q '.by_hour["23"]')" 6
same "--tz zone" "$(q .hour_zone)" Asia/Tokyo
run "--tz unknown" 2 "$bin" --summary --tz Mars/Olympus "$team"

# --- filters -------------------------------------------------------------------------------------
rows() { "$bin" --format csv "$@" 2> /dev/null | tail -n +2 | wc -l; }
same "--since time" "$(rows --since 2026-11-20T15:00:00Z "$team")" 7
same "--until time (exclusive)" "$(rows --until 2026-11-20T15:05:16.956Z "$team")" 6
same "--since and --until" "$(rows --since 2026-11-20T15:00:00Z --until 2026-11-20T16:00:00Z "$team")" 5
same "--since with an offset" "$(rows --since 2026-11-20T17:00:00+02:00 "$team")" 7
same "--until a date keeps that whole day" "$(rows --until 2026-11-20 "$team")" 13
same "--since the next day" "$(rows --since 2026-11-21 "$team")" 0
run "--since nothing left" 1 "$bin" --since 2026-11-21 "$team"
run "--since not a time" 2 "$bin" --since yesterday "$team"
same "--agent by name" "$(rows --agent bob "$team")" 5
same "--agent by id" "$(rows --agent "$carol" "$team")" 3
same "--agent repeated" "$(rows --agent bob --agent carol "$team")" 8
same "--reason" "$(rows --reason user_busy,signaling_lost "$team")" 3
run "--reason unknown code" 2 "$bin" --reason no_such_reason "$team"
same "--category" "$(rows --category not_connected "$team")" 2
same "--channel voice" "$(rows --channel voice "$team")" 13
same "--channel chat" "$(rows --channel chat "$team")" 0
run "--category bad value" 2 "$bin" --category nope "$team"
same "filters with --who" "$(rows --who agent --agent alice "$team")" 3
json=$(summary_json --agent bob "$team")
same "filters apply before the summary" "$(q .calls)" 5

# --- --sort, --fields, --count -------------------------------------------------------------------
"$bin" --format csv --fields duration_s --sort duration "$team" 2> /dev/null | tail -n +2 | tr -d '\r' > "$tmp/sorted"
sort -g "$tmp/sorted" | cmp -s - "$tmp/sorted" && ok || fail "--sort duration is not ascending"
same "--sort -duration: longest first" "$("$bin" --format csv --fields duration_s --sort -duration "$team" | sed -n 2p | tr -d '\r')" 500.001
same "--sort agent" "$("$bin" --format csv --fields agent_name --sort -agent "$team" "$sample" | sed -n 2p | tr -d '\r')" jdoe
"$bin" --format csv --fields ended_at --sort ended "$team" | tail -n +2 | tr -d '\r' > "$tmp/ended"
sort "$tmp/ended" | cmp -s - "$tmp/ended" && ok || fail "--sort ended is not in time order"
same "--sort ended_by" "$("$bin" --format csv --fields ended_by --sort ended_by "$team" | tail -n +2 | tr -d '\r' | uniq | paste -sd,)" agent,customer,system
same "--sort reason" "$("$bin" --format csv --fields reason --sort reason "$team" | tail -n 1 | tr -d '\r')" user_busy
same "--sort ended: missing times last" "$("$bin" --format csv --fields reason --sort ended "$sample" | tail -n 1 | tr -d '\r')" log_ends_mid_call
same "--sort -ended: missing times still last" "$("$bin" --format csv --fields reason --sort -ended "$sample" | tail -n 1 | tr -d '\r')" log_ends_mid_call
same "--sort started" "$("$bin" --format csv --fields reason --sort -started "$sample" | sed -n 2p | tr -d '\r')" log_ends_mid_call
run "--sort bad key" 2 "$bin" --sort loudness "$team"
same "--fields csv header" "$("$bin" --format csv --fields contact_id,reason "$team" | head -1 | tr -d '\r')" contact_id,reason
same "--fields csv row" "$("$bin" --format csv --fields contact_id,reason "$team" | sed -n 2p | tr -d '\r')" c0ffee00-0100-4100-8100-a11ce0000100,agent_hangup
same "--fields table header" "$("$bin" --fields reason,contact_id "$team" | head -1)" "REASON                               CONTACT"
same "--fields table keeps ids whole" "$("$bin" --fields contact_id "$team" | sed -n 2p)" c0ffee00-0100-4100-8100-a11ce0000100
run "--fields bad name" 2 "$bin" --fields loudness "$team"
run "--count text" 0 "$bin" --count "$team"
same "--count text lines" "$(tr -s ' ' < "$tmp/out" | paste -sd,)" "agent 4,customer 6,third_party 0,system 3,unknown 0"
run "--count with a filter" 0 "$bin" --count --agent carol "$team"
same "--count filtered" "$(tr -s ' ' < "$tmp/out" | paste -sd,)" "agent 0,customer 2,third_party 0,system 1,unknown 0"
run "--count jsonl" 0 "$bin" --count --format jsonl "$team"
same "--count jsonl is the summary record only" "$(wc -l < "$tmp/out") $(jq -r .type "$tmp/out")" "1 summary"
run "--count csv" 0 "$bin" --count --format csv "$team"
same "--count csv" "$(tr -d '\r' < "$tmp/out" | paste -sd' ')" "ended_by,calls agent,4 customer,6 third_party,0 system,3 unknown,0"

# --- -q stops at the first reported call ---------------------------------------------------------
mkdir "$tmp/many"
for i in $(seq 1 30); do
  sed "s/8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f/agent-$i/g" "$sample" > "$tmp/many/log-$(printf %02d "$i").txt"
done
run "-q found" 0 "$bin" -q -v -j 1 "$tmp/many"
same "-q reads one input of 30" "$(grep -c 'format ccp-log' "$tmp/err")" 1
run "-q -j 2 found" 0 "$bin" -q -v -j 2 "$tmp/many"
[ "$(grep -c 'format ccp-log' "$tmp/err")" -lt 30 ] && ok || fail "-q -j 2 read every input"
run "without -q every input is read" 0 "$bin" -v -j 1 --count "$tmp/many"
same "inputs read without -q" "$(grep -c 'format ccp-log' "$tmp/err")" 30
run "-q nothing found" 1 "$bin" -q --who third_party "$tmp/many"

# --- directory audits ----------------------------------------------------------------------------
mkdir -p "$tmp/audit/sub"
cp "$team"/*.txt "$tmp/audit/sub/"
echo "Logs of the afternoon shift." > "$tmp/audit/README.txt"
: > "$tmp/audit/sub/empty.log"
run "stray files in a walk" 0 "$bin" --format jsonl --summary "$tmp/audit"
same "one note per skipped file" "$(grep -c 'warning: skipped (met in a directory)' "$tmp/err")" 2
grep -q "README.txt: warning: skipped (met in a directory): not a recognised log format" "$tmp/err" && ok ||
  fail "the note does not name README.txt"
same "skipped files counted in input_end" \
  "$(jq -r 'select(.type == "input_end" and .format == null and .error == false) | .input' "$tmp/out" | wc -l)" 2
same "skipped files counted in the summary" "$(jq -r 'select(.type == "summary") | .inputs_skipped' "$tmp/out")" 2
run "text summary says the skipped files" 0 "$bin" --summary "$tmp/audit"
grep -q '^Files skipped (no known format): 2' "$tmp/out" && ok || fail "text summary does not count skipped files"
run "a named file of no format is an error" 2 "$bin" "$tmp/audit/README.txt"
grep -q 'README.txt: error: not a recognised log format' "$tmp/err" && ok || fail "named README.txt is not an error"

# --- messages ------------------------------------------------------------------------------------
for args in "--no-such-flag $team" "--format xml $team" "--who nobody $team" "--since x $team" "--jobs many $team"; do
  # shellcheck disable=SC2086
  run "usage error: $args" 2 "$bin" $args
  same "usage error is two lines: $args" "$(wc -l < "$tmp/err")" 2
  same "usage error prefix: $args" "$(head -1 "$tmp/err" | cut -c1-18)" "whohungup: error: "
  same "usage error hint: $args" "$(sed -n 2p "$tmp/err")" "Try 'whohungup --help' for more information."
done
run "no input on a terminal is a usage error" 2 script -qec "'$bin' < /dev/tty" /dev/null
run "--verbose" 0 "$bin" -v "$sample" ccp/ice-restart.txt
same "--verbose: one line per input" "$(grep -c '^whohungup: ccp/.*: format ccp-log, [0-9]* bytes, [0-9]* records ([0-9]* skipped), [0-9]* verdicts, [0-9.]* ms$' "$tmp/err")" 2
grep -q "^whohungup: $sample: format ccp-log, 93092 bytes, 152 records (0 skipped), 7 verdicts, " "$tmp/err" && ok ||
  fail "--verbose figures for the sample"
run "--version" 0 "$bin" --version
grep -qE '^whohungup [0-9]+\.[0-9]+\.[0-9]+ \(build [^,]+, [^,]+, .+\)$' "$tmp/out" && ok || fail "--version: $(cat "$tmp/out")"
# The colour rule: an explicit --color always wins over NO_COLOR; auto never colours a pipe.
run "NO_COLOR with --color always" 0 env NO_COLOR=1 "$bin" --color always "$sample"
grep -q $'\x1b\\[' "$tmp/out" && ok || fail "--color always did not colour with NO_COLOR=1"
run "--color auto in a pipe" 0 env -u NO_COLOR "$bin" "$sample"
grep -q $'\x1b' "$tmp/out" && fail "--color auto coloured a pipe" || ok

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
