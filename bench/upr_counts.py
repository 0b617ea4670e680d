#!/usr/bin/env python3
"""Recommendations read from UPR reports against a register's counts, through the real dossier.

Usage: python3 bench/upr_counts.py DIR [--dossier build/bin/dossier] [--layout] [--files F,F...]

DIR holds the reports (PDFs, in DIR or DIR/pdf) and counts.csv with the columns
file,cycle,upr_info_recommendations (how many recommendations the UPR Info database records for
that review; it counts a recommendation once per recommending State). The development set
../shared/eval/upr-reports is one such folder (40 Working Group reports of 2008-2014, UN PDFs as
mirrored by a public research repository of UPR data; counts from UPR Info's database).

For each report: recommendations read, the ratio to the register's count, whether it is within
70-130% ("ok"), and for a report outside that band whether the reader said so with a warning
diagnostic ("WARNED", with the codes) or not ("SILENT"). Then the totals and the reading rate
(MB of input per second of the read stage, from manifest.json). --layout reads the PDFs'
`pdftotext -layout` text instead (made into a temporary folder; needs poppler-utils).
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--dossier", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "dossier"))
    ap.add_argument("--layout", action="store_true", help="read pdftotext -layout text of the PDFs")
    ap.add_argument("--files", help="only these files of counts.csv (comma-separated)")
    args = ap.parse_args()

    counts = {r["file"]: int(r["upr_info_recommendations"])
              for r in csv.DictReader(open(os.path.join(args.dir, "counts.csv"), encoding="utf-8"))}
    if args.files:
        wanted = set(args.files.split(","))
        counts = {f: n for f, n in counts.items() if f in wanted}
    pdf_dir = os.path.join(args.dir, "pdf") if os.path.isdir(os.path.join(args.dir, "pdf")) else args.dir
    work = tempfile.mkdtemp(prefix="upr-counts-")
    try:
        sources = os.path.join(work, "sources")
        os.makedirs(sources)
        for f in counts:
            src = os.path.join(pdf_dir, f)
            if args.layout:
                subprocess.run(["pdftotext", "-layout", src, os.path.join(sources, f[:-4] + ".txt")], check=True,
                               stderr=subprocess.DEVNULL)
            else:
                os.symlink(os.path.abspath(src), os.path.join(sources, f))
        out = os.path.join(work, "out")
        # --no-cache: every run reads every report (the store would hand back the last run's).
        r = subprocess.run([args.dossier, "run", sources, "--export", "json", "--out", out, "--no-cache"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 3):
            sys.exit(f"dossier failed ({r.returncode}):\n{r.stderr[-2000:]}")
        model = json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))
        manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
        size = sum(os.path.getsize(os.path.join(sources, f)) for f in os.listdir(sources))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    got, codes = {}, {}
    for d in model.get("documents", []):
        f = os.path.basename(str(d.get("source", "")))
        if args.layout:
            f = f[:-4] + ".pdf"
        got[f] = got.get(f, 0) + len(d.get("recommendations", []))
        codes[f] = sorted({x.get("code") or "other" for x in d.get("diagnostics", [])
                           if x.get("severity") in ("warning", "error")})
    rows = sorted(counts, key=lambda f: got.get(f, 0) / counts[f])
    for f in rows:
        ratio = got.get(f, 0) / counts[f]
        flag = "ok" if 0.7 <= ratio <= 1.3 else ("WARNED" if codes.get(f) else "SILENT")
        note = " " + ",".join(codes[f]) if flag == "WARNED" else ""
        print(f"{flag:6} {ratio:5.2f} {got.get(f, 0):5}/{counts[f]:<5} {f}{note}")
    inband = sum(1 for f in counts if 0.7 <= got.get(f, 0) / counts[f] <= 1.3)
    silent = sum(1 for f in counts if not 0.7 <= got.get(f, 0) / counts[f] <= 1.3 and not codes.get(f))
    total = sum(got.get(f, 0) for f in counts) / sum(counts.values())
    read_s = manifest.get("timings", {}).get("read", 0) or 0
    print(f"in band {inband}/{len(counts)} ({inband / len(counts):.0%}); read {total:.0%} of the register's total; "
          f"{silent} out of band without a warning")
    if read_s:
        print(f"read stage: {size / 1e6:.1f} MB in {read_s:.2f} s wall ({size / 1e6 / read_s:.1f} MB/s)")


if __name__ == "__main__":
    main()
