#!/usr/bin/env bash
# Slurm executor overheads on the cluster of .ci/slurm-up.sh (or any cluster where sbatch/salloc work), measured
# like-for-like in one run and printed as ratios:
#  1. overhead per task (submit -> result) of a job array and of srun --exact steps, from 20 trivial tasks each,
#     against the same 20 tasks run locally;
#  2. throughput of 100 small tasks as one array (tasks/s);
#  3. a NEB whose images are LAMMPS calls: wall time local vs images as concurrent steps of one allocation.
set -euo pipefail
ADC="$(cd "$(dirname "$0")/.." && pwd)/adc"
W=$(mktemp -d "${TMPDIR:-/tmp}/adc-bench-slurm.XXXXXX")
trap 'rm -rf "$W"' EXIT
sinfo -h >/dev/null 2>&1 || { echo "bench/slurm.sh: no Slurm cluster answers (start one with .ci/slurm-up.sh)"; exit 2; }
mk() { # name n
  cat > "$W/$1.adc" <<ADC
import tasks
fn sq(x, s) { return x * x + s % 10 }
print(len(tasks.map(sq, range(0, $2), seed = 1)))
ADC
}
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }'; }
mk t20 20; mk t100 100
"$ADC" run "$W/t20.adc" --run-dir "$W/warm" >/dev/null 2>&1   # builds if needed
local20=$(t "$ADC" run "$W/t20.adc" --run-dir "$W/l20")
array20=$(t "$ADC" run "$W/t20.adc" --run-dir "$W/a20" --executor slurm)
steps20=$(t salloc --quiet --ntasks=2 "$ADC" run "$W/t20.adc" --run-dir "$W/s20" --executor slurm)
array100=$(t "$ADC" run "$W/t100.adc" --run-dir "$W/a100" --executor slurm)
cat > "$W/neb.adc" <<'ADC'
import potential as p
let bulk = p.bulk("Ar", "fcc", 5.26 Å, repeat = [2, 2, 2])
let ini = p.remove_atom(bulk, 0)
let fin = p.move_atom(ini, 0, [0 Å, 0 Å, 0 Å])
let calc = p.lammps("lj/cut 8.5", "* * 0.0104 3.4", elements = ["Ar"])
print(p.neb(ini, fin, calc, images = 4, fmax = 0.05 eV/Å, climb = false).barrier)
ADC
neb_local=$(t "$ADC" run "$W/neb.adc" --run-dir "$W/nl")
neb_steps=$(t salloc --quiet --ntasks=2 "$ADC" run "$W/neb.adc" --run-dir "$W/ns" --executor slurm)
cmp -s "$W/nl/stdout.txt" "$W/ns/stdout.txt" || { echo "NEB barrier differs between local and steps" >&2; exit 1; }
cmp -s "$W/l20/stdout.txt" "$W/a20/stdout.txt" || { echo "array results differ from local" >&2; exit 1; }
awk -v l="$local20" -v a="$array20" -v s="$steps20" -v h="$array100" -v nl="$neb_local" -v ns="$neb_steps" 'BEGIN {
  printf "cores: %d, load: %s\n", '"$(nproc)"', "'"$(cut -d" " -f1 /proc/loadavg)"'"
  printf "overhead per task, job array : %.2f s  (20 tasks %.1f s vs local %.1f s)\n", (a - l) / 20, a, l
  printf "overhead per task, srun steps: %.2f s  (20 tasks %.1f s)\n", (s - l) / 20, s
  printf "array vs steps per task      : %.2fx\n", (a - l) / (s - l)
  printf "throughput, 100 tasks array  : %.2f tasks/s (%.1f s)\n", 100 / h, h
  printf "NEB (LAMMPS images) local %.1f s, allocation steps %.1f s: steps/local = %.2fx\n", nl, ns, ns / nl
}'
