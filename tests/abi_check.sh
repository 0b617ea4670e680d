#!/usr/bin/env bash
# The SDK's ABI against the last release's (sdk/abi/): fails on a change that
# DOSSIER_ABI_VERSION does not announce. Two checks:
# - the exported symbols (abidw/abidiff from abigail-tools): one removed or changed is an
#   incompatible change; one added is compatible;
# - the model's layout fingerprint (`dossier --version`, sdk/include/dossier/abi.hpp): any
#   change in a model type's size or members.
# With another ABI version than the baseline's the change is announced: it passes, and says to
# record the new baseline at release (scripts/update-abi-baseline).
# Usage: abi_check.sh SDK_LIBRARY DOSSIER_EXE BASELINE_DIR
set -euo pipefail
lib=$1 dossier=$2 baseline=$3
for tool in abidw abidiff; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (scripts/install-deps installs abigail-tools)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$("$dossier" --version)
abi=$(sed -n 's/.*(plugin ABI \([0-9]*\), model layout \([0-9a-f]*\)).*/\1/p' <<<"$version")
layout=$(sed -n 's/.*(plugin ABI \([0-9]*\), model layout \([0-9a-f]*\)).*/\2/p' <<<"$version")
[ -n "$abi" ] && [ -n "$layout" ] || { echo "FAIL: cannot read the ABI from: $version"; exit 1; }
read -r base_abi base_layout <"$baseline/layout"

if [ "$abi" != "$base_abi" ]; then
  echo "ABI $abi announced (the baseline is ABI $base_abi): record the new baseline at release with scripts/update-abi-baseline"
  exit 0
fi

abidw --no-show-locs "$lib" >"$work/current.abi"
set +e
abidiff "$baseline/libdossier_sdk.abi" "$work/current.abi" >"$work/diff.txt"
rc=$?
set -e
cat "$work/diff.txt"
if (( rc & 3 )); then echo "FAIL: abidiff could not compare (exit $rc)"; exit 1; fi
failed=0
if (( rc & 8 )); then
  echo "FAIL: an incompatible change to the SDK's exported symbols, and DOSSIER_ABI_VERSION is still $abi: bump it (sdk/include/dossier/version.hpp)"
  failed=1
fi
if [ "$layout" != "$base_layout" ]; then
  echo "FAIL: the model's layout changed (fingerprint $base_layout -> $layout) and DOSSIER_ABI_VERSION is still $abi: bump it"
  failed=1
fi
[ "$failed" -eq 0 ] || exit 1
if (( rc & 4 )); then echo "compatible additions to the ABI (above); the baseline may be refreshed at release"; fi
echo "ABI $abi unchanged against the baseline"
