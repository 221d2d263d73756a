#!/bin/bash
# Submit the sweep as a job array and the merge as a job that starts when all array tasks succeeded.
# Usage (from a folder on the cluster's shared file system): examples/slurm/submit.sh [--wait]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p shards  # the array tasks write their logs there; Slurm opens them before a task starts
array=$(sbatch --parsable "$here/sweep-array.sbatch")
merge=$(sbatch --parsable --kill-on-invalid-dep=yes --dependency="afterok:${array%%;*}" ${1:+"$1"} "$here/merge.sbatch")
echo "submitted array job ${array%%;*} (4 shards) and merge job ${merge%%;*}"
