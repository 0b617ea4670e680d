#!/usr/bin/env bash
# Attack: a job name that is a path ("../../x") would put the default output folder
# out/NAME anywhere; a newline or ESC in a job or file name would forge log lines or drive
# the terminal. Path-like names are refused (exit 4, naming the job file and line) with
# nothing written; names in the log are escaped.
# Usage: job_names.sh DOSSIER SAMPLE_CORPUS
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mkdir -p "$work/jobs" "$work/corpus" "$work/here"
cp "$(ls "$samples"/*.txt | head -1)" "$work/corpus/"
job() {  # job NAME_LINE: a job file over the corpus with that name line
  printf '%s\nsources = ["../corpus"]\n[[export]]\nplugin = "json"\n' "$1" >"$work/jobs/job.toml"
}

# From $work/here, out/../../x is $work/x.
for name in '../../x' '..' 'a/b' '/tmp/x' '.hidden' 'a b' 'a\nb' 'a\u001b[2Jb'; do
  check "name = \"$name\" is refused, nothing written"
  job "name = \"$name\""
  rc=0
  (cd "$work/here" && "$dossier" build "$work/jobs/job.toml" --no-cache) >"$work/log" 2>&1 || rc=$?
  [ "$rc" = 4 ] || { cat "$work/log"; fail "exit $rc, expected 4"; }
  grep -q "^dossier: error: $work/jobs/job.toml:1: '.*' is not a job name" "$work/log" ||
    { cat "$work/log"; fail "the error does not name the job file and line"; }
  [ "$(wc -l <"$work/log")" = 1 ] || { cat "$work/log"; fail "the error is not one line"; }
  if grep -q $'\e' "$work/log"; then fail "a raw ESC reached the terminal"; fi
  [ -z "$(ls -A "$work/here")" ] && [ ! -e "$work/x" ] && [ ! -e /tmp/x/corpus.json ] ||
    fail "something was written for the refused name"
done

check "a job file named so that its name is no job name needs name = ..."
printf 'sources = ["../corpus"]\n[[export]]\nplugin = "json"\n' >"$work/jobs/weekly report.toml"
rc=0
(cd "$work/here" && "$dossier" build "$work/jobs/weekly report.toml" --no-cache) >"$work/log" 2>&1 || rc=$?
[ "$rc" = 4 ] || { cat "$work/log"; fail "exit $rc, expected 4"; }
grep -q "the file's name 'weekly report' is not a job name" "$work/log" || { cat "$work/log"; fail "no clear error"; }

check "a good name writes to out/NAME under the current folder"
job 'name = "gfmd-2026.v1"'
(cd "$work/here" && "$dossier" -q build "$work/jobs/job.toml" --no-cache) || fail "the good name was refused"
[ -f "$work/here/out/gfmd-2026.v1/corpus.json" ] || fail "no out/gfmd-2026.v1/corpus.json"

check "a newline and an ESC in file names are escaped in the log, check and dry-run output"
forged=$'evil\ndossier: error: forged line.txt'
colour=$'esc\e[31mred.txt'
cp "$work/corpus/"*.txt "$work/corpus/$forged"
cp "$work/corpus/"0*.txt "$work/corpus/$colour"
mkfifo "$work/corpus/pipe"$'\n'"dossier: error: forged fifo"
for command in "run $work/corpus -e json -o $work/run --no-cache" "check $work/corpus" \
  "run $work/corpus -e json -o $work/run --dry-run"; do
  rc=0
  # shellcheck disable=SC2086
  "$dossier" $command >"$work/log" 2>&1 || rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 3 ] || { cat "$work/log"; fail "$command: exit $rc"; }
  if grep -q '^dossier: error: forged' "$work/log"; then cat "$work/log"; fail "$command: a file name forged a log line"; fi
  if grep -q $'\e' "$work/log"; then fail "$command: a raw ESC reached the terminal"; fi
  grep -qF 'evil\ndossier: error: forged line.txt' "$work/log" || { cat "$work/log"; fail "$command: the name is not shown escaped"; }
  grep -qF 'esc\x1b[31mred.txt' "$work/log" || { cat "$work/log"; fail "$command: the ESC is not shown escaped"; }
done
grep -qF 'pipe\ndossier: error: forged fifo: a FIFO' "$work/log" || { cat "$work/log"; fail "the FIFO's name is not escaped"; }

check "--log-format json keeps the exact name, JSON-escaped, one object per line"
rc=0
"$dossier" --log-format json run "$work/corpus" -e json -o "$work/run" --no-cache >"$work/log" 2>&1 || rc=$?
python3 - "$work/log" <<'PY' || fail "a JSON log line does not parse or lost the name"
import json, sys
messages = [json.loads(line)["message"] for line in open(sys.argv[1], encoding="utf-8")]
assert any("evil\ndossier: error: forged line.txt" in m for m in messages)
PY
echo "ok"
