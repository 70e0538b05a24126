#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One call, one verdict: the same inputs given twice, in another order, with -j 1 or -j 2, give
# byte-identical verdict lines to giving them once, for every input format (docs/reconcile.md).
# Usage: duplicates_test.sh BIN TESTDATA
set -uo pipefail
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

verdicts() {  # the verdict lines of one run
  "$bin" --format jsonl "$@" 2> /dev/null | grep '"type":"verdict"'
}

check() {  # check NAME INPUT... : every repeat and order equals the inputs given once
  local name=$1
  shift
  local reversed=()
  for ((i = $#; i >= 1; i--)); do reversed+=("${!i}"); done
  verdicts -j 1 "$@" > "$tmp/once"
  if [ ! -s "$tmp/once" ]; then
    echo "FAIL $name: no verdicts at all"
    failed=1
    return
  fi
  local runs=("-j 1|$*|$*" "-j 2|$*|$*" "-j 2|${reversed[*]}|$*" "-j 1|${reversed[*]}|${reversed[*]}")
  for run in "${runs[@]}"; do
    IFS='|' read -r jobs first second <<< "$run"
    # shellcheck disable=SC2086 # the lists are space-separated paths without spaces
    verdicts $jobs $first $second > "$tmp/again"
    if ! cmp -s "$tmp/once" "$tmp/again"; then
      echo "FAIL $name: $jobs $first $second differs from the inputs given once"
      diff "$tmp/once" "$tmp/again" | head -5
      failed=1
    fi
  done
  echo "ok $name ($(wc -l < "$tmp/once") verdicts)"
}

check ccp-log ccp/sample-agent-log.txt ccp/not-connected.txt
check connect-ctr connect/contact-records-firehose.json connect/contact-records.jsonl
check genesys-cloud genesys/analytics-details-query.json genesys/conversations-api-call.json genesys/async-job-results.json
check genesys-interactions-csv genesys/interactions-export.csv genesys/interactions-export-pair.csv
check voice-agent-calls voice-agent/list-calls-v2.json voice-agent/list-calls-v3-page.json voice-agent/webhooks.jsonl
check voice-agent-calls-csv voice-agent/call-history.csv
check gms-callbacks gms/callbacks-by-id.json gms/callbacks-by-queue.json
# The readers below emit calls in input order (one input's calls, then the next's), so each is
# checked with one input: given twice, or three times, it must still give exactly its verdicts.
check asterisk-queue-log asterisk/queue_log
check asterisk-queue-log-table asterisk/queue_log_table.csv
check asterisk-cel asterisk/cel.csv
check asterisk-cdr asterisk/cdr_table.csv
check asterisk-cdr-master asterisk/Master.csv
check asterisk-cdr-linkedid asterisk/cdr_linkedid.csv
check cisco-cucm-cdr cisco/cdr_StandAloneCluster_01_202611271600_1
check cisco-ucce-tcd cisco/ucce_tcd.csv
check twilio twilio/call_summaries.json twilio/call_summary.json twilio/calls.json
check freeswitch-json-cdr freeswitch/json
check freeswitch-xml-cdr freeswitch/xml
check 3cx-cdr columns/3cx_cdr.csv
check talkdesk-calls columns/talkdesk_calls.csv
check five9-call-log columns/five9_call_log.csv
check avaya-cms-calls columns/avaya_cms_calls.csv
check kamailio-acc kamailio/acc.csv
check two-sources ccp/sample-agent-log.txt connect/ccp-pair-agree.jsonl connect/ccp-pair-conflict.jsonl
check genesys-two-shapes genesys/analytics-details-query.json genesys/interactions-export-pair.csv
# whohungup's own JSON Lines: a file's verdicts, written once, read back twice.
"$bin" --format jsonl mixed-batch > "$tmp/mixed.jsonl" 2> /dev/null
check whohungup-jsonl "$tmp/mixed.jsonl"
# And the written verdicts beside the inputs they came from: still one verdict per call.
verdicts mixed-batch > "$tmp/direct"
verdicts "$tmp/mixed.jsonl" mixed-batch > "$tmp/both"
if [ "$(wc -l < "$tmp/both")" != "$(wc -l < "$tmp/direct")" ]; then
  echo "FAIL whohungup-jsonl beside its inputs: $(wc -l < "$tmp/both") verdicts, want $(wc -l < "$tmp/direct")"
  failed=1
fi
exit $failed
