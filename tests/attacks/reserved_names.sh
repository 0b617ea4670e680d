#!/usr/bin/env bash
# Attack: export file names that would overwrite Dossier's own files or each other.
# Each such exporter fails alone (exit 3, a message naming the clash); the store, the
# manifest and the other outputs are intact, and the manifest lists each file once.
# usage: reserved_names.sh DOSSIER CORPUS_DIR
set -euo pipefail
dossier=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out
export SOURCE_DATE_EPOCH=1700000000

"$dossier" -qq run "$corpus" -e json -o "$out"
store_sum=$(sha256sum < "$out/.dossier/store.sqlite")

consistent() {  # every file the manifest lists has its size and hash; none listed twice
  python3 - "$out" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
names = [o["file"] for o in m["outputs"]]
assert len(names) == len(set(names)), f"listed twice: {names}"
for o in m["outputs"]:
    data = open(os.path.join(out, o["file"]), "rb").read()
    assert len(data) == o["bytes"] and hashlib.sha256(data).hexdigest() == o["sha256"], o["file"]
PY
}

for name in .dossier/store.sqlite manifest.json current .dossier/lock; do
  echo "export file $name"
  set +e
  log=$("$dossier" run "$corpus" -e json -e "xml:$name" -o "$out" 2>&1)
  rc=$?
  set -e
  [ "$rc" -eq 3 ] || { echo "FAIL: exit $rc, expected 3"; echo "$log"; exit 1; }
  grep -q "output $name is a name Dossier keeps for its own files" <<<"$log" || { echo "FAIL: no message"; echo "$log"; exit 1; }
  consistent
  [ -L "$out/current" ] || { echo "FAIL: current is no longer a link"; exit 1; }
done
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); assert c.execute('PRAGMA integrity_check').fetchone()[0]=='ok'" \
  "$out/.dossier/store.sqlite"
echo "the store is intact (its bytes changed only by the builds' own records: $([ "$(sha256sum < "$out/.dossier/store.sqlite")" = "$store_sum" ] && echo unchanged || echo updated))"

echo "two exporters, one file"
set +e
log=$("$dossier" run "$corpus" -e json:same.out -e xml:same.out -o "$out" 2>&1)
rc=$?
set -e
[ "$rc" -eq 3 ] || { echo "FAIL: exit $rc, expected 3"; echo "$log"; exit 1; }
grep -q "output same.out is also written by exporter json" <<<"$log" || { echo "FAIL: no message"; echo "$log"; exit 1; }
consistent
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out/same.out"  # json's, whole
echo "ok: reserved and clashing names fail their exporter alone; nothing of Dossier's is overwritten"
