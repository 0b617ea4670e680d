#!/bin/bash
# Submits the shards (slurm-shards.sh, an array job) and the merge (slurm-merge.sh), which
# Slurm starts only when every array task has ended with exit code 0. If a task fails,
# Slurm cancels the merge (--kill-on-invalid-dep) instead of leaving it pending for ever.
# Usage: bash submit-slurm.sh            (DOSSIER, JOB and OUT from the environment or the
#                                         defaults in the two scripts)
# See docs/scale-out.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# --parsable prints "JOBID" or "JOBID;CLUSTER".
shards=$(sbatch --parsable "$here/slurm-shards.sh")
shards=${shards%%;*}
merge=$(sbatch --parsable --dependency="afterok:$shards" --kill-on-invalid-dep=yes "$here/slurm-merge.sh")
merge=${merge%%;*}

echo "shards: job $shards; merge: job $merge, after every shard succeeded"
echo "follow with: squeue -j $shards,$merge    then: sacct -j $shards,$merge"
