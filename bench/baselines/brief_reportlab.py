#!/usr/bin/env python3
"""Baseline: reportlab (python3-reportlab) writing the same brief as the pdf exporter.

Reads PAGES.json (the exporter's brief as pages of positioned lines, taken from its PDF by
bench/run.py with `pdftotext -bbox-layout`) and draws every line at its place and size in
the same embedded fonts (DejaVu Sans, and DejaVu Sans Bold for the lines marked bold) with
compression, as a user scripting the brief with
reportlab's canvas would. Prints JSON: CPU and wall seconds of writing, per run.

    python3 bench/baselines/brief_reportlab.py PAGES.json OUT.pdf [--runs R]
"""
import json

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from baseline import arguments, report

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def write(pages, path):
    c = canvas.Canvas(path, pagesize=(pages["width"], pages["height"]), pageCompression=1)
    height = pages["height"]
    for lines in pages["pages"]:
        for line in lines:
            c.setFont("DejaVuSans-Bold" if line.get("bold") else "DejaVuSans", line["size"])
            c.drawString(line["x"], height - line["y"] - line["size"], line["text"])
        c.showPage()
    c.save()


def main():
    a = arguments("pages").parse_args()
    with open(a.pages, encoding="utf-8") as f:
        pages = json.load(f)
    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", BOLD))
    report(a.runs, lambda: write(pages, a.out), pages=len(pages["pages"]))


if __name__ == "__main__":
    main()
