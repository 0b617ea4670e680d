#!/usr/bin/env python3
"""The sample UPR job end to end (issue 24): builds samples/jobs/upr.toml through the real host
and PDF reader, then checks what a delegate reads. Every page of every State brief renders
(pdftoppm); their text (pdftotext) has the sections, the recommending States and positions,
what changed since Gabon's previous review and what each State recommended to others, and no
internal code or ISO date; every citation printed resolves with `dossier show --job`; the
workbook's State sheet has one row per recommendation received, citations linked. A second
build adds the (constructed) addendum of tests/data/upr-slovenia-2019: Slovenia's positions
then come from it; `states = ["*"]` writes a brief per State under review, as the dry run says.

Usage: upr_job_test.py DOSSIER SOURCE_DIR
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import human_text_test  # noqa: E402  (its checks of what people read)

failures = human_text_test.failures
CITATION = re.compile(r"A/HRC/[0-9]+/[0-9]+(?:/Add\.[0-9]+)?, para\. [0-9.]+")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def text_of(pdf, layout=True):
    return run(["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"], check=True).stdout


def expect(where, text, wanted):
    for w in wanted:
        if w not in text:
            failures.append(f"{where}: no {w!r}")


def check_pages(pdf, tmp):
    pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf], check=True).stdout).group(1))
    prefix = os.path.join(tmp, "page")
    for old in os.listdir(tmp):
        if old.startswith("page"):
            os.remove(os.path.join(tmp, old))
    rendered = run(["pdftoppm", "-png", "-r", "30", pdf, prefix])
    pngs = [f for f in os.listdir(tmp) if f.startswith("page") and f.endswith(".png")]
    if rendered.returncode != 0 or len(pngs) != pages:
        failures.append(f"{pdf}: {len(pngs)} of {pages} pages rendered (pdftoppm exit {rendered.returncode})")
    return pages


def build(dossier, job, out, env, extra=()):
    r = run([dossier, "build", job, "--out", out, "--no-cache", *extra], env=env)
    if r.returncode != 0:
        print(r.stderr)
        raise SystemExit(f"FAIL: {job} did not build (exit {r.returncode})")
    return r.stderr


def main(dossier, source_dir):
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        print("SKIP: pdftotext and pdftoppm (poppler-utils) are not installed")
        return 77
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    job = os.path.join(source_dir, "samples", "jobs", "upr.toml")
    with tempfile.TemporaryDirectory(prefix="upr-job-") as tmp:
        out = os.path.join(tmp, "out")
        log = build(dossier, job, out, env)
        human_text_test.check_text("the build's log", log)
        manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
        briefs = sorted(o["file"] for o in manifest["outputs"] if o["file"].endswith(".pdf"))
        wanted = ["briefs/upr-gabon-fr.pdf", "briefs/upr-gabon.pdf", "briefs/upr-nigeria.pdf", "briefs/upr-slovenia.pdf"]
        print(f"checking {len(briefs)} State briefs: every page rendered, text, citations")
        if briefs != wanted:
            failures.append(f"the manifest lists {briefs}, not {wanted}")
        dry = run([dossier, "build", job, "--out", out, "--dry-run"], env=env).stdout
        for b in wanted:
            if os.path.join(out, b) not in dry:
                failures.append(f"the dry run does not name {b}")

        corpus = json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))
        received = {}
        for d in corpus["documents"]:
            state = next((m["value"] for m in d.get("metadata", []) if m["key"] == "state_under_review"), None)
            recs = [r for r in d["recommendations"] if r.get("recommended_by")]
            if state and recs:
                received.setdefault(state, []).append((d["date"], d["id"], recs))

        cited = set()
        for brief in briefs:
            pdf = os.path.join(out, brief)
            check_pages(pdf, tmp)
            text = text_of(pdf)
            human_text_test.check_text(brief, text, iso_dates_allowed=False)
            cited.update(CITATION.findall(text_of(pdf, layout=False).replace("\n", " ")))
        gabon = text_of(os.path.join(out, "briefs/upr-gabon.pdf"))
        expect("briefs/upr-gabon.pdf", gabon, [
            "Universal Periodic Review brief", "Gabon: recommendations received and made",
            "A/HRC/8/35 (28 May 2008, cycle 1); A/HRC/22/5 (13 December 2012, cycle 2)",
            "Recommendations received per SDG goal", "Recommendations received, by SDG goal",
            "Goal 16: Peace, justice and strong institutions", "Recommended by: ", "supported", "noted",
            "Since the previous review", "Recommended again", "Previously: A/HRC/8/35, para. 60.",
            "Recommending for the first time", "Recommendations made by Gabon to other States",
            "To Italy", "To Nigeria", "Sources", "State under review: Gabon"])
        latest = max(received["Gabon"])
        # States as the brief counts them: one State whatever its spelling ("Cote d'Ivoire", "Côte d'Ivoire").
        states = {unicodedata.normalize("NFKD", s).encode("ascii", "ignore").lower()
                  for r in latest[2] for s in r["recommended_by"]}
        figures = re.search(r"\n\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\n\s*recommendations", gabon)
        if not figures:
            failures.append("briefs/upr-gabon.pdf: no key figures")
        else:
            got = [int(x) for x in figures.groups()]
            positions = [r.get("position") for r in latest[2]]
            want = [len(latest[2]), positions.count("supported"), positions.count("noted"), len(states)]
            if got[:4] != want:
                failures.append(f"briefs/upr-gabon.pdf: key figures {got[:4]}, corpus.json says {want}")
        expect("briefs/upr-gabon-fr.pdf", text_of(os.path.join(out, "briefs/upr-gabon-fr.pdf")), [
            "Note sur l\u2019Examen périodique universel", "13 décembre 2012", "Depuis l\u2019examen précédent",
            "Recommandée par", "soutenue", "A/HRC/22/5, par. 101.3"])
        expect("briefs/upr-slovenia.pdf", text_of(os.path.join(out, "briefs/upr-slovenia.pdf")), [
            "A/HRC/43/15 (19 December 2019, cycle 3)", "to be examined", "Recommended by: France, Lithuania",
            "Recommendations made by Slovenia to other States", "To Gabon"])

        print(f"checking that {len(cited)} citations the briefs print resolve with dossier show --job")
        if len(cited) < 100:
            failures.append(f"only {len(cited)} citations found in the briefs")
        for citation in sorted(cited)[::25] + ["A/HRC/22/5, para. 101.3", "A/HRC/8/35, para. 60.5"]:
            shown = run([dossier, "-q", "show", "--job", job, citation], env=env)
            if shown.returncode != 0:
                failures.append(f"dossier show --job upr.toml {citation!r}: exit {shown.returncode} {shown.stderr.strip()}")

        print("checking the workbook's State sheet")
        workbook = openpyxl.load_workbook(os.path.join(out, "upr.xlsx"))
        if "State" not in workbook.sheetnames:
            failures.append(f"upr.xlsx has no State sheet: {workbook.sheetnames}")
        else:
            sheet = workbook["State"]
            head = [c.value for c in sheet[1]]
            expected_head = ["State under review", "Cycle", "Date", "Number", "Citation", "Text", "Recommended by",
                             "Position", "Position given in", "SDG goals"]
            if head != expected_head:
                failures.append(f"State sheet header {head}")
            rows = list(sheet.iter_rows(min_row=2))
            total = sum(len(recs) for reviews in received.values() for _, _, recs in reviews)
            if len(rows) != total:
                failures.append(f"State sheet: {len(rows)} rows, corpus.json has {total} UPR recommendations")
            linked = sum(1 for row in rows if row[4].hyperlink and row[4].hyperlink.target.startswith("https://docs.un.org/"))
            if linked != len(rows):
                failures.append(f"State sheet: {linked} of {len(rows)} citations linked")
            for row in rows:
                for cell in row:
                    if isinstance(cell.value, str):
                        human_text_test.check_text(f"upr.xlsx State!{cell.coordinate}", cell.value)
            gabon_rows = [row for row in rows if row[0].value == "Gabon"]
            if {row[1].value for row in gabon_rows} != {1, 2}:
                failures.append("State sheet: Gabon's rows are not of cycles 1 and 2")

        print("with the addendum of tests/data/upr-slovenia-2019 and states = [\"*\"]")
        addendum = os.path.join(source_dir, "tests", "data", "upr-slovenia-2019", "A_HRC_43_15_Add_1.txt")
        all_job = os.path.join(tmp, "all.toml")
        with open(all_job, "w", encoding="utf-8") as f:
            f.write(f'name = "upr-all"\nlanguage = "en"\nsources = [{json.dumps(os.path.join(source_dir, "samples", "upr"))}, '
                    f'{json.dumps(addendum)}]\n[[analyze]]\nplugin = "sdg"\n[[analyze]]\nplugin = "gcm"\n'
                    '[[export]]\nplugin = "pdf"\nfile = "upr.pdf"\nstates = ["*"]\n'
                    '[[export]]\nplugin = "pdf"\nfile = "upr.pdf"\nstate = "Atlantis"\nlanguage = "ar"\n'
                    '[[export]]\nplugin = "xlsx"\nsheets = ["State"]\n')
        all_out = os.path.join(tmp, "all")
        dry = run([dossier, "build", all_job, "--out", all_out, "--dry-run"], env=env).stdout
        if os.path.join(all_out, "upr-*.pdf") not in dry:
            failures.append("the dry run of states = [\"*\"] does not say upr-*.pdf")
        log = build(dossier, all_job, all_out, env)
        written = sorted(f for f in os.listdir(all_out) if f.endswith(".pdf"))
        if written != ["upr-atlantis-ar.pdf", "upr-gabon.pdf", "upr-italy.pdf", "upr-nigeria.pdf", "upr-slovenia.pdf"]:
            failures.append(f"states = [\"*\"] wrote {written}")
        if "no UPR report of Atlantis" not in log:
            failures.append("no warning for a State the corpus does not know")
        slovenia = os.path.join(all_out, "upr-slovenia.pdf")
        check_pages(slovenia, tmp)
        check_pages(os.path.join(all_out, "upr-atlantis-ar.pdf"), tmp)
        text = text_of(slovenia)
        human_text_test.check_text("upr-slovenia.pdf (with the addendum)", text, iso_dates_allowed=False)
        expect("upr-slovenia.pdf (with the addendum)", text, ["position given in A/HRC/43/15/Add.1, para.", "noted"])
        figures = re.search(r"\n\s*215\s+(\d+)\s+(\d+)\s", text)
        if not figures or figures.groups() != ("182", "33"):
            failures.append(f"upr-slovenia.pdf: supported and noted are {figures and figures.groups()}, not 182 and 33")
        sheet = openpyxl.load_workbook(os.path.join(all_out, "matrix.xlsx"))["State"]
        positions = [row[7].value for row in sheet.iter_rows(min_row=2) if row[0].value == "Slovenia"]
        given = [row[8].value for row in sheet.iter_rows(min_row=2) if row[0].value == "Slovenia" and row[8].value]
        if (positions.count("supported"), positions.count("noted"), len(given)) != (182, 33, 157):
            failures.append(f"State sheet with the addendum: Slovenia {positions.count('supported')} supported, "
                            f"{positions.count('noted')} noted, {len(given)} positions from the addendum")

        bad_job = os.path.join(tmp, "bad.toml")
        with open(bad_job, "w", encoding="utf-8") as f:
            f.write(f'name = "bad"\nsources = [{json.dumps(os.path.join(source_dir, "samples", "upr", "gabon2008.pdf"))}]\n'
                    '[[export]]\nplugin = "pdf"\nfocus = ["sdg:16"]\nstates = ["Gabon"]\n')
        bad = run([dossier, "build", bad_job, "--out", os.path.join(tmp, "bad")], env=env)
        if bad.returncode == 0 or "'focus' and 'states' exclude each other" not in bad.stderr:
            failures.append(f"focus with states: exit {bad.returncode}, {bad.stderr.strip()[-300:]}")

    for f in failures:
        print("FAIL:", f)
    print("ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
