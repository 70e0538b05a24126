#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every speed and memory figure of the project's targets, in one run, each as a ratio against its
# baseline (machines here are noisy and shared: compare ratios, and say the machine's state):
#   - CCP log: whohungup's MB/s against `grep -c` and jq doing the counting job on the same file;
#     also from stdin, gzip, and split over two workers (-j 2 on the one file);
#   - each vendor export format (bench/gen_vendor_exports.py): MB/s against `grep -c` on the same
#     file, and peak memory against the file's size;
#   - a batch of 1 MB CCP logs: -j 2 against -j 1;
#   - bytes the reconcile stage holds per call (bench_reconcile_memory), with small records and with
#     2 KB of detail and evidence each;
#   - start-up time on a tiny file.
# Each job is timed best of RUNS (peak memory: the largest).
#
#   bench/compare.sh [BYTES] [BUILD_DIR]        defaults: 400000000, build/ci
# Sizes, from the environment:
#   BYTES         the CCP log (default 400000000; the first argument wins)
#   VENDOR_BYTES  each vendor export (default 100000000)
#   BATCH_FILES   1 MB files in the batch (default 2000)
#   HELD_CALLS    calls for the reconcile bench (default 1000000)
#   RUNS          runs of each job (default 3)
#   STARTUP_RUNS  runs on a tiny file (default 100)
# A smoke run in seconds (bench/smoke.sh checks that every figure is printed):
#   BYTES=1000000 VENDOR_BYTES=20000 BATCH_FILES=2 HELD_CALLS=2000 RUNS=1 STARTUP_RUNS=1 bench/compare.sh
# Needs the targets whohungup, gen_ccp_log and bench_reconcile_memory built in BUILD_DIR, and jq.
set -euo pipefail
bytes=${1:-${BYTES:-400000000}}
build=${2:-build/ci}
vendor_bytes=${VENDOR_BYTES:-100000000}
batch_files=${BATCH_FILES:-2000}
held_calls=${HELD_CALLS:-1000000}
runs=${RUNS:-3}
startup_runs=${STARTUP_RUNS:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build="$root/$build" ;; esac
bin="$build/whohungup"
gen="$build/bench/gen_ccp_log"
held_bench="$build/bench/bench_reconcile_memory"
for tool in "$bin" "$gen" "$held_bench"; do
  if [ ! -x "$tool" ]; then
    echo "compare.sh: $tool is missing: cmake --build ${build#"$root"/} --target whohungup gen_ccp_log bench_reconcile_memory" >&2
    exit 2
  fi
done
command -v jq > /dev/null || { echo "compare.sh: jq is not installed" >&2; exit 2; }
work=$(mktemp -d)
# Each job's output goes to a file in memory (tmpfs) when there is one: the exports write several
# times their size in JSON Lines, and on a disk's file system the later jobs were timed waiting
# for the earlier jobs' output to be written back (dirty-page throttling), not working.
out_dir=$work
if [ -d /dev/shm ] && [ -w /dev/shm ]; then out_dir=$(mktemp -d /dev/shm/whohungup-bench.XXXXXX); fi
trap 'rm -rf "$work" "$out_dir"' EXIT

: > "$work/results"
measure() {  # measure NAME INPUT_BYTES COMMAND...  best of $runs (wall clock, ns); peak memory of the largest
  local name=$1 input_bytes=$2 best="" peak=0 start seconds kb
  shift 2
  for _ in $(seq 1 "$runs"); do  # output to a file: GNU grep stops early when it writes to /dev/null
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" > "$out_dir/out" 2> /dev/null || true
    seconds=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    read -r kb < "$work/time"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  printf '%s\t%s\t%s\t%s\n' "$name" "$best" "$peak" "$input_bytes" >> "$work/results"
}
get() { awk -v n="$1" -v c="${2:-2}" -F'\t' '$1 == n { print $c }' "$work/results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
mbps() { awk -v b="$(get "$1" 4)" -v s="$(get "$1")" 'BEGIN { r = s > 0 ? b / s / 1e6 : 0; printf (r < 10 ? "%.1f" : "%.0f"), r }'; }
# verdict VALUE OP TARGET: "met" or "short" (OP: ge / le)
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = op == "ge" ? v >= t : v <= t; print (ok ? "met" : "short") }'; }

# --- CCP log: whohungup against grep -c and jq -------------------------------------------------------
"$gen" --bytes "$bytes" --seed 7 --out "$work/log.txt" --expected "$work/expected.tsv" 2> /dev/null
cat "$work/log.txt" > /dev/null  # into the page cache
size=$(stat -c %s "$work/log.txt")
calls=$(wc -l < "$work/expected.tsv")
measure whohungup "$size" "$bin" -j 1 --format jsonl "$work/log.txt"
measure whohungup_split "$size" "$bin" -j 2 --format jsonl "$work/log.txt"
measure whohungup_stdin "$size" sh -c "exec '$bin' -j 1 --format jsonl - < '$work/log.txt'"
measure grep_count "$size" grep -c SIGNALING "$work/log.txt"
measure grep_uniq_count "$size" sh -c "grep -oE 'TalkingState => Pending(Remote|Local)HangupState' '$work/log.txt' | sort | uniq -c"
measure jq_count "$size" jq '[.[] | .text | select(test("TalkingState => Pending(Remote|Local)HangupState"))] | length' "$work/log.txt"
gzip -1 -c "$work/log.txt" > "$work/log.txt.gz"
measure whohungup_gzip "$size" "$bin" -j 1 --format jsonl "$work/log.txt.gz"

# --- Vendor exports: each against grep -c on the same file --------------------------------------------
# The word grep counts: one every record, so that grep reads the whole file as whohungup does.
declare -A grep_word=(
  [ctr.jsonl]=DisconnectReason [genesys.jsonl]=disconnectType [interactions.csv]=voice
  [voice-agent.json]=disconnection_reason [voice-agent.csv]=phone_call [gms.json]=_callback_state
  [queue_log]=ENTERQUEUE [cel.csv]=LINKEDID_END [twilio.jsonl]=call_sid
  [freeswitch.json]=sip_hangup_disposition [freeswitch.xml]=sip_hangup_disposition
  [cucm_cdr.csv]=StandAloneCluster [3cx_cdr.csv]=Terminated [five9_call_log.csv]=Inbound
  [talkdesk_calls.csv]=inbound [avaya_cms_calls.csv]=8005550100 [ucce_tcd.csv]=152000
  [asterisk_cdr.csv]=from-queue [acc.csv]=192.0.2.10
)
exports=(ctr.jsonl genesys.jsonl interactions.csv voice-agent.json voice-agent.csv gms.json queue_log cel.csv
         twilio.jsonl freeswitch.json freeswitch.xml cucm_cdr.csv 3cx_cdr.csv five9_call_log.csv talkdesk_calls.csv
         avaya_cms_calls.csv ucce_tcd.csv asterisk_cdr.csv acc.csv)
python3 "$root/bench/gen_vendor_exports.py" "$work/vendor" "$vendor_bytes"
for export in "${exports[@]}"; do
  file="$work/vendor/$export"
  cat "$file" > /dev/null
  measure "export:$export" "$(stat -c %s "$file")" "$bin" -j 1 --format jsonl "$file"
  # A file whohungup did not recognise or decide would be timed at no work: refuse the figure.
  if ! grep -q '"type":"verdict"' "$out_dir/out"; then
    echo "compare.sh: no verdicts from the generated $export" >&2
    exit 1
  fi
  measure "grep:$export" "$(stat -c %s "$file")" grep -c "${grep_word[$export]}" "$file"
done
measure jq_ctr_select "$(stat -c %s "$work/vendor/ctr.jsonl")" \
  jq -c 'select(.DisconnectReason == "AGENT_DISCONNECT") | .ContactId' "$work/vendor/ctr.jsonl"

# --- A batch: BATCH_FILES files of about 1 MB, twenty agents --------------------------------------------
mkdir "$work/batch"
for i in $(seq 1 "$batch_files"); do
  "$gen" --bytes 1000000 --seed "$i" --agent "agent-$((i % 20))-$i" --out "$work/batch/log-$i.txt" 2> /dev/null
done
batch_bytes=$(cat "$work/batch"/* | wc -c)
measure batch_j1 "$batch_bytes" "$bin" -j 1 --format jsonl "$work/batch"
measure batch_j2 "$batch_bytes" "$bin" -j 2 --format jsonl "$work/batch"

# --- Reconcile stage: bytes held per call, small and 2 KB records ----------------------------------------
held_small=$("$held_bench" "$held_calls" 0 | awk -F': ' '/bytes per held call/ { print $2 }')
held_large=$("$held_bench" "$held_calls" 2048 | awk -F': ' '/bytes per held call/ { print $2 }')

printf '[{"component":"ccp","level":"INFO","text":"Log roll interval occurred.","time":"2026-11-20T14:00:00.000Z"}]' > "$work/tiny.txt"
start=$(date +%s%N)
for _ in $(seq 1 "$startup_runs"); do "$bin" "$work/tiny.txt" > /dev/null 2>&1 || true; done
startup_us=$(( ($(date +%s%N) - start) / 1000 / startup_runs ))

# --- Report ---------------------------------------------------------------------------------------------
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); best of $runs runs each; output to $(df --output=fstype "$out_dir" | tail -1)"
echo "generated CCP log: $size bytes, $calls calls; vendor exports: about $vendor_bytes bytes each"
echo
printf '%-28s %8s %9s %9s\n' "job" "seconds" "MB/s" "peak MB"
while IFS=$'\t' read -r name seconds kb input_bytes; do
  awk -v n="$name" -v s="$seconds" -v k="$kb" -v b="$input_bytes" \
    'BEGIN { printf "%-28s %8.3f %9.0f %9.1f\n", n, s, (s > 0 ? b / s / 1e6 : 0), k / 1024 }'
done < "$work/results"
echo
row() { printf '%-46s %10s   %-18s %7s   %-8s %s\n' "$@"; }
row "figure" "value" "baseline" "ratio" "target" ""
w=$(get whohungup)
ccp_mbps=$(mbps whohungup)
jq_x=$(ratio "$(get jq_count)" "$w")
grep_x=$(ratio "$w" "$(get grep_count)")
row "CCP log, -j 1, JSON Lines out" "${ccp_mbps} MB/s" "1000 MB/s" "$(ratio "$ccp_mbps" 1000)x" ">= 1.0x" \
  "$(verdict "$ccp_mbps" ge 1000)"
row "CCP log: time vs grep -c" "${ccp_mbps} MB/s" "grep $(mbps grep_count) MB/s" "${grep_x}x" "<= 4x" "$(verdict "$grep_x" le 4)"
row "CCP log: speed vs jq" "${ccp_mbps} MB/s" "jq $(mbps jq_count) MB/s" "${jq_x}x" ">= 25x" "$(verdict "$jq_x" ge 25)"
row "CCP log split, -j 2 vs -j 1" "$(mbps whohungup_split) MB/s" "-j 1 ${ccp_mbps} MB/s" \
  "$(ratio "$w" "$(get whohungup_split)")x"
row "CCP log from stdin" "$(mbps whohungup_stdin) MB/s" "from the file" "$(ratio "$(mbps whohungup_stdin)" "$ccp_mbps")x"
row "CCP log, gzip" "$(mbps whohungup_gzip) MB/s" "from the file" "$(ratio "$(mbps whohungup_gzip)" "$ccp_mbps")x"
for export in "${exports[@]}"; do
  m=$(mbps "export:$export")
  row "export $export" "${m} MB/s" "300 MB/s" "$(ratio "$m" 300)x" ">= 1.0x" "$(verdict "$m" ge 300)"
done
for export in "${exports[@]}"; do
  row "export $export: time vs grep -c" "$(mbps "export:$export") MB/s" \
    "grep $(mbps "grep:$export") MB/s" "$(ratio "$(get "export:$export")" "$(get "grep:$export")")x"
done
for export in "${exports[@]}"; do
  peak_mb=$(awk -v k="$(get "export:$export" 3)" 'BEGIN { printf "%.1f", k / 1024 }')
  file_mb=$(awk -v b="$(get "export:$export" 4)" 'BEGIN { printf "%.2f", b / 1e6 }')
  row "export $export: peak memory" "${peak_mb} MB" "file ${file_mb} MB" "$(ratio "$peak_mb" "$file_mb")x"
done
row "contact records: speed vs jq select" "$(mbps export:ctr.jsonl) MB/s" \
  "jq $(mbps jq_ctr_select) MB/s" "$(ratio "$(get jq_ctr_select)" "$(get export:ctr.jsonl)")x"
batch_x=$(ratio "$(get batch_j1)" "$(get batch_j2)")
row "batch $batch_files x 1 MB: -j 2 vs -j 1" "$(mbps batch_j2) MB/s" "-j 1 $(mbps batch_j1) MB/s" "${batch_x}x" \
  ">= 1.8x" "$(verdict "$batch_x" ge 1.8)"
row "reconcile: held per call" "${held_small} B" "200 B" "$(ratio "$held_small" 200)x" "<= 1.0x" \
  "$(verdict "$held_small" le 200)"
row "reconcile: held, 2 KB records" "${held_large} B" "200 B" "$(ratio "$held_large" 200)x" "<= 1.0x" \
  "$(verdict "$held_large" le 200)"
echo "  ($held_calls calls; the whole verdicts wait in a temporary file in \$TMPDIR)"
echo "start-up on a tiny file: ${startup_us} us per run (average of $startup_runs)"
