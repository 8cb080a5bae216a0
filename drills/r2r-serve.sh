#!/usr/bin/env bash
# ReadyToRun drill: publishes the app ReadyToRun (framework-dependent, as bench/parse.sh and the Dockerfile
# candidate do), then checks that `--help` and `parse --stats` exit 0 and that `serve` stays up for
# DURATION seconds twice: over an empty store, then over the store the first run filled (sources served
# on 127.0.0.1 by python3 -m http.server), answering /health. Exits non-zero on any failure.
#   drills/r2r-serve.sh                 SOURCES=20 ITEMS=20 DURATION=20
#   COMPOSITE_FIRST=1 drills/r2r-serve.sh   first publishes self-contained composite (minutes: the whole
#                                           framework is compiled), then the plain publish: the sequence
#                                           that left a broken build before Aggregator.csproj's
#                                           DropReadyToRunImagesOfOtherSettings target (2026-11-28)
# 2026-11-28: written for the "ReadyToRun publish aborts serve" report (SIGABRT in coreclr, exit 134).
# The publish was not mis-compiled: it held stale composite-component assemblies from an earlier
# composite publish (obj/.../R2R is reused whatever the settings), whose Aggregator.r2r.dll it did not
# ship; every command of that build aborted, --help included.
set -euo pipefail

SOURCES=${SOURCES:-20}
ITEMS=${ITEMS:-20}
DURATION=${DURATION:-20}
SERVE_PORT=${SERVE_PORT:-18191}
FEEDS_PORT=${FEEDS_PORT:-18192}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/aggregator-r2r-drill.XXXXXX)
FEEDS_PID=""
SERVE_PID=""
FAILED=0

cleanup() {
    [[ -n "$SERVE_PID" ]] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    [[ -n "$FEEDS_PID" ]] && kill -TERM "$FEEDS_PID" 2>/dev/null && wait "$FEEDS_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

csproj="$REPO/src/Aggregator/Aggregator.csproj"
if [[ "${COMPOSITE_FIRST:-0}" == 1 ]]; then
    echo "== publish self-contained composite ReadyToRun first (slow)"
    dotnet publish "$csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
        -p:PublishReadyToRunComposite=true -o "$WORK/composite" -v quiet -nologo >/dev/null
    rm -rf "$WORK/composite"
fi
echo "== publish ReadyToRun (framework-dependent, linux-x64)"
dotnet publish "$csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/bin" -v quiet -nologo >/dev/null
app="$WORK/bin/Aggregator"

check() { # name, expected exit code, actual exit code
    if [[ "$3" == "$2" ]]; then echo "   ok   $1 (exit $3)"; else echo "   FAIL $1: exit $3, expected $2"; FAILED=1; fi
}

echo "== --help and parse --stats"
set +e
"$app" --help >/dev/null 2>&1; check "--help" 0 $?
/usr/bin/python3 /work/shared/bench/gen_corpus.py --out "$WORK/feeds" --feeds "$SOURCES" --items "$ITEMS" >/dev/null
"$app" parse --stats --log-level error "$WORK/feeds" >/dev/null 2>&1; check "parse --stats" 0 $?
set -e

(cd "$WORK/feeds" && exec /usr/bin/python3 -m http.server --bind 127.0.0.1 "$FEEDS_PORT" >/dev/null 2>&1) &
FEEDS_PID=$!
{
    echo '{ "site": { "title": "r2r drill", "baseUrl": "http://127.0.0.1/" },'
    echo '  "defaults": { "schedule": "0/5 * * * * ?" },'
    echo '  "sources": ['
    i=0
    for feed in $(ls "$WORK/feeds" | sort); do
        [[ $i -gt 0 ]] && echo ','
        printf '    { "id": "s%04d", "title": "Source %d", "url": "http://127.0.0.1:%d/%s", "categories": ["c%d"] }' \
            "$i" "$i" "$FEEDS_PORT" "$feed" "$((i % 3))"
        i=$((i + 1))
    done
    echo; echo '  ] }'
} > "$WORK/feeds.json"

serve_round() { # name: serve runs DURATION s over $WORK/data; must stay up and answer /health
    "$app" serve --config "$WORK/feeds.json" --data "$WORK/data" --out "$WORK/public" \
        --urls "http://127.0.0.1:$SERVE_PORT" --log-level warning >"$WORK/serve.log" 2>&1 &
    SERVE_PID=$!
    local end=$(( $(date +%s) + DURATION )) health=""
    while (( $(date +%s) < end )) && kill -0 "$SERVE_PID" 2>/dev/null; do
        sleep 1
        [[ -z "$health" ]] && health=$(curl -sf "http://127.0.0.1:$SERVE_PORT/health" >/dev/null && echo yes || true)
    done
    if kill -0 "$SERVE_PID" 2>/dev/null; then
        kill -TERM "$SERVE_PID"; set +e; wait "$SERVE_PID"; local rc=$?; set -e
        check "serve $1: up for $DURATION s, stopped by SIGTERM" 0 "$rc"
        [[ "$health" == yes ]] && echo "   ok   serve $1: /health answered" || { echo "   FAIL serve $1: /health never answered"; FAILED=1; }
    else
        set +e; wait "$SERVE_PID"; local rc=$?; set -e
        check "serve $1: still running after $DURATION s" running "exited $rc"
        tail -5 "$WORK/serve.log"
    fi
    SERVE_PID=""
}
echo "== serve from the ReadyToRun publish ($SOURCES local sources, ${DURATION} s per round)"
mkdir -p "$WORK/data"
serve_round "over an empty store"
serve_round "over the store it filled"

(( FAILED == 0 )) && echo "PASS: ReadyToRun publish runs --help, parse and serve" || echo "FAIL: see above"
exit "$FAILED"
