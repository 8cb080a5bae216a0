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
# Seen 2026-11-28 (2 shared cores under load averages of 20-90, PRELOAD=1000000, medians of 3, one run
# each, the same templates): wal_autocheckpoint 10,000: store 808 rows/s, raw 7,750, ratio 0.16 (runs
# 0.10 / 0.21 / 0.16), store 36.9 KiB written per entry vs raw 9.8; wal_autocheckpoint 40,000 (now the
# default): store 912, raw 5,847, ratios 0.09 / 0.09 / 0.25, store 34.3 KiB vs raw 6.1. Database:
# 4,716 bytes per article vs 4,175 per raw row. The store maintains ~10 B-trees to raw's two, and the
# corpus's entries land at random places in each (their dates are spread over two months), so every
# 40-entry commit rewrites several hundred pages: far from the 0.8x target.
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
