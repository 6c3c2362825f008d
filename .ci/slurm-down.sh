#!/usr/bin/env bash
# Stops the one-node cluster .ci/slurm-up.sh started (jobs, slurmd, slurmctld, munged). Idempotent.
set -uo pipefail
conf=/etc/slurm/slurm.conf
if [ -f "$conf" ] && grep -q "# written by adc .ci/slurm-up.sh" "$conf"; then
  scancel --full --quiet -u root >/dev/null 2>&1 || true
fi
stop() { # pid file: TERM that process only, wait up to 10 s, then KILL it
  local f=$1 pid
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }
  kill "$pid" 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
}
stop /run/slurm/slurmd.pid
stop /run/slurm/slurmctld.pid
stop /run/munge/munged.pid
echo "slurm-down: stopped"
