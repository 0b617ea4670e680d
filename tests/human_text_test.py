#!/usr/bin/env python3
"""What people read carries no internal codes (issue 24): builds the sample job and checks
the text of every brief (pdftotext), every cell of the workbook (openpyxl) and what
`dossier show` prints for one recommendation of each kind. None may hold a `scheme:code`
token ("sdg:10"), a snake_case kind ("practical_action") or a 9-10 digit epoch number;
no score may be shown rounded up to 100%; dates in briefs are words, not ISO.

Usage: human_text_test.py DOSSIER SOURCE_DIR
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

CODE = re.compile(r"\b(?:sdg|gcm):[0-9a-z.-]+\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
EPOCH = re.compile(r"\b[0-9]{9,10}\b")
ISO_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")

failures = []


def check_text(where, text, iso_dates_allowed=True):
    checks = [("a scheme:code token", CODE), ("a snake_case kind", SNAKE), ("an epoch number", EPOCH)]
    if not iso_dates_allowed:
        checks.append(("an ISO date", ISO_DATE))
    for what, pattern in checks:
        for m in pattern.finditer(text):
            start = max(0, m.start() - 40)
            failures.append(f"{where}: {what} '{m.group(0)}' in ...{text[start:m.end() + 40]!r}...")


def main(dossier, source_dir):
    if not shutil.which("pdftotext"):
        print("SKIP: pdftotext (poppler-utils) is not installed")
        return 77
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    with tempfile.TemporaryDirectory(prefix="human-text-") as tmp:
        out = os.path.join(tmp, "out")
        job = os.path.join(source_dir, "samples", "jobs", "gfmd.toml")
        build = subprocess.run([dossier, "-q", "build", job, "--out", out, "--no-cache"], env=env,
                               capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stderr)
            print(f"FAIL: the sample job did not build (exit {build.returncode})")
            return 1
        manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))

        print("checking manifest.json: a 'built' date next to build_time")
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", manifest.get("built", "")):
            failures.append(f"manifest.json: 'built' is {manifest.get('built')!r}, not ISO 8601 with an offset")

        briefs = [o["file"] for o in manifest["outputs"] if o["file"].endswith(".pdf")]
        print(f"checking the text of {len(briefs)} briefs (pdftotext)")
        if len(briefs) != 5:
            failures.append(f"expected 5 briefs, the manifest lists {briefs}")
        for brief in briefs:
            text = subprocess.run(["pdftotext", "-layout", os.path.join(out, brief), "-"], capture_output=True,
                                  text=True, check=True).stdout
            check_text(brief, text, iso_dates_allowed=False)
        french = subprocess.run(["pdftotext", os.path.join(out, "briefs", "brief-sdg-10-fr.pdf"), "-"],
                                capture_output=True, text=True, check=True).stdout
        for wanted in ("Objectif 10 : Inégalités réduites", "14 novembre 2023", "8 novembre 2010"):
            if wanted not in french:
                failures.append(f"briefs/brief-sdg-10-fr.pdf: no '{wanted}'")

        print("checking every cell of matrix.xlsx")
        workbook = openpyxl.load_workbook(os.path.join(out, "matrix.xlsx"))
        cells = 0
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    where = f"matrix.xlsx {sheet.title}!{cell.coordinate}"
                    if isinstance(cell.value, str):
                        cells += 1
                        check_text(where, cell.value)
                        # Only a score of exactly 1 may read as certain, and then as "100%".
                        for shown in re.findall(r"\((1\.0+|100\.\d+%)\)", cell.value):
                            failures.append(f"{where}: a score shown as {shown} in {cell.value!r}")
                    elif isinstance(cell.value, float) and sheet.title in ("Matrix", "GCM", "Targets"):
                        # What the cell's number format shows: rounded to its decimals.
                        decimals = len(re.sub(r"[^0]", "", cell.number_format.partition(".")[2]))
                        scale = 100 if "%" in cell.number_format else 1
                        if cell.value < 1 and round(cell.value * scale, decimals) >= scale:
                            failures.append(f"{where}: score {cell.value} is shown as certain ({cell.number_format})")
        if cells < 1000:
            failures.append(f"matrix.xlsx: only {cells} text cells read")

        print("checking the Atom feed's GCM categories: clusters named as clusters")
        atom = open(os.path.join(out, "atom.xml"), encoding="utf-8").read()
        for label in sorted(set(re.findall(r'label="(GCM objective cluster[^"]*)"', atom))):
            failures.append(f"atom.xml: a category labelled {label!r}")
        if 'label="GCM thematic cluster 5: Smuggling of migrants' not in atom:
            failures.append("atom.xml: no category labelled with the title of GCM thematic cluster 5")

        corpus = json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))
        first_of_kind = {}
        for document in corpus["documents"]:
            for r in document.get("recommendations", []):
                first_of_kind.setdefault(r["kind"], r["address"])
        print(f"checking dossier show on one recommendation of each kind: {', '.join(sorted(first_of_kind))}")
        for kind, address in sorted(first_of_kind.items()):
            shown = subprocess.run([dossier, "-q", "show", address, os.path.join(source_dir, "samples", "corpus"),
                                    "--catalogue", os.path.join(source_dir, "samples", "catalogue.toml")],
                                   capture_output=True, text=True)
            if shown.returncode != 0:
                failures.append(f"show {address!r}: exit {shown.returncode}: {shown.stderr.strip()}")
                continue
            if "recommendation" not in shown.stdout:
                failures.append(f"show {address!r}: does not say it is a recommendation")
            check_text(f"show {address!r}", shown.stdout)

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print("ok: no internal codes, snake_case kinds, epoch numbers or rounded-up scores where people read")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
