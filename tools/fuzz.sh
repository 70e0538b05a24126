#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the fuzz targets with clang++-14 and libFuzzer (+ ASan + UBSan) and runs each for the
# given number of seconds, one job per core. New inputs go to build/fuzz/corpus/<format>; a crash
# is written to build/fuzz/crashes/ and should be copied into testdata/fuzz/<format>/ once fixed,
# where the replay tests keep it. Usage: tools/fuzz.sh [SECONDS_PER_TARGET] [FORMAT...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(ccp-log connect-ctr genesys-cloud voice-agent-calls gms-callbacks
                                     genesys-interactions-csv voice-agent-calls-csv whohungup-jsonl detect)
cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DWHOHUNGUP_LIBFUZZER=ON > /dev/null
cmake --build build/fuzz > /dev/null
mkdir -p build/fuzz/crashes
for format in "${formats[@]}"; do
  target=build/fuzz/tests/fuzz/fuzz_${format//-/_}
  corpus=build/fuzz/corpus/$format
  mkdir -p "$corpus"
  cp -n testdata/fuzz/"$format"/* "$corpus"/ 2> /dev/null || true
  echo "== $format: ${seconds}s"
  "$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=build/fuzz/crashes/"$format"- -print_final_stats=1 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)|ERROR|SUMMARY" || true
done
ls build/fuzz/crashes
