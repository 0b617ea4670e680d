#!/usr/bin/env bash
# Attack: the disk fills up (issue 23). On a small tmpfs: a good build of the sample job, then
# a full disk and a changed source, so that the second build must write. It must fail with
# exit 1 and say, naming the files, that the disk is full; leave the first build's outputs and
# its store as they were (no store.sqlite.corrupt); and once there is room again, a third
# build must compare with the first one, so its Atom feed dates nothing anew that did not change.
# Then a first build on a full disk must leave no partial set of outputs.
#
# usage: disk_full.sh DOSSIER SOURCE_DIR. Needs root for `mount -t tmpfs`: exit 77 (skipped)
# without it. A first build on a disk with room for some outputs only publishes either nothing
# or a set whose manifest lists exactly what it holds.
set -euo pipefail

dossier=${1:?usage: disk_full.sh DOSSIER SOURCE_DIR}
source_dir=${2:?usage: disk_full.sh DOSSIER SOURCE_DIR}
work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-disk-full.XXXXXX")
disk=$work/disk
mkdir -p "$disk"
cleanup() {
  umount "$disk" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! mount -t tmpfs -o size=32m tmpfs "$disk" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here (needs root)"
  exit 77
fi

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
check() { echo "check: $*"; }

# The sample job, its sources outside the small disk (only the outputs and store are on it).
job=$work/job
mkdir -p "$job/jobs"
cp -r "$source_dir/samples/corpus" "$job/corpus"
cp "$source_dir/samples/catalogue.toml" "$job/catalogue.toml"
cp "$source_dir/samples/jobs/gfmd.toml" "$job/jobs/gfmd.toml"

# build OUT EPOCH LOG: runs the job; sets $rc.
build() {
  set +e
  SOURCE_DATE_EPOCH=$2 "$dossier" build "$job/jobs/gfmd.toml" --out "$1" >"$3" 2>&1
  rc=$?
  set -e
}

fill_disk() {
  dd if=/dev/zero of="$disk/filler" bs=64k >/dev/null 2>&1 || true
  [[ $(df --output=avail -k "$disk" | tail -1 | tr -d ' ') == 0 ]] || fail "the disk could not be filled"
}

# Every output listed in OUT/manifest.json has the size and SHA-256 it lists.
outputs_match_manifest() {
  python3 - "$1" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
manifest = json.load(open(os.path.join(out, "manifest.json")))
bad = []
for o in manifest["outputs"]:
    path = os.path.join(out, o["file"])
    data = open(path, "rb").read() if os.path.exists(path) else None
    if data is None or len(data) != o["bytes"] or hashlib.sha256(data).hexdigest() != o["sha256"]:
        bad.append(o["file"])
if bad or not manifest["outputs"]:
    sys.exit("outputs not as manifest.json lists them: " + ", ".join(bad or ["(none listed)"]))
PY
}

# No partial set in OUT: either no output at all, or every output file is listed, with its
# SHA-256, by a manifest.json beside it. Adjust here if publishing changes where the files
# of a set live (e.g. generation folders behind a link).
no_partial_set() {
  python3 - "$1" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
files = []
for root, dirs, names in os.walk(out, followlinks=True):
    rel_root = os.path.relpath(root, out)
    # The generations and `current` are what the top-level links read through.
    if rel_root.split(os.sep)[0] in (".dossier", "current"):
        continue
    for n in names:
        files.append(os.path.normpath(os.path.join(rel_root, n)))
files = [f for f in files if f != "manifest.json"]
if not files:
    sys.exit(0)
temporaries = [f for f in files if ".dossier-tmp-" in f]
if temporaries:
    sys.exit("temporary files left: " + ", ".join(temporaries))
if not os.path.exists(os.path.join(out, "manifest.json")):
    sys.exit("a partial set without a manifest: " + ", ".join(sorted(files)))
listed = {o["file"]: o["sha256"] for o in json.load(open(os.path.join(out, "manifest.json")))["outputs"]}
unlisted = [f for f in files if listed.get(f) != hashlib.sha256(open(os.path.join(out, f), "rb").read()).hexdigest()]
if unlisted:
    sys.exit("outputs the manifest does not list as they are: " + ", ".join(sorted(unlisted)))
PY
}

# Each failing exporter names its file and says the disk is full; no raw library error.
says_disk_full() {
  grep -Eq "could not write [^ ]+: the disk is full" "$1" || fail "no message names a file and says the disk is full"
  local vague
  vague=$(grep -E "exporter [a-z]+ failed" "$1" | grep -v "the disk is full" || true)
  [[ -z $vague ]] || fail "an exporter's failure does not say the disk is full: $vague"
  ! grep -Eq "libharu error|libxlsxwriter:" "$1" || fail "a raw library error: $(grep -E 'libharu error|libxlsxwriter:' "$1")"
}

entries() { grep -c "<entry>" "$1" || true; }

# The entries of FEED2 that FEED1 has with another date: "ID UPDATED" lines, one an entry.
redated() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def dates(path):
    text = open(path, encoding="utf-8").read()
    return dict(re.findall(r"<entry>\s*<id>([^<]*)</id>.*?<updated>([^<]*)</updated>", text, re.S))
before, after = dates(sys.argv[1]), dates(sys.argv[2])
for id, updated in after.items():
    if id in before and before[id] != updated:
        print(id, before[id], "->", updated)
PY
}

out=$disk/out
log=$work/log

check "a good first build on the small disk"
build "$out" 1700000000 "$log.1"
[[ $rc == 0 ]] || { cat "$log.1"; fail "first build exited $rc"; }
outputs_match_manifest "$out" || fail "first build's outputs"
first_entries=$(entries "$out/atom.xml")
[[ $first_entries -gt 0 ]] || fail "the first feed lists no recommendation"
cp "$out/atom.xml" "$work/atom.1.xml"
cp "$out/manifest.json" "$work/manifest.1.json"
store=$out/.dossier/store.sqlite
[[ -f $store ]] || fail "no store after the first build"
store_sum=$(sha256sum "$store" | cut -d' ' -f1)

check "a changed source and a full disk: the second build fails with exit 1, saying the disk is full"
printf '\n27. States should keep their stores when the disk is full.\n' >>"$job/corpus/000_361761b2e85cd3df.txt"
fill_disk
build "$out" 1700000100 "$log.2"
[[ $rc == 1 ]] || { cat "$log.2"; fail "second build exited $rc, not 1"; }
says_disk_full "$log.2"
grep -q "could not write the store $store: the disk is full" "$log.2" || fail "the store's message does not say the disk is full"

check "the first build's outputs are intact"
cmp -s "$out/manifest.json" "$work/manifest.1.json" || fail "manifest.json changed"
outputs_match_manifest "$out" || fail "the first build's outputs changed"

check "the store is still store.sqlite, untouched, and nothing was moved aside"
[[ -f $store ]] || fail "store.sqlite is gone"
[[ $(sha256sum "$store" | cut -d' ' -f1) == "$store_sum" ]] || fail "store.sqlite changed"
[[ -z $(find "$disk" -name '*.corrupt*') ]] || fail "moved aside: $(find "$disk" -name '*.corrupt*')"

check "with room again, the third build compares with the first: its feed does not announce everything"
rm -f "$disk/filler"
build "$out" 1700000200 "$log.3"
[[ $rc == 0 ]] || { cat "$log.3"; fail "third build exited $rc"; }
grep -q "since the previous build of job 'gfmd'" "$log.3" || fail "the third build found no previous build"
third_entries=$(entries "$out/atom.xml")
echo "  atom.xml: $first_entries entries after the first build, $third_entries after the third"
# Recorded at the first build, every entry the change did not touch keeps its date.
moved=$(redated "$work/atom.1.xml" "$out/atom.xml")
[[ -z $moved ]] || fail "the third feed dates entries anew: $(echo "$moved" | head -3)"
[[ -z $(find "$disk" -name '*.corrupt*') ]] || fail "moved aside after the third build"

check "a first build on a full disk leaves no partial set"
fill_disk
build "$disk/fresh" 1700000000 "$log.4"
[[ $rc != 0 ]] || fail "a build on a full disk exited 0"
says_disk_full "$log.4"
no_partial_set "$disk/fresh" || fail "first build on a full disk"
rm -f "$disk/filler"

{
  check "a first build on a disk with room for some outputs only leaves no partial set"
  avail=$(df --output=avail -k "$disk" | tail -1 | tr -d ' ')
  fallocate -l $(((avail - 4000) * 1024)) "$disk/filler"
  build "$disk/nearly" 1700000000 "$log.5"
  [[ $rc != 0 ]] || fail "a build on a nearly full disk exited 0"
  no_partial_set "$disk/nearly" || fail "first build on a nearly full disk"
  rm -f "$disk/filler"
}
echo "ok"
