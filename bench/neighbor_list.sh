#!/bin/sh
# Neighbour-list benchmark: adc (Java cell lists) vs ASE (ase.neighborlist.neighbor_list) on
# diamond-Si supercells of 97 336 and 1 000 000 atoms, cutoff 3.77 Å. Prints times, memory and
# the ratio t_ASE / t_adc. Usage: bench/neighbor_list.sh [repeats...]   (default: 23 50)
set -e
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
REPS=${*:-23 50}
mvn -q -B -pl stdlib -am test-compile
CP=stdlib/target/classes:stdlib/target/test-classes
"$JAVA_HOME/bin/java" -Xmx6g -cp "$CP" org.adc.structure.bench.NeighborListBench $REPS | tee /tmp/adc_nl_bench.txt
/usr/bin/python3 - $REPS <<'PY' | tee /tmp/ase_nl_bench.txt
import sys, time, resource
from ase.build import bulk
from ase.neighborlist import neighbor_list
for r in map(int, sys.argv[1:]):
    at = bulk("Si", "diamond", a=5.431020511, cubic=True).repeat((r, r, r))
    t0 = time.perf_counter()
    i, j = neighbor_list("ij", at, 3.77)
    t = time.perf_counter() - t0
    print("ase N=%d pairs=%d time=%.3f s maxrss=%.1f MB" % (len(at), len(i), t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3))
PY
paste /tmp/adc_nl_bench.txt /tmp/ase_nl_bench.txt | awk '{
  for (k = 1; k <= NF; k++) { if ($k ~ /^time=/) { v = substr($k, 6); if (!a) a = v; else b = v } if ($k ~ /^N=/ && !n) n = substr($k, 3) }
  printf "N=%s  adc %.3f s  ASE %.3f s  ratio ASE/adc = %.1f\n", n, a, b, b / a; a = 0; b = 0; n = "" }'
