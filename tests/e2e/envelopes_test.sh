#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Exports bigger than one record: every list envelope a JSON export reader knows (Genesys
# conversations / entities, voice-agent items, GMS by queue, Twilio call_summaries / calls) is
# read record by record, so an envelope over --max-entry-bytes loses nothing (a small limit
# stands in for the 64 MiB default; one real envelope over 64 MiB is read too, in bounded
# memory). Every verdict's evidence points at its own record inside the envelope, pretty-printed,
# on one JSON Lines line or inside an array. A record that outgrows the memory there is is that
# input's error: the other inputs are still reported. Usage: envelopes_test.sh BIN TESTDATA
set -euo pipefail
bin=$1
testdata=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$bin" "$testdata" "$tmp" <<'PY'
import copy, json, os, resource, subprocess, sys

binary, testdata, tmp = sys.argv[1:4]
failures = []


def fixture(path):
    with open(os.path.join(testdata, path)) as f:
        return json.load(f)


def renamed(record, id_key, n):
    """A copy of `record` whose id (and every string equal to it) ends in a new number."""
    old = record[id_key]
    text = json.dumps(record).replace(json.dumps(old)[1:-1], f"{old[:-6]}{n:06d}")
    return json.loads(text)


def run(args, limit_as=None):
    def limit():
        if limit_as:
            resource.setrlimit(resource.RLIMIT_AS, (limit_as, limit_as))
    env = dict(os.environ, TZ="UTC", LC_ALL="C", NO_COLOR="1")
    return subprocess.run([binary] + args, capture_output=True, text=True, env=env, preexec_fn=limit, timeout=120)


def check_positions(name, path, verdicts):
    """Each evidence line/byte is where the verdict's own record starts, and that record names it."""
    data = open(path, "rb").read()
    decoder = json.JSONDecoder()
    ids = {v["contact_id"] for v in verdicts}
    for v in verdicts:
        for e in v["evidence"]:
            at = e["byte"]
            if data[at:at + 1] != b"{" or data.count(b"\n", 0, at) + 1 != e["line"]:
                failures.append(f"{name}: evidence {e['line']}:{at} of {v['contact_id']} is not a record's start")
                return
            record, _ = decoder.raw_decode(data.decode(), at) if data.isascii() else (None, 0)
            named = [i for i in ids if record is not None and i in json.dumps(record)]
            if named != [v["contact_id"]]:  # its own record, not the envelope around it
                failures.append(f"{name}: the value at byte {at} names {len(named)} calls, not {v['contact_id']} alone")
                return


def read_all(name, path, expected, limit):
    got = run(["--format", "jsonl", "--max-entry-bytes", str(limit), path])
    lines = [json.loads(l) for l in got.stdout.splitlines()]
    verdicts = [l for l in lines if l["type"] == "verdict"]
    ends = [l for l in lines if l["type"] == "input_end"]
    if len(verdicts) != expected or not ends or ends[0]["skipped"] != 0 or ends[0]["error"]:
        failures.append(f"{name}: {len(verdicts)} of {expected} verdicts, status {got.returncode}, "
                        f"input_end {ends}, stderr {got.stderr[:300]!r}")
        return
    if got.returncode == 2 or "entry size limit" in got.stderr:
        failures.append(f"{name}: status {got.returncode}, stderr {got.stderr[:300]!r}")
    check_positions(name, path, verdicts)


def envelope_cases():
    """(name, envelope, record count, largest record): each envelope many times the limit."""
    n = 80
    analytics = fixture("genesys/analytics-details-query.json")
    convs = [renamed(analytics["conversations"][i % len(analytics["conversations"])], "conversationId", i)
             for i in range(n)]
    yield "genesys conversations", {"totalHits": n, "conversations": convs, "aggregations": [{"group": {}}]}, n, convs
    job = fixture("genesys/async-job-results.json")
    yield "genesys async job", dict(job, conversations=convs), n, convs
    api = fixture("genesys/conversations-api-call.json")
    entities = [renamed(api, "id", i) for i in range(n)]
    yield "genesys entities", {"entities": entities, "pageSize": n, "pageNumber": 1, "total": n}, n, entities
    page = fixture("voice-agent/list-calls-v3-page.json")
    items = [renamed(page["items"][i % len(page["items"])], "call_id", i) for i in range(n)]
    yield "voice-agent items", dict(page, items=items), n, items
    queues = fixture("gms/callbacks-by-queue.json")
    first = next(iter(queues.values()))[0]
    callbacks = [renamed(first, "_id", i) for i in range(n)]
    yield "gms by queue", {"Callback_Support": callbacks[: n // 2], "Callback_Sales": callbacks[n // 2:]}, n, callbacks
    summaries = fixture("twilio/call_summaries.json")
    listed = [renamed(summaries["call_summaries"][i % 3], "call_sid", i) for i in range(n)]
    yield "twilio call_summaries", {"meta": summaries["meta"], "call_summaries": listed}, n, listed
    calls = fixture("twilio/calls.json")
    resources = [renamed(calls["calls"][0], "sid", i) for i in range(n)]
    yield "twilio calls", dict(calls, calls=resources), n, resources


for name, envelope, expected, records in envelope_cases():
    largest = max(len(json.dumps(r, indent=2)) for r in records)
    limit = max(4096, 2 * largest)
    slug = name.replace(" ", "_")
    pretty = os.path.join(tmp, slug + ".json")
    with open(pretty, "w") as f:
        json.dump(envelope, f, indent=2)
    assert os.path.getsize(pretty) > 5 * limit, name
    read_all(name + " (pretty)", pretty, expected, limit)
    # Whole envelopes: JSON Lines (a plain record first, then envelope lines) and inside an array.
    half = dict(envelope)
    key = next(k for k, v in envelope.items() if isinstance(v, list) and v and v[0] in records)
    if name == "gms by queue":
        lines = [{"Callback_Support": records[:10]}, {"Callback_Sales": records[10:20]}]
    else:
        lines = [dict(half, **{key: records[:10]}), dict(half, **{key: records[10:20]})]
    jsonl = os.path.join(tmp, slug + ".jsonl")
    with open(jsonl, "w") as f:
        f.write("\n".join(json.dumps(l) for l in lines) + "\n")
    read_all(name + " (JSON Lines)", jsonl, 20, 1 << 20)
    array = os.path.join(tmp, slug + "-array.json")
    with open(array, "w") as f:
        json.dump(lines, f, indent=1)
    read_all(name + " (array of envelopes)", array, 20, 1 << 20)

# One real envelope over the 64 MiB default, read in memory bounded by its records.
page = fixture("voice-agent/list-calls-v3-page.json")
record = page["items"][0]
big = os.path.join(tmp, "big-page.json")
count = 0
with open(big, "w") as f:
    f.write('{"items": [')
    text = json.dumps(record)
    old = record["call_id"]
    while f.tell() < (66 << 20):
        f.write(("," if count else "") + text.replace(old, f"call-{count:09d}"))
        count += 1
    f.write('], "has_more": false}')
got = run(["--count", "--format", "jsonl", big])
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
summary = json.loads(got.stdout.splitlines()[-1]) if got.stdout else {}
if got.returncode == 2 or json.dumps(summary).find(str(count)) < 0:
    failures.append(f"66 MiB page: status {got.returncode}, {count} calls expected, got {got.stdout[:300]!r} "
                    f"{got.stderr[:300]!r}")
# The records stream and the reconcile stage keeps a compact entry per call (about 15 MB here).
# AddressSanitizer keeps up to 256 MiB of freed memory in quarantine and adds its shadow, so its
# build gets a looser bound; it still catches the whole page being held.
sanitized = b"asan" in subprocess.run(["ldd", binary], capture_output=True).stdout
limit_mib = 400 if sanitized else 64
if peak_kb > limit_mib * 1024:
    failures.append(f"66 MiB page: peak RSS {peak_kb} KiB, more than {limit_mib} MiB")

# Out of memory in one input: that input's error (one line naming it), the others reported.
bomb = os.path.join(tmp, "bomb.json")
with open(bomb, "w") as f:
    f.write('{"conversations": [{"conversationId": "c-bomb", "participants": [], "pad": [')
    f.write(",".join(["0"] * (20 << 20)))
    f.write("]}]}")
good = os.path.join(testdata, "genesys/conversations-api-call.json")
# An address-space limit only means something without AddressSanitizer's shadow memory (which
# needs terabytes of it): the sanitizer build skips this part, as bad_input_test does.
for order in ([] if sanitized else [[bomb, good], [good, bomb]]):
    for jobs in ("1", "2"):
        got = run(["-j", jobs, "--format", "jsonl", "--max-entry-bytes", str(1 << 30)] + order, limit_as=600 << 20)
        errors = [l for l in got.stderr.splitlines() if "error" in l]
        verdicts = [json.loads(l) for l in got.stdout.splitlines() if '"type":"verdict"' in l]
        if (got.returncode != 2 or len(errors) != 1 or "bomb.json" not in errors[0] or "memory" not in errors[0]
                or [v["input"] for v in verdicts] != [good]):
            failures.append(f"out of memory, -j {jobs}, {[os.path.basename(p) for p in order]}: status "
                            f"{got.returncode}, errors {errors}, verdicts from {[v['input'] for v in verdicts]}")

for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures else 0)
PY
