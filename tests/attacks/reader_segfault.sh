#!/usr/bin/env bash
# Attack: a reader that segfaults on one file of the corpus. The build must skip that file,
# name it and the reader, exit 3 (partial), and land every other output complete: the same
# bytes as a build of the corpus without that file.
# Usage: reader_segfault.sh DOSSIER BROKEN_READER_DIR SAMPLE_CORPUS WORK_DIR
set -euo pipefail
dossier=$1 reader_dir=$2 samples=$3 work=$4
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$samples"/* "$work/corpus/"
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }
build() {  # build OUT [options...]: runs a build of the corpus, prints its exit code
  local out=$1
  shift
  local code=0
  "$dossier" --plugin-path "$reader_dir" run "$work/corpus" -a sdg --export json,xml,xlsx --out "$out" "$@" \
    >"$out.log" 2>&1 || code=$?
  echo "$code"
}

echo "check: the corpus without the hostile file builds cleanly (exit 0)"
code=$(build "$work/clean")
[ "$code" -eq 0 ] || { cat "$work/clean.log"; fail "clean build exited $code"; }

printf 'DOSSIER-BROKEN-READER: segfault\nthe broken_reader bids for this file, then crashes reading it\n' \
  >"$work/corpus/crash.txt"

echo "check: with the file that crashes its reader, the build exits 3 (partial)"
code=$(build "$work/out")
[ "$code" -eq 3 ] || { cat "$work/out.log"; fail "expected exit 3, got $code"; }

echo "check: the error names the reader and the file, and says it is skipped"
line="dossier: error: reader broken_reader crashed (SIGSEGV) on $work/corpus/crash.txt; the file is skipped"
grep -qxF "$line" "$work/out.log" || { cat "$work/out.log"; fail "no line: $line"; }

echo "check: manifest.json lists the skip among its errors, and the 5 other sources"
python3 - "$work/out/manifest.json" "$work/corpus/crash.txt" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
errors = manifest["errors"]
assert any("reader broken_reader crashed (SIGSEGV) on " + sys.argv[2] in e for e in errors), errors
assert len(manifest["sources"]) == 5, manifest["sources"]
assert all("crash.txt" not in s["path"] for s in manifest["sources"])
PY

echo "check: corpus.json lists the 5 other documents"
python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['documents']; assert len(d)==5, len(d)" \
  "$work/out/corpus.json"

echo "check: every output is complete: the same bytes as the build without the file"
for f in corpus.json feed.xml matrix.xlsx; do
  cmp "$work/clean/$f" "$work/out/$f" || fail "$f differs from the clean build's"
done

echo "check: the manifest's sizes and digests are those of the files in place"
python3 - "$work/out" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
manifest = json.load(open(os.path.join(out, "manifest.json")))
outputs = manifest["outputs"]
assert outputs, "no outputs listed"
for o in outputs:
    data = open(os.path.join(out, o["file"]), "rb").read()
    assert len(data) == o["bytes"], (o["file"], len(data), o["bytes"])
    assert hashlib.sha256(data).hexdigest() == o["sha256"], o["file"]
PY

echo "check: with --no-isolation the reader runs in dossier, and its crash ends the build"
code=$(build "$work/in-process" --no-isolation)
[ "$code" -ne 0 ] && [ "$code" -ne 3 ] || fail "expected the in-process build to die, got exit $code"
grep -q "dossier: fatal: Segmentation fault while running reader broken_reader on $work/corpus/crash.txt" \
  "$work/in-process.log" || { cat "$work/in-process.log"; fail "no fatal line naming the reader and file"; }

echo "ok: a segfaulting reader skips its file only"
