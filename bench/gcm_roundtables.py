#!/usr/bin/env python3
"""GCM objectives of round-table paragraphs, against the objectives their round table names.

The Progress Declarations of the International Migration Review Forum (A/RES/76/266 and its
successors) group their paragraphs under headings such as "Round table 1 (objectives 2, 5, 6,
12 and 18)" ("Table ronde 1 (objectifs ...)", "第一场圆桌会议(目标2、5、6、12和18)"). Those
headings are labels: this script reads them from a corpus.json written by `dossier` (json
exporter, gcm analyzer with paragraphs = true) and reports, per document:
  - coverage: the share of round-table paragraphs given at least one of their round table's
    objectives;
  - precision: the share of the objectives given to those paragraphs that the round table names.
The issue's bar: coverage >= 0.80 and precision >= 0.60 on a declaration of another year.

Usage: gcm_roundtables.py CORPUS.json [CORPUS.json ...]
Public source of the declarations: the UN's machine-readable General Assembly resolutions
(https://www.un.org/dgacm/en/content/visualizations-and-machine-readability).
"""
import json
import re
import sys

def named_objectives(heading, count=23):
    """The numbers of the first parenthesis (ASCII or full-width) holding two or more numbers,
    all in 1..count: the same reading as the analyzer's (plugins/analyzers/common/named_codes.hpp)."""
    at = 0
    while True:
        opens = [i for i in (heading.find("(", at), heading.find("\uff08", at)) if i >= 0]
        if not opens:
            return None
        i = min(opens) + 1
        end = i
        while end < len(heading) and heading[end] not in "()\uff09":
            end += 1
        numbers = [int(n) for n in re.findall(r"[0-9]+", heading[i:end])]
        if len(numbers) >= 2 and all(1 <= n <= count for n in numbers):
            return set(numbers)
        at = i


def score(path):
    corpus = json.load(open(path, encoding="utf-8"))
    given = {}
    for a in corpus.get("annotations", []):
        if a.get("scheme") == "gcm" and a.get("level") == "objective":
            given.setdefault(a["subject"], set()).add(int(a["code"]))
    rows = []
    for d in corpus.get("documents", []):
        labels, paragraphs = None, []
        for p in d.get("paragraphs", []):
            if p.get("kind") == "heading":
                labels = named_objectives(p.get("text", ""))
            elif labels and p.get("text", "").strip():
                paragraphs.append((p["address"], labels))
        if not paragraphs:
            continue
        covered = assigned = right = 0
        for address, labels in paragraphs:
            got = given.get(address, set())
            covered += bool(got & labels)
            assigned += len(got)
            right += len(got & labels)
        rows.append((d["id"], d.get("language", ""), len(paragraphs), covered / len(paragraphs),
                     right / assigned if assigned else 0.0, assigned / len(paragraphs)))
    return rows


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(f"{'document':24} lang  paragraphs  coverage  precision  objectives/paragraph")
    for path in sys.argv[1:]:
        for doc, lang, n, coverage, precision, per in score(path):
            print(f"{doc:24} {lang:4}  {n:10}  {coverage:8.3f}  {precision:9.3f}  {per:20.2f}")


if __name__ == "__main__":
    main()
