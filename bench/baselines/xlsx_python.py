#!/usr/bin/env python3
"""Baseline: Python XlsxWriter (python3-xlsxwriter) writing the matrix workbook's cells.

Reads CELLS.tsv (every cell of the xlsx exporter's matrix.xlsx, as bench/xlsx.py dumps them:
sheet names, then sheet, row, column, s|n, value) and writes the same sheets and cells, as a
user scripting the workbook with XlsxWriter would. Prints JSON: CPU and wall seconds of the
writing alone (loading the cells is not counted), per run.

    python3 bench/baselines/xlsx_python.py CELLS.tsv OUT.xlsx [--runs R] [--constant-memory]
"""
import argparse
import json
import time

import xlsxwriter


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            c = {"n": "\n", "t": "\t", "r": "\r"}.get(s[i], s[i])
        out.append(c)
        i += 1
    return "".join(out)


def load(path):
    with open(path, encoding="utf-8") as f:
        sheets = f.readline().rstrip("\n").split("\t")[1:]
        cells = [[] for _ in sheets]
        for line in f:
            sheet, row, col, kind, value = line.rstrip("\n").split("\t", 4)
            cells[int(sheet)].append((int(row), int(col), unescape(value) if kind == "s" else float(value)))
    return sheets, cells


def write(sheets, cells, path, constant_memory):
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant_memory})
    for name, sheet_cells in zip(sheets, cells):
        ws = wb.add_worksheet(name)
        for row, col, value in sheet_cells:
            if isinstance(value, str):
                ws.write_string(row, col, value)
            else:
                ws.write_number(row, col, value)
    wb.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cells")
    p.add_argument("out")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--constant-memory", action="store_true")
    a = p.parse_args()
    sheets, cells = load(a.cells)
    runs = []
    for _ in range(a.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        write(sheets, cells, a.out, a.constant_memory)
        runs.append({"seconds": time.perf_counter() - w0, "cpu_seconds": time.process_time() - c0})
    print(json.dumps({"runs": runs, "cells": sum(len(c) for c in cells)}))


if __name__ == "__main__":
    main()
