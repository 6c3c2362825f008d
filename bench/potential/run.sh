#!/usr/bin/env bash
# Potential benchmarks, measured side by side in one run (not tests). Prints figures and ratios:
#  1. Stillinger-Weber Si, 4096 atoms: adc energy+forces per step vs LAMMPS serial (NVE MD step,
#     pair_style sw, 1 process). Goal: ratio adc/LAMMPS <= 1.
#  2. LJ fcc vacancy CI-NEB (107 atoms, 7 images, the stored end points of
#     stdlib/src/test/resources/potential/ref/lj_vacancy.neb): wall time of adc vs ASE 3.22 and
#     vs LAMMPS NEB (7 MPI replicas). Goals: not slower than LAMMPS, >= 20x faster than ASE.
# Needs: Java 17+, Maven (to build stdlib), lmp and mpirun (Debian lammps), /usr/bin/python3 with python3-ase.
# Run it on a quiet machine: other load on the 2 cores inflates every figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T25=/usr/lib/jvm/temurin-25-jdk-amd64
[ -x "$T25/bin/java" ] && export JAVA_HOME=$T25
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=$ROOT/stdlib/target/adc-stdlib-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ]; then
  (MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow" mvn -q -B -pl stdlib -DskipTests package)
fi
OUT=$(mktemp -d)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$OUT" -cp "$JAR" bench/potential/PotentialBench.java
RES=$ROOT/stdlib/src/test/resources/potential
STEPS=${STEPS:-100}

echo "== SW Si 4096 atoms, energy+forces per step ($STEPS steps)"
adc_sw=$("$JAVA" -cp "$OUT:$JAR" PotentialBench sw "$RES/Si.sw" "$STEPS" | awk '{print $2}')
lmp_log=$(cd "$OUT" && lmp -var swfile "$RES/Si.sw" -var steps "$STEPS" -in "$ROOT/bench/potential/lammps_sw.in" -log none -screen none -echo none >/dev/null; \
          lmp -var swfile "$RES/Si.sw" -var steps "$STEPS" -in "$ROOT/bench/potential/lammps_sw.in" -log none 2>/dev/null | grep "Loop time")
lmp_sw=$(echo "$lmp_log" | awk -v s="$STEPS" '{print $4 / s * 1000}')
awk -v a="$adc_sw" -v l="$lmp_sw" 'BEGIN { printf "  adc %.3f ms/step  LAMMPS (serial) %.3f ms/step  ratio adc/LAMMPS %.2f  (goal <= 1)\n", a, l, a / l }'

echo "== LJ fcc vacancy CI-NEB (107 atoms, 7 images)"
adc_neb=$("$JAVA" -cp "$OUT:$JAR" PotentialBench neb "$RES/ref/lj_vacancy.neb")
adc_neb1=$("$JAVA" -cp "$OUT:$JAR" PotentialBench neb "$RES/ref/lj_vacancy.neb" serial)
ase_neb=$(/usr/bin/python3 bench/potential/ase_neb.py "$RES/ref/lj_vacancy.neb")
lmp_neb=$(/usr/bin/python3 bench/potential/lammps_neb.py "$RES/ref/lj_vacancy.neb")
echo "  adc (parallel images): $adc_neb"
echo "  adc (serial):          $adc_neb1"
echo "  ASE:                   $ase_neb"
echo "  LAMMPS:                $lmp_neb"
a=$(echo "$adc_neb" | awk '{print $2}'); s=$(echo "$ase_neb" | awk '{print $2}'); l=$(echo "$lmp_neb" | awk '{print $2}')
awk -v a="$a" -v s="$s" -v l="$l" 'BEGIN { printf "  ratio ASE/adc %.1f (goal >= 20)   ratio adc/LAMMPS %.2f (goal <= 1)\n", s / a, a / l }'
# CPU seconds (serial adc thread vs the ASE process) do not depend on what else runs on the machine
ac=$(echo "$adc_neb1" | sed -n 's/.*thread CPU \([0-9.]*\) s.*/\1/p'); sc=$(echo "$ase_neb" | sed -n 's/.*process CPU \([0-9.]*\) s.*/\1/p')
awk -v a="$ac" -v s="$sc" 'BEGIN { if (a > 0) printf "  CPU time: ASE %.2f s / adc serial %.3f s = %.1f\n", s, a, s / a }'
echo "  load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
