#!/usr/bin/env bash
# Builds the Aggregator the benchmarks measure into OUT_DIR, as an executable OUT_DIR/Aggregator:
# by default the shipped build, native (Native AOT: `dotnet publish -r linux-x64`, as the Dockerfile);
# BUILD=jit gives `dotnet build` output instead (what `dotnet run` and the tests run), for comparisons.
# The native compiler is incremental: with unchanged sources a publish takes seconds.
#   bash bench/native.sh OUT_DIR
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/native.sh OUT_DIR}"
project="$repo/src/Aggregator/Aggregator.csproj"
case "${BUILD:-native}" in
  native) dotnet publish "$project" -c Release -r linux-x64 -o "$out" -v quiet -nologo >/dev/null ;;
  jit) dotnet build "$project" -c Release -o "$out" -v quiet -nologo >/dev/null ;;
  *) echo "bench/native.sh: BUILD must be native or jit, not '$BUILD'" >&2; exit 2 ;;
esac
[[ -x "$out/Aggregator" ]] || { echo "bench/native.sh: no executable at $out/Aggregator" >&2; exit 1; }
