# What the attack scripts share; sourced by each with the script's arguments:
# DOSSIER (the built binary; it finds its plugins beside itself) and SAMPLE_CORPUS.
# Sets dossier, samples and work (a temporary folder removed on exit); fail and check print
# what fails and what is checked.
set -euo pipefail
dossier=$(realpath "$1")
samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
check() { echo "check: $*"; }
