#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the fuzz targets with clang++-14 and libFuzzer (+ ASan + UBSan) and runs each for the
# given number of seconds, one job per core. New inputs go to build/fuzz/corpus/<format>; a crash
# is written to build/fuzz/crashes/ and should be copied into testdata/fuzz/<format>/ once fixed,
# where the replay tests keep it. Each corpus starts from testdata/fuzz/<format> plus every small
# fixture of the project (any format: the others exercise detection and rejection paths). Each run
# appends "date format seconds cpu_seconds executions" to build/fuzz/campaign.log, the record the
# CPU-minutes per target are added up from.
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET] [FORMAT...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
formats=("$@")
# Every target has a corpus folder (tests/fuzz/CMakeLists.txt lists the same formats).
[ ${#formats[@]} -gt 0 ] || mapfile -t formats < <(ls testdata/fuzz)
cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DWHOHUNGUP_LIBFUZZER=ON > /dev/null
cmake --build build/fuzz > /dev/null
mkdir -p build/fuzz/crashes
for format in "${formats[@]}"; do
  target=build/fuzz/tests/fuzz/fuzz_${format//-/_}
  corpus=build/fuzz/corpus/$format
  mkdir -p "$corpus"
  cp -n testdata/fuzz/"$format"/* "$corpus"/ 2> /dev/null || true
  find testdata -path testdata/fuzz -prune -o -path testdata/golden -prune -o -type f -size -64k \
       ! -name '*.py' ! -name '*.md' -print0 | xargs -0 -r \
       sh -c 'for f; do cp -n "$f" "$0/seed-$(basename "$f")"; done' "$corpus"
  echo "== $format: ${seconds}s"
  stats=build/fuzz/last-$format.txt
  /usr/bin/time -f "cpu_seconds %U %S" -o build/fuzz/time-$format.txt \
    "$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=build/fuzz/crashes/"$format"- -print_final_stats=1 > "$stats" 2>&1 || true
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY" "$stats" || true
  cpu=$(awk '/^cpu_seconds/ { printf "%.0f", $2 + $3 }' build/fuzz/time-$format.txt)
  runs=$(awk '/^stat::number_of_executed_units/ { print $2 }' "$stats")
  echo "cpu_seconds: $cpu"
  echo "$(date -u +%FT%TZ) $format $seconds $cpu ${runs:-0}" >> build/fuzz/campaign.log
done
ls build/fuzz/crashes
