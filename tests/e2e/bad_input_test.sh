#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad inputs too big to commit, generated here: 100,000-deep nesting and a 200 MB string inside
# a log entry, each beside a good file, under a memory limit (the entry is lost: status 2, the
# good file still reported); stdin closed at once; endless CSV
# rows; a log after 100 KiB of whitespace; names that would drive a terminal. Then every file
# of testdata/bad/ alone, under a memory limit (not under AddressSanitizer) and a time limit.
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
[ $status = 2 ] && grep -q 'nested deeper than the depth limit' "$tmp/err" && grep -q customer_hangup "$tmp/out" && ok ||
  bad "deep nesting: status $status, $(head -2 "$tmp/err")"

{ printf '[{"component":"softphone","level":"INFO","text":" c2 SESSION null => GrabLocalMediaState","time":1,"objects":["'
  head -c 200000000 /dev/zero | tr '\0' 'x'
  printf '"]}]'; } > "$tmp/huge.json"
bash -c "$limit \"$bin\" --format csv \"$tmp/huge.json\" ccp/ice-restart.txt" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 2 ] && grep -q 'larger than the entry size limit' "$tmp/err" && grep -q customer_hangup "$tmp/out" && ok ||
  bad "200 MB string: status $status, $(head -2 "$tmp/err")"

"$bin" - < /dev/null > "$tmp/out" 2> "$tmp/err"
[ $? = 2 ] && grep -q 'empty input' "$tmp/err" && ok || bad "stdin closed at once"

# Endless CSV: NUL bytes are not text; an unterminated row stops at twice the row limit.
timeout 20 bash -c "$limit "$bin" --input-format genesys-interactions-csv /dev/zero" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 2 ] && grep -q 'NUL byte' "$tmp/err" && ok || bad "/dev/zero as CSV: status $status, $(head -2 "$tmp/err")"
{ printf 'Conversation ID,Disconnect Type\r\nd1,Agent\r\nd2,'; yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | tr -d '\n'; } |
  timeout 20 bash -c "$limit "$bin" --format csv --max-entry-bytes 1000000 -" > "$tmp/out" 2> "$tmp/err"
status=${PIPESTATUS[1]}
[ $status = 2 ] && grep -q 'twice the size limit' "$tmp/err" && grep -q '^genesys-interactions-csv,"'"'"'-",d1,' "$tmp/out" && ok ||
  bad "endless CSV row on stdin: status $status, $(head -2 "$tmp/err")"

# A valid log after more than the 64 KiB looked at to recognise a format.
{ head -c 100000 /dev/zero | tr '\0' ' '; cat ccp/ice-restart.txt; } > "$tmp/spaces.txt"
"$bin" --format csv "$tmp/spaces.txt" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 0 ] && grep -q customer_hangup "$tmp/out" && ok || bad "log after 100 KiB of spaces: status $status, $(head -2 "$tmp/err")"

# File names reach stderr escaped: no raw ESC or BEL, and one line per message.
name=$(printf 'evil\033]0;title\007\nname.txt')
"$bin" "$tmp/$name" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ] && ! grep -q "$(printf '\033')" "$tmp/err" && grep -qF 'evil\x1b]0;title\x07\x0aname.txt' "$tmp/err" && ok ||
  bad "file name with ESC, BEL and a newline: $(cat -v "$tmp/err")"
# CSV on a terminal is escaped like the table (script gives the binary a terminal).
if command -v script > /dev/null; then
  printf 'Conversation ID,Disconnect Type\r\n"id\033]0;x\007",Agent\r\n' > "$tmp/esc.csv"
  script -qec "\"$bin\" --no-progress --format csv \"$tmp/esc.csv\"" /dev/null > "$tmp/out" 2> /dev/null
  ! grep -q "$(printf '\033')" "$tmp/out" && grep -qF 'id\x1b]0;x\x07' "$tmp/out" && ok || bad "CSV on a terminal: $(cat -v "$tmp/out" | head -3)"
fi

# Every committed bad input on its own: no crash, no hang, no unbounded memory, messages only.
for file in bad/*; do
  timeout 20 bash -c "$limit "$bin" --format jsonl "$file"" > "$tmp/out" 2> "$tmp/err"
  status=$?
  if [ $status -gt 2 ] || grep -qv '^whohungup: ' "$tmp/err"; then
    bad "$file: status $status, $(head -2 "$tmp/err")"
  else
    ok
  fi
done

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
