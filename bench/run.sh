#!/usr/bin/env bash
# The one benchmark command (issue 6): builds in Release, runs every bench script of the list below
# that exists (noting the absent ones), collects the BENCH lines they print and prints ONE table:
# row, ours, peer, ratio (ours/peer, higher = better for us), note, and the wall time of the script
# that produced the row. Each script's full output goes to a log under $BENCH_LOGS.
#   bash bench/run.sh                 # full: the issue's sizes (takes long: a 1,000,000-article store, 15 s wrk rounds)
#   QUICK=1 bash bench/run.sh         # small corpora, few runs, short wrk: minutes
#   MICRO=1 bash bench/run.sh         # adds the BenchmarkDotNet micro-benchmarks (bench/micro.sh)
#   ONLY="parse.sh e2e.sh" bash bench/run.sh   # a subset
# Servers bind to 127.0.0.1 and each script stops its own on exit.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
SCRIPTS=(parse.sh repoll.sh ingest.sh publish.sh serve.sh e2e.sh serve-memory.sh)
[[ "${MICRO:-0}" == 1 ]] && SCRIPTS+=(micro.sh)
[[ -n "${ONLY:-}" ]] && read -r -a SCRIPTS <<<"$ONLY"
logs="${BENCH_LOGS:-$(mktemp -d /tmp/aggregator-bench-logs.XXXXXX)}"
mkdir -p "$logs"
rows="$logs/rows.tsv"
: >"$rows"

# QUICK sizes. Each script documents its own variables; the full run leaves them all unset.
quick_env() {
  case "$1" in
    parse.sh) echo "RUNS=2 FEEDS=50" ;;
    repoll.sh) echo "RUNS=2 ROUNDS=2 FEEDS=50" ;;
    ingest.sh) echo "RUNS=1 PRELOAD=20000 FEEDS=50" ;;
    publish.sh) echo "RUNS=2 ARTICLES=100000" ;;
    serve.sh) echo "ROUNDS=1 DURATION=3s" ;;
    e2e.sh) echo "FEEDS=200 ITEMS=20" ;;
    serve-memory.sh) echo "SOURCES=100 ARTICLES=50000 DURATION=30" ;;
    micro.sh) echo "" ;;
  esac
}
quick_args() {
  # serve.sh takes [DURATION] [ROUNDS] as arguments.
  [[ "$1" == serve.sh ]] && echo "3s 1"
}

started=$(date +%s)
echo "== build (Release)"
if ! dotnet build Aggregator.sln -c Release -v quiet -nologo >"$logs/build.log" 2>&1; then
  tail -20 "$logs/build.log"
  echo "bench: the Release build failed; see $logs/build.log" >&2
  exit 2
fi

failed=0
for script in "${SCRIPTS[@]}"; do
  path="bench/$script"
  if [[ ! -f "$path" ]]; then
    echo "== $script: absent, skipped"
    printf '%s\t%s\t-\t-\t-\tskipped: bench/%s is not in this checkout\t-\n' "$script" "$script" "$script" >>"$rows"
    continue
  fi
  envs=()
  args=()
  if [[ "${QUICK:-0}" == 1 ]]; then
    read -r -a envs <<<"QUICK=1 $(quick_env "$script")"
    read -r -a args <<<"$(quick_args "$script")"
  fi
  echo "== $script ${envs[*]:-} ${args[*]:-}  (log: $logs/${script%.sh}.log)"
  t0=$(date +%s)
  env "${envs[@]}" bash "$path" "${args[@]}" >"$logs/${script%.sh}.log" 2>&1 </dev/null
  status=$?
  elapsed=$(( $(date +%s) - t0 ))
  found=$(grep -c $'^BENCH\t' "$logs/${script%.sh}.log")
  grep $'^BENCH\t' "$logs/${script%.sh}.log" | while IFS=$'\t' read -r _ name ours peer ratio note; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%ss\n' "$script" "$name" "$ours" "$peer" "$ratio" "$note" "$elapsed" >>"$rows"
  done
  if [[ $status != 0 || $found == 0 ]]; then
    failed=1
    why="exit $status"
    [[ $found == 0 ]] && why="$why, no BENCH line"
    printf '%s\t%s\t-\t-\t-\tFAILED (%s); last lines in %s\t%ss\n' "$script" "$script" "$why" "$logs/${script%.sh}.log" "$elapsed" >>"$rows"
    tail -5 "$logs/${script%.sh}.log" | sed 's/^/   | /'
  fi
  echo "   $found rows in ${elapsed}s"
done

echo
echo "Aggregator benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${QUICK:+QUICK }run of $(( $(date +%s) - started ))s"
/usr/bin/python3 - "$rows" <<'PY'
import sys, unicodedata
def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
def pad(text, n, right=False):
    gap = " " * max(0, n - width(text))
    return gap + text if right else text + gap
header = ["row", "ours", "peer", "ratio", "note", "elapsed"]
rows = [line.rstrip("\n").split("\t")[1:] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
rows = [r + [""] * (6 - len(r)) for r in rows]
widths = [max(width(r[i]) for r in rows + [header]) for i in range(6)]
widths[4] = min(widths[4], 90)
print(" | ".join(pad(h, widths[i], i in (1, 2, 3, 5)) for i, h in enumerate(header)))
print("-+-".join("-" * w for w in widths))
for r in rows:
    print(" | ".join(pad(c, widths[i], i in (1, 2, 3, 5)) for i, c in enumerate(r)))
PY
echo "(ratio = ours/peer, higher is better for us; for the publish rows the peer column is the 1 s target; logs: $logs)"
exit $failed
