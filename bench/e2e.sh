#!/usr/bin/env bash
# End-to-end `run-once` over FEEDS sources (issue 6): gen_corpus.py writes FEEDS feeds of ITEMS items,
# nginx serves them from 127.0.0.1 (a temp config; it sends ETag and Last-Modified), feeds.json lists
# one source per feed over 10 categories. Two runs on the same store:
#   first  — every article is new: fetch, parse, normalize, dedupe, store, publish;
#   second — nothing changed: every source answers 304 to the conditional GET.
# Per run: wall time and peak memory (/usr/bin/time -v), articles/s (entries the sources served /
# wall), the status counts. No peer does this same work, so the peer column is '-'.
# All sources share one host, so fetch.maxConcurrentPerHost is raised to fetch.maxConcurrent (16):
# they stand for 1,000 sites on 1,000 hosts.
#   bash bench/e2e.sh                      # 1,000 feeds x 40 items
#   FEEDS=200 ITEMS=20 bash bench/e2e.sh   # quick
set -euo pipefail
# set -e alone ends the script silently: say which step failed.
trap 'echo "e2e.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
feeds="${FEEDS:-1000}"
items="${ITEMS:-40}"
port="${E2E_PORT:-18093}"
work="$(mktemp -d "${BENCH_DIR:-/tmp}/aggregator-e2e-bench.XXXXXX")"
nginx_pid=""
cleanup() {
  [[ -n "$nginx_pid" ]] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

if ! command -v nginx >/dev/null || [[ ! -x /usr/bin/time ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx time >/dev/null
fi

echo "== build (Release)"
bash "$repo/bench/native.sh" "$work/app"   # the shipped (native) build; BUILD=jit for dotnet build's
app="$work/app/Aggregator"

echo "== corpus: $feeds feeds x $items items"
mkdir -p "$work/nginx/html" "$work/nginx/tmp" "$work/nginx/logs"
/usr/bin/python3 "$shared/bench/gen_corpus.py" --out "$work/nginx/html/feeds" --feeds "$feeds" --items "$items" --seed 6 >/dev/null
chmod 755 "$work"
chmod -R a+rX "$work/nginx/html"

cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    types { application/rss+xml xml rss rdf; application/atom+xml atom; }
    default_type application/xml;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    server { listen 127.0.0.1:$port; root $work/nginx/html; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
# Not `ls | head -1`: under pipefail, head leaving early can end ls with SIGPIPE and the script with it
# (the unexplained exit 143 of earlier runs inside bench/run.sh: set -e, then the EXIT trap's wait on nginx).
feed_files=("$work"/nginx/html/feeds/*)
first_file=$(basename "${feed_files[0]}")
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/feeds/$first_file" && break; sleep 0.1; done

/usr/bin/python3 - "$work" "$port" <<'PY'
import json, os, sys
work, port = sys.argv[1], sys.argv[2]
files = sorted(os.listdir(os.path.join(work, "nginx/html/feeds")))
sources = [{"id": f"e2e-{i:04d}", "title": f"Source {i}", "url": f"http://127.0.0.1:{port}/feeds/{name}",
            "categories": [f"Topic {i % 10}"]} for i, name in enumerate(files)]
config = {"site": {"title": "End to end", "baseUrl": "http://127.0.0.1/"},
          "defaults": {"timeout": "00:00:30", "timeZone": "Asia/Shanghai"},
          "fetch": {"maxConcurrent": 16, "maxConcurrentPerHost": 16},
          "categories": {f"Topic {i}": {"slug": f"topic-{i}"} for i in range(10)},
          "sources": sources}
json.dump(config, open(os.path.join(work, "feeds.json"), "w"))
PY

served=$((feeds * items))
run() { # name
  set +e
  /usr/bin/time -v "$app" run-once --config "$work/feeds.json" --data "$work/data" --out "$work/public" \
    --log-level warning >"$work/$1.summary" 2>"$work/$1.time"
  local code=$?
  set -e
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/$1.time")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/$1.time")
  local stored
  stored=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$work/data/aggregator.db")
  echo "$1 $code $wall $rss $stored"
}

echo "== first run-once (all new)"
read -r _ code1 wall1 rss1 stored1 < <(run first)
tail -3 "$work/first.summary"
echo "== second run-once (nothing changed: conditional GETs)"
read -r _ code2 wall2 rss2 stored2 < <(run second)
tail -3 "$work/second.summary"
not_modified=$(grep -c ' not-modified ' "$work/second.summary" || true)

rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }'; }
echo
printf '%-34s %8s %8s %10s %12s %10s %5s\n' "run-once over $feeds sources" "wall s" "peak MB" "articles/s" "in the store" "entries" exit
printf '%-34s %8s %8s %10s %12s %10s %5s\n' "first (all new)" "$wall1" "$rss1" "$(rate "$served" "$wall1")" "$stored1" "$served" "$code1"
printf '%-34s %8s %8s %10s %12s %10s %5s\n' "second (unchanged, 304)" "$wall2" "$rss2" "$(rate "$served" "$wall2")" "$stored2" "$served" "$code2"
echo "second run: $not_modified of $feeds sources answered 304 (not-modified)"
[[ "$code1" == 0 && "$code2" == 0 ]] || echo "WARNING: a run exited non-zero (see above)"
printf 'BENCH\te2e run-once, %d sources, first run: wall\t%s\t-\t-\ts; %s articles/s (%d entries served, %d stored), peak %s MB, exit %s\n' \
  "$feeds" "$wall1" "$(rate "$served" "$wall1")" "$served" "$stored1" "$rss1" "$code1"
printf 'BENCH\te2e run-once, %d sources, first run: peak memory\t%s\t-\t-\tMB max RSS (/usr/bin/time -v)\n' "$feeds" "$rss1"
printf 'BENCH\te2e run-once, %d sources, second run (unchanged): wall\t%s\t-\t-\ts; %s of %d sources 304, %s entries/s, peak %s MB, exit %s, store %s -> %s\n' \
  "$feeds" "$wall2" "$not_modified" "$feeds" "$(rate "$served" "$wall2")" "$rss2" "$code2" "$stored1" "$stored2"
