#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end checks of the built binary: exit codes, stdin, formats, filters, quiet mode, bad
# flags, closed pipes, gzip input. Usage: cli_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C NO_COLOR=1
failures=0
pass=0

check() {  # check NAME EXPECTED_STATUS COMMAND...
  local name=$1 expected=$2
  shift 2
  "$@" > /tmp/e2e.out.$$ 2> /tmp/e2e.err.$$
  local status=$?
  if [ "$status" != "$expected" ]; then
    echo "FAIL $name: exit $status, expected $expected"
    sed 's/^/  stderr: /' /tmp/e2e.err.$$ | head -5
    failures=$((failures + 1))
  else
    pass=$((pass + 1))
  fi
}

expect_in() {  # expect_in NAME FILE TEXT: the last command's FILE (out|err) contains TEXT
  if ! grep -qF -- "$3" "/tmp/e2e.$2.$$"; then
    echo "FAIL $1: $2 does not contain '$3'"
    head -5 "/tmp/e2e.$2.$$" | sed 's/^/  /'
    failures=$((failures + 1))
  else
    pass=$((pass + 1))
  fi
}

expect_empty() {
  if [ -s "/tmp/e2e.$2.$$" ]; then
    echo "FAIL $1: $2 is not empty"
    head -5 "/tmp/e2e.$2.$$" | sed 's/^/  /'
    failures=$((failures + 1))
  else
    pass=$((pass + 1))
  fi
}

sample=ccp/sample-agent-log.txt

check version 0 "$bin" --version
expect_in version out "whohungup "
check help 0 "$bin" --help
expect_in help out "Exit status:"
expect_in help out "--who"
check list_formats 0 "$bin" --list-formats
expect_in list_formats out "ccp-log"
for format in asterisk-cdr cisco-ucce-tcd 3cx-cdr talkdesk-calls five9-call-log avaya-cms-calls kamailio-acc; do
  expect_in list_formats out "$format"
done

check bad_flag 2 "$bin" --no-such-flag "$sample"
expect_in bad_flag err "no-such-flag"
check bad_format_value 2 "$bin" --format xml "$sample"
check bad_who_value 2 "$bin" --who nobody "$sample"
expect_in bad_who_value err "unknown party 'nobody'"
# Limits are whole numbers above 0: "-1" must not wrap to the largest size, 0 would stop all.
for limit in "--max-entry-bytes -1" "--max-entry-bytes 0" "--max-open-calls 0" "--max-depth 0" "--max-entry-bytes 1e3" "-j -1"; do
  # shellcheck disable=SC2086 # the flag and its value are two words
  check "limit_${limit// /_}" 2 "$bin" $limit "$sample"
  expect_empty "limit_${limit// /_}" out
done
check limit_accepted 0 "$bin" --max-entry-bytes 1000000 --max-open-calls 5 -j 0 "$sample"
check bad_input_format 2 "$bin" --input-format nope "$sample"

check found 0 "$bin" "$sample"
check nothing_found 1 "$bin" ccp/no-calls.txt
check who_filters_out_everything 1 "$bin" --who third_party "$sample"
check who_keeps_some 0 "$bin" --who customer --format csv "$sample"
[ "$(grep -c ',customer,' /tmp/e2e.out.$$)" = 2 ] && pass=$((pass + 1)) || { echo "FAIL who_keeps_some: expected 2 customer rows"; failures=$((failures + 1)); }

check quiet_found 0 "$bin" -q "$sample"
expect_empty quiet_found out
check quiet_with_error_still_found 0 "$bin" -q bad/not-json.txt "$sample"
expect_in quiet_with_error_still_found err "bad/not-json.txt"
check quiet_nothing 1 "$bin" -q ccp/no-calls.txt
check error_beats_match 2 "$bin" bad/not-json.txt "$sample"
expect_in error_beats_match out "c0ffee00-0001-4001-8001-a11ce0000001"

check stdin_dash 0 "$bin" --format jsonl - < "$sample"
expect_in stdin_dash out '"input":"-"'
check stdin_implicit 0 sh -c "cat '$sample' | '$bin' --format csv"
expect_in stdin_implicit out "agent_hangup"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" /tmp/e2e.out.$$ /tmp/e2e.err.$$' EXIT
gzip -c "$sample" > "$tmp/agent-log.txt.gz"
cp "$tmp/agent-log.txt.gz" "$tmp/renamed-without-extension"
"$bin" --format jsonl "$sample" | grep -v input_end | sed 's/"input":"[^"]*"//g' > "$tmp/plain.jsonl"
check gzip_by_content 0 "$bin" --format jsonl "$tmp/renamed-without-extension"
grep -v input_end /tmp/e2e.out.$$ | sed 's/"input":"[^"]*"//g' > "$tmp/gz.jsonl"
if cmp -s "$tmp/plain.jsonl" "$tmp/gz.jsonl"; then pass=$((pass + 1)); else echo "FAIL gzip verdicts differ from plain"; failures=$((failures + 1)); fi
check gzip_stdin 0 sh -c "'$bin' --format csv - < '$tmp/agent-log.txt.gz'"
expect_in gzip_stdin out "signaling_lost"
head -c $(( $(wc -c < "$tmp/agent-log.txt.gz") / 2 )) "$tmp/agent-log.txt.gz" > "$tmp/cut.gz"
check gzip_truncated 2 "$bin" "$tmp/cut.gz"
expect_in gzip_truncated err "unexpected end of file (compressed input)"

# A closed pipe ends quietly: no error message, and the writer does not hang.
big="$tmp/big"
mkdir "$big"
for i in $(seq 1 40); do cp "$sample" "$big/log-$i.txt"; sed -i "s/8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f/agent-$i/g" "$big/log-$i.txt"; done
check closed_pipe 0 sh -c "'$bin' '$big' | head -n 2 > /dev/null"
expect_empty closed_pipe err

# Directories: recursive, hidden files skipped, symlinked directories not followed (no loop).
mkdir -p "$tmp/tree/sub" "$tmp/tree/.hidden"
cp "$sample" "$tmp/tree/sub/agent-log.txt"
echo garbage > "$tmp/tree/.hidden/junk.txt"
ln -s .. "$tmp/tree/sub/loop"
check directory_walk 0 timeout 20 "$bin" --format csv "$tmp/tree"
expect_empty directory_walk err
[ "$(grep -c '^ccp-log,' /tmp/e2e.out.$$)" = 7 ] && pass=$((pass + 1)) || { echo "FAIL directory_walk: expected 7 rows"; failures=$((failures + 1)); }

# An unreadable file is an error; its neighbour is still reported. (Root reads everything.)
if [ "$(id -u)" != 0 ]; then
  cp "$sample" "$tmp/locked.txt"; chmod 000 "$tmp/locked.txt"
  check unreadable 2 "$bin" "$tmp/locked.txt" ccp/ice-restart.txt
  expect_in unreadable err "Permission denied"
fi

# A FIFO streams like stdin.
mkfifo "$tmp/fifo"
( cat "$sample" > "$tmp/fifo" & )
check fifo 0 timeout 20 "$bin" --format csv "$tmp/fifo"
expect_in fifo out "customer_hangup"

# Colour: only when asked or on a terminal, never with NO_COLOR.
check color_always 0 "$bin" --color always "$sample"
expect_in color_always out $'\x1b[33magent'
check color_auto_pipe 0 "$bin" "$sample"
if grep -q $'\x1b' /tmp/e2e.out.$$; then echo "FAIL color_auto_pipe: escape codes in a pipe"; failures=$((failures + 1)); else pass=$((pass + 1)); fi

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
