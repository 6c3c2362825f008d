#!/usr/bin/env bash
# The 8-day ADC dry run with 1 s logging (seed 000 recipe, 691k CSV rows) against start-up alone:
# prints the wall time of each and the difference (the dry run itself). Issue 6 goal: <= 5 s.
# Usage: bench/procedure.sh [runs]   (the machine should be otherwise idle)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
tmp=$(mktemp -d)
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
best_h=999; best_a=999
for i in $(seq "$N"); do
  h=$(t ./adc run --run-dir "$tmp/h$i" bench/hello.adc)
  a=$(t ./adc run --run-dir "$tmp/a$i" examples/na24si136/adc_extraction.adc)
  best_h=$(echo "if ($h < $best_h) $h else $best_h" | bc); best_a=$(echo "if ($a < $best_a) $a else $best_a" | bc)
  echo "run $i: start-up (hello.adc) ${h} s, 8-day ADC dry run ${a} s"
done
echo "best of $N: start-up ${best_h} s, whole dry run ${best_a} s, dry run itself $(echo "$best_a - $best_h" | bc) s" \
  "($(wc -l < "$tmp/a1/adc_current.csv") CSV rows); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$tmp"
