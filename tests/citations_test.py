#!/usr/bin/env python3
"""What people read of the sample job cites documents as people cite them, and every citation
it prints leads back to its text.

Builds samples/jobs/gfmd.toml, then reads what a person reads: the briefs (pdftotext), the
workbook's cells (tests/xlsx_read.py, openpyxl), the Atom feed's titles (feedparser) and the
build's log lines. None may hold a catalogue id (samples/catalogue.toml) or an id made of a
file's hash ("003-47dc10d97ca243f0"). Every citation printed in the briefs and the workbook
must then resolve with `dossier show --job samples/jobs/gfmd.toml CITATION`, and the briefs
must link to the UN documents they cite.

Usage: citations_test.py DOSSIER SOURCE_DIR WORK_DIR  (run with a python3 that has openpyxl
and feedparser: Debian's python3-openpyxl and python3-feedparser)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import unicodedata

import feedparser

dossier, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
job = os.path.join(source, "samples", "jobs", "gfmd.toml")
out = os.path.join(work, "out")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def check(what, ok):
    print(("ok:   " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


# --- the build ------------------------------------------------------------------------------
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
build = subprocess.run([dossier, "build", job, "--out", out, "--no-cache"], env=env, capture_output=True, text=True)
check("the sample job builds (exit 0)", build.returncode == 0)
if build.returncode != 0:
    print(build.stderr)
    sys.exit(1)
# The paths of the files written are file names, not names of documents: the akn exporter
# names its files by document id, as machine-readable output it keeps.
log_lines = [re.sub(r"^(dossier: info: wrote )\S+", r"\1FILE", l) for l in build.stderr.splitlines()
             if l.startswith(("dossier: info:", "dossier: warning:"))]


def pdf_text(path, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [path, "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    # NFKC undoes Arabic presentation forms; the embedding marks pdftotext adds are no text.
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))


briefs = sorted(os.path.join(out, "briefs", f) for f in os.listdir(os.path.join(out, "briefs")))
brief_texts = {os.path.basename(b): pdf_text(b) for b in briefs}
workbook = json.loads(subprocess.run([sys.executable, os.path.join(source, "tests", "xlsx_read.py"),
                                      os.path.join(out, "matrix.xlsx")], capture_output=True, text=True,
                                     check=True).stdout)
feed = feedparser.parse(os.path.join(out, "atom.xml"))
titles = [e.title for e in feed.entries]

# --- nothing a person reads names a document by an id ----------------------------------------
with open(os.path.join(source, "samples", "catalogue.toml"), "rb") as f:
    catalogue_ids = [d["id"] for d in tomllib.load(f)["document"] if "id" in d]
hash_id = re.compile(r"\b\d{3}-[0-9a-f]{16}\b")


def ids_in(text):
    return [i for i in catalogue_ids if i in text] + hash_id.findall(text)


read = {"brief " + name: text for name, text in brief_texts.items()}
for sheet, rows in workbook["cells"].items():
    read["workbook sheet " + sheet] = "\n".join(str(v) for row in rows for v in row if v is not None)
read["Atom titles"] = "\n".join(titles)
read["log lines"] = "\n".join(log_lines)
for what, text in read.items():
    found = ids_in(text)
    check(f"{what}: no catalogue or file-hash id" + (f" (found {sorted(set(found))[:3]})" if found else ""), not found)
check("the Atom titles are words: no pilcrow or section sign", not any(c in t for t in titles for c in "\u00b6\u00a7"))

# --- every citation printed resolves ---------------------------------------------------------
names = {row[0] for row in workbook["cells"]["Documents"][1:] if row[0]}
check("the Documents sheet names documents as citations do", names >= {"A/68/283", "GFMD Thematic Recollection 2017"})
place_words = r"(para\.|par\.|párr\.|п\.|item|point|punto|позиция) \S+"
citations = {}  # citation -> where it was printed


def visual_to_logical(line):
    """pdftotext writes a right-to-left line in visual order: "11 البند،II.2.(1) ،GFMD ..." is
    "GFMD ...، II.2.(1)، البند 11"."""
    parts = [p.strip() for p in line.split("\u060c")]
    parts.reverse()
    number, _, word = parts[-1].partition(" ")
    parts[-1] = word + " " + number
    return "\u060c ".join(parts)


for name, text in brief_texts.items():
    count = 0
    for line in (l.strip() for l in text.splitlines()):
        if "\u0627\u0644\u0641\u0642\u0631\u0629" in line or "\u0627\u0644\u0628\u0646\u062f" in line:  # الفقرة, البند
            if "\u060c" in line and any(n in line for n in names):
                citations.setdefault(visual_to_logical(line), name)
                count += 1
            continue
        if not any(line.startswith(n) for n in names):
            continue
        last = re.split(r", |,", line)[-1]  # NFKC made the Chinese "，" a ","
        if re.fullmatch(place_words + r"( \([a-z0-9]+\))*", last) or re.fullmatch(r"第\S+[段项]", last):
            citations.setdefault(line, name)
            count += 1
    check(f"brief {name}: its ten key recommendations are cited ({count} citations found)", count >= 10)

for sheet in ("Matrix", "Targets", "GCM"):
    for row in workbook["cells"][sheet][1:]:
        citations.setdefault(row[0], "workbook " + sheet)
check(f"{len(citations)} distinct citations collected", len(citations) > 200)

# All of them in one `show --citations` (the sources read once: a call each took ten minutes
# under the sanitizers), then one by one the way a reader types one.
listed = sorted(citations)
shown = subprocess.run([dossier, "-q", "show", "--job", job, "--citations", "-"], input="\n".join(listed) + "\n",
                       capture_output=True, text=True)
unresolved = [line for line in shown.stderr.splitlines() if "error" in line]
for u in unresolved:
    fail("does not resolve: " + u)
check(f"every one of the {len(citations)} citations resolves with dossier show --job --citations",
      shown.returncode == 0 and not unresolved)
check("show --citations prints a text for each citation", len(shown.stdout) > 50 * len(listed))
for citation in listed[:: max(1, len(listed) // 5)]:
    one = subprocess.run([dossier, "-q", "show", "--job", job, citation], capture_output=True, text=True)
    check(f"{citation!r} resolves alone (from {citations[citation]})", one.returncode == 0 and one.stdout.strip())

# One citation that names nothing among good ones: exit 5, the bad one named, the good ones shown.
bad = "A/68/283, para. 99999"
mixed = subprocess.run([dossier, "-q", "show", "--job", job, "--citations", "-"],
                       input=listed[0] + "\n" + bad + "\n" + listed[-1] + "\n", capture_output=True, text=True)
check("a citation that names nothing among good ones: exit 5, named, the others shown",
      mixed.returncode == 5 and bad in mixed.stderr and "1 of 3 citations" in mixed.stderr
      and mixed.stdout.count("\n\n") >= 2)

# The printed form comes back: show heads its text with the same citation.
shown = subprocess.run([dossier, "-q", "show", "--job", job, "GFMD Thematic Recollection 2017, II.2.(1), item 11"],
                       capture_output=True, text=True)
check("show heads a GFMD item with the citation the outputs print",
      shown.stdout.startswith("GFMD Thematic Recollection 2017, II.2.(1), item 11\n"))

# --- links to the documents ------------------------------------------------------------------
def uris(path):
    with open(path, "rb") as f:
        raw = f.read().decode("latin-1")
    return {re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), u) for u in re.findall(r"/URI \(([^)]*)\)", raw)}


for language in ("fr", "ru", "ar", "zh"):
    path = os.path.join(out, "briefs", f"brief-sdg-10-{language}.pdf")
    check(f"brief-sdg-10-{language}.pdf links to A/68/283 in its language",
          f"https://docs.un.org/{language}/A/68/283" in uris(path))
links = workbook["links"]["Matrix"]
check("workbook: A/68/283's citations link to the UN's document system",
      any(v == "https://docs.un.org/en/A/68/283" for v in links.values()))
alternates = [[l.href for l in e.get("links", []) if l.rel == "alternate"] for e in feed.entries]
check("Atom: the 17 entries of A/68/283 link to their document, every other to its document's file",
      sum(1 for a in alternates if a == ["https://docs.un.org/en/A/68/283"]) == 17 and
      all(a == ["https://docs.un.org/en/A/68/283"] or (len(a) == 1 and a[0].startswith("akn/")) for a in alternates))

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
