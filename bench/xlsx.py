#!/usr/bin/env python3
"""Benchmark of the xlsx exporter against raw libxlsxwriter writing the same cells.

Maps the sample corpus once (`dossier run --analyze sdg,gcm --export json`), scales its
corpus.json up by copying every document N times under new ids (addresses and annotation
subjects follow), and for each size and for both of libxlsxwriter's modes (normal and
constant memory):

1. writes matrix.xlsx once with the real plugin (`bench_xlsx export`);
2. reads that workbook's cells back from its XML (sheet, row, column, text or number);
3. runs `bench_xlsx compare`: R runs of the plugin's write() alternating with R runs of
   libxlsxwriter writing exactly those cells with no formatting (and R with one format on
   every cell, to show what styling costs libxlsxwriter itself), each in a fresh child
   process, timing it (CPU and wall clock) and measuring the peak resident memory it added.

Reports medians: cells per CPU second of both (CPU time, because wall time on a shared
machine measures the neighbours too), the exporter's share of the raw rate (and the same
share by wall clock), and the peak memory each added. Build first with `cmake -S . -B build -DDOSSIER_BENCH=ON && cmake
--build build --target bench_xlsx dossier dossier_analyzer_sdg dossier_analyzer_gcm
dossier_exporter_json dossier_reader_text`.

    python3 bench/xlsx.py [--sizes 20,200] [--runs 5] [--modes normal,constant] [--build build]

Medians only: this machine is shared and noisy.
"""
import argparse
import copy
import html
import json
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scaled(corpus, copies):
    """The corpus `copies` times over, each copy's ids prefixed with its number. The exporter
    needs no paragraphs, footnotes or references, so copies leave them out to stay small."""
    out = {"schema": corpus["schema"], "documents": [], "annotations": []}
    for k in range(copies):
        prefix = f"c{k}:"
        for d in corpus["documents"]:
            d2 = copy.copy(d)
            d2["id"] = prefix + d["id"]
            d2["paragraphs"], d2["footnotes"], d2["references"] = [], [], []
            d2["recommendations"] = [dict(r, address=prefix + r["address"]) for r in d["recommendations"]]
            out["documents"].append(d2)
        out["annotations"] += [dict(a, subject=prefix + a["subject"]) for a in corpus["annotations"]]
    return out


def column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def text_of(xml):
    """The text of an <si> or <is> element: its <t> runs, unescaped."""
    return html.unescape("".join(re.findall(r"<t(?: [^>]*)?>(.*?)</t>", xml, re.S)))


def escape(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def dump_cells(workbook, tsv):
    """Every cell with a value, as bench_xlsx reads them: returns (texts, numbers)."""
    cell = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
    texts = numbers = 0
    with zipfile.ZipFile(workbook) as z, open(tsv, "w", encoding="utf-8") as out:
        names = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = [text_of(si) for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
        out.write("\t".join(["sheets"] + [html.unescape(n) for n in names]) + "\n")
        for i in range(len(names)):
            xml = z.read(f"xl/worksheets/sheet{i + 1}.xml").decode()
            for col, row, attrs, body in cell.findall(xml):
                if not body:
                    continue  # a formatted blank
                where = f"{i}\t{int(row) - 1}\t{column_index(col)}"
                if 't="s"' in attrs:
                    value = shared[int(re.search(r"<v>(.*?)</v>", body).group(1))]
                elif 't="inlineStr"' in attrs:
                    value = text_of(body)
                else:
                    out.write(f"{where}\tn\t{re.search(r'<v>(.*?)</v>', body).group(1)}\n")
                    numbers += 1
                    continue
                out.write(f"{where}\ts\t{escape(value)}\n")
                texts += 1
    return texts, numbers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="20,200", help="copies of the sample corpus, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--modes", default="normal,constant", help="libxlsxwriter modes: normal, constant")
    parser.add_argument("--build", default=str(ROOT / "build"))
    args = parser.parse_args()
    build = Path(args.build)
    bench = build / "bin" / "bench_xlsx"
    if not bench.exists():
        sys.exit(f"{bench} is missing: configure with -DDOSSIER_BENCH=ON and build bench_xlsx")

    rows = []
    with tempfile.TemporaryDirectory(prefix="dossier-bench-xlsx-") as tmp:
        tmp = Path(tmp)
        subprocess.run([str(build / "bin" / "dossier"), "-qq", "run", "--no-cache", str(ROOT / "samples" / "corpus"),
                        "--analyze", "sdg,gcm", "--export", "json", "--out", str(tmp / "base")], check=True)
        base = json.loads((tmp / "base" / "corpus.json").read_text())
        for copies in [int(s) for s in args.sizes.split(",")]:
            corpus = tmp / f"corpus-{copies}.json"
            big = scaled(base, copies)
            recs = sum(len(d["recommendations"]) for d in big["documents"])
            corpus.write_text(json.dumps(big))
            del big
            cells = tmp / f"cells-{copies}.tsv"
            for constant in [m == "constant" for m in args.modes.split(",")]:
                flag = ["--constant-memory"] if constant else []
                book = tmp / f"matrix-{copies}-{int(constant)}.xlsx"
                log = subprocess.run([str(bench), "export", str(corpus), str(book)] + flag, check=True,
                                     capture_output=True, text=True).stdout.strip()
                if not cells.exists():  # the same cells either way (tests/test_xlsx_exporter.cpp)
                    texts, numbers = dump_cells(book, cells)
                result = json.loads(subprocess.run([str(bench), "compare", str(corpus), str(cells), "--runs",
                                                    str(args.runs)] + flag, check=True, capture_output=True,
                                                   text=True).stdout)
                n = result["texts"] + result["numbers"]
                def median(who, what):
                    return statistics.median(r[what] for r in result[who])
                rows.append({
                    "copies": copies, "recommendations": recs, "cells": n, "texts": texts, "numbers": numbers,
                    "mode": "constant memory" if constant else "normal", "exporter_log": log,
                    "exporter_cells_s": n / median("exporter", "cpu_seconds"),
                    "raw_cells_s": n / median("raw", "cpu_seconds"),
                    "exporter_wall_cells_s": n / median("exporter", "seconds"),
                    "raw_wall_cells_s": n / median("raw", "seconds"),
                    "formatted_cells_s": n / median("raw_formatted", "cpu_seconds"),
                    "exporter_mb": statistics.median(r["peak_mb"] for r in result["exporter"]),
                    "raw_mb": statistics.median(r["peak_mb"] for r in result["raw"]),
                    "size_mb": book.stat().st_size / 1e6,
                })

    print(f"xlsx exporter vs raw libxlsxwriter, same cells, median of {args.runs} runs each; cells per CPU "
          f"second (user + system), wall-clock share in brackets; raw+fmt: raw with one format on every "
          f"cell; MB: peak memory the run added")
    print(f"{'copies':>6} {'recs':>7} {'cells':>9} {'mode':<16} {'exporter':>12} {'raw':>12} {'share':>12} "
          f"{'raw+fmt':>12} {'exp MB':>7} {'raw MB':>7} {'file MB':>7}")
    for r in rows:
        share = 100 * r["exporter_cells_s"] / r["raw_cells_s"]
        wall = 100 * r["exporter_wall_cells_s"] / r["raw_wall_cells_s"]
        print(f"{r['copies']:>6} {r['recommendations']:>7} {r['cells']:>9} {r['mode']:<16} "
              f"{r['exporter_cells_s'] / 1e3:>8.0f} k/s {r['raw_cells_s'] / 1e3:>8.0f} k/s "
              f"{share:>5.0f}% ({wall:>3.0f}%) {r['formatted_cells_s'] / 1e3:>8.0f} k/s "
              f"{r['exporter_mb']:>7.1f} {r['raw_mb']:>7.1f} {r['size_mb']:>7.1f}")
    for r in rows:
        print(f"  {r['copies']} copies, {r['mode']}: plugin said: {r['exporter_log']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
