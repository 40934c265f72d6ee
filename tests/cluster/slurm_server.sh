#!/usr/bin/env bash
# Sourced by the Slurm test: a throw-away one-node Slurm (Debian slurm-wlm 22.05 + munge) in a
# temp dir, on free local ports, as root, without systemd or cgroups:
#   munged  with its own key and socket in the temp dir (--force: root, temp-dir permissions);
#   slurmctld -D and slurmd -D in the background, SlurmUser=root, state and spool in the temp dir;
#   ProctrackType=proctrack/linuxproc, TaskPlugin=task/none, JobAcctGatherType=jobacct_gather/none,
#   no accounting storage: none of them needs cgroups or a database.
# Sets SLURMTEST_DIR, SLURM_CONF (exported: sbatch, squeue, scontrol find the cluster by it),
# SLURMTEST_NODE and slurm_test_stop (the caller registers it in a trap: it stops every daemon it
# started, by pid, and removes the temp dir). slurm_test_wait_idle waits (bounded) for the node.
set -euo pipefail
for b in munged slurmctld slurmd sbatch scontrol; do
  command -v "$b" >/dev/null || { echo "slurm test: $b not found (scripts/setup.sh installs slurm-wlm and munge)" >&2; exit 1; }
done
[[ $(id -u) -eq 0 ]] || { echo "slurm test: must run as root (slurmd starts jobs as their user)" >&2; exit 1; }
SLURMTEST_DIR=$(mktemp -d /tmp/gridplan-slurm.XXXXXX)
chmod 755 "$SLURMTEST_DIR"
SLURMTEST_PIDS=()
slurm_test_stop() {
  local pid
  # Jobs still queued or running (a failed check): cancelled while slurmctld is up, so that no
  # job step outlives the daemons.
  timeout 10 scancel --quiet --full $(timeout 10 squeue -h -o %A 2>/dev/null) 2>/dev/null || true
  for pid in "${SLURMTEST_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SLURMTEST_PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ -n "${SLURMTEST_KEEP_LOGS:-}" ]]; then cp "$SLURMTEST_DIR"/*.log "$SLURMTEST_KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$SLURMTEST_DIR"
}
# Two free TCP ports (the kernel picks them; closed again before the daemons bind them).
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
d=$SLURMTEST_DIR
mkdir -p "$d/state" "$d/spool" "$d/munge"
chmod 700 "$d/munge"
dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$d/munge/munge.key"
munged --force --key-file="$d/munge/munge.key" --socket="$d/munge/munge.socket" \
  --pid-file="$d/munge/munged.pid" --log-file="$d/munged.log" --seed-file="$d/munge/munged.seed"
for _ in $(seq 100); do [[ -s "$d/munge/munged.pid" && -S "$d/munge/munge.socket" ]] && break; sleep 0.1; done
SLURMTEST_PIDS+=("$(cat "$d/munge/munged.pid")")
host=$(hostname -s)
SLURMTEST_NODE=gpnode
cpus=$(nproc)
export SLURM_CONF=$d/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=gridplantest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$d/munge/munge.socket
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
JobRequeue=1
MessageTimeout=20
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
NodeName=$SLURMTEST_NODE NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$SLURMTEST_NODE Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$d/slurmctld.out" 2>&1 &
SLURMTEST_PIDS+=($!)
slurmd -D -N "$SLURMTEST_NODE" -f "$SLURM_CONF" >"$d/slurmd.out" 2>&1 &
SLURMTEST_PIDS+=($!)
# The node up and idle, within 60 s.
slurm_test_wait_idle() {
  local state=
  for _ in $(seq 120); do
    state=$(timeout 10 sinfo -h -N -n "$SLURMTEST_NODE" -o %t 2>/dev/null || true)
    [[ "$state" == idle* || "$state" == mix* ]] && return 0
    sleep 0.5
  done
  echo "slurm test: node not idle after 60 s (state '$state'); slurmctld/slurmd logs:" >&2
  tail -n 20 "$d/slurmctld.log" "$d/slurmd.log" "$d/slurmctld.out" "$d/slurmd.out" >&2 2>/dev/null || true
  return 1
}
