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

# One log split across workers (-j 2 parses its entries on a second thread) writes the same bytes
# and says the same messages as -j 1, from a file, stdin and gzip; and so does a damaged copy,
# with entries of every skip kind in the middle and its end cut off mid-entry.
python3 - "$tmp/one.txt" "$tmp/damaged.txt" << 'PY'
import sys
entries = open(sys.argv[1], 'rb').read().split(b'},\n')
bad = [b'{"component":"ccp","level":"INFO","time":"2025-01-02T03:04:05.678Z"',
       b'{"text":"x","time":"soon"',
       b'{"text":"\\u00zz","time":"2025-01-02T03:04:05.678Z"',
       b'{"nested":' + b'[' * 300 + b']' * 300,
       b'{"x":7']
out = []
for i, entry in enumerate(entries):
    out.append(entry)
    if i % 997 == 500:
        out.append(bad[(i // 997) % len(bad)])
data = b'},\n'.join(out)
open(sys.argv[2], 'wb').write(data[:len(data) * 9 // 10])
PY
calls_only() {  # the verdict lines, without the input's name
  grep -v '"type":"input_end"' | sed -E 's/"input":"[^"]*"//g' || true
}
for log in one damaged; do
  "$bin" -j 1 --format jsonl "$tmp/$log.txt" > "$tmp/$log.j1" 2> "$tmp/$log.j1.err" || true
  "$bin" -j 2 --format jsonl "$tmp/$log.txt" > "$tmp/$log.j2" 2> "$tmp/$log.j2.err" || true
  "$bin" -j 3 --format jsonl - < "$tmp/$log.txt" 2> /dev/null | calls_only > "$tmp/$log.stdin" || true
  gzip -c "$tmp/$log.txt" > "$tmp/$log.gz"
  "$bin" -j 2 --format jsonl "$tmp/$log.gz" 2> /dev/null | calls_only > "$tmp/$log.gz.j2" || true
  cmp "$tmp/$log.j1" "$tmp/$log.j2" || { echo "$log: a split read differs from -j 1"; exit 1; }
  cmp "$tmp/$log.j1.err" "$tmp/$log.j2.err" || { echo "$log: a split read's messages differ from -j 1"; exit 1; }
  calls_only < "$tmp/$log.j1" > "$tmp/$log.j1.verdicts"
  cmp "$tmp/$log.stdin" "$tmp/$log.j1.verdicts" || { echo "$log: a split read of stdin differs"; exit 1; }
  cmp "$tmp/$log.gz.j2" "$tmp/$log.j1.verdicts" || { echo "$log: a split read of gzip differs"; exit 1; }
done
[ "$(grep -c 'entry skipped' "$tmp/damaged.j1.err")" -ge 3 ] || { echo "the damaged log skipped no entry"; exit 1; }
grep -q 'skipped .* entries' "$tmp/damaged.j1.err" || { echo "the damaged log's skips were not counted"; exit 1; }
grep -q 'error' "$tmp/damaged.j1.err" || { echo "the damaged log's cut end was not said"; exit 1; }
[ "$(grep -c '"type":"verdict"' "$tmp/damaged.j1")" -gt 1000 ] || { echo "the damaged log lost its calls"; exit 1; }

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
