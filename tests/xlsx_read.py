#!/usr/bin/env python3
"""Reads a workbook back with openpyxl (a reader independent of libxlsxwriter) and prints
what the xlsx exporter's tests check, as one JSON object:

  sheets      sheet names in order
  properties  title, subject, creator, created (ISO 8601)
  cells       per sheet, every row as a list of values (null for an empty cell; dates as
              ISO 8601 text)
  formulas    per sheet, how many cells openpyxl reads as formulas
  formula_elements  how many <f> elements the package's worksheet XML holds
  shared_strings    whether the package has a shared string table (not in constant-memory mode)
  links       per sheet, {cell reference: hyperlink target} of every cell that links
  number_formats  per sheet, the number formats of its cells holding numbers, each once, sorted
  layout      per sheet: frozen pane, autofilter range, right-to-left, number of
              conditional formats, charts and the fill colours of the first chart's bars

Usage: xlsx_read.py WORKBOOK
"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl


def value(cell):
    v = cell.value
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat()
    return v


def bar_colours(chart):
    colours = []
    for series in chart.series:
        for point in series.dPt:
            fill = point.spPr.solidFill if point.spPr is not None else None
            srgb = fill.srgbClr if fill is not None else None
            colours.append(getattr(srgb, "val", srgb))
    return colours


def formula_elements(path):
    with zipfile.ZipFile(path) as z:
        return sum(len(re.findall(rb"<f[ >]", z.read(n)))
                   for n in z.namelist() if n.startswith("xl/worksheets/"))


def shared_strings(path):
    with zipfile.ZipFile(path) as z:
        return "xl/sharedStrings.xml" in z.namelist()


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    props = wb.properties
    out = {
        "sheets": wb.sheetnames,
        "properties": {
            "title": props.title,
            "subject": props.subject,
            "creator": props.creator,
            "created": props.created.isoformat() if props.created else None,
        },
        "cells": {},
        "links": {},
        "formulas": {},
        "number_formats": {},
        "layout": {},
        "formula_elements": formula_elements(sys.argv[1]),
        "shared_strings": shared_strings(sys.argv[1]),
    }
    for ws in wb.worksheets:
        rows = [[value(c) for c in row] for row in ws.iter_rows()]
        out["cells"][ws.title] = rows
        out["links"][ws.title] = {c.coordinate: c.hyperlink.target for row in ws.iter_rows() for c in row
                                  if c.hyperlink is not None}
        out["number_formats"][ws.title] = sorted({c.number_format for row in ws.iter_rows() for c in row
                                                  if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)})
        out["formulas"][ws.title] = sum(1 for row in ws.iter_rows() for c in row if c.data_type == "f")
        charts = getattr(ws, "_charts", [])
        out["layout"][ws.title] = {
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "right_to_left": bool(ws.sheet_view.rightToLeft),
            "conditional_formats": len(list(ws.conditional_formatting)),
            "charts": len(charts),
            "bar_colours": bar_colours(charts[0]) if charts else [],
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
