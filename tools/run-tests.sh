#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite, as CI runs it (.ci/run calls this):
#   1. the optimised build with warnings as errors, then every test (unit, golden, e2e, fuzz replay);
#   2. the same build and tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. clang-format and clang-tidy (warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --workflow --preset ci
cmake --workflow --preset asan
tools/lint.sh
