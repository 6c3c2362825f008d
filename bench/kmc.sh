#!/usr/bin/env bash
# kMC and GCMC throughput (issue 5), measured in one run; not a test.
#  1. kMC events per second (wall and thread-CPU) on simple cubic lattices of 1e3 .. 1e7 sites,
#     vacancy-mediated hops at ion site fraction 0.9, and the slowdown ratio to the smallest
#     lattice (goal: >= 5e6 events/s, ratio <= 2);
#  2. GCMC moves per second on the NIST LJ vapour case (org.adc.gcmc.bench.GcmcBench).
# Usage: bench/kmc.sh [max_sites=1e7] [seconds_per_size=2]
# Run it on a quiet machine: other load on the cores inflates every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
T25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$T25/bin/java" ]; then export JAVA_HOME="$T25"; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -d stdlib/target/classes/org/adc/kmc/bench ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -q -B -o -pl stdlib install -DskipTests
fi
MAX="${1:-1e7}"
SECS="${2:-2}"
echo "== kMC: events per second vs lattice size (simple cubic, Z-order numbering, c = 0.9, one barrier)"
# transparent huge pages: a random site of a 1e7-site lattice is otherwise also a TLB miss (measured: 1.25x at 1e7)
"$JAVA" -Xmx6g -XX:+UseParallelGC -XX:+UseTransparentHugePages -cp stdlib/target/classes org.adc.kmc.bench.KmcBench "$MAX" 0.9 "$SECS"
echo
echo "== GCMC: Lennard-Jones muVT moves per second (NIST SRS vapour case)"
"$JAVA" -cp stdlib/target/classes org.adc.gcmc.bench.GcmcBench || echo "(GcmcBench failed)"
