#!/usr/bin/env bash
# Benchmark of `serve` against nginx serving the same bytes as a static file (issue 8):
# one category feed of 100 entries, wrk -t2 -c50 on 127.0.0.1, identity / gzip / 304.
# Target: at least 0.9x nginx's requests per second, p99 under 20 ms, the 304 path at least as fast.
# Two feed sizes: the generated corpus as it is (bodies of 2-4 KB: a ~530 KB feed) and the corpus
# with each body cut after the paragraph that passes BODY_BYTES (default 1000: a ~300 KB feed, the
# size issue 8 names).
#   bench/serve.sh                          15 s per measurement, 3 rounds per case (medians), both sizes
#   DURATION=5s ROUNDS=1 bench/serve.sh     a quick run (RUNS is accepted as a synonym of ROUNDS)
#   SIZES=full CASES=identity bench/serve.sh   one size (full or cut), some cases
#   BIN=/path/to/Release/output bench/serve.sh   skips the build and runs that Aggregator
# Prints a table per size and one BENCH line per size and case; CPU per response is the server's
# utime+stime over a wrk run divided by its requests.
set -euo pipefail

DURATION=${DURATION:-${1:-15s}}
ROUNDS=${ROUNDS:-${RUNS:-${2:-3}}}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/aggregator-serve-bench.XXXXXX)
SERVE_PORT=${SERVE_PORT:-18081}
NGINX_PORT=${NGINX_PORT:-18082}
SERVE_PID=""
NGINX_PID=""
SIZES=${SIZES:-full cut}
BODY_BYTES=${BODY_BYTES:-1000}

stop_servers() {
    [[ -n "$SERVE_PID" ]] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    [[ -n "$NGINX_PID" ]] && kill -TERM "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    SERVE_PID=""; NGINX_PID=""
}
cleanup() {
    stop_servers
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    apt-get install -y nginx wrk >/dev/null
fi

if [[ -n "${BIN:-}" ]]; then
    APP="$BIN/Aggregator"
else
    echo "== build (${BUILD:-native})"
    bash "$REPO/bench/native.sh" "$WORK/bin"
    APP="$WORK/bin/Aggregator"
fi

echo "== corpus: 10 feeds x 40 items, all in one category"
/usr/bin/python3 /work/shared/bench/gen_corpus.py --out "$WORK/corpus" --feeds 10 --items 40 >/dev/null
# The cut corpus: every body (RSS content:encoded, Atom content, RSS descriptions holding the body)
# ends after the paragraph that passes BODY_BYTES bytes.
cp -r "$WORK/corpus" "$WORK/corpus-cut"
/usr/bin/python3 - "$WORK/corpus-cut" "$BODY_BYTES" <<'PY'
import pathlib, re, sys
limit = int(sys.argv[2])
def cut(body, end):
    out, size = [], 0
    for part in body.split(end):
        if part:
            out.append(part + end)
            size += len((part + end).encode())
            if size >= limit:
                break
    return "".join(out)
for path in pathlib.Path(sys.argv[1]).iterdir():
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(<content:encoded><!\[CDATA\[)(.*?)(\]\]></content:encoded>)", lambda m: m[1] + cut(m[2], "</p>") + m[3], text, flags=re.S)
    text = re.sub(r'(<content type="html">)(.*?)(</content>)', lambda m: m[1] + cut(m[2], "&lt;/p&gt;") + m[3], text, flags=re.S)
    text = re.sub(r"(<description>)(&lt;p.*?)(</description>)", lambda m: m[1] + cut(m[2], "&lt;/p&gt;") + m[3], text, flags=re.S)
    path.write_text(text, encoding="utf-8")
PY

# wrk prints "Requests/sec: N", "N requests in …" and, with --latency, "99% X"; p99 normalized to
# ms; CPU per response = the server's utime+stime over the run / the requests, in microseconds (the
# machine is shared: this is steadier than requests/s).
measure() { # pid url header...
    local pid=$1 url=$2; shift 2
    local out before after
    before=$(cpu_ticks "$pid")
    out=$(wrk -t2 -c50 -d"$DURATION" --latency "$@" "$url")
    after=$(cpu_ticks "$pid")
    local rps p99 requests cpu
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}' <<<"$out")
    requests=$(awk '/requests in/{print $1}' <<<"$out")
    cpu=$(awk -v t=$(( after - before )) -v n="$requests" -v hz="$CLK_TCK" 'BEGIN{printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
    echo "$rps $p99 $cpu"
}

# CPU time (utime+stime, clock ticks) of a server: the process and its children (nginx's workers).
cpu_ticks() { # pid
    local total=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        [[ -r /proc/$p/stat ]] || continue
        total=$(( total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}') ))
    done
    echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)

# The machine is shared and noisy: each case runs ROUNDS times, serve and nginx alternating
# (which goes first flips every round), and the table quotes the medians.
median() { sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

port_free() { ! ss -ltn | awk '{print $4}' | grep -q ":$1\$"; }

bench_size() { # full|cut
local size=$1 corpus=corpus label
[[ $size == cut ]] && corpus=corpus-cut
rm -rf "$WORK/data" "$WORK/public" "$WORK/nginx"
{
    echo '{ "site": { "title": "bench", "baseUrl": "http://127.0.0.1/" },'
    echo '  "categories": { "市场": { "slug": "market" } },'
    echo '  "sources": ['
    i=0
    for feed in "$WORK"/corpus/*; do
        [[ $i -gt 0 ]] && echo ','
        printf '    { "id": "s%d", "title": "Source %d", "url": "file:'"$corpus"'/%s", "categories": ["市场"] }' "$i" "$i" "$(basename "$feed")"
        i=$((i + 1))
    done
    echo; echo '  ] }'
} > "$WORK/feeds.json"
"$APP" run-once --config "$WORK/feeds.json" --data "$WORK/data" --out "$WORK/public" --log-level warning >/dev/null || true
FEED=feeds/market.atom
ENTRIES=$(grep -o '<entry>' "$WORK/public/$FEED" | wc -l)
KB=$(( $(stat -c %s "$WORK/public/$FEED") / 1024 ))
if [[ $size == cut ]]; then label=" ($KB KB feed, bodies cut at $BODY_BYTES bytes)"; else label=" ($KB KB feed)"; fi
echo "   $FEED ($size corpus): $ENTRIES entries, $(stat -c %s "$WORK/public/$FEED") bytes"
for port in "$SERVE_PORT" "$NGINX_PORT"; do
    port_free "$port" || { echo "port $port is in use by another process: set SERVE_PORT/NGINX_PORT"; exit 1; }
done

echo "== servers"
AGGREGATOR_LOG_LEVEL=warning "$APP" serve --config "$WORK/feeds.json" --data "$WORK/data" --out "$WORK/public" \
    --urls "http://127.0.0.1:$SERVE_PORT" --log-level warning &
SERVE_PID=$!

# nginx: the same bytes as static files, a gzip copy beside each (gzip_static), ETag and 304 as it
# does by default; configured as one would for speed: a worker per core, sendfile, no access log
# (serve logs no requests either: it runs at --log-level warning).
mkdir -p "$WORK/nginx/html/feeds" "$WORK/nginx/logs"
cp "$WORK/public/$FEED" "$WORK/nginx/html/$FEED"
gzip -9 -k "$WORK/nginx/html/$FEED"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types { application/atom+xml atom; }
    gzip_static on;
    gzip_vary on;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
        add_header Cache-Control "public, max-age=60";
    }
}
CONF
mkdir -p "$WORK/nginx/tmp"
# nginx workers run as an unprivileged user: let them read the copy.
chmod 755 "$WORK"
chmod -R a+rX "$WORK/nginx/html"
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!

for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$SERVE_PORT/$FEED" && curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/$FEED" && break
    sleep 0.2
done
cmp <(curl -s "http://127.0.0.1:$SERVE_PORT/$FEED") <(curl -s "http://127.0.0.1:$NGINX_PORT/$FEED") || { echo "bytes differ"; exit 1; }
SERVE_ETAG=$(curl -sI "http://127.0.0.1:$SERVE_PORT/$FEED" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
NGINX_ETAG=$(curl -sI "http://127.0.0.1:$NGINX_PORT/$FEED" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
for server in "$SERVE_PORT:$SERVE_ETAG" "$NGINX_PORT:$NGINX_ETAG"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${server#*:}" "http://127.0.0.1:${server%%:*}/$FEED")
    [[ "$code" == 304 ]] || { echo "no 304 from port ${server%%:*} (got $code)"; exit 1; }
done

kill -0 "$SERVE_PID" || { echo "serve did not start"; exit 1; }
# Warm-up, not measured: serve's JIT and both servers' caches.
wrk -t2 -c50 -d2s "http://127.0.0.1:$SERVE_PORT/$FEED" >/dev/null
wrk -t2 -c50 -d2s "http://127.0.0.1:$NGINX_PORT/$FEED" >/dev/null
echo "== wrk -t2 -c50 -d$DURATION --latency, $ROUNDS rounds per case, medians, ${KB} KB feed; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s %8s %9s %12s %8s %9s %7s\n' case "serve req/s" "p99 ms" "CPU us/r" "nginx req/s" "p99 ms" "CPU us/r" ratio
for case in ${CASES:-identity gzip 304}; do
    case $case in
        identity) serve_args=(); nginx_args=() ;;
        gzip) serve_args=(-H 'Accept-Encoding: gzip'); nginx_args=(-H 'Accept-Encoding: gzip') ;;
        304) serve_args=(-H "If-None-Match: $SERVE_ETAG"); nginx_args=(-H "If-None-Match: $NGINX_ETAG") ;;
    esac
    : > "$WORK/serve.$case"; : > "$WORK/nginx.$case"
    for round in $(seq 1 "$ROUNDS"); do
        if (( round % 2 )); then
            measure "$SERVE_PID" "http://127.0.0.1:$SERVE_PORT/$FEED" "${serve_args[@]}" >> "$WORK/serve.$case"
            measure "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/$FEED" "${nginx_args[@]}" >> "$WORK/nginx.$case"
        else
            measure "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/$FEED" "${nginx_args[@]}" >> "$WORK/nginx.$case"
            measure "$SERVE_PID" "http://127.0.0.1:$SERVE_PORT/$FEED" "${serve_args[@]}" >> "$WORK/serve.$case"
        fi
    done
    s_rps=$(cut -d' ' -f1 "$WORK/serve.$case" | median); s_p99=$(cut -d' ' -f2 "$WORK/serve.$case" | median)
    n_rps=$(cut -d' ' -f1 "$WORK/nginx.$case" | median); n_p99=$(cut -d' ' -f2 "$WORK/nginx.$case" | median)
    s_cpu=$(cut -d' ' -f3 "$WORK/serve.$case" | median); n_cpu=$(cut -d' ' -f3 "$WORK/nginx.$case" | median)
    ratio=$(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN{printf "%.2f", a/b}')
    printf '%-10s %12.0f %8.2f %9.1f %12.0f %8.2f %9.1f %7s\n' "$case" "$s_rps" "$s_p99" "$s_cpu" "$n_rps" "$n_p99" "$n_cpu" "$ratio"
    printf 'serve %s vs nginx%s\t%.0f\t%.0f\t%sx\treq/s, p99 %.1f ms vs %.1f ms, CPU %.0f vs %.0f us/response, %s entries, wrk -t2 -c50 -d%s, medians of %s\n' \
        "$case" "$label" "$s_rps" "$n_rps" "$ratio" "$s_p99" "$n_p99" "$s_cpu" "$n_cpu" "$ENTRIES" "$DURATION" "$ROUNDS" >> "$WORK/bench.lines"
done
stop_servers
}

: > "$WORK/bench.lines"
for size in $SIZES; do
    bench_size "$size"
done
sed 's/^/BENCH\t/' "$WORK/bench.lines"
