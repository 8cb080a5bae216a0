#!/usr/bin/env bash
# Storage ingest benchmark (issue 4): the generated corpus (500 feeds x 40 items, ~30% duplicates),
# parsed and normalized by the real FeedParser + ArticleNormalizer before timing, ingested into a store
# preloaded with PRELOAD synthetic ~2 KB articles (written in SQL, not through the pipeline), against
# raw batched INSERT OR IGNORE of the same rows after the same preload, same pragmas, same disk.
# Store and raw alternate within each run; prints one table of medians.
#   bash bench/ingest.sh                      # 1,000,000 preloaded articles, 3 runs
#   PRELOAD=200000 RUNS=3 bash bench/ingest.sh
# The preload is written once per side into BENCH_DIR/templates-<preload>-schema<N> and copied for each
# run (kept between invocations: delete the folder to rebuild). Prints BENCH lines for bench/run.sh.
# Seen 2026-11-27 (before the templates, PRELOAD=200000, medians of 3): store 2,089 rows/s, raw 12,702
# rows/s, ratio 0.20, 4,777 bytes/article vs 4,225 per raw row; the store writes 36 KiB per entry
# (WAL + checkpoint) against raw's 9.8: it maintains ~10 B-trees to raw's two.
# Needs ~2 x 5 KB x PRELOAD of free disk in BENCH_DIR for the templates, as much again per run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${BENCH_DIR:-/tmp/aggregator-ingest-bench}"
runs="${RUNS:-3}"
preload="${PRELOAD:-1000000}"
feeds="${FEEDS:-500}"
mkdir -p "$work"

corpus="$work/corpus-$feeds"
if [ ! -d "$corpus" ]; then
  /usr/bin/python3 "$shared/bench/gen_corpus.py" --out "$corpus" --feeds "$feeds" --items 40 >/dev/null
fi

dotnet build "$repo/tests/StoreKillDrill/StoreKillDrill.csproj" -c Release -v quiet -nologo >/dev/null
dotnet "$repo/tests/StoreKillDrill/bin/Release/net10.0/StoreKillDrill.dll" corpus "$corpus" "$work/stores" "$preload" "$runs"
