#!/usr/bin/env bash
# Brings up a one-node Slurm cluster on this machine (Debian 12 slurm-wlm + munge, as root, no systemd) for the
# tests that need a real scheduler (SlurmClusterTest). Idempotent: a cluster that already answers is left alone.
# Stop it with .ci/slurm-down.sh. Measured facts this configuration follows (issue 19):
#  - cgroup plugins fail silently without systemd (steps fail while srun exits 0): proctrack/linuxproc, task/none,
#    jobacct_gather/none; so the script checks a test job's OUTPUT, not its state;
#  - munged runs as the munge user with /run/munge and a 0400 key;
#  - SlurmctldHost=localhost and NodeAddr=127.0.0.1 (the machine's hostname need not resolve);
#  - MPI programs under srun need libpmix-dev and MpiDefault=pmix;
#  - afterok on a failed job waits forever unless kill_invalid_depend; batch_sched_delay=0 saves 1-3 s per job;
#  - there is no sacct without accounting: jobcomp/filetxt writes a completion log and MinJobAge keeps finished jobs
#    in squeue for 10 minutes.
set -euo pipefail
state=${ADC_SLURM_STATE:-/var/lib/adc-slurm}
conf=/etc/slurm/slurm.conf
marker="# written by adc .ci/slurm-up.sh"

if [ "$(id -u)" != 0 ]; then
  echo "slurm-up: needs root (it starts munged and the Slurm daemons)" >&2
  exit 2
fi
for c in munged slurmctld slurmd sbatch srun squeue scontrol; do
  command -v "$c" >/dev/null 2>&1 || { echo "slurm-up: $c is missing: apt-get install slurm-wlm munge libpmix-dev" >&2; exit 2; }
done

# already up and running jobs?
if [ -f "$conf" ] && grep -q "$marker" "$conf" && timeout 5 sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
  echo "slurm-up: cluster already up"
  exit 0
fi
if [ -f "$conf" ] && ! grep -q "$marker" "$conf"; then
  echo "slurm-up: $conf exists and was not written by this script; refusing to replace it" >&2
  exit 2
fi

mkdir -p "$state"/{ctld,spool,log} /run/slurm /etc/slurm
# munge: key readable by munge only, socket directory owned by munge
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
chmod 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=128 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
if ! { [ -s /run/munge/munged.pid ] && kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; }; then
  su -s /bin/sh munge -c "/usr/sbin/munged --force" 
fi
for i in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null || { echo "slurm-up: munged does not answer" >&2; exit 1; }

cpus=$(nproc)
cat > "$conf" <<CONF
$marker: a one-node cluster for adc's tests
ClusterName=adcci
SlurmctldHost=localhost
AuthType=auth/munge
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$state/log/jobcomp.log
MpiDefault=pmix
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
DependencyParameters=kill_invalid_depend
MinJobAge=600
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MaxArraySize=10001
NodeName=adcnode NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=adcnode Default=YES MaxTime=INFINITE State=UP
CONF
echo "include /etc/slurm/plugstack.conf.d/*.conf" > /etc/slurm/plugstack.conf 2>/dev/null || true

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
alive /run/slurm/slurmctld.pid || /usr/sbin/slurmctld
alive /run/slurm/slurmd.pid || /usr/sbin/slurmd -N adcnode
for i in $(seq 100); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
  sleep 0.2
done
scontrol update nodename=adcnode state=resume >/dev/null 2>&1 || true

# a test job: its output, not its state, says the cluster works
out=$(mktemp -d "${TMPDIR:-/tmp}/slurm-up.XXXXXX")
jid=$(sbatch --parsable -o "$out/%j.out" --wrap 'echo adc-slurm-ok $SLURM_JOB_ID; srun --exact -n1 echo step-ok')
for i in $(seq 150); do
  if grep -q step-ok "$out/$jid.out" 2>/dev/null; then
    echo "slurm-up: cluster up (test job $jid printed: $(tr '\n' ' ' < "$out/$jid.out"))"
    rm -rf "$out"
    exit 0
  fi
  sleep 0.2
done
echo "slurm-up: the test job $jid did not print its output within 30 s; logs in $state/log" >&2
cat "$out/$jid.out" 2>/dev/null >&2 || true
tail -20 "$state/log/slurmd.log" "$state/log/slurmctld.log" >&2 || true
exit 1
