#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one golden case: testdata/golden/<case>/args holds one argument per line (paths relative
# to testdata/, an optional first line "stdin: FILE" feeds that file on standard input); stdout,
# stderr and status hold the expected bytes and exit code. WHOHUNGUP_BLESS=1 rewrites them.
# Every case runs under a time limit, and a 2 GB address-space limit unless the binary is built
# with AddressSanitizer (whose shadow memory reserves far more).
set -u
binary=$1
case_dir=$2
testdata=$3

args=()
stdin_file=/dev/null
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "stdin: "*) stdin_file=${line#stdin: } ;;
    "") ;;
    *) args+=("$line") ;;
  esac
done < "$case_dir/args"

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
cd "$testdata" || exit 2
run_binary() { TZ=UTC LC_ALL=C NO_COLOR=1 timeout 60 "$binary" "${args[@]}" < "$stdin_file" > "$out" 2> "$err"; }
if ldd "$binary" 2> /dev/null | grep -q asan; then
  run_binary
else
  (ulimit -v 2000000 && run_binary)
fi
status=$?

if [ "${WHOHUNGUP_BLESS:-0}" = 1 ]; then
  cp "$out" "$case_dir/stdout"
  cp "$err" "$case_dir/stderr"
  echo "$status" > "$case_dir/status"
  echo "blessed $(basename "$case_dir")"
  exit 0
fi

failed=0
for stream in stdout stderr; do
  got=$out
  [ "$stream" = stderr ] && got=$err
  if ! cmp -s "$case_dir/$stream" "$got"; then
    echo "=== $stream differs (expected vs got) for $(basename "$case_dir")"
    diff -u "$case_dir/$stream" "$got" | head -80
    failed=1
  fi
done
expected_status=$(cat "$case_dir/status")
if [ "$status" != "$expected_status" ]; then
  echo "=== exit status: expected $expected_status, got $status"
  failed=1
fi
exit $failed
