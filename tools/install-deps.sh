#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages whohungup needs to build, test, lint, benchmark and fuzz, and only
# the ones missing (so it is fast, and works offline, when everything is already there).
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config          # toolchain
  libcli11-dev nlohmann-json3-dev libre2-dev libspdlog-dev libsimdjson-dev zlib1g-dev  # libraries
  libexpat1-dev                             # FreeSWITCH mod_xml_cdr CDRs
  libgtest-dev libbenchmark-dev             # tests and benchmarks
  clang-format clang-tidy                   # lint
  clang-14 libclang-rt-14-dev               # libFuzzer builds
  jq gzip python3 time                      # benchmark baseline and generators, e2e tests
  chromium                                  # renders the HTML report in its end-to-end test
  man-db groff-base dpkg-dev bsdextrautils  # man page, .deb and completion tests
)
packages+=(openjdk-17-jre-headless)          # Spark 4 (the Spark job's test) runs on Java 17
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -ne 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "run as root (or with sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# pyspark (Spark 4 itself, jars included) from PyPI, for the python3 that tests/e2e/spark_test.sh
# runs; only when it cannot already import it. Where PyPI cannot be reached (or python3 is an
# externally managed system Python) the test runs the job on its local stand-in and says so, so
# a failed install is reported, not fatal.
if ! python3 -c 'import pyspark' 2> /dev/null; then
  echo "installing: pyspark (PyPI)"
  pip_log=$(mktemp)
  if ! python3 -m pip install --quiet --retries 0 --timeout 30 'pyspark>=4,<5' 2> "$pip_log"; then
    echo "pyspark not installed ($(grep -m1 -o 'ERROR: .*' "$pip_log" || echo "see $pip_log")):" \
      "the Spark test will run the job on its local stand-in" >&2
  fi
fi
