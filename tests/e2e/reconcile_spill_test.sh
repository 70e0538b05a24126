#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Held calls wait in a temporary file in $TMPDIR (docs/reconcile.md, "Memory"): the output is the
# same bytes whether that file is used, TMPDIR is unusable (the records stay in memory) or the input
# is stdin; nothing is left in TMPDIR after a run, an interrupted one included.
# Usage: reconcile_spill_test.sh BIN TESTDATA
set -uo pipefail
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
mkdir "$tmp/spill"

fail() {
  echo "FAIL $*"
  failed=1
}

# Genesys JSON and its CSV (one space, two sources, merged) and GMS twice: every path holds calls.
inputs=(genesys/analytics-details-query.json genesys/interactions-export-pair.csv gms/callbacks-by-id.json gms/callbacks-by-id.json)
for input in "${inputs[@]}"; do [ -f "$input" ] || { echo "missing fixture $input"; exit 2; }; done
TMPDIR="$tmp/spill" "$bin" --format jsonl --explain "${inputs[@]}" > "$tmp/file.out" 2> "$tmp/file.err"
status_file=$?
TMPDIR=/nonexistent/whohungup "$bin" --format jsonl --explain "${inputs[@]}" > "$tmp/memory.out" 2> "$tmp/memory.err"
status_memory=$?
[ "$(grep -c '"type":"verdict"' "$tmp/file.out")" -gt 0 ] || fail "no verdicts"
[ "$status_file" = "$status_memory" ] || fail "status $status_file with the file, $status_memory in memory"
cmp -s "$tmp/file.out" "$tmp/memory.out" || fail "the output differs when TMPDIR is unusable"
cmp -s "$tmp/file.err" "$tmp/memory.err" || fail "stderr differs when TMPDIR is unusable"
[ -z "$(ls -A "$tmp/spill")" ] || fail "left in TMPDIR: $(ls -A "$tmp/spill")"

# From stdin: the same verdicts as from the file (stdin cannot be re-read; held calls are spilled).
TMPDIR="$tmp/spill" "$bin" --format jsonl gms/callbacks-by-id.json gms/callbacks-by-id.json 2> /dev/null |
  grep '"type":"verdict"' > "$tmp/twice"
TMPDIR="$tmp/spill" "$bin" --format jsonl - gms/callbacks-by-id.json < gms/callbacks-by-id.json 2> /dev/null |
  grep '"type":"verdict"' | sed 's/"input":"-"/"input":"gms\/callbacks-by-id.json"/g' > "$tmp/stdin"
[ "$(wc -l < "$tmp/twice")" -gt 0 ] || fail "no verdicts from the callbacks"
[ "$(wc -l < "$tmp/twice")" = "$(wc -l < "$tmp/stdin")" ] || fail "stdin and file give a different count"

# Killed while holding calls: the callbacks before the FIFO wait for the ones after it, and the
# FIFO (held open here, never written) keeps the run waiting. Nothing stays behind.
mkfifo "$tmp/fifo"
exec 3<> "$tmp/fifo"
TMPDIR="$tmp/spill" "$bin" --format jsonl gms/callbacks-by-id.json "$tmp/fifo" gms/callbacks-by-queue.json \
  > /dev/null 2>&1 &
pid=$!
held=0
for _ in $(seq 1 50); do
  held=$(find "/proc/$pid/fd" -lname "$tmp/spill/*" 2> /dev/null | wc -l)
  [ "$held" -ge 1 ] && break
  sleep 0.1
done
[ "$held" -ge 1 ] || fail "no temporary file in TMPDIR while calls are held"
[ -z "$(ls -A "$tmp/spill")" ] || fail "the temporary file has a name in TMPDIR: $(ls -A "$tmp/spill")"
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
exec 3>&-
[ -z "$(ls -A "$tmp/spill")" ] || fail "left in TMPDIR after SIGKILL: $(ls -A "$tmp/spill")"

[ "$failed" = 0 ] && echo "ok reconcile spill"
exit "$failed"
