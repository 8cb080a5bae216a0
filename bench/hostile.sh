#!/usr/bin/env bash
# run-once over 50 sources where 5 are hostile (gzip bomb, endless body, 1 byte/s drip, redirect
# loop, huge headers), served on 127.0.0.1; prints wall time and peak memory (/usr/bin/time -v).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${BENCH_DIR:-/tmp/aggregator-bench}/hostile"
timeout_s="${TIMEOUT:-10}"
rm -rf "$work" && mkdir -p "$work"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
/usr/bin/python3 "$shared/bench/gen_corpus.py" --out "$work/corpus" --feeds 45 --items 40 >/dev/null
bash "$repo/bench/native.sh" "$work/app"   # the shipped (native) build; BUILD=jit for dotnet build's

/usr/bin/python3 "$repo/bench/hostile_server.py" "$work/corpus" "$work/port" & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

/usr/bin/python3 - "$work" "$port" "$timeout_s" <<'PY'
import json, os, sys
work, port, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.listdir(os.path.join(work, "corpus")))
base = f"http://127.0.0.1:{port}/"
sources = [{"id": f"feed-{i:02d}", "title": f"Feed {i}", "url": base + name, "categories": ["News"]} for i, name in enumerate(files)]
for name in ["bomb.xml", "endless.xml", "drip.xml", "loop-a.xml", "huge-headers.xml"]:
    sources.append({"id": name.split(".")[0], "title": name, "url": base + name, "categories": ["News"]})
config = {"site": {"title": "Hostile", "baseUrl": "http://127.0.0.1/"},
          "defaults": {"timeout": f"00:00:{timeout:02d}", "timeZone": "Asia/Shanghai"},
          "fetch": {"maxConcurrent": 16, "maxConcurrentPerHost": 16}, "sources": sources}
json.dump(config, open(os.path.join(work, "feeds.json"), "w"))
PY

set +e
/usr/bin/time -v "$work/app/Aggregator" run-once \
  --config "$work/feeds.json" --data "$work/data" --out "$work/public" --log-level error \
  >"$work/summary.txt" 2>"$work/time.txt"
code=$?
set -e
grep -E "^(bomb|endless|drip|loop-a|huge-headers) " "$work/summary.txt" || true
tail -1 "$work/summary.txt"
echo "exit code: $code (1 expected: the hostile sources fail)"
echo "per-source timeout: ${timeout_s} s"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt"
