#!/usr/bin/env bash
# Attack: a symbolic link in a corpus folder leading to a file outside the sources
# (corpus/notes.txt -> a passwd file). It must not be read unless the job says
# follow_symlinks = true (or --follow-symlinks), and the skip must be named: in the log and
# in manifest.json's errors, with exit 3 (partial: some sources not read; docs/cli.md).
# Usage: symlink_out_of_root.sh DOSSIER SAMPLE_CORPUS
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mkdir -p "$work/corpus" "$work/secret/folder"
cp "$(ls "$samples"/*.txt | head -1)" "$work/corpus/"
printf 'root:x:0:0:root:/root:/bin/bash\nagent:x:1000:1000:SECRET-MARKER-4711:/home/agent:/bin/sh\n' >"$work/secret/passwd"
cp "$work/secret/passwd" "$work/secret/folder/more.txt"
ln -s "$work/secret/passwd" "$work/corpus/notes.txt"
ln -s "$work/secret/folder" "$work/corpus/folder"
ln -s "$(ls "$work/corpus"/*.txt | grep -v notes | head -1)" "$work/corpus/alias.txt"  # inside: read
cat >"$work/job.toml" <<TOML
name = "links"
sources = ["corpus"]
[[export]]
plugin = "json"
[[export]]
plugin = "xml"
TOML

check "a build does not read a link leading outside the sources, and names it (exit 3)"
rc=0
"$dossier" build "$work/job.toml" --out "$work/out" --no-cache >"$work/log" 2>&1 || rc=$?
[ "$rc" = 3 ] || { cat "$work/log"; fail "exit $rc, expected 3"; }
grep -q 'corpus/notes.txt: symbolic link to .*/secret/passwd, outside the sources; not read' "$work/log" ||
  { cat "$work/log"; fail "the link to a file is not named in the log"; }
grep -q 'corpus/folder: symbolic link to .*/secret/folder, a folder outside the sources; not followed' "$work/log" ||
  { cat "$work/log"; fail "the link to a folder is not named in the log"; }
[ -f "$work/out/corpus.json" ] && [ -f "$work/out/feed.xml" ] || fail "the other outputs did not land"
if grep -rq SECRET-MARKER-4711 "$work/out"; then fail "the file outside the sources reached the outputs"; fi
grep -q '"source .*corpus/notes.txt: symbolic link to' "$work/out/manifest.json" ||
  fail "manifest.json does not list the skipped link"
grep -q 'corpus/alias.txt' "$work/out/manifest.json" || fail "a link inside the sources was not read"

check "dossier run and dossier check skip it too"
rc=0
"$dossier" run "$work/corpus" -e json -o "$work/run" --no-cache >"$work/log" 2>&1 || rc=$?
[ "$rc" = 3 ] || { cat "$work/log"; fail "run: exit $rc, expected 3"; }
if grep -q SECRET-MARKER-4711 "$work/run/corpus.json"; then fail "run read the file outside the sources"; fi
rc=0
"$dossier" check "$work/corpus" >"$work/log" 2>&1 || rc=$?
[ "$rc" = 3 ] || { cat "$work/log"; fail "check: exit $rc, expected 3"; }
grep -q '^FAIL  .*notes.txt: symbolic link to' "$work/log" || { cat "$work/log"; fail "check does not list the link"; }

check "follow_symlinks = true in the job reads it, with no error (exit 0)"
sed -i 's/^name = "links"$/name = "links"\nfollow_symlinks = true/' "$work/job.toml"
rc=0
"$dossier" build "$work/job.toml" --out "$work/out" --no-cache >"$work/log" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/log"; fail "exit $rc, expected 0"; }
grep -q SECRET-MARKER-4711 "$work/out/corpus.json" || fail "follow_symlinks did not read the linked file"
grep -q 'folder/more.txt' "$work/out/manifest.json" || fail "follow_symlinks did not follow the folder link"

check "--follow-symlinks does the same for one run"
rc=0
"$dossier" run "$work/corpus" -e json -o "$work/run" --no-cache --follow-symlinks >"$work/log" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/log"; fail "exit $rc, expected 0"; }
grep -q SECRET-MARKER-4711 "$work/run/corpus.json" || fail "--follow-symlinks did not read the linked file"

check "a link named as a source is read: naming it is choosing it"
rc=0
"$dossier" run "$work/corpus/notes.txt" "$(ls "$work/corpus"/0*.txt | head -1)" -e json -o "$work/named" --no-cache \
  >"$work/log" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/log"; fail "exit $rc, expected 0"; }
grep -q SECRET-MARKER-4711 "$work/named/corpus.json" || fail "a link named as a source was not read"
echo "ok"
