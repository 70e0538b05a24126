#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Times whohungup against jq and grep doing the counting job on the same generated CCP log, in
# one run, best of three each, and prints ratios (machines here are noisy: compare ratios).
#   bench/compare.sh [BYTES] [BUILD_DIR]      default: 400000000 bytes, build/ci
# Also: peak memory from a file and from stdin, a gzip input, a batch of 1 MB files with -j 1
# versus -j 2 (BATCH_FILES of them, default 2000), and start-up time on a tiny file.
set -euo pipefail
bytes=${1:-400000000}
build=${2:-build/ci}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/$build/whohungup"
gen="$root/$build/bench/gen_ccp_log"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" --bytes "$bytes" --seed 7 --out "$work/log.txt" --expected "$work/expected.tsv" 2> /dev/null
cat "$work/log.txt" > /dev/null  # into the page cache
size=$(stat -c %s "$work/log.txt")
calls=$(wc -l < "$work/expected.tsv")

: > "$work/results"
measure() {  # measure NAME INPUT_BYTES COMMAND...  best of 3 runs; peak memory of the largest
  local name=$1 input_bytes=$2 best="" peak=0 seconds kb
  shift 2
  for _ in 1 2 3; do  # output to a file: GNU grep stops early when it writes to /dev/null
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> /dev/null || true
    read -r seconds kb < "$work/time"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  printf '%s\t%s\t%s\t%s\n' "$name" "$best" "$peak" "$input_bytes" >> "$work/results"
}
measure whohungup "$size" "$bin" --format jsonl "$work/log.txt"
measure whohungup_stdin "$size" sh -c "exec '$bin' --format jsonl - < '$work/log.txt'"
measure grep_count "$size" grep -c SIGNALING "$work/log.txt"
measure grep_uniq_count "$size" sh -c "grep -oE 'TalkingState => Pending(Remote|Local)HangupState' '$work/log.txt' | sort | uniq -c"
measure jq_count "$size" jq '[.[] | .text | select(test("TalkingState => Pending(Remote|Local)HangupState"))] | length' "$work/log.txt"
gzip -1 -c "$work/log.txt" > "$work/log.txt.gz"
measure whohungup_gzip "$size" "$bin" --format jsonl "$work/log.txt.gz"

# Vendor exports of about 100 MB each (bench/gen_vendor_exports.py), and jq selecting the agent
# hang-ups from the contact records as the baseline.
python3 "$root/bench/gen_vendor_exports.py" "$work/vendor" 100000000
for export in ctr.jsonl genesys.jsonl interactions.csv voice-agent.json; do
  measure "export_${export%%.*}" "$(stat -c %s "$work/vendor/$export")" "$bin" --format jsonl "$work/vendor/$export"
done
measure jq_ctr_select "$(stat -c %s "$work/vendor/ctr.jsonl")" \
  jq -c 'select(.DisconnectReason == "AGENT_DISCONNECT") | .ContactId' "$work/vendor/ctr.jsonl"

# A batch: BATCH_FILES files of about 1 MB, twenty agents.
batch_files=${BATCH_FILES:-2000}
mkdir "$work/batch"
for i in $(seq 1 "$batch_files"); do
  "$gen" --bytes 1000000 --seed "$i" --agent "agent-$((i % 20))-$i" --out "$work/batch/log-$i.txt" 2> /dev/null
done
batch_bytes=$(cat "$work/batch"/* | wc -c)
measure batch_j1 "$batch_bytes" "$bin" -j 1 --format jsonl "$work/batch"
measure batch_j2 "$batch_bytes" "$bin" -j 2 --format jsonl "$work/batch"
printf '[{"component":"ccp","level":"INFO","text":"Log roll interval occurred.","time":"2026-11-20T14:00:00.000Z"}]' > "$work/tiny.txt"
start=$(date +%s%N)
for _ in $(seq 1 100); do "$bin" "$work/tiny.txt" > /dev/null 2>&1 || true; done
startup_us=$(( ($(date +%s%N) - start) / 100000 ))

get() { awk -v n="$1" -F'\t' '$1 == n { print $2 }' "$work/results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
echo "generated log: $size bytes, $calls calls"
printf '%-18s %8s %9s %9s\n' "job" "seconds" "MB/s" "peak MB"
while IFS=$'\t' read -r name seconds kb input_bytes; do
  awk -v n="$name" -v s="$seconds" -v k="$kb" -v b="$input_bytes" \
    'BEGIN { printf "%-18s %8.2f %9.0f %9.1f\n", n, s, (s > 0 ? b / s / 1e6 : 0), k / 1024 }'
done < "$work/results"
echo
w=$(get whohungup)
echo "full verdicts vs the jq count: whohungup is $(ratio "$(get jq_count)" "$w")x faster"
echo "full verdicts vs grep -c SIGNALING: whohungup takes $(ratio "$w" "$(get grep_count)")x its time"
echo "batch of $batch_files files of 1 MB: -j 2 is $(ratio "$(get batch_j1)" "$(get batch_j2)")x faster than -j 1"
echo "start-up on a tiny file: ${startup_us} us per run (average of 100)"
