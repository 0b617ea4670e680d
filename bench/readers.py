#!/usr/bin/env python3
"""Reading throughput of the text, layout and PDF readers, against another build in the same command.

Usage:
  python3 bench/readers.py --baseline OTHER/build [--build build] [--runs 7]
                           [--text DIR] [--layout DIR] [--pdf DIR] [--instructions]

Each reader reads its folder with bench_read (one thread, one forked child per measured run; built
with -DDOSSIER_BENCH=ON); this build and the baseline alternate, run by run, so both see the same
machine. Prints per reader: input MB, median CPU seconds of each build, MB/s per core (input bytes /
CPU seconds of the reading thread) and the ratio this/baseline (above 1: faster). --instructions
also counts instructions with valgrind's callgrind (exact and repeatable whatever the machine's load;
one run each) and prints their ratio.

Defaults: text = the sample corpus copied 20 times (made in a temporary folder), layout = the
pdftotext -layout text of the PDFs in --pdf, pdf = ../shared/eval/upr-reports/pdf (40 UN PDFs of UPR
reports; any folder of PDFs will do).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def bench_read(build, reader, folder, runs):
    exe = os.path.join(build, "bin", "bench_read")
    out = subprocess.run([exe, reader, folder, "--runs", str(runs)], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    return r["bytes"], [x["cpu_seconds"] for x in r["runs"]]


def instructions(build, reader, folder):
    work = tempfile.mkdtemp(prefix="readers-cg-")
    try:
        exe = os.path.join(build, "bin", "bench_read")
        subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                        f"--callgrind-out-file={work}/cg.%p", exe, reader, folder, "--runs", "1"],
                       capture_output=True, check=True)
        totals = []
        for f in glob.glob(os.path.join(work, "cg.*")):
            out = subprocess.run(["callgrind_annotate", f], capture_output=True, text=True).stdout
            for line in out.splitlines():
                if "PROGRAM TOTALS" in line:
                    totals.append(int(line.split()[0].replace(",", "")))
        return max(totals)  # the measured child; the parent only loads the files
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--baseline", required=True, help="the other build folder (with bin/bench_read)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--text")
    ap.add_argument("--layout")
    ap.add_argument("--pdf", default=os.path.join(ROOT, "..", "shared", "eval", "upr-reports", "pdf"))
    ap.add_argument("--instructions", action="store_true")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="readers-")
    try:
        text = args.text
        if not text:
            text = os.path.join(work, "text")
            os.makedirs(text)
            for i in range(20):
                for f in glob.glob(os.path.join(ROOT, "samples", "corpus", "*.txt")):
                    shutil.copy(f, os.path.join(text, f"{i:02}_{os.path.basename(f)}"))
        layout = args.layout
        if not layout and os.path.isdir(args.pdf):
            layout = os.path.join(work, "layout")
            os.makedirs(layout)
            for f in glob.glob(os.path.join(args.pdf, "*.pdf")):
                subprocess.run(["pdftotext", "-layout", f, os.path.join(layout, os.path.basename(f)[:-4] + ".txt")],
                               check=True, stderr=subprocess.DEVNULL)
        jobs = [("text", text), ("layout", layout), ("pdf", args.pdf if os.path.isdir(args.pdf) else None)]
        print(f"{'reader':7} {'MB':>6} {'this s':>8} {'base s':>8} {'this MB/s':>10} {'base MB/s':>10} {'ratio':>6}"
              + ("  instructions ratio" if args.instructions else ""))
        for reader, folder in jobs:
            if not folder:
                print(f"{reader:7} (no input)")
                continue
            this, base = [], []
            size = 0
            # Alternating single runs: both builds see the same load.
            for _ in range(args.runs):
                size, t = bench_read(args.build, reader, folder, 1)
                this += t
                _, b = bench_read(args.baseline, reader, folder, 1)
                base += b
            mt, mb = statistics.median(this), statistics.median(base)
            line = (f"{reader:7} {size / 1e6:6.1f} {mt:8.3f} {mb:8.3f} {size / 1e6 / mt:10.1f} {size / 1e6 / mb:10.1f}"
                    f" {mb / mt:6.2f}")
            if args.instructions:
                it, ib = instructions(args.build, reader, folder), instructions(args.baseline, reader, folder)
                line += f"  {ib / it:6.3f} ({it / 1e9:.2f} G against {ib / 1e9:.2f} G)"
            print(line, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
