#!/usr/bin/env bash
# Attack: a FIFO, a socket, a link to a device and a dangling link in a corpus folder, and a
# FIFO and a device named as sources. The build must finish (never open a FIFO: it would
# block), name each one, list it in manifest.json's errors and exit 3 (partial).
# Usage: special_files.sh DOSSIER SAMPLE_CORPUS
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# A hang ends as exit 124 instead of blocking the test suite; 300 s is far beyond a build of
# two documents, and no timing is asserted.
limit=300

mkdir -p "$work/corpus"
cp "$(ls "$samples"/*.txt | head -1)" "$(ls "$samples"/*.txt | tail -1)" "$work/corpus/"
mkfifo "$work/corpus/pipe.txt"
ln -s pipe.txt "$work/corpus/to-pipe.txt"
ln -s /dev/zero "$work/corpus/zero.txt"
ln -s "$work/nothing" "$work/corpus/dangling.txt"
socket=no
if command -v python3 >/dev/null &&
  python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$work/corpus/sock.txt" 2>/dev/null; then
  socket=yes
fi

check "a build over the folder finishes, names each special file and exits 3"
rc=0
timeout "$limit" "$dossier" run "$work/corpus" -e json -o "$work/out" --no-cache >"$work/log" 2>&1 || rc=$?
[ "$rc" != 124 ] || fail "the build hung (killed after $limit s)"
[ "$rc" = 3 ] || { cat "$work/log"; fail "exit $rc, expected 3"; }
for expected in 'pipe.txt: a FIFO (named pipe); not read' 'to-pipe.txt: symbolic link to .*pipe.txt, a FIFO (named pipe); not read' \
  'zero.txt: symbolic link to /dev/zero, outside the sources; not read' 'dangling.txt: symbolic link to nothing readable'; do
  grep -q "error: source .*corpus/$expected" "$work/log" || { cat "$work/log"; fail "not named in the log: $expected"; }
  grep -q "corpus/$expected" "$work/out/manifest.json" || fail "not in manifest.json: $expected"
done
if [ "$socket" = yes ]; then
  grep -q 'sock.txt: a socket; not read' "$work/log" || { cat "$work/log"; fail "the socket is not named"; }
fi
python3 - "$work/out/corpus.json" <<'PY' || fail "corpus.json does not hold the two documents"
import json, sys
assert len(json.load(open(sys.argv[1]))["documents"]) == 2
PY

check "with --follow-symlinks the link to /dev/zero is refused by its type, not read forever"
rc=0
timeout "$limit" "$dossier" run "$work/corpus" -e json -o "$work/out" --no-cache --follow-symlinks >"$work/log" 2>&1 || rc=$?
[ "$rc" != 124 ] || fail "the build hung (killed after $limit s)"
[ "$rc" = 3 ] || { cat "$work/log"; fail "exit $rc, expected 3"; }
grep -q 'zero.txt: symbolic link to /dev/zero, a character device; not read' "$work/log" ||
  { cat "$work/log"; fail "the device is not named"; }

check "a FIFO and a device named as sources are named and not opened"
rc=0
timeout "$limit" "$dossier" run "$work/corpus/pipe.txt" /dev/null "$(ls "$work/corpus"/0*.txt | head -1)" -e json \
  -o "$work/named" --no-cache >"$work/log" 2>&1 || rc=$?
[ "$rc" != 124 ] || fail "the build hung (killed after $limit s)"
[ "$rc" = 3 ] || { cat "$work/log"; fail "exit $rc, expected 3"; }
grep -q 'pipe.txt: a FIFO (named pipe); not read' "$work/log" || { cat "$work/log"; fail "the FIFO is not named"; }
grep -q 'source /dev/null: a character device; not read' "$work/log" || { cat "$work/log"; fail "the device is not named"; }

check "check and --dry-run do not hang on them either"
rc=0
timeout "$limit" "$dossier" check "$work/corpus" >"$work/log" 2>&1 || rc=$?
[ "$rc" = 3 ] || { cat "$work/log"; fail "check: exit $rc, expected 3"; }
grep -q '^FAIL  .*pipe.txt: a FIFO' "$work/log" || { cat "$work/log"; fail "check does not list the FIFO"; }
rc=0
timeout "$limit" "$dossier" run "$work/corpus" -e json -o "$work/dry" --dry-run >"$work/log" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/log"; fail "dry run: exit $rc, expected 0"; }
grep -q 'pipe.txt: a FIFO' "$work/log" || { cat "$work/log"; fail "the dry run does not list the FIFO"; }
echo "ok"
