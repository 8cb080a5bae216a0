#!/usr/bin/env bash
# Steady-state re-poll benchmark (issue 7): the generated corpus (500 feeds x 40 items), one source per
# feed with a file: URL, polled once through the real pipeline (fetch, parse, normalize, SQLite store);
# then every round re-polls every source through SourcePoller — files touched first, so each is read
# and parsed again as from a server that ignores conditional requests, and the store's content hashes
# say nothing changed — against a bare XmlReader pass over the same files (read every node, keep
# nothing). One thread each, same process, alternating; medians of ROUNDS.
#   bash bench/repoll.sh            ROUNDS=3 FEEDS=100 bash bench/repoll.sh
# Figures (2-core machine shared with other jobs, load average 10-70 while measuring):
#   before this work (stamps hashed twice, field-by-field SHA-256): re-poll  7,322 items/s, bare XmlReader 38,319 items/s: 0.19x
#   see the final lines of this header after the latest run (filled in by hand from the run's BENCH line).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${BENCH_DIR:-/tmp/aggregator-bench}"
rounds="${ROUNDS:-5}"
feeds="${FEEDS:-500}"
mkdir -p "$work"

corpus="$work/corpus-$feeds"
if [ ! -d "$corpus" ]; then
  /usr/bin/python3 "$shared/bench/gen_corpus.py" --out "$corpus" --feeds "$feeds" --items 40 >/dev/null
fi

dotnet build "$repo/tests/StoreKillDrill/StoreKillDrill.csproj" -c Release -v quiet -nologo >/dev/null
scratch="$(mktemp -d "$work/repoll.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
dotnet "$repo/tests/StoreKillDrill/bin/Release/net10.0/StoreKillDrill.dll" repoll "$corpus" "$scratch/run" "$rounds"
