#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Spark job (examples/spark/whohungup_spark.py) in local[2] mode over a batch laid out as in
# object storage: several agents' CCP logs (one agent's files in different directories, one of
# them gzipped), Global Resiliency's two logs of one agent apart, a day of contact records in two
# hourly directories, and other vendors' exports. Its merged verdicts (sorted) and its summary
# must equal a direct run of whohungup over the same files, and so must its exit status.
# The batch is checked to need the job's grouping: read file by file it gives more verdicts.
#
# Engine: Spark itself (spark-submit from the pyspark package, Java 17) when `import pyspark`
# works; else tests/e2e/spark/pyspark, a local stand-in for the few calls the job makes (tasks in
# separate Python processes, sent with cloudpickle as Spark does), and the test says so.
# WHOHUNGUP_REQUIRE_SPARK=1 makes a missing pyspark a failure; with neither pyspark nor cloudpickle
# the test is skipped, except in CI (CI=true), where that fails.
# Usage: spark_test.sh BIN TESTDATA
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1  # nothing written into the source tree
bin=$(realpath "$1")
testdata=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
job=$here/../../examples/spark/whohungup_spark.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "spark: $*"
  echo "spark: 0 passed, 1 failed"
  exit 1
}

python=$(command -v python3) || fail "python3 not found"
if "$python" -c 'import pyspark' 2> /dev/null && java -version > /dev/null 2>&1; then
  engine=spark
  submit=$("$python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')
  [ -x "$submit" ] || submit=$(command -v spark-submit) || fail "pyspark has no spark-submit"
elif [ "${WHOHUNGUP_REQUIRE_SPARK:-0}" = 1 ]; then
  fail "pyspark (or java) is missing and WHOHUNGUP_REQUIRE_SPARK=1: run tools/install-deps.sh"
elif "$python" -c 'import cloudpickle' 2> /dev/null; then
  engine=stand-in
  echo "spark: pyspark is not installed here; running the job on the local stand-in (tests/e2e/spark/pyspark)"
elif [ "${CI:-}" = true ]; then
  fail "neither pyspark nor cloudpickle (for the local stand-in) can be imported by $python"
else
  echo "spark: skipped: neither pyspark nor cloudpickle (for the local stand-in) can be imported by $python"
  echo "spark: 0 passed, 0 failed, 1 skipped"
  exit 0
fi

# The job's own rules (grouping keys, names on the executors), without Spark.
if ! "$python" -m unittest discover -s "$here/../../examples/spark" -p '*_test.py' > "$tmp/unit.log" 2>&1; then
  cat "$tmp/unit.log"
  fail "unit tests of the job failed"
fi
units=$(grep -o '^Ran [0-9]* tests' "$tmp/unit.log" | grep -o '[0-9]*')

# The batch. Generated CCP logs when the bench generator is built next to the binary.
batch=$tmp/batch
mkdir -p "$batch"
gen=
for dir in "$(dirname "$bin")" "$(dirname "$bin")/.." "$(dirname "$bin")/../.."; do
  if [ -x "$dir/bench/gen_ccp_log" ]; then
    gen=$dir/bench/gen_ccp_log
    break
  fi
done
if [ -n "$gen" ]; then
  for n in 1 2 3 4; do
    mkdir -p "$batch/agents/$n/2026-11-20"
    "$gen" --bytes 1500000 --seed "$n" --agent "8c1e2d4f-5b6a-4c7d-9e8f-00000000000$n" \
      --out "$batch/agents/$n/2026-11-20/agent-log.txt" 2> /dev/null
  done
  gzip "$batch/agents/3/2026-11-20/agent-log.txt"
  mkdir -p "$batch/agents/1/2026-11-21" "$batch/agents/3/2026-11-21"
  # A second download of the same session, a day's directory later: one verdict per call.
  cp "$batch/agents/1/2026-11-20/agent-log.txt" "$batch/agents/1/2026-11-21/agent-log.txt"
  zcat "$batch/agents/3/2026-11-20/agent-log.txt.gz" > "$batch/agents/3/2026-11-21/agent-log.txt"
else
  echo "spark: no bench/gen_ccp_log next to the binary; using testdata/ccp"
  for log in "$testdata"/ccp/*.txt; do
    name=$(basename "$log" .txt)
    mkdir -p "$batch/agents/$name"
    cp "$log" "$batch/agents/$name/agent-log.txt"
  done
  mkdir -p "$batch/agents/sample-again"
  cp "$testdata/ccp/sample-agent-log.txt" "$batch/agents/sample-again/agent-log.txt"
fi
mkdir -p "$batch/resiliency/crm" "$batch/resiliency/us-east-1"
cp "$testdata/ccp/global-resiliency/crm-agent-log.txt" "$batch/resiliency/crm/"
cp "$testdata/ccp/global-resiliency/ccp-us-east-1-agent-log.txt" "$batch/resiliency/us-east-1/"
mkdir -p "$batch/ctr/2026/11/20/09" "$batch/ctr/2026/11/20/17"
cp "$testdata/connect/contact-records.jsonl" "$batch/ctr/2026/11/20/09/"
cp "$testdata/connect/contact-records-firehose.json" "$batch/ctr/2026/11/20/17/"
for vendor in genesys voice-agent gms; do
  mkdir -p "$batch/exports/$vendor"
  cp "$testdata/$vendor"/* "$batch/exports/$vendor/"
done

# Direct run, naming files as the job does (the URI without its scheme: relative to /).
mapfile -t files < <(cd / && find "${batch#/}" -type f | LC_ALL=C sort)
direct_status=0
(cd / && "$bin" --format jsonl --no-progress -- "${files[@]}") > "$tmp/direct.jsonl" 2> /dev/null ||
  direct_status=$?
grep '"type":"verdict"' "$tmp/direct.jsonl" | LC_ALL=C sort > "$tmp/direct.verdicts" || true
(cd / && "$bin" --summary --format jsonl --no-progress -- "${files[@]}") 2> /dev/null |
  grep '"type":"summary"' > "$tmp/direct.summary" || true
if [ ! -s "$tmp/direct.verdicts" ] || [ ! -s "$tmp/direct.summary" ]; then
  fail "the direct run gave no verdicts"
fi
separately=0
for file in "${files[@]}"; do
  count=$("$bin" --format jsonl --no-progress -- "/$file" 2> /dev/null | grep -c '"type":"verdict"') || true
  separately=$((separately + count))
done
[ "$separately" -gt "$(wc -l < "$tmp/direct.verdicts")" ] ||
  fail "the batch does not need grouping ($separately verdicts file by file, as many as direct)"

# The job.
job_args=(--binary "$bin" --group-by 'ctr/([0-9]{4}/[0-9]{2}/[0-9]{2})/' --partitions 2 --format jsonl
          --verdicts "$tmp/job.jsonl" --summary "$tmp/job.summary.jsonl" "$batch")
start=$(date +%s.%N)
job_status=0
if [ "$engine" = spark ]; then
  PYSPARK_PYTHON=$python PYSPARK_DRIVER_PYTHON=$python "$submit" --master 'local[2]' \
    --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=2 --conf spark.default.parallelism=2 \
    --conf spark.driver.memory=1g "$job" "${job_args[@]}" > "$tmp/job.out" 2> "$tmp/job.err" || job_status=$?
else
  PYTHONPATH=$here/spark MASTER='local[2]' "$python" "$job" "${job_args[@]}" > "$tmp/job.out" 2> "$tmp/job.err" ||
    job_status=$?
fi
seconds=$(echo "$(date +%s.%N) - $start" | bc | xargs printf "%.1f")
if [ "$job_status" != "$direct_status" ]; then
  tail -20 "$tmp/job.err" || true
  fail "job exit status $job_status, direct run $direct_status"
fi
grep '"type":"verdict"' "$tmp/job.jsonl" | LC_ALL=C sort > "$tmp/job.verdicts" || true
grep '"type":"summary"' "$tmp/job.summary.jsonl" > "$tmp/job.summary" || true
if ! cmp -s "$tmp/direct.verdicts" "$tmp/job.verdicts"; then
  tail -20 "$tmp/job.err" || true
  diff "$tmp/direct.verdicts" "$tmp/job.verdicts" | cut -c1-300 | head -20 || true
  fail "the job's verdicts differ from the direct run's"
fi
if ! cmp -s "$tmp/direct.summary" "$tmp/job.summary"; then
  diff "$tmp/direct.summary" "$tmp/job.summary" | cut -c1-600 || true
  fail "the job's summary differs from the direct run's"
fi
echo "spark: $units unit tests of the job passed"
echo "spark ($engine, local[2], ${seconds}s): ${#files[@]} files, $(wc -l < "$tmp/job.verdicts") verdicts" \
  "($separately file by file) and the summary equal the direct run's"
echo "spark: 1 passed, 0 failed"
