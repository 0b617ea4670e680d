#!/usr/bin/env python3
"""Attack: kill -9 a build at random moments of its publish window, with slowed I/O.

Two corpora, A and B, give two known output sets. Each round builds the other set than the
folder holds, with every rename/link/fsync/unlink slowed (slow_io.so, LD_PRELOAD), and kills
it at a random moment of the window in which it publishes (found by a calibration run that
logs those calls, the median of three, then moved with the machine's load: earlier after a
build that finished before its kill, a little later after one killed before it switched the
set). After each kill the folder must hold exactly set A or exactly set B:
manifest.json (read through its link) lists the files, and each one read through its
top-level name has the listed size and SHA-256. Finally a normal build must succeed and
leave nothing behind (no stale generation, link or temporary file), and the store must pass
SQLite's integrity check, unmoved.

With --over build the kills are spread over the whole build (reading, analysis, export and
publishing) instead of the publish window.

usage: kill_publish.py DOSSIER SLOW_IO_LIB CORPUS_DIR [--kills N] [--slow-us US] [--seed S] [--over publish|build]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def output_set(out):
    """The set the folder publishes, as {file: sha256}; raises AssertionError if inconsistent."""
    with open(os.path.join(out, "manifest.json"), "rb") as f:
        manifest = json.load(f)
    files = {}
    for o in manifest["outputs"]:
        path = os.path.join(out, o["file"])
        assert os.path.isfile(path), f"{o['file']} is listed but missing"
        assert os.path.getsize(path) == o["bytes"], f"{o['file']}: {os.path.getsize(path)} bytes, listed {o['bytes']}"
        digest = sha256(path)
        assert digest == o["sha256"], f"{o['file']}: sha256 differs from the manifest's"
        files[o["file"]] = digest
    current = os.readlink(os.path.join(out, "current"))
    assert current.startswith(".dossier/generations/"), f"current -> {current}"
    tops = {f.split("/")[0] for f in files} | {"manifest.json"}
    for top in tops:
        link = os.path.join(out, top)
        assert os.path.islink(link) and os.readlink(link) == "current/" + top, f"{top} is not a link through current"
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dossier")
    ap.add_argument("slow_io")
    ap.add_argument("corpus")
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--slow-us", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--over", choices=["publish", "build"], default="publish")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}")

    root = tempfile.mkdtemp(prefix="dossier-kill-publish-")
    corpora = {"A": os.path.join(root, "A"), "B": os.path.join(root, "B")}
    for name, folder in corpora.items():
        os.makedirs(folder)
        for entry in sorted(os.listdir(args.corpus)):
            src = os.path.join(args.corpus, entry)
            if not os.path.isfile(src) or entry.startswith("."):
                continue
            with open(src, "rb") as f:
                data = f.read()
            if name == "B":
                data += b"\nAn added closing line.\n"
            with open(os.path.join(folder, entry), "wb") as f:
                f.write(data)
    out = os.path.join(root, "out")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    env.pop("LD_PRELOAD", None)
    # The ASan build's runtime must come first; this library is preloaded before it.
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"

    def command(corpus):
        return [args.dossier, "-qq", "run", corpora[corpus], "-e", "json", "-e", "xml", "-e", "pdf", "-o", out]

    def slow_env(log=None):
        e = dict(env, LD_PRELOAD=args.slow_io, DOSSIER_SLOW_IO_US=str(args.slow_us))
        if log:
            e["DOSSIER_SLOW_IO_LOG"] = log
        return e

    sets = {}
    for name in ("B", "A"):  # ends holding A
        r = subprocess.run(command(name), env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        sets[name] = output_set(out)
    assert sets["A"] != sets["B"] and set(sets["A"]) == set(sets["B"])
    holds = "A"

    # Calibration: where, in a slowed build, publishing starts (the manifest written into the
    # new generation) and ends (the process exits). The median of three builds: one build on a
    # loaded machine can take twice as long as the next, and a window from it is missed.
    log = os.path.join(root, "calls.log")
    starts, ends = [], []
    for name in ("B", "A", "B"):
        if os.path.exists(log):
            os.remove(log)
        t0 = time.time()
        r = subprocess.run(command(name), env=slow_env(log), capture_output=True, text=True)
        t_end = time.time()
        assert r.returncode == 0, r.stderr
        assert output_set(out) == sets[name]
        holds = name
        manifest_at = None
        with open(log) as f:
            for line in f:
                stamp, call, path = line.rstrip("\n").split(" ", 2)
                if manifest_at is None and "/.dossier/generations/" in path and path.endswith("/manifest.json"):
                    manifest_at = float(stamp)
        assert manifest_at is not None, "the calibration run never wrote its manifest into a generation"
        starts.append(manifest_at - t0)
        ends.append(t_end - t0)
    manifest_at, t_end, t0 = sorted(starts)[1], sorted(ends)[1], 0.0
    window = (max(0.0, manifest_at - t0 - 3 * args.slow_us / 1e6), t_end - t0)
    if args.over == "build":
        window = (0.0, t_end - t0)
    print(f"{args.over} window: {window[0]:.2f}..{window[1]:.2f} s after start (slowed by {args.slow_us} us per call)")

    ended = {"old": 0, "new": 0, "finished": 0}
    failures = []
    # The machine's load moves while the kills run: a build that finished before its kill
    # moves the window earlier, one killed before the switch a little later.
    scale = 1.0
    for k in range(args.kills):
        target = "A" if holds == "B" else "B"
        at = rng.uniform(*window) * scale
        p = subprocess.Popen(command(target), env=slow_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        finished = p.poll() is not None
        if not finished:
            p.send_signal(signal.SIGKILL)
        p.wait()
        try:
            now = output_set(out)
        except (AssertionError, OSError, ValueError, KeyError) as e:
            failures.append(f"kill {k + 1} at {at:.3f} s: inconsistent folder: {e}")
            break
        if now == sets[target]:
            ended["finished" if finished else "new"] += 1
            holds = target
            if finished and args.over == "publish":
                scale *= 0.9
        elif now == sets[holds]:
            ended["old"] += 1
            if args.over == "publish":
                scale *= 1.03
        else:
            failures.append(f"kill {k + 1} at {at:.3f} s: the folder holds neither set")
            break
    print(f"{args.kills} kills: {ended['old']} left the old set, {ended['new']} the new set, "
          f"{ended['finished']} builds had finished before their kill")
    # In the publish window, some kills must land on each side of the switch; over a whole
    # build most land before it.
    if not failures and (ended["old"] == 0 or (args.over == "publish" and ended["new"] == 0)):
        failures.append("the kills never straddled the switch (all old or all new): the window was missed")

    # The next build recovers: complete, and nothing left behind.
    r = subprocess.run(command("A" if holds == "B" else "B"), env=env, capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"the build after the kills failed ({r.returncode}): {r.stderr[-2000:]}")
    else:
        generations = os.listdir(os.path.join(out, ".dossier", "generations"))
        if len(generations) > 2:
            failures.append(f"{len(generations)} generations kept: {sorted(generations)}")
        for dirpath, dirnames, filenames in os.walk(out):
            for name in filenames + dirnames:
                full = os.path.join(dirpath, name)
                if ".dossier-tmp-" in name or name.startswith(".current-tmp-"):
                    failures.append(f"left behind: {full}")
                if os.path.islink(full) and not os.path.exists(full):
                    failures.append(f"dangling link left: {full}")
    # The store a hundred killed builds wrote to is whole.
    store = os.path.join(out, ".dossier", "store.sqlite")
    if not os.path.exists(store):
        failures.append("the store is gone")
    else:
        check = sqlite3.connect(store).execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            failures.append(f"the store fails its integrity check: {check}")
        if any(name.endswith(".corrupt") for name in os.listdir(os.path.dirname(store))):
            failures.append("the store was moved aside as damaged")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        shutil.rmtree(root, ignore_errors=True)
        print("ok: every kill left exactly the old or exactly the new set")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
