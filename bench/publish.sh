#!/usr/bin/env bash
# Publish benchmark (issue 8): a store of ARTICLES synthetic ~1 KB articles (filled straight in SQL,
# ingest is not what is measured) spread over 50 categories, then
#   1. the publish queries alone (StoreKillDrill `latest`: 51 GetLatestAsync of 100, medians of 5);
#   2. the whole republish (StoreKillDrill `publish`): for every feed (50 categories + everything,
#      10 pages of 100) the light key query (GetLatestKeysAsync: ids, dates, version; no bodies), the
#      fetch and rendering of the entries the kept entry cache lacks (GetArticlesAsync), the Atom
#      pages, index.html and sources.opml, written atomically to a folder — after one new article in
#      every category, so every feed and page changes; RUNS runs, median; plus one cold run (fresh
#      process state, empty folder: every article fetched and rendered).
# Target: the republish under 1 s. No peer: the ratio column is target / ours (higher = better).
# Figures (2 cores shared with other jobs, load 3-8; before = b31c1f6, full articles read per feed):
#   100,000 articles, same minute:  republish 2,867 -> 1,000 ms median (key queries 522 ms of one pass,
#                                   in-memory build 607 ms), cold 5,545 -> 3,599 ms
#   1,000,000 articles:             republish 3,498 -> 946 ms median of 5 (735-1,476 ms; key queries
#                                   542 ms, build 873 ms), cold 7,179 -> 3,057 ms
#   bash bench/publish.sh                       # 1,000,000 articles, 5 runs
#   ARTICLES=100000 RUNS=3 bash bench/publish.sh
# Needs ~2 GB free in BENCH_DIR for 1,000,000 articles (deleted at exit).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
articles="${ARTICLES:-1000000}"
categories="${CATEGORIES:-50}"
runs="${RUNS:-5}"
work="$(mktemp -d "${BENCH_DIR:-/tmp}/aggregator-publish-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== build (Release)"
dotnet build "$repo/tests/StoreKillDrill/StoreKillDrill.csproj" -c Release -v quiet -nologo >/dev/null
drill="dotnet $repo/tests/StoreKillDrill/bin/Release/net10.0/StoreKillDrill.dll"

echo "== fill $articles articles over $categories categories, then the publish queries"
$drill latest "$work" "$articles" "$categories" | tee "$work/latest.txt"
queries=$(sed -n 's/^median \([0-9]*\) ms.*/\1/p' "$work/latest.txt")

echo "== whole republish, $runs runs"
$drill publish "$work" "$categories" "$runs" | tee "$work/publish.txt"
IFS=$'\t' read -r _ republish cold files < <(grep '^RESULT' "$work/publish.txt")
page_queries=$(sed -n 's/^of which queries: .* in \([0-9]*\) ms.*/\1/p' "$work/publish.txt")
build=$(sed -n 's/^of which building in memory.*: \([0-9]*\) ms.*/\1/p' "$work/publish.txt")

ratio() { awk -v t="$1" -v o="$2" 'BEGIN { if (o > 0) printf "%.2fx", t / o; else print "-" }'; }
n=$(printf "%'d" "$articles" 2>/dev/null || echo "$articles")
echo
printf '%-58s %10s %10s %8s\n' "publish over $n articles" "ours (ms)" "target" "ratio"
printf '%-58s %10s %10s %8s\n' "queries, $((categories + 1)) feeds of 100" "$queries" "1000" "$(ratio 1000 "$queries")"
printf '%-58s %10s %10s %8s\n' "whole republish, $files files (queries + Atom + index)" "$republish" "1000" "$(ratio 1000 "$republish")"
printf '%-58s %10s %10s %8s\n' "cold republish (new process state, empty folder)" "$cold" "-" "-"
printf 'BENCH\tpublish queries, %d feeds over %s articles\t%s\t1000\t%s\tms, median of 5; peer column = the 1 s target\n' "$((categories + 1))" "$n" "$queries" "$(ratio 1000 "$queries")"
printf 'BENCH\twhole republish, %d categories + all + index over %s articles\t%s\t1000\t%s\tms, median of %d, %d files, of which the key queries of all pages %s ms, the in-memory build %s ms; peer column = the 1 s target\n' "$categories" "$n" "$republish" "$(ratio 1000 "$republish")" "$runs" "$files" "$page_queries" "$build"
printf 'BENCH\tcold republish over %s articles\t%s\t-\t-\tms, one run, fresh entry cache, empty folder\n' "$n" "$cold"
