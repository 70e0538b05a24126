#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-format check on every C++ file; with no argument also clang-tidy (.clang-tidy) over the
# library and CLI sources, using build/ci/compile_commands.json. Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h' 2>/dev/null || find src include tests bench -name '*.cc' -o -name '*.h')
# Generated logs and exports belong in build/ or a temporary directory, never in the history.
if large=$(git ls-files -z 2> /dev/null | xargs -0 -r stat -c '%s %n' | awk '$1 > 1048576 { print $2 }') &&
   [ -n "$large" ]; then
  echo "tracked files over 1 MiB (generated data?):" >&2
  echo "$large" >&2
  exit 1
fi
clang-format --dry-run -Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
if [ "${1:-}" = "--format-only" ]; then
  exit 0
fi
[ -f build/ci/compile_commands.json ] || cmake --preset ci > /dev/null
mapfile -t sources < <(ls src/*/*.cc src/*/*/*.cc)
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p build/ci --quiet 2> >(grep -v "warnings generated" >&2)
echo "clang-tidy: ${#sources[@]} files clean"
