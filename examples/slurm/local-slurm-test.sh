#!/bin/bash
# `npm run test:slurm` (opt-in; not part of `npm test`): installs Debian's single-node Slurm and munge if needed,
# configures slurmctld + slurmd for this host, starts them, runs the example (job array of 4 shards + merge job)
# end to end in a temporary folder, and checks the merged table against an unsharded sweep run here.
# Needs root (or sudo) and apt-get. Leaves the daemons it started running only if KEEP_SLURM=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
say() { echo "[test:slurm] $*"; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  say "installing slurm-wlm and munge (apt-get)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi
say "$(slurmctld -V)"

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
conf=/etc/slurm/slurm.conf
state=/var/spool/slurmctld-hotcarrier
spool=/var/spool/slurmd-hotcarrier

# munge: a key, then the daemon (as the munge user when it exists)
if [ ! -s /etc/munge/munge.key ]; then
  say "creating /etc/munge/munge.key"
  $SUDO mkdir -p /etc/munge
  $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
$SUDO chown munge:munge /etc/munge/munge.key 2>/dev/null || true
$SUDO chmod 400 /etc/munge/munge.key
$SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
$SUDO chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
started=()
if ! munge -n </dev/null >/dev/null 2>&1; then
  say "starting munged"
  if id munge >/dev/null 2>&1; then $SUDO -u munge /usr/sbin/munged 2>/dev/null || $SUDO runuser -u munge -- /usr/sbin/munged
  else $SUDO /usr/sbin/munged --force; fi
  started+=(munged)
fi
munge -n </dev/null | unmunge >/dev/null && say "munge works"

say "writing $conf for node $host ($cpus CPUs, ${mem} MB)"
$SUDO mkdir -p /etc/slurm "$state" "$spool" /var/log/slurm
$SUDO tee "$conf" >/dev/null <<CONF
# single-node Slurm for hotcarrier's examples/slurm test (written by local-slurm-test.sh)
ClusterName=hotcarrier-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state
SlurmdSpoolDir=$spool
SlurmctldPidFile=/run/slurmctld-hotcarrier.pid
SlurmdPidFile=/run/slurmd-hotcarrier.pid
SlurmctldLogFile=/var/log/slurm/slurmctld-hotcarrier.log
SlurmdLogFile=/var/log/slurm/slurmd-hotcarrier.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# slurmd loads a cgroup plugin even with proctrack/linuxproc: the one this host mounts
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cg=cgroup/v2; else cg=cgroup/v1; fi
printf 'CgroupPlugin=%s\nIgnoreSystemd=yes\n' "$cg" | $SUDO tee /etc/slurm/cgroup.conf >/dev/null

cleanup() {
  if [ "${KEEP_SLURM:-0}" != "1" ]; then
    for d in "${started[@]}"; do
      pidfile=/run/$d-hotcarrier.pid
      [ "$d" = munged ] && pidfile=/run/munge/munged.pid
      [ -s "$pidfile" ] && $SUDO kill "$(cat "$pidfile")" 2>/dev/null || true
    done
  fi
}
trap cleanup EXIT
if ! scontrol ping 2>/dev/null | grep -q UP; then
  say "starting slurmctld and slurmd"
  $SUDO slurmctld -i
  started+=(slurmctld)
  $SUDO slurmd
  started+=(slurmd)
fi
for _ in $(seq 1 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE 'idle|mixed' && break
  $SUDO scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
  sleep 1
done
sinfo

# the example, in a temporary folder, with this checkout's CLI
work=$(mktemp -d /tmp/hotcarrier-slurm-XXXXXX)
cd "$work"
mkdir -p shards  # Slurm opens the --output files before the job runs
export HOTCARRIER="node $root/bin/hotcarrier.mjs"
say "submitting from $work"
array=$(sbatch --parsable --export=ALL "$root/examples/slurm/sweep-array.sbatch")
array=${array%%;*}
merge=$(timeout 1200 sbatch --parsable --export=ALL --kill-on-invalid-dep=yes --dependency="afterok:$array" --wait "$root/examples/slurm/merge.sbatch")
merge=${merge%%;*}
say "array job $array and merge job $merge finished"
cat shards/shard-*.log merge.log

# the check: the merged table equals an unsharded sweep, row for row (wall-clock column solveMs aside)
$HOTCARRIER sweep --composition CsPbI3 --vary density=1e16:1e19:8 --vary edge-nm=5,8 --csv > unsharded.csv
strip() { grep -v '^#' "$1" | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin)); drop = rows[0].index('solveMs')
for r in rows: print(','.join(c for j, c in enumerate(r) if j != drop))"; }
if diff <(strip unsharded.csv) <(strip merged.csv) >/dev/null; then
  say "OK: merged.csv ($(grep -vc '^#' merged.csv) lines incl. header) equals the unsharded sweep row for row"
  head -5 merged.csv
else
  say "FAIL: merged.csv differs from the unsharded sweep"; diff <(strip unsharded.csv) <(strip merged.csv) | head; exit 1
fi
