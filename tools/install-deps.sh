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
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
if [ "$(id -u)" != 0 ]; then
  echo "run as root (or with sudo) to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
