#!/bin/bash
# Parses and analyses the sources of one job in 4 Slurm array tasks at once; slurm-merge.sh
# then merges their partial stores and writes the outputs. Submit both with
# submit-slurm.sh, which makes the merge wait for every task. See docs/scale-out.md.
#
# To edit: the #SBATCH lines for your cluster (partition, time, CPUs), and DOSSIER, JOB and
# OUT below (or set them in the environment of sbatch, which passes it on). The job file,
# its sources and OUT must be on a file system every node sees (NFS, Lustre, GPFS, ...).
# The number of shards is the size of the array: keep it a plain range with step 1
# (1-4 or 0-3; "1-8%2" runs at most two at a time and is fine; "1-7:2" is not).
#
#SBATCH --job-name=dossier-shards
#SBATCH --array=1-4
#SBATCH --cpus-per-task=4
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=dossier-shard-%A-%a.log

set -euo pipefail

DOSSIER=${DOSSIER:-/usr/local/bin/dossier}
JOB=${JOB:-/shared/dossier/jobs/gfmd.toml}
OUT=${OUT:-/shared/dossier/out/gfmd}

# --shard auto: K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1, N = SLURM_ARRAY_TASK_COUNT.
# The task writes OUT/.dossier/shards/shard-K-of-N.sqlite and exports nothing. --threads:
# the CPUs Slurm gave this task, not every core of the node.
exec "$DOSSIER" build "$JOB" --out "$OUT" --shard auto --threads "${SLURM_CPUS_PER_TASK:-1}" --log-format json
