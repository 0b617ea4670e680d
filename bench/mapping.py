#!/usr/bin/env python3
"""Benchmark of the mapping stage: the sdg analyzer (SDG goals and targets) and the gcm analyzer.

Scales the sample corpus by copying it N times under new file names (the readers then
treat every copy as its own document), runs `dossier run --no-cache --analyze sdg,gcm`
several times, and reports from manifest.json the median time of each analyzer, as MB/s of
the text mapped (recommendations) per core: the bytes divided by the analyzer's CPU time over
all its threads and its isolating child process (manifest `timings.analyzers_cpu`), which other
work on a shared machine disturbs far less than wall-clock time. The time includes compiling
the queries once per process; a run on one copy shows that fixed cost. With --no-isolation
the analyzers run inside the dossier process: their own cost, without the child process that
by default keeps a crashing plugin from taking the build down.

    python3 bench/mapping.py [--copies 100] [--runs 5] [--dossier build/bin/dossier]
                             [--baseline OTHER/build/bin/dossier] [--no-isolation]

With --baseline, every run is repeated with another build of dossier (e.g. an older commit
built in another folder: `git worktree add /tmp/base COMMIT` and build it there) right
after the current one, and the ratios are printed: medians only, baseline in the same
command, because this machine is shared and noisy. A baseline without per-analyzer timings
in its manifest is compared on the whole analyze stage.
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANALYZERS = ("sdg", "gcm")


def make_corpus(dest, copies):
    dest.mkdir()
    for i in range(copies):
        for f in sorted((ROOT / "samples" / "corpus").glob("*.txt")):
            shutil.copy(f, dest / f"{f.stem}_{i}.txt")


def run(dossier, corpus, out, extra=()):
    cmd = [dossier, "-qq", "run", "--no-cache", str(corpus), "--analyze", ",".join(ANALYZERS), "--export", "json",
           "--out", str(out), *extra]
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    timings = json.loads((out / "manifest.json").read_text())["timings"]
    # CPU time of the analyzing thread when the build records it: on a shared machine it is
    # the fair measure of work per core. The wall-clock "analyze" stage is kept to compare
    # with a baseline build that does not record CPU time.
    per = dict(timings.get("analyzers_cpu") or timings.get("analyzers", {}))
    per["sdg + gcm"] = sum(per.values()) if "analyzers_cpu" in timings else timings["analyze"]
    per["analyze stage (wall-clock)"] = timings["analyze"]
    return per


def mapped_bytes(out):
    data = json.loads((out / "corpus.json").read_text())
    return sum(len(r["text"].encode()) for d in data["documents"] for r in d["recommendations"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dossier", default=str(ROOT / "build" / "bin" / "dossier"))
    parser.add_argument("--baseline", help="another build's dossier executable to compare against")
    parser.add_argument("--no-isolation", action="store_true",
                        help="run the analyzers inside the dossier process (dossier run --no-isolation): the "
                             "analyzers' own cost, without that of the child process that isolates them by default")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        tmp = Path(tmp)
        make_corpus(tmp / "one", 1)
        make_corpus(tmp / "many", args.copies)
        extra = ["--no-isolation"] if args.no_isolation else []
        variants = {"current": args.dossier}
        if args.baseline:
            variants["baseline"] = args.baseline
        stages = ANALYZERS + ("sdg + gcm", "analyze stage (wall-clock)")
        times = {v: {a: [] for a in stages} for v in variants}
        fixed = {a: [] for a in stages}
        mapped = 0
        for r in range(args.runs):
            for v, exe in variants.items():
                out = tmp / f"out-{v}-{r}"
                for a, s in run(exe, tmp / "many", out, extra).items():
                    times[v][a].append(s)
                if not mapped:
                    mapped = mapped_bytes(out)
                shutil.rmtree(out)
            for a, s in run(args.dossier, tmp / "one", tmp / "out-one", extra).items():
                fixed[a].append(s)
        print(f"corpus: {args.copies} copies of the sample corpus, {mapped / 1e6:.2f} MB of recommendation text mapped; "
              f"medians over {args.runs} runs, CPU time of all threads"
              + (", analyzers in the dossier process (--no-isolation)" if args.no_isolation else ""))
        for a in stages:
            med = statistics.median(times["current"][a])
            line = (f"  {a}: {med:.3f} s -> {mapped / 1e6 / med:.1f} MB/s per core "
                    f"(fixed cost on one copy {statistics.median(fixed[a]):.3f} s)")
            if "baseline" in times and times["baseline"][a]:
                base = statistics.median(times["baseline"][a])
                line += f"; baseline {base:.3f} s -> {mapped / 1e6 / base:.1f} MB/s, speed-up x{base / med:.2f}"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
