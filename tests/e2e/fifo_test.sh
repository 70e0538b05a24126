#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# FIFOs: one met in a directory walk is skipped (said once), never read (it could block for
# ever); a named one is read at its turn, so every input before it is already reported while
# it waits for a writer.
# Usage: fifo_test.sh BINARY TESTDATA_DIR
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

mkdir "$tmp/dir"
cp ccp/ice-restart.txt "$tmp/dir/a-log.txt"
mkfifo "$tmp/dir/b-fifo" "$tmp/dir/c-fifo" "$tmp/named-fifo"
timeout 20 "$bin" --format csv "$tmp/dir" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 0 ] && grep -q customer_hangup "$tmp/out" && ok || bad "walk with FIFOs: status $status, $(head -2 "$tmp/err")"
[ "$(grep -c 'not a regular file' "$tmp/err")" = 1 ] && grep -q 'b-fifo: warning: not a regular file' "$tmp/err" && ok ||
  bad "walk with FIFOs: not said once: $(cat "$tmp/err")"

for jobs in 1 2; do
  # Nobody writes to the FIFO: the good file before it must be reported all the same.
  timeout 5 "$bin" -j "$jobs" --format csv ccp/ice-restart.txt "$tmp/named-fifo" > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status = 124 ] && grep -q customer_hangup "$tmp/out" && ok ||
    bad "-j $jobs good file then a FIFO nobody writes: status $status, $(wc -c < "$tmp/out") bytes out"
  # With a writer, the FIFO is read at its turn, after the file before it.
  (sleep 1; cat ccp/sample-agent-log.txt > "$tmp/named-fifo") &
  timeout 20 "$bin" -j "$jobs" --format csv ccp/ice-restart.txt "$tmp/named-fifo" > "$tmp/out" 2> "$tmp/err"
  status=$?
  wait
  [ $status = 0 ] && [ "$(grep -c '^ccp-log,' "$tmp/out")" = 8 ] && head -2 "$tmp/out" | grep -q ice-restart && ok ||
    bad "-j $jobs FIFO with a writer: status $status, $(grep -c '^ccp-log,' "$tmp/out") rows"
done

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
