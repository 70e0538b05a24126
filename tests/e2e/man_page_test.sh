#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The man page (docs/man/whohungup.1) names every flag --help lists, and man(1) renders it at 80
# columns without a warning. Usage: man_page_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
page="$2/../docs/man/whohungup.1"
failures=0
pass=0
[ -f "$page" ] || { echo "FAIL no man page at $page"; exit 1; }
# Flags as the page shows them once rendered: \- becomes -, fonts are dropped.
rendered=$(LC_ALL=C MANWIDTH=200 man -l "$page" 2> /dev/null | col -b)
# The flags are what the option lines of --help start with ("  -f,--format TEXT ...").
flags=$("$bin" --help | sed -nE 's/^ +(-[^ ]+).*/\1/p' | tr ',' '\n' | grep -E '^--?[A-Za-z]' | sort -u)
[ -n "$flags" ] || { echo "FAIL no flags found in --help"; exit 1; }
for flag in $flags; do
  if grep -qE -- "(^|[^A-Za-z-])$flag([^A-Za-z-]|$)" <<< "$rendered"; then
    pass=$((pass + 1))
  else
    echo "FAIL the man page does not mention $flag"
    failures=$((failures + 1))
  fi
done
warnings=$(LC_ALL=C MANWIDTH=80 man --warnings -l "$page" 2>&1 > /dev/null)
if [ -z "$warnings" ]; then pass=$((pass + 1)); else
  echo "FAIL man --warnings:"; echo "$warnings" | head -5; failures=$((failures + 1)); fi
echo "$pass passed ($(wc -w <<< "$flags") flags), $failures failed"
[ "$failures" = 0 ]
