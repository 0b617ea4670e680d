#!/bin/bash
# Merges the partial stores of slurm-shards.sh into the job's store and writes every output
# and manifest.json into OUT, as one `dossier build` would. Submitted by submit-slurm.sh to
# run only after every shard succeeded; it refuses (and changes nothing) if a shard's store
# is missing. See docs/scale-out.md.
#
# To edit: the #SBATCH lines, and DOSSIER, JOB and OUT as in slurm-shards.sh (the same).
#
#SBATCH --job-name=dossier-merge
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=dossier-merge-%j.log

set -euo pipefail

DOSSIER=${DOSSIER:-/usr/local/bin/dossier}
JOB=${JOB:-/shared/dossier/jobs/gfmd.toml}
OUT=${OUT:-/shared/dossier/out/gfmd}

exec "$DOSSIER" merge "$JOB" --out "$OUT" --threads "${SLURM_CPUS_PER_TASK:-1}" --log-format json
