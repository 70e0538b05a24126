#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Output that cannot be written is an error, never a success: stdout on a full device
# (/dev/full) or closed (>&-), in every format and mode, ends with one line
# "whohungup: error: writing output: ..." on stderr and exit status 2.
# Usage: write_errors_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
sample=ccp/sample-agent-log.txt

expect_write_error() {  # NAME TARGET(full|closed) ARGS...
  local name=$1 target=$2
  shift 2
  if [ "$target" = full ]; then
    "$bin" "$@" > /dev/full 2> "$tmp/err"
  else
    "$bin" "$@" >&- 2> "$tmp/err"
  fi
  local status=$?
  if [ "$status" = 2 ] && grep -q '^whohungup: error: writing output: ' "$tmp/err" &&
    [ "$(grep -c 'writing output' "$tmp/err")" = 1 ]; then
    pass=$((pass + 1))
  else
    echo "FAIL $name ($target): status $status, stderr: $(head -c 300 "$tmp/err")"
    failures=$((failures + 1))
  fi
}

for target in full closed; do
  expect_write_error text "$target" "$sample"
  expect_write_error explain "$target" --explain "$sample"
  expect_write_error jsonl "$target" --format jsonl "$sample"
  expect_write_error csv "$target" --format csv "$sample"
  expect_write_error summary "$target" --summary "$sample"
  expect_write_error summary_jsonl "$target" --summary --format jsonl "$sample"
  expect_write_error summary_csv "$target" --summary --format csv "$sample"
  expect_write_error jobs "$target" -j 2 "$sample" ccp/ice-restart.txt
  expect_write_error list_formats "$target" --list-formats
  expect_write_error list_mappings "$target" --list-mappings
  expect_write_error help "$target" --help
  expect_write_error version "$target" --version
done
expect_write_error full_disk_message full "$sample"
grep -q 'No space left on device' "$tmp/err" && pass=$((pass + 1)) ||
  { echo "FAIL full disk: the message does not give the cause"; failures=$((failures + 1)); }

# Quiet mode writes nothing, so a closed stdout is no error; a reported call is still 0.
"$bin" -q "$sample" >&- 2> "$tmp/err"
status=$?
[ $status = 0 ] && [ ! -s "$tmp/err" ] && pass=$((pass + 1)) ||
  { echo "FAIL quiet with closed stdout: status $status"; failures=$((failures + 1)); }

# A closed stdout must not let an input take descriptor 1 (its bytes must still be read).
"$bin" --format jsonl "$sample" >&- 2> "$tmp/err"
grep -q 'Bad file descriptor' "$tmp/err" && pass=$((pass + 1)) ||
  { echo "FAIL closed stdout: $(head -c 300 "$tmp/err")"; failures=$((failures + 1)); }

# A closed pipe stays quiet (SIGPIPE, like grep): no message.
"$bin" --format jsonl "$sample" 2> "$tmp/err" | head -c 1 > /dev/null
! grep -q 'writing output' "$tmp/err" && pass=$((pass + 1)) ||
  { echo "FAIL closed pipe printed a write error"; failures=$((failures + 1)); }

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
