#!/usr/bin/env python3
"""Benchmark of the SDG + GCM mapping stage (the sdg and gcm analyzers together).

Scales the sample corpus by copying it N times under new file names (the readers then
treat every copy as its own document), runs `dossier run --no-cache --analyze sdg,gcm`
several times, and reports the median time of the analyze stage from manifest.json, as MB/s
of the text mapped (recommendations) and per core (the stage runs on one thread).

    python3 bench/mapping.py [--copies 20] [--runs 5] [--dossier build/bin/dossier]

Medians only: this machine is shared and noisy.
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dossier", default=str(ROOT / "build" / "bin" / "dossier"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.copies):
            for f in sorted((ROOT / "samples" / "corpus").glob("*.txt")):
                shutil.copy(f, corpus / f"{f.stem}_{i}.txt")
        size = sum(f.stat().st_size for f in corpus.iterdir())
        analyze, read = [], []
        mapped = 0
        for run in range(args.runs):
            out = Path(tmp) / f"out{run}"
            subprocess.run([args.dossier, "-qq", "run", "--no-cache", str(corpus), "--analyze", "sdg,gcm",
                            "--export", "json", "--out", str(out)], check=True)
            timings = json.loads((out / "manifest.json").read_text())["timings"]
            analyze.append(timings["analyze"])
            read.append(timings["read"])
            if run == 0:
                data = json.loads((out / "corpus.json").read_text())
                mapped = sum(len(r["text"].encode()) for d in data["documents"] for r in d["recommendations"])
        med = statistics.median(analyze)
        print(f"corpus: {args.copies} copies of the sample corpus, {size / 1e6:.1f} MB, "
              f"{mapped / 1e6:.2f} MB of recommendation text mapped")
        print(f"analyze (sdg + gcm, one thread): median {med:.3f} s over {args.runs} runs "
              f"(min {min(analyze):.3f}, max {max(analyze):.3f}) -> {mapped / 1e6 / med:.1f} MB/s per core")
        print(f"read stage for comparison: median {statistics.median(read):.3f} s -> "
              f"{size / 1e6 / statistics.median(read):.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
