#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Packaging like a real tool: `cmake --install` puts the binary, the man page, the bash, zsh and
# fish completions and the docs under the prefix; `cpack -G DEB` builds a .deb whose Depends
# come from dpkg-shlibdeps, and the package installed into a temporary root (dpkg -x) runs.
# The build tree is the binary's directory (the binary sits at its top).
# Usage: package_test.sh BINARY TESTDATA_DIR
set -u
bin=$1
build=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
expect_file() {  # expect_file ROOT PATH
  if [ -s "$1/$2" ]; then pass=$((pass + 1)); else echo "FAIL $2 is not under $1"; failures=$((failures + 1)); fi
}
layout=(bin/whohungup share/man/man1/whohungup.1.gz share/bash-completion/completions/whohungup
        share/zsh/vendor-completions/_whohungup share/fish/vendor_completions.d/whohungup.fish
        share/doc/whohungup/README.md share/doc/whohungup/verdicts.md share/doc/whohungup/output-format.md)

# cmake --install into a prefix.
if cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" 2>&1; then pass=$((pass + 1)); else
  echo "FAIL cmake --install"; tail -5 "$tmp/install.log"; failures=$((failures + 1)); fi
for path in "${layout[@]}"; do expect_file "$tmp/prefix" "$path"; done
if "$tmp/prefix/bin/whohungup" --version | grep -q '^whohungup '; then pass=$((pass + 1)); else
  echo "FAIL the installed binary does not run"; failures=$((failures + 1)); fi
if [ -z "$(LC_ALL=C MANWIDTH=80 man --warnings -l "$tmp/prefix/share/man/man1/whohungup.1.gz" 2>&1 > /dev/null)" ]; then
  pass=$((pass + 1)); else echo "FAIL the installed man page renders with warnings"; failures=$((failures + 1)); fi
if bash -c "source '$tmp/prefix/share/bash-completion/completions/whohungup' && complete -p whohungup" > /dev/null 2>&1; then
  pass=$((pass + 1)); else echo "FAIL the bash completion does not load"; failures=$((failures + 1)); fi

# The Debian package.
if (cd "$tmp" && cpack -G DEB -B "$tmp/deb" --config "$build/CPackConfig.cmake") > "$tmp/cpack.log" 2>&1; then
  pass=$((pass + 1)); else echo "FAIL cpack -G DEB"; tail -5 "$tmp/cpack.log"; failures=$((failures + 1)); fi
deb=$(ls "$tmp"/deb/whohungup_*.deb 2> /dev/null | head -1)
if [ -n "$deb" ]; then
  info=$(dpkg-deb -I "$deb")
  depends=$(sed -n 's/^ Depends: //p' <<< "$info")
  for lib in libc6 libstdc++6 libfmt9 zlib1g libsimdjson libre2 libexpat1; do
    if grep -q "$lib" <<< "$depends"; then pass=$((pass + 1)); else
      echo "FAIL Depends lacks $lib: '$depends'"; failures=$((failures + 1)); fi
  done
  for unwanted in libgtest libbenchmark libcli11; do
    if grep -q "$unwanted" <<< "$depends"; then echo "FAIL Depends names $unwanted (a test or header-only library)"
      failures=$((failures + 1)); else pass=$((pass + 1)); fi
  done
  grep -q '^ Package: whohungup$' <<< "$info" && pass=$((pass + 1)) || { echo "FAIL package name"; failures=$((failures + 1)); }
  dpkg -x "$deb" "$tmp/root"
  for path in "${layout[@]}"; do expect_file "$tmp/root/usr" "$path"; done
  if "$tmp/root/usr/bin/whohungup" "$2/ccp/sample-agent-log.txt" | grep -q agent_hangup; then pass=$((pass + 1)); else
    echo "FAIL the packaged binary does not judge the sample"; failures=$((failures + 1)); fi
else
  echo "FAIL no .deb was built"
  failures=$((failures + 1))
fi
echo "$pass passed, $failures failed"
[ "$failures" = 0 ]
