#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The HTML report (--format html) rendered in headless Chromium: the page's script runs, then the
# DOM is checked against the JSON Lines verdicts of the same inputs (totals, every agent, every
# contact id, one <svg> per chart, the evidence of one chosen call); the page source holds no
# network reference; hostile contact ids and agent names render as text; a 20,000-call report
# stays under 1 KB per call and renders within a generous time limit.
# Usage: html_report_test.sh BINARY TESTDATA_DIR
# Without chromium the test is skipped, except in CI (CI=true), where that is a failure.
set -u
bin=$1
cd "$2" || exit 2
export TZ=UTC LC_ALL=C NO_COLOR=1
# Without a browser: --summary changes nothing (the page always holds the summary and the
# calls), --quiet prints nothing, and the sample's seven calls are all in the page.
page=$("$bin" --format html --summary ccp/sample-agent-log.txt)
if [ "$page" != "$("$bin" --format html ccp/sample-agent-log.txt)" ] ||
   ! grep -qF 'id="total-calls">7<' <<< "$page" || [ "$(grep -c '^\[' <<< "$page")" != 7 ]; then
  echo "FAIL --format html --summary: not the same page of 7 calls"
  exit 1
fi
if [ -n "$("$bin" --format html -q ccp/sample-agent-log.txt)" ]; then
  echo "FAIL --format html -q printed something"
  exit 1
fi

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL chromium is not installed (tools/install-deps.sh installs it)"
    exit 1
  fi
  echo "SKIP chromium is not installed (tools/install-deps.sh installs it)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; failures=$((failures + 1)); }

# One profile per run, so parallel runs do not share a browser; no GPU and a small /dev/shm on CI
# machines.
browse() {  # browse TIMEOUT_S ARGS...: headless chromium, its noise on stderr dropped
  local limit=$1
  shift
  timeout "$limit" "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-extensions --user-data-dir="$tmp/profile" "$@" 2> /dev/null
}

inputs=(ccp/*.txt mixed-batch bad/html-payloads.jsonl)
"$bin" --format html "${inputs[@]}" > "$tmp/report.html" 2> "$tmp/report.err"
status=$?
# ccp/truncated-download.txt cannot be read in full: every other input is still reported.
[ $status = 2 ] && ok || bad "report: exit $status, expected 2 ($(head -2 "$tmp/report.err"))"
"$bin" --format jsonl "${inputs[@]}" > "$tmp/verdicts.jsonl" 2> /dev/null

# No network: nothing that reads as an address, and a policy that forbids every fetch.
if grep -qiE 'https?:|//' "$tmp/report.html"; then
  bad "page source holds a network reference: $(grep -oiE '.{20}(https?:|//).{20}' "$tmp/report.html" | head -3)"
else
  ok
fi
grep -qF "content=\"default-src 'none';" "$tmp/report.html" && ok || bad "no Content-Security-Policy default-src 'none'"

browse 60 --dump-dom "file://$tmp/report.html" > "$tmp/all.dom" || bad "chromium --dump-dom failed"
browse 60 --dump-dom "file://$tmp/report.html#call=c0ffee00-0001-4001-8001-a11ce0000001" > "$tmp/one.dom" ||
  bad "chromium --dump-dom of one call failed"

# The DOM checks, against the JSON Lines of the same inputs.
if python3 - "$tmp/verdicts.jsonl" "$tmp/all.dom" "$tmp/one.dom" > "$tmp/check.out" 2>&1 << 'PY'; then
import json, sys
from html.parser import HTMLParser

records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
verdicts = [r for r in records if r["type"] == "verdict"]
inputs = [r for r in records if r["type"] == "input_end"]


class Page(HTMLParser):
    """Texts by element id and class, the SVG charts, and any element or attribute that runs code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.charts, self.scripts, self.hostile = [], {}, [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("img", "iframe", "object", "embed"):
            self.hostile.append(tag)
        self.hostile += [name for name in attrs if name.startswith("on")]
        if tag == "svg" and "chart" in (attrs.get("class") or ""):
            self.charts.append(attrs.get("id"))
        if tag == "script":
            self.scripts += 1
        keys = [f"#{attrs['id']}"] if "id" in attrs else []
        keys += [f"{tag}.{c}" for c in (attrs.get("class") or "").split()]
        keys.append(tag)
        if tag not in ("br", "meta", "input", "line", "rect", "circle"):
            self.stack.append((keys, []))

    def handle_endtag(self, tag):
        if tag in ("br", "meta", "input", "line", "rect", "circle") or not self.stack:
            return
        keys, parts = self.stack.pop()
        text = "".join(parts)
        for key in keys:
            self.texts.setdefault(key, []).append(text)
        if self.stack:
            self.stack[-1][1].append(text)

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1].append(data)


def parse(path):
    page = Page()
    page.feed(open(path, encoding="utf-8").read())
    return page


failures = []
def expect(condition, message):
    if not condition:
        failures.append(message)

page = parse(sys.argv[2])
texts = page.texts
n = len(verdicts)
expect(texts.get("#total-calls") == [str(n)], f"total calls {texts.get('#total-calls')}, expected {n}")
for key, value in (("#total-inputs", len(inputs)), ("#total-errors", sum(r["error"] for r in inputs)),
                   ("#total-skipped", sum(r["skipped"] for r in inputs))):
    expect(texts.get(key) == [str(value)], f"{key} {texts.get(key)}, expected {value}")
expect(sum(r["error"] for r in inputs) >= 1 and sum(r["skipped"] for r in inputs) >= 1,
       "the batch should hold an input with an error and skipped records")
shown_inputs = texts.get("td.mono", [])
for r in inputs:
    expect(r["input"] in shown_inputs, f"input {r['input']!r} not in the inputs table")
agent_hangups = sum(1 for v in verdicts if v["ended_by"] == "agent" and v["category"] == "hangup")
expect(texts.get("#total-agent-hangups") == [str(agent_hangups)], f"agent hang-ups {texts.get('#total-agent-hangups')}")
expect(page.charts == ["chart-who", "chart-agents", "chart-time", "chart-reasons"], f"charts {page.charts}")

# Every contact id, once per call, in the rendered table (all calls fit on the first page).
shown = sorted(texts.get("td.contact", []))
expected = sorted(v["contact_id"] for v in verdicts)
expect(shown == expected, f"contact cells differ: {sorted(set(expected) ^ set(shown))[:5]}")
# Every agent, by name where the verdicts give one, in the table and the chart.
names = {v["agent"]: v["agent_name"] for v in verdicts if v["agent"] and v["agent_name"]}
labels = {names.get(v["agent"]) or v["agent_name"] or v["agent"] or "(none)" for v in verdicts}
table = set(texts.get("td", []))
agents_table = "\n".join(texts.get("#agents-table", []))  # written by whohungup, not by the script
chart_labels = set(texts.get("text.label", []))
for label in labels:
    expect(label in agents_table, f"agent {label!r} not in the agents table")
    # A chart label holds its full text in its <title> (the hover) and a cut one on screen.
    expect(any(label in t for t in chart_labels), f"agent {label!r} not in the agents chart")

# Hostile strings are text: no element or attribute that runs code, only the page's two scripts.
expect(page.hostile == [], f"elements or attributes from input data: {page.hostile}")
expect(page.scripts == 2, f"{page.scripts} script elements, expected 2")
for payload in ('" onmouseover="alert(1)" x="<img src=x onerror=alert(3)>',
                "Dana & 'Eve' <b>bold</b> https://evil.invalid//x.js"):
    expect(payload in agents_table, f"payload {payload!r} not rendered as text in the agents table")
    expect(payload in table, f"payload {payload!r} not rendered as text in the calls table")
expect('<script>alert("id")</script>' in shown, "the <script> contact id is not rendered as text")
expect(any(c.startswith('</script><script>alert("json")</script><!--\u2028\u2029') for c in shown),
       "the </script> contact id is not rendered as text")

# One call opened from the address: its detail and evidence lines, with times and positions.
one = parse(sys.argv[3]).texts
expect(one.get("td.contact") == ["c0ffee00-0001-4001-8001-a11ce0000001"], f"#call= shows {one.get('td.contact')}")
evidence = " ".join(one.get("tr.evidence", []))
for text in ("The CCP sent the bye after the agent asked to hang up their own connection",
             "2026-11-20 14:01:34.400", "ccp/sample-agent-log.txt:414",
             "Sending API_REQUEST event for destroyConnection to upstream",
             "ccp/sample-agent-log.txt:464", "SIGNALING TalkingState => PendingRemoteHangupState"):
    expect(text in evidence, f"evidence of the chosen call lacks {text!r}")

print("\n".join(failures))
sys.exit(1 if failures else 0)
PY
  ok
else
  bad "rendered DOM: $(cat "$tmp/check.out")"
fi

# A phone-width screenshot renders (the layout has a narrow-screen mode).
browse 60 --hide-scrollbars --window-size=390,900 --screenshot="$tmp/phone.png" "file://$tmp/report.html" > /dev/null
[ "$(head -c 8 "$tmp/phone.png" 2> /dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && ok ||
  bad "no phone-width screenshot"

# 20,000 calls: generated (bench/gen_ccp_log, built with the benchmarks), piped, never on disk.
gen="$(dirname "$bin")/bench/gen_ccp_log"
if [ -x "$gen" ]; then
  "$gen" --bytes 400000000 --seed 3 2> /dev/null | "$bin" --format html - > "$tmp/big.html"
  calls=$(grep -o 'id="total-calls">[0-9]*' "$tmp/big.html" | grep -o '[0-9]*$')
  bytes=$(stat -c %s "$tmp/big.html")
  if [ "${calls:-0}" -ge 20000 ] && [ "$bytes" -le $((calls * 1024)) ]; then
    ok
  else
    bad "20,000-call report: ${calls:-no} calls in $bytes bytes (at most 1 KB per call)"
  fi
  start=$(date +%s%N)
  browse 120 --dump-dom "file://$tmp/big.html" > "$tmp/big.dom"
  ms=$((($(date +%s%N) - start) / 1000000))
  rows=$(grep -o '<tr class="call"' "$tmp/big.dom" | wc -l)
  if grep -q "data-calls-ready=\"$calls\"" "$tmp/big.dom" && [ "$rows" = 100 ] && [ $ms -le 90000 ]; then
    ok
  else
    bad "20,000-call report: rendered in $ms ms with $rows rows on the page (expected 100, within 90 s)"
  fi
  script_ms=$(grep -o 'data-script-ms="[0-9]*"' "$tmp/big.dom" | grep -o '[0-9]*')
  echo "20,000-call report: $calls calls, $bytes bytes ($((bytes / calls)) per call), rendered in $ms ms" \
    "(chromium start to DOM dump; the page's script took ${script_ms:-?} ms)"
else
  echo "SKIP the 20,000-call render: no $gen in this build (the ci preset builds it)"
fi

echo "html_report_test: $pass passed, $failures failed"
[ $failures = 0 ]
