#!/usr/bin/env bash
# Soak of a live run against fake instruments (issue 15): adc run --live as its own process, a fake Keithley 2400 and a
# fake Eurotherm 3200 as their own processes on socat pty pairs, with random dropped replies, Modbus CRC garbage and
# latency on both links for the whole hold. Judged by the fakes' own state: no CSV row missing (one a second), and
# however the run ends, the SMU output off and the heater set down. The fake furnace advances one second of its model
# per read and is polled every 0.1 s, so SECONDS of wall time are 10 x SECONDS of furnace time (default 180 s: 30 min).
# CI runs the same test for 12 s (SafetyEndToEndTest#soakLosesNoRowAndEndsSafe). Needs socat; not a timed test.
# Usage: bench/soak.sh [seconds=180]
set -euo pipefail
cd "$(dirname "$0")/.."
T25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$T25/bin/java" ]; then export JAVA_HOME="$T25"; fi
SECS="${1:-180}"
command -v socat >/dev/null || { echo "bench/soak.sh: socat is not installed" >&2; exit 2; }
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mvn -q -B -o install -DskipTests
echo "== soak: ${SECS} s wall, furnace polled every 0.1 s (= $((SECS / 6)) min of the fake furnace's time)"
mvn -B -o -pl interpreter test -Dtest='SafetyEndToEndTest#soakLosesNoRowAndEndsSafe' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.seconds="$SECS" -Dsoak.poll_ms=100 | grep -E "^soak|Tests run:|FAIL|expected" || true
