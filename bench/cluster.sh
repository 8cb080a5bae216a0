#!/usr/bin/env bash
# Acceptance of issue 9: several `serve` nodes on one PostgreSQL (Quartz clustered AdoJobStore + the
# PostgreSQL article store) polling SOURCES feeds from a counting fixture server on 127.0.0.1.
#  1. one node: polls per minute;  2. three nodes: polls per minute, every source polled exactly once
#  per interval, no duplicate articles (same count as a SQLite run-once of the same corpus);
#  3. SIGKILL one node: all its sources polled by the others within one interval; 4. restart: it
#  rejoins (checks in, polls); 5. the published feeds of the three nodes are byte-identical.
#   bench/cluster.sh            env: SOURCES (1000), ITEMS (5), INTERVAL seconds (60, divides 60),
#                                    MINUTES per measuring window (2), ROUNDS (ignored: one run)
set -euo pipefail

SOURCES=${SOURCES:-1000}
ITEMS=${ITEMS:-5}
INTERVAL=${INTERVAL:-60}
MINUTES=${MINUTES:-2}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/aggregator-cluster.XXXXXX)
chmod 755 "$WORK"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port); FIXTURE_PORT=$(free_port)
NODE_PORTS=("$(free_port)" "$(free_port)" "$(free_port)")
NODE_PIDS=("" "" "")
FIXTURE_PID=""
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
AS_PG=(); [[ $(id -u) = 0 ]] && AS_PG=(runuser -u postgres --)
FAILURES=0

cleanup() {
    for pid in "${NODE_PIDS[@]}"; do [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${NODE_PIDS[@]}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
    [[ -n "$FIXTURE_PID" ]] && kill -TERM "$FIXTURE_PID" 2>/dev/null || true
    [[ -d "$WORK/pg/data" ]] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
check() { if eval "$2"; then echo "   ok    $1"; else echo "   FAIL  $1"; FAILURES=$((FAILURES + 1)); fi; }

[[ -n "$PG_BIN" ]] || { echo "cluster bench: PostgreSQL binaries missing (apt-get install postgresql)" >&2; exit 1; }

echo "== build (${BUILD:-native})"
bash "$REPO/bench/native.sh" "$WORK/bin"
APP="$WORK/bin/Aggregator"

echo "== PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT (throw-away data directory)"
mkdir -p "$WORK/pg"; [[ $(id -u) = 0 ]] && chown postgres "$WORK/pg"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" >/dev/null
export AGGREGATOR_STORE=postgres
export AGGREGATOR_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=40;Timeout=60"
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "$1"; }

echo "== corpus: $SOURCES feeds x $ITEMS items, fixture server on 127.0.0.1:$FIXTURE_PORT"
/usr/bin/python3 /work/shared/bench/gen_corpus.py --out "$WORK/corpus" --feeds "$SOURCES" --items "$ITEMS" >/dev/null
/usr/bin/python3 "$REPO/bench/cluster_fixture.py" "$FIXTURE_PORT" "$WORK/corpus" &
FIXTURE_PID=$!
write_config() { # $1 = file, $2 = url prefix, $3 = store kind
    /usr/bin/python3 - "$WORK/corpus" "$1" "$2" "$3" "$INTERVAL" <<'PY'
import json, os, sys
corpus, out, prefix, kind, interval = sys.argv[1:6]
files = sorted(os.listdir(corpus))
config = {
    "site": {"title": "cluster bench", "baseUrl": "http://127.0.0.1/"},
    "fetch": {"maxConcurrent": 16, "maxConcurrentPerHost": 16},
    "store": {"kind": kind},
    "defaults": {"schedule": "0 * * * * ?" if interval == "60" else f"0/{interval} * * * * ?"},
    "sources": [{"id": f"s{i:04d}", "title": f"Source {i}", "url": prefix + name, "categories": ["市场"]} for i, name in enumerate(files)],
}
json.dump(config, open(out, "w"), ensure_ascii=False, indent=1)
PY
}
write_config "$WORK/feeds.json" "http://127.0.0.1:$FIXTURE_PORT/" postgres
write_config "$WORK/corpus-file.json" "file:corpus/" sqlite

start_node() { # $1 = index 0..2
    local n=$1
    "$APP" serve --config "$WORK/feeds.json" --data "$WORK/node$n" --out "$WORK/public$n" \
        --urls "http://127.0.0.1:${NODE_PORTS[$n]}" --log-level information >>"$WORK/node$n.log" 2>&1 &
    NODE_PIDS[$n]=$!
    for _ in $(seq 120); do curl -fs "http://127.0.0.1:${NODE_PORTS[$n]}/health" >/dev/null 2>&1 && return 0; sleep 1; done
    echo "node $n did not start:"; grep -m3 -E "Exception:|storage:" "$WORK/node$n.log" | cut -c1-300; exit 1
}
counts() { curl -fs "http://127.0.0.1:$FIXTURE_PORT/__counts" > "$1"; }
# Sleeps until the given second of the minute: fires are jittered into the first half of each
# interval, so snapshots in the second half never cut a round of polls in two.
until_quiet() { local s; s=$(date +%-S); local target=$(( (s / INTERVAL) * INTERVAL + INTERVAL * 3 / 4 )); local wait=$(( target - s )); (( wait < 2 )) && wait=$(( wait + INTERVAL )); sleep "$wait"; }
delta() { /usr/bin/python3 - "$1" "$2" "$SOURCES" <<'PY'
import json, sys
a, b, n = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3])
d = [b.get(p, 0) - a.get(p, 0) for p in b if p != "/__counts"] + [0] * max(0, n - len([p for p in b if p != "/__counts"]))
print(sum(d), min(d), max(d), sum(1 for x in d if x == 0))
PY
}
db_work() { psql_q "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = 'postgres'" | tr '|' ' '; }
measure() { # $1 = label; sets POLLS_PER_MINUTE, MIN, MAX, ZERO over MINUTES minutes
    until_quiet; counts "$WORK/a.json"; read -r C0 W0 < <(db_work); sleep $(( MINUTES * 60 )); counts "$WORK/b.json"; read -r C1 W1 < <(db_work)
    read -r TOTAL MIN MAX ZERO < <(delta "$WORK/a.json" "$WORK/b.json")
    POLLS_PER_MINUTE=$(( TOTAL / MINUTES ))
    echo "   $1: $TOTAL polls in $MINUTES min = $POLLS_PER_MINUTE/min; per source min $MIN, max $MAX (expected $(( MINUTES * 60 / INTERVAL )))"
    (( TOTAL > 0 )) && echo "   database per poll: $(( (C1 - C0) * 10 / TOTAL ))e-1 commits, $(( (W1 - W0) * 10 / TOTAL ))e-1 rows written"
    return 0
}
# The first round ingests everything: wait until every source was polled twice (at most 15 min).
warm_up() { for _ in $(seq 90); do counts "$WORK/w.json"; [[ $(/usr/bin/python3 -c "import json,sys; c=json.load(open(sys.argv[1])); c.pop('/__counts',None); print(int(len(c) >= int(sys.argv[2]) and min(c.values()) >= 2))" "$WORK/w.json" "$SOURCES") = 1 ]] && return 0; sleep 10; done; echo "   (warm-up incomplete after 15 min)"; }

echo "== 1 node (schedule every $INTERVAL s: $(( SOURCES * 60 / INTERVAL )) polls/min asked)"
start_node 0
warm_up
echo "   warm: $(psql_q "SELECT count(*) FROM articles") articles stored"
measure "1 node"
ONE=$POLLS_PER_MINUTE

echo "== 3 nodes"
start_node 1; start_node 2
sleep $(( INTERVAL * 2 ))
check "3 scheduler instances checked in" '[[ $(psql_q "SELECT count(*) FROM qrtz_scheduler_state") = 3 ]]'
measure "3 nodes"
THREE=$POLLS_PER_MINUTE
EXPECTED=$(( MINUTES * 60 / INTERVAL ))
check "every source polled exactly once per interval ($EXPECTED in $MINUTES min)" '[[ $MIN = "$EXPECTED" && $MAX = "$EXPECTED" ]]'
for n in 0 1 2; do echo "   node $n: $(grep -c 'Polled\|not modified' "$WORK/node$n.log") polls logged"; done

echo "== no duplicate articles: the cluster stores what one SQLite run-once stores from the same corpus"
(cd "$WORK" && AGGREGATOR_STORE=sqlite "$APP" run-once --config corpus-file.json --data "$WORK/sqlite" --out "$WORK/sqlite-out" --log-level warning >/dev/null 2>&1 || true)
SQLITE_ARTICLES=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$WORK/sqlite/aggregator.db")
PG_ARTICLES=$(psql_q "SELECT count(*) FROM articles")
echo "   PostgreSQL: $PG_ARTICLES articles, $(psql_q "SELECT count(*) FROM article_entries") entries; SQLite run-once: $SQLITE_ARTICLES articles"
check "same article count as SQLite" '[[ $PG_ARTICLES = "$SQLITE_ARTICLES" ]]'
check "no two articles share a link or an id" '[[ $(psql_q "SELECT count(*) - count(DISTINCT canonical_link) + count(*) - count(DISTINCT id) FROM articles") = 0 ]]'

echo "== SIGKILL node 1"
until_quiet; counts "$WORK/k0.json"
kill -KILL "${NODE_PIDS[1]}"; wait "${NODE_PIDS[1]}" 2>/dev/null || true; NODE_PIDS[1]=""
KILLED_AT=$(date +%s)
# Quartz declares the node dead after 2 missed check-ins (15 s) and recovers its in-flight polls.
sleep $(( INTERVAL + 20 )); until_quiet; counts "$WORK/k1.json"
read -r TOTAL MIN MAX ZERO < <(delta "$WORK/k0.json" "$WORK/k1.json")
echo "   $(( $(date +%s) - KILLED_AT )) s after the kill: every source polled at least $MIN times (max $MAX), $ZERO never"
check "all sources polled by the 2 survivors within one interval" '[[ $ZERO = 0 ]]'
check "the dead node left the cluster" '[[ $(psql_q "SELECT count(*) FROM qrtz_scheduler_state") = 2 ]]'

echo "== restart node 1"
RESTART_LINE=$(wc -l < "$WORK/node1.log")
start_node 1
sleep $(( INTERVAL * 2 ))
POLLS_AFTER=$(tail -n +"$RESTART_LINE" "$WORK/node1.log" | grep -c 'Polled\|not modified' || true)
check "it checked in again (3 instances)" '[[ $(psql_q "SELECT count(*) FROM qrtz_scheduler_state") = 3 ]]'
check "it polls again ($POLLS_AFTER polls since the restart)" '[[ $POLLS_AFTER -gt 0 ]]'

echo "== the three nodes publish the same bytes"
sleep 35   # the publish debounce (at most 30 s after the last change)
for n in 0 1 2; do
    curl -fsS -D "$WORK/h$n" -o "$WORK/all$n.atom" "http://127.0.0.1:${NODE_PORTS[$n]}/feeds/all.atom"
    echo "   node $n: $(sha256sum < "$WORK/all$n.atom" | cut -c1-16) $(grep -i '^etag' "$WORK/h$n" | tr -d '\r')"
done
check "feeds/all.atom byte-identical on all nodes" 'cmp -s "$WORK/all0.atom" "$WORK/all1.atom" && cmp -s "$WORK/all0.atom" "$WORK/all2.atom"'
check "equal ETags" '[[ $(grep -ih "^etag" "$WORK"/h0 "$WORK"/h1 "$WORK"/h2 | sort -u | wc -l) = 1 ]]'
# index.html is left out: it shows each source's health as of its node's last publish.
check "every published feed identical (diff -r of the three --out/feeds folders)" 'diff -rq "$WORK/public0/feeds" "$WORK/public1/feeds" >/dev/null && diff -rq "$WORK/public0/feeds" "$WORK/public2/feeds" >/dev/null'

echo
printf '%-44s %12s\n' "cluster ($SOURCES sources every $INTERVAL s)" "polls/min"
printf '%-44s %12s\n' "1 node" "$ONE" "3 nodes" "$THREE"
printf '%-44s %12s\n' "asked by the schedule" "$(( SOURCES * 60 / INTERVAL ))"
RATIO=$(/usr/bin/python3 -c "import sys; a,b=int(sys.argv[1]),int(sys.argv[2]); print(f'{b/a:.2f}x' if a else '-')" "$ONE" "$THREE")
printf 'BENCH\tcluster polls/min, 1 node, %d sources every %ds\t%s\t-\t-\tpolls/min (asked %d/min)\n' "$SOURCES" "$INTERVAL" "$ONE" "$(( SOURCES * 60 / INTERVAL ))"
printf 'BENCH\tcluster polls/min, 3 nodes vs 1 node\t%s\t%s\t%s\tpolls/min, one PostgreSQL, 2 shared cores; %d checks failed\n' "$THREE" "$ONE" "$RATIO" "$FAILURES"
[[ $FAILURES = 0 ]]
