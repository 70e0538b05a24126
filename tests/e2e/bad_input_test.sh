#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad inputs too big to commit, generated here: 100,000-deep nesting and a 200 MB string inside
# a log entry, each beside a good file, under a memory limit; and stdin closed at once.
# Usage: bad_input_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }

# The address-space limit only means something without AddressSanitizer's shadow memory.
limit=""
if ! ldd "$bin" 2> /dev/null | grep -q asan; then
  limit="ulimit -v 1000000;"  # 1 GB of address space for a 200 MB input
fi

{ printf '[{"component":"softphone","level":"INFO","text":" c1 SESSION null => GrabLocalMediaState","time":1,"objects":'
  head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'
  printf '}]'; } > "$tmp/deep.json"
bash -c "$limit \"$bin\" --format csv \"$tmp/deep.json\" ccp/ice-restart.txt" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 0 ] && grep -q 'nested deeper than the depth limit' "$tmp/err" && grep -q customer_hangup "$tmp/out" && ok ||
  bad "deep nesting: status $status, $(head -2 "$tmp/err")"

{ printf '[{"component":"softphone","level":"INFO","text":" c2 SESSION null => GrabLocalMediaState","time":1,"objects":["'
  head -c 200000000 /dev/zero | tr '\0' 'x'
  printf '"]}]'; } > "$tmp/huge.json"
bash -c "$limit \"$bin\" --format csv \"$tmp/huge.json\" ccp/ice-restart.txt" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 0 ] && grep -q 'larger than the entry size limit' "$tmp/err" && grep -q customer_hangup "$tmp/out" && ok ||
  bad "200 MB string: status $status, $(head -2 "$tmp/err")"

"$bin" - < /dev/null > "$tmp/out" 2> "$tmp/err"
[ $? = 2 ] && grep -q 'empty input' "$tmp/err" && ok || bad "stdin closed at once"

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
