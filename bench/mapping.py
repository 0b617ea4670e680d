#!/usr/bin/env python3
"""Benchmark of the mapping stage: the sdg analyzer (SDG goals and targets) and the gcm analyzer.

Scales the sample corpus by copying it N times under new file names (the readers then
treat every copy as its own document), runs `dossier run --no-cache --analyze sdg,gcm`
several times, and reports from manifest.json the median time of each analyzer, as MB/s of
the text mapped (recommendations) on one core (the stage runs on one thread). The time
includes compiling the queries once per process; a run on one copy shows that fixed cost.

    python3 bench/mapping.py [--copies 100] [--runs 5] [--dossier build/bin/dossier]
                             [--baseline-plugins DIR]

With --baseline-plugins, every run is repeated with the analyzer plugins of DIR (e.g. an
older build's lib/dossier/plugins) right after the current ones, and the ratio is printed:
medians only, baseline in the same command, because this machine is shared and noisy.
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


def run(dossier, corpus, out, plugin_dir=None):
    cmd = [dossier, "-qq"]
    if plugin_dir:
        cmd += ["--plugin-path", str(plugin_dir)]
    cmd += ["run", "--no-cache", str(corpus), "--analyze", ",".join(ANALYZERS), "--export", "json", "--out", str(out)]
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    timings = json.loads((out / "manifest.json").read_text())["timings"]
    return timings["analyzers"]


def mapped_bytes(out):
    data = json.loads((out / "corpus.json").read_text())
    return sum(len(r["text"].encode()) for d in data["documents"] for r in d["recommendations"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dossier", default=str(ROOT / "build" / "bin" / "dossier"))
    parser.add_argument("--baseline-plugins", help="folder with the analyzer plugins to compare against")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        tmp = Path(tmp)
        make_corpus(tmp / "one", 1)
        make_corpus(tmp / "many", args.copies)
        variants = {"current": None}
        if args.baseline_plugins:
            variants["baseline"] = Path(args.baseline_plugins)
        times = {v: {a: [] for a in ANALYZERS} for v in variants}
        fixed = {a: [] for a in ANALYZERS}
        mapped = 0
        for r in range(args.runs):
            for v, plugins in variants.items():
                out = tmp / f"out-{v}-{r}"
                for a, s in run(args.dossier, tmp / "many", out, plugins).items():
                    times[v][a].append(s)
                if not mapped:
                    mapped = mapped_bytes(out)
                shutil.rmtree(out)
            for a, s in run(args.dossier, tmp / "one", tmp / "out-one").items():
                fixed[a].append(s)
        print(f"corpus: {args.copies} copies of the sample corpus, {mapped / 1e6:.2f} MB of recommendation text mapped; "
              f"medians over {args.runs} runs, one thread")
        for a in ANALYZERS:
            med = statistics.median(times["current"][a])
            line = (f"  {a}: {med:.3f} s -> {mapped / 1e6 / med:.1f} MB/s per core "
                    f"(fixed cost on one copy {statistics.median(fixed[a]):.3f} s)")
            if "baseline" in times:
                base = statistics.median(times["baseline"][a])
                line += f"; baseline {base:.3f} s -> {mapped / 1e6 / base:.1f} MB/s, speed-up x{base / med:.2f}"
            print(line)
        total = sum(statistics.median(times["current"][a]) for a in ANALYZERS)
        print(f"  sdg + gcm: {total:.3f} s -> {mapped / 1e6 / total:.1f} MB/s per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
