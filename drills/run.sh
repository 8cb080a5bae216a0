#!/usr/bin/env bash
# Reliability drills of issue 6: fuzz, kill (run-once and serve), soak, XSS. Prints each drill's counts;
# exits non-zero if any failed.
#   drills/run.sh            full: fuzz 100,000 inputs, kill 20 rounds, serve kill 12 rounds,
#                            soak 10 minutes (1,000 sources polled every minute), XSS all vectors (~20 min)
#   QUICK=1 drills/run.sh    short: fuzz 3,000 inputs, kill 5 rounds, serve kill 10 rounds, soak 1 minute
#                            (1,000 sources polled every 15 s), XSS all vectors
#   ONLY="serve-kill soak" drills/run.sh     a subset
# Sizes: FUZZ_COUNT, KILL_ROUNDS, SERVE_KILL_ROUNDS, SOAK_MINUTES, SOAK_FEEDS, SOAK_POLL_SECONDS.
# Failing fuzz inputs are saved to drills/out/ (crash-N.xml / hang-N.xml with a .txt holding the stack).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FUZZ_COUNT=${FUZZ_COUNT:-100000}
KILL_ROUNDS=${KILL_ROUNDS:-20}
SERVE_KILL_ROUNDS=${SERVE_KILL_ROUNDS:-12}
SOAK_MINUTES=${SOAK_MINUTES:-10}
SOAK_FEEDS=${SOAK_FEEDS:-1000}
SOAK_POLL_SECONDS=${SOAK_POLL_SECONDS:-60}
if [[ "${QUICK:-0}" == 1 ]]; then
  FUZZ_COUNT=3000
  KILL_ROUNDS=5
  SERVE_KILL_ROUNDS=10
  SOAK_MINUTES=1
  SOAK_POLL_SECONDS=15
fi
ONLY=${ONLY:-fuzz kill serve-kill soak xss}
want() { [[ " $ONLY " == *" $1 "* ]]; }
SEED=${SEED:-6}

if want soak && ! command -v wrk >/dev/null; then
  echo "drills: installing wrk (Debian package) for the soak"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
if want xss && [[ ! -x /usr/bin/chromium ]]; then
  echo "drills: installing chromium (Debian package) for the XSS drill"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y chromium >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium >/dev/null; }
fi

dotnet build -c Release tests/Aggregator.Drills -nologo -v quiet || exit 2
DRILLS="dotnet $ROOT/tests/Aggregator.Drills/bin/Release/net10.0/Aggregator.Drills.dll"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

status=0
if want fuzz; then
  echo "== fuzz: $FUZZ_COUNT inputs, seed $SEED"
  $DRILLS fuzz --count "$FUZZ_COUNT" --seed "$SEED" --out "$ROOT/drills/out" || status=1
fi
if want kill; then
  echo "== kill: $KILL_ROUNDS rounds of run-once SIGKILLed at random moments"
  $DRILLS kill --rounds "$KILL_ROUNDS" --seed "$SEED" --work "$WORK/kill" || status=1
fi
if want serve-kill; then
  echo "== serve-kill: $SERVE_KILL_ROUNDS rounds of serve (polling 30 sources every 2 s, publishing) SIGKILLed at random moments"
  $DRILLS serve-kill --rounds "$SERVE_KILL_ROUNDS" --seed "$SEED" --work "$WORK/serve-kill" || status=1
fi
if want soak; then
  echo "== soak: serve for $SOAK_MINUTES min over $SOAK_FEEDS sources polled every $SOAK_POLL_SECONDS s, wrk on the merged feeds"
  $DRILLS soak --minutes "$SOAK_MINUTES" --feeds "$SOAK_FEEDS" --poll-seconds "$SOAK_POLL_SECONDS" --sample-seconds 10 --work "$WORK/soak" || status=1
fi
if want xss; then
  echo "== xss: OWASP vectors through run-once, rendered in headless Chromium"
  $DRILLS xss --work "$WORK/xss" || status=1
fi
exit $status
