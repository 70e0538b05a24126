#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rewrites every golden expectation from the current build (build/ci). Review `git diff` after.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/build/ci"
WHOHUNGUP_BLESS=1 ctest -L golden --output-on-failure "$@"
