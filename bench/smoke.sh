#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/compare.sh at a tiny size runs to its end and prints every figure of the speed targets, each
# with a ratio. About 3 s on a quiet 2-core machine (1.5 s of CPU; the rest is process start-up);
# ctest runs it as bench/compare_smoke.
# Usage: bench/smoke.sh [BUILD_DIR]        default: build/ci
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(BYTES=1000000 VENDOR_BYTES=20000 BATCH_FILES=2 HELD_CALLS=2000 RUNS=1 STARTUP_RUNS=1 \
  bash "$here/compare.sh" "" "${1:-build/ci}" 2>&1)
status=$?
echo "$out"
[ "$status" = 0 ] || { echo "FAIL compare.sh exited $status"; exit 1; }
failed=0
for figure in "CCP log, -j 1" "CCP log: time vs grep -c" "CCP log: speed vs jq" "export ctr.jsonl" "export genesys.jsonl" \
  "export interactions.csv" "export voice-agent.json" "export voice-agent.csv" "export gms.json" \
  "export queue_log" "export cel.csv" "export twilio.jsonl" "export freeswitch.json" "export freeswitch.xml" \
  "export cucm_cdr.csv" "export 3cx_cdr.csv" "export five9_call_log.csv" "export talkdesk_calls.csv" \
  "export avaya_cms_calls.csv" "export ucce_tcd.csv" "export asterisk_cdr.csv" "export acc.csv" \
  "CCP log split, -j 2 vs -j 1" "batch 2 x 1 MB: -j 2 vs -j 1" "reconcile: held per call" "reconcile: held, 2 KB records"; do
  line=$(grep -F -- "$figure" <<< "$out" | head -1)
  if [ -z "$line" ]; then
    echo "FAIL no figure: $figure"
    failed=1
  elif ! grep -qE '[0-9]+\.[0-9]x' <<< "$line"; then
    echo "FAIL no ratio: $line"
    failed=1
  fi
done
exit "$failed"
