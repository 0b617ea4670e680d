#!/usr/bin/env python3
"""Baseline: Python XlsxWriter (python3-xlsxwriter) writing the matrix workbook's cells.

Reads CELLS.tsv (every cell of the xlsx exporter's matrix.xlsx, as bench/xlsx.py dumps them:
sheet names, then sheet, row, column, s|n, value) and writes the same sheets and cells, as a
user scripting the workbook with XlsxWriter would. Prints JSON: CPU and wall seconds of the
writing alone (loading the cells is not counted), per run.

    python3 bench/baselines/xlsx_python.py CELLS.tsv OUT.xlsx [--runs R] [--constant-memory]
"""
import xlsxwriter

from baseline import arguments, report, unescape


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
    p = arguments("cells")
    p.add_argument("--constant-memory", action="store_true")
    a = p.parse_args()
    sheets, cells = load(a.cells)
    report(a.runs, lambda: write(sheets, cells, a.out, a.constant_memory), cells=sum(len(c) for c in cells))


if __name__ == "__main__":
    main()
