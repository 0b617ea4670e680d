#!/usr/bin/env bash
# The Kubernetes samples (samples/cluster/kubernetes-*.yaml) checked against the Kubernetes
# API's schemas by tests/kubernetes/check_manifests.js, with its pinned npm packages
# (tests/kubernetes/package-lock.json) installed by `npm ci` into WORK once.
#
#   kubernetes_manifests_test.sh SOURCE_DIR WORK
#
# Exit 77 (CTest skips) only when node/npm are missing (scripts/install-deps installs them)
# or the npm registry cannot be reached for the first install.
set -euo pipefail
src=$(realpath "$1")
work=$2

command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "SKIPPED: node and npm not found: install nodejs and npm (scripts/install-deps does)"; exit 77; }
mkdir -p "$work"
if ! cmp -s "$src/tests/kubernetes/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  rm -rf "$work/node_modules"
  cp "$src/tests/kubernetes/package.json" "$src/tests/kubernetes/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null) ||
    { echo "SKIPPED: npm ci of tests/kubernetes/package-lock.json failed (no npm registry?)"; rm -f "$work/package-lock.json"; exit 77; }
fi
NODE_PATH="$work/node_modules" node "$src/tests/kubernetes/check_manifests.js" --self-test \
  "$src/samples/cluster/kubernetes-shards.yaml" "$src/samples/cluster/kubernetes-merge.yaml"
