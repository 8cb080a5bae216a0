#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of the hot paths (issue 6): date parsing, canonical links,
# sanitizing, fingerprinting (title keys, SimHash), on every entry of samples/recorded and of a
# generated corpus of FEEDS feeds. Short job by default (1 launch, 3 warm-ups, 5 iterations);
# JOB=default for BenchmarkDotNet's full statistics; FILTER narrows (e.g. FILTER='*Sanitiz*').
# Prints BenchmarkDotNet's tables, then one BENCH line per benchmark (mean per item, no peer).
#   bash bench/micro.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
feeds="${FEEDS:-20}"
work="$(mktemp -d "${BENCH_DIR:-/tmp}/aggregator-micro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$shared/bench/gen_corpus.py" --out "$work/corpus" --feeds "$feeds" --items 40 >/dev/null
echo "== build (Release)"
dotnet build "$repo/bench/Aggregator.Benchmarks/Aggregator.Benchmarks.csproj" -c Release -v quiet -nologo >/dev/null
args=(--filter "${FILTER:-*}" --artifacts "$work/artifacts")
[[ -n "${JOB:-}" ]] && args+=(--job "$JOB")
(cd "$repo" && MICRO_CORPUS="$work/corpus" AGGREGATOR_REPO="$repo" \
  dotnet "$repo/bench/Aggregator.Benchmarks/bin/Release/net10.0/Aggregator.Benchmarks.dll" "${args[@]}")

# One BENCH line per benchmark from BenchmarkDotNet's CSV reports (Mean is per item: OperationsPerInvoke).
/usr/bin/python3 - "$work/artifacts/results" <<'PY'
import csv, glob, os, sys
names = {"ParseFeedDate": "date parsing (FeedDateParser.Parse)", "ParseToUtcInShanghai": "date parsing to UTC, Asia/Shanghai zone",
         "Canonicalize": "canonical link", "Sanitize": "sanitizing a body (AngleSharp + HtmlSanitizer)",
         "TitleKey": "title key", "BodyFingerprint": "body fingerprint (SimHash + numbers)", "SimHashOnly": "SimHash of the plain text"}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*-report.csv"))):
    for row in csv.DictReader(open(path, encoding="utf-8"), delimiter=","):
        method = row["Method"]
        mean = row["Mean"].replace("\u03bc", "u").replace("\u00b5", "u")
        line = f"BENCH\tmicro: {names.get(method, method)}\t{mean}\t-\t-\tmean per item, error {row.get('Error', '?')}, allocated {row.get('Allocated', '?')} (BenchmarkDotNet)"
        print(line.replace("\u03bc", "u").replace("\u00b5", "u"))
PY
