#!/usr/bin/env bash
# The Slurm sample (samples/cluster/submit-slurm.sh, slurm-shards.sh, slurm-merge.sh) on a real
# single-node Slurm started here: munged and slurmctld + slurmd of Debian's slurm-wlm, with
# their own key, slurm.conf, ports, sockets and state under WORK (nothing in /etc is read or
# changed). The array's four shards and the merge run as Slurm jobs over the sample corpus and
# the six-language resolutions; the merged outputs must equal a single-process build's, byte
# for byte (docs/scale-out.md, "Tested on a single-node Slurm").
#
#   slurm_cluster_test.sh DOSSIER SOURCE_DIR WORK
#
# Exit 77 (CTest skips) only when Slurm or munge is not installed (scripts/install-deps
# installs them) or the daemons cannot start here; the daemons' logs are printed then.
set -euo pipefail

dossier=$(realpath "$1")
src=$(realpath "$2")
work=$3

skip() {
  echo "SKIPPED: $*"
  exit 77
}

for program in munged slurmctld slurmd sbatch squeue scontrol; do
  command -v "$program" >/dev/null || PATH=$PATH:/usr/sbin command -v "$program" >/dev/null ||
    skip "$program not found: install slurm-wlm and munge (scripts/install-deps does)"
done
export PATH=$PATH:/usr/sbin
[ "$(id -u)" -eq 0 ] || skip "slurmd must run as root to start jobs; run the test as root"

rm -rf "$work"
mkdir -p "$work"/{munge,state,spool,log,run,submit}
work=$(realpath "$work")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    for f in "$work"/log/*.log "$work"/submit/*.log; do
      [ -f "$f" ] && { echo "--- $f"; tail -n 30 "$f"; }
    done
  fi
  exit "$status"
}
trap cleanup EXIT

# Free TCP ports for slurmctld and slurmd (another Slurm on this machine keeps its own).
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

# munge: a key of our own, the daemon on a socket of our own.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$work/munge"
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
  || skip "munged did not start: $(tail -n 3 "$work/log/munged.log" 2>/dev/null)"
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
mem=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
# The samples ask for 4 CPUs per task and 2-4 GB: the node is declared with 16 CPUs and
# config_overrides makes slurmd accept that on a smaller machine (the tasks share its cores).
cat >"$work/slurm.conf" <<EOF
ClusterName=dossier-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/slurmd-%n
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=16 RealMemory=$((mem > 20000 ? mem : 20000)) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"

slurmctld -i -f "$SLURM_CONF" || skip "slurmctld did not start: $(tail -n 5 "$work/log/slurmctld.log" 2>/dev/null)"
for _ in $(seq 100); do [ -s "$work/run/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmctld.pid")")
slurmd -f "$SLURM_CONF" || skip "slurmd did not start: $(tail -n 5 "$work/log/slurmd.log" 2>/dev/null)"
for _ in $(seq 100); do [ -s "$work/run/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmd.pid")")

# The node is up when sinfo says idle.
state=""
for _ in $(seq 300); do
  state=$(sinfo -h -N -o '%t' 2>/dev/null | head -n 1)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || skip "the Slurm node did not come up (state '${state:-none}'): $(tail -n 5 "$work/log/slurmd.log")"
echo "slurm: single node $host up (slurmctld port $ctld_port, slurmd port $slurmd_port)"

# A real corpus: the sample corpus and the six-language resolutions, every exporter.
job="$work/job.toml"
sed -e "s|^sources = .*|sources = [\"$src/samples/corpus\", \"$src/samples/resolutions/*.xml\"]|" \
    -e "s|^catalogue = \"\\.\\./|catalogue = \"$src/samples/|" \
    "$src/samples/jobs/gfmd.toml" >"$job"
grep -q "$src/samples/resolutions" "$job" && grep -q "catalogue = \"$src/samples/catalogue.toml\"" "$job"

export SOURCE_DATE_EPOCH=1790000000
single="$work/single"
"$dossier" -q build "$job" -j 1 --out "$single"

# The samples as shipped; only DOSSIER, JOB and OUT come from the environment, as the docs say.
out="$work/cluster"
cd "$work/submit"
submitted=$(DOSSIER="$dossier" JOB="$job" OUT="$out" bash "$src/samples/cluster/submit-slurm.sh")
echo "$submitted"
shards=$(sed -n 's/^shards: job \([0-9]*\);.*/\1/p' <<<"$submitted")
merge=$(sed -n 's/.*merge: job \([0-9]*\),.*/\1/p' <<<"$submitted")
[ -n "$shards" ] && [ -n "$merge" ]

# Wait (at most 10 minutes) until neither job is in the queue.
for _ in $(seq 1200); do
  [ -z "$(squeue -h -j "$shards,$merge" -o %i 2>/dev/null)" ] && break
  sleep 0.5
done
states=$(scontrol -o show job "$shards" | grep -o 'JobState=[A-Z_]*' | sort | uniq -c)
echo "shards: $(tr '\n' ' ' <<<"$states")"
tasks=$(scontrol -o show job "$shards" | grep -c 'JobState=COMPLETED')
[ "$tasks" -eq 4 ] || { echo "FAIL: $tasks of 4 array tasks completed"; exit 1; }
merge_state=$(scontrol -o show job "$merge" | grep -o 'JobState=[A-Z_]*')
echo "merge: $merge_state"
[ "$merge_state" = JobState=COMPLETED ] || { echo "FAIL: merge $merge_state"; exit 1; }
ls "$work/submit"/dossier-shard-"$shards"-{1,2,3,4}.log "$work/submit/dossier-merge-$merge.log" >/dev/null

# Byte for byte: every output but manifest.json (timings) and the store.
outputs() { (cd "$1/current" && find . -path ./.dossier -prune -o -type f ! -name manifest.json -print | sort); }
diff <(outputs "$single") <(outputs "$out") || { echo "FAIL: the outputs differ in their files"; exit 1; }
files=0
while read -r f; do
  cmp "$single/current/$f" "$out/current/$f" || { echo "FAIL: $f differs"; exit 1; }
  files=$((files + 1))
done < <(outputs "$single")
[ "$files" -ge 14 ] || { echo "FAIL: only $files outputs"; exit 1; }
grep -q '"merged"\|merged' "$work/submit/dossier-merge-$merge.log"
echo "slurm: 4 array tasks and the merge completed; $files outputs identical to the single build"
