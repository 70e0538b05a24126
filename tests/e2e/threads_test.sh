#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Threads the system refuses are no crash: -j far above what can start, or under a low
# address-space limit, goes on with the workers that started and gives the output of -j 1.
# Usage: threads_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }

mkdir "$tmp/logs"
for i in $(seq -w 1 300); do cp voice-agent/list-calls-v2.json "$tmp/logs/calls-$i.json"; done
"$bin" -j 1 --format csv "$tmp/logs" > "$tmp/expected" 2> /dev/null

"$bin" -j 100000 --format csv "$tmp/logs" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 0 ] && cmp -s "$tmp/expected" "$tmp/out" && ok || bad "-j 100000: status $status, $(head -2 "$tmp/err")"

# Thread stacks need address space: under 300 MB only some of 300 workers can start.
if ! ldd "$bin" 2> /dev/null | grep -q asan; then
  bash -c "ulimit -v 300000; \"$bin\" -j 300 --format csv \"$tmp/logs\"" > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status = 0 ] && cmp -s "$tmp/expected" "$tmp/out" && ok || bad "-j 300 under ulimit -v: status $status, $(head -2 "$tmp/err")"
  grep -q 'worker threads could start' "$tmp/err" && ok || bad "-j 300 under ulimit -v: the fallback is not said"
fi

# One log over a batch's size (every CCP fixture, twice, as downloads back to back) is split
# across the workers: the same bytes and messages with -j 1, 2 and 100000 (helpers are capped).
for round in 1 2; do cat ccp/*.txt; done > "$tmp/one-log.txt"
"$bin" -j 1 --format jsonl "$tmp/one-log.txt" > "$tmp/split.expected" 2> "$tmp/split.expected.err"
for jobs in 2 100000; do
  "$bin" -j "$jobs" --format jsonl "$tmp/one-log.txt" > "$tmp/out" 2> "$tmp/err"
  cmp -s "$tmp/split.expected" "$tmp/out" && cmp -s "$tmp/split.expected.err" "$tmp/err" && ok ||
    bad "one log, -j $jobs: not the output of -j 1"
done
[ "$(grep -c '"type":"verdict"' "$tmp/split.expected")" -gt 20 ] && ok || bad "one log: too few calls read"

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
