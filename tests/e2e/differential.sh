#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Differential test over generated logs: the verdicts of a file, of stdin, of a gzip copy, and of
# a batch read with -j 1 and -j 2 must be identical, and must be the generator's expected ones.
# Usage: differential.sh WHOHUNGUP GEN_CCP_LOG
set -euo pipefail
bin=$1
gen=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC LC_ALL=C NO_COLOR=1

verdicts() {  # contact_id, ended_by, reason of every verdict line, sorted
  grep '"type":"verdict"' | sed -E 's/.*"contact_id":"([^"]*)".*"ended_by":"([^"]*)".*"reason":"([^"]*)".*/\1\t\2\t\3/' | sort
}

"$gen" --bytes 30000000 --seed 11 --out "$tmp/one.txt" --expected "$tmp/one.expected" 2> /dev/null
sort "$tmp/one.expected" > "$tmp/expected.sorted"
"$bin" --format jsonl "$tmp/one.txt" | verdicts > "$tmp/file.v"
"$bin" --format jsonl - < "$tmp/one.txt" | verdicts > "$tmp/stdin.v"
gzip -c "$tmp/one.txt" > "$tmp/one.gz"
"$bin" --format jsonl "$tmp/one.gz" | verdicts > "$tmp/gz.v"
cmp "$tmp/file.v" "$tmp/expected.sorted" || { echo "file verdicts differ from the generator's"; diff "$tmp/file.v" "$tmp/expected.sorted" | head; exit 1; }
cmp "$tmp/file.v" "$tmp/stdin.v" || { echo "stdin differs from file"; exit 1; }
cmp "$tmp/file.v" "$tmp/gz.v" || { echo "gzip differs from file"; exit 1; }

# A batch of several agents' logs: -j 1 and -j 2 must write the same bytes.
mkdir "$tmp/batch"
: > "$tmp/batch.expected"
for i in 1 2 3 4 5 6; do
  "$gen" --bytes 3000000 --seed "$i" --agent "agent-$i" --out "$tmp/batch/log-$i.txt" --expected "$tmp/e$i" 2> /dev/null
  cat "$tmp/e$i" >> "$tmp/batch.expected"
done
"$bin" -j 1 --format jsonl "$tmp/batch" > "$tmp/j1.out" 2> "$tmp/j1.err"
"$bin" -j 2 --format jsonl "$tmp/batch" > "$tmp/j2.out" 2> "$tmp/j2.err"
cmp "$tmp/j1.out" "$tmp/j2.out" || { echo "-j 2 output differs from -j 1"; exit 1; }
cmp "$tmp/j1.err" "$tmp/j2.err" || { echo "-j 2 messages differ from -j 1"; exit 1; }
verdicts < "$tmp/j1.out" > "$tmp/batch.v"
sort "$tmp/batch.expected" | cmp - "$tmp/batch.v" || { echo "batch verdicts differ from the generator's"; exit 1; }
echo "differential: $(wc -l < "$tmp/file.v") calls in one log and $(wc -l < "$tmp/batch.v") in a batch agree on every path"
