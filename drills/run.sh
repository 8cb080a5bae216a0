#!/usr/bin/env bash
# Reliability drills of issue 6: fuzz, kill, XSS. Prints each drill's counts; exits non-zero if any failed.
#   drills/run.sh            full: fuzz 100,000 inputs, kill 20 rounds, XSS all vectors
#   QUICK=1 drills/run.sh    short: fuzz 3,000 inputs, kill 5 rounds, XSS all vectors
# Failing fuzz inputs are saved to drills/out/ (crash-N.xml / hang-N.xml with a .txt holding the stack).
# The serve kill drill and the soak come with `serve`.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FUZZ_COUNT=${FUZZ_COUNT:-100000}
KILL_ROUNDS=${KILL_ROUNDS:-20}
if [[ "${QUICK:-0}" == 1 ]]; then
  FUZZ_COUNT=3000
  KILL_ROUNDS=5
fi
SEED=${SEED:-6}

if [[ ! -x /usr/bin/chromium ]]; then
  echo "drills: installing chromium (Debian package) for the XSS drill"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y chromium >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium >/dev/null; }
fi

dotnet build -c Release tests/Aggregator.Drills -nologo -v quiet || exit 2
DRILLS="dotnet $ROOT/tests/Aggregator.Drills/bin/Release/net10.0/Aggregator.Drills.dll"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

status=0
echo "== fuzz: $FUZZ_COUNT inputs, seed $SEED"
$DRILLS fuzz --count "$FUZZ_COUNT" --seed "$SEED" --out "$ROOT/drills/out" || status=1
echo "== kill: $KILL_ROUNDS rounds of run-once SIGKILLed at random moments"
$DRILLS kill --rounds "$KILL_ROUNDS" --seed "$SEED" --work "$WORK/kill" || status=1
echo "== xss: OWASP vectors through run-once, rendered in headless Chromium"
$DRILLS xss --work "$WORK/xss" || status=1
exit $status
