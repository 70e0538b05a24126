#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's fleet recipe, run locally: per-file JSON Lines (the map step, here with xargs -P
# as GNU parallel or Spark's RDD.pipe would run it), then one --summary over the parts (the
# reduce step) must equal the summary of the raw inputs. Usage: map_reduce_test.sh BIN TESTDATA
set -euo pipefail
bin=$1
cd "$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=(ccp/sample-agent-log.txt ccp/not-connected.txt ccp/persistent-connection.txt connect/contact-records.jsonl
        genesys/analytics-details-query.json voice-agent/list-calls-v2.json gms/callbacks-by-id.json)
"$bin" --summary --format jsonl "${inputs[@]}" 2> /dev/null | grep '"type":"summary"' > "$tmp/direct"
mkdir "$tmp/parts"
# xargs -P runs the map step two at a time; each part is named after its input's position.
printf '%s\n' "${inputs[@]}" | nl -ba -w1 -s' ' |
  xargs -P 2 -L 1 sh -c '"$0" --format jsonl "$3" > "$1/parts/part-$2.jsonl" 2> /dev/null || true' "$bin" "$tmp"
ls "$tmp/parts" | grep -q . || { echo "map step wrote nothing"; exit 1; }
"$bin" --summary --format jsonl "$tmp/parts" 2> /dev/null | grep '"type":"summary"' > "$tmp/reduced"
if ! cmp -s "$tmp/direct" "$tmp/reduced"; then
  echo "reduced summary differs from the direct one"
  diff "$tmp/direct" "$tmp/reduced" | head
  exit 1
fi
# Verdicts read back keep every field: re-writing the parts gives the same verdict lines.
cat "$tmp"/parts/*.jsonl | grep '"type":"verdict"' | sort > "$tmp/mapped"
"$bin" --format jsonl "$tmp/parts" 2> /dev/null | grep '"type":"verdict"' | sort > "$tmp/rewritten"
if ! cmp -s "$tmp/mapped" "$tmp/rewritten"; then
  echo "verdicts read back from JSON Lines differ from the written ones"
  diff "$tmp/mapped" "$tmp/rewritten" | head
  exit 1
fi
echo "map/reduce: $(ls "$tmp/parts" | wc -l) parts give the direct summary and their own verdicts: 2 passed, 0 failed"
