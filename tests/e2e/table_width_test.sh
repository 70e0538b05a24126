#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The table fits the terminal: run under a pseudo-terminal (script(1)) of 80, 60 and 132 columns,
# no line is wider than the terminal (with --explain too, and --summary at 80); piped, every column
# is there and contact ids are whole. Usage: table_width_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset COLUMNS
failures=0
pass=0
inputs="ccp/team ccp/sample-agent-log.txt connect/contact-records.jsonl genesys/analytics-details-query.json"

# on_tty COLS ARGS...: the binary's stdout as a terminal of COLS columns shows it (CRs removed).
on_tty() {
  local cols=$1
  shift
  # COLUMNS is set after stty: the shell resets it to the terminal's size after each command.
  script -qec "stty cols $cols rows 50; ${columns:+COLUMNS=$columns} '$bin' --no-progress $* 2> /dev/null" /dev/null |
    tr -d '\r'
}
widest() { sed 's/\x1b\[[0-9;]*m//g' | awk '{ n = length($0); if (n > m) m = n } END { print m + 0 }'; }

# The table fits any width; the summary's blocks are laid out to fit 80 columns.
for cols in 80 60 132; do
  for extra in "" "--explain" "--summary" "--color always"; do
    [ "$extra" = --summary ] && [ "$cols" -lt 80 ] && continue
    got=$(on_tty "$cols" "$extra" "$inputs" | widest)
    if [ "$got" -le "$cols" ] && [ "$got" -gt 20 ]; then
      pass=$((pass + 1))
    else
      echo "FAIL a terminal of $cols columns ($extra): widest line is $got"
      failures=$((failures + 1))
    fi
  done
done
# COLUMNS overrides the terminal's own width.
columns=100
got=$(on_tty 200 "" "$inputs" | widest)
columns=
if [ "$got" -le 100 ]; then pass=$((pass + 1)); else echo "FAIL COLUMNS=100: widest line is $got"; failures=$((failures + 1)); fi
# On an 80-column terminal the times are compact, the reason and the agent still there.
header=$(on_tty 80 "" ccp/sample-agent-log.txt | head -1)
case $header in
  "ENDED (UTC)      DURATION  ENDED BY     REASON                          AGENT") pass=$((pass + 1)) ;;
  *) echo "FAIL 80-column header: '$header'"; failures=$((failures + 1)) ;;
esac
# A wide terminal gets the whole table.
wide=$(on_tty 200 "" ccp/sample-agent-log.txt | sed -n 2p)
case $wide in
  "2026-11-20 14:01:35.000      84.3s  agent        agent_hangup                         high    c0ffee00-0001-4001-8001-a11ce0000001  jdoe")
    pass=$((pass + 1)) ;;
  *) echo "FAIL 200-column row: '$wide'"; failures=$((failures + 1)) ;;
esac

# Piped: every column, whole contact ids, whatever COLUMNS says.
# shellcheck disable=SC2086
piped=$(COLUMNS=40 "$bin" $inputs 2> /dev/null)
header=$(head -1 <<< "$piped")
for column in "ENDED (UTC)" DURATION "ENDED BY" REASON CONF CONTACT AGENT; do
  if [[ $header == *"$column"* ]]; then pass=$((pass + 1)); else echo "FAIL piped header lacks $column"; failures=$((failures + 1)); fi
done
if grep -q 'c0ffee00-0001-4001-8001-a11ce0000001' <<< "$piped"; then pass=$((pass + 1)); else
  echo "FAIL piped output lacks a whole contact id"; failures=$((failures + 1)); fi
if grep -q '2026-11-20 14:01:35.000' <<< "$piped"; then pass=$((pass + 1)); else
  echo "FAIL piped output lacks full times"; failures=$((failures + 1)); fi

echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
