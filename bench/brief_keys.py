#!/usr/bin/env python3
"""The measurements behind the PDF brief's key recommendations and quotes (docs/exporters/pdf.md).

  brief_keys.py duplicates NAME=CORPUS.json ...   precision and recall of merging near-duplicates
      by IDF-weighted Jaccard similarity, threshold by threshold, on the hand-judged pairs of
      bench/near_duplicate_pairs.json (NAME: sample, upr, ga78: the corpora the pairs come from,
      whose recommendations weigh the words, as the exporter weighs them over its corpus)
  brief_keys.py spread CORPUS.json FOCUS [N]       what the old rule (the N best scores, 10 by
      default) gives: documents and SDG goals the key recommendations span; the exporter's log
      line says the same of its own choice ("10 key recommendations of 94 in focus, from 4
      documents, on 10 SDG goals")
  brief_keys.py alignment CORPUS.json              for a corpus read in several languages: how the
      length of each version's paragraph compares with the original's, against the median ratio
      of that version (the band the exporter trusts is x0.5 to x2)

Corpora: `dossier run SOURCES -a sdg,gcm -e json:corpus.json -o DIR`, e.g. over samples/corpus,
../shared/eval/upr-reports/pdf, or one session of ../shared/eval/unga-sessions (English only for
`duplicates`, all six languages for `alignment`).

Words are counted as the exporter counts them, near enough: lower-case words of two letters or
more and numbers written in digits (the exporter uses the classifier's term splitter, which also
takes Chinese characters and their pairs).
"""

import collections
import json
import math
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def words(text):
    return {w for w in re.findall(r"[^\W_]+", text.lower()) if len(w) >= 2 or w.isdigit()}


def recommendations(corpus):
    return [r for d in corpus["documents"] for r in d["recommendations"]]


def weights(corpus):
    recs = recommendations(corpus)
    df = collections.Counter(w for r in recs for w in words(r["text"]))
    n = len(recs)
    return lambda w: math.log((n + 1) / (df[w] + 0.5))


def similarity(a, b, weight):
    a, b = words(a), words(b)
    either = sum(weight(w) for w in a | b)
    return sum(weight(w) for w in a & b) / either if either else 0.0


def duplicates(args):
    weight_of = {}
    for arg in args:
        name, path = arg.split("=", 1)
        weight_of[name] = weights(json.load(open(path, encoding="utf-8")))
    pairs = json.load(open(os.path.join(HERE, "near_duplicate_pairs.json"), encoding="utf-8"))
    seen, scored = set(), []
    for p in pairs:
        if p["corpus"] not in weight_of or (p["a"], p["b"]) in seen:
            continue
        seen.add((p["a"], p["b"]))
        scored.append((similarity(p["a_text"], p["b_text"], weight_of[p["corpus"]]), p["same"], p["corpus"]))
    same = sum(1 for _, s, _ in scored if s)
    print(f"{len(scored)} pairs judged, {same} saying the same thing")
    print("threshold  merged  precision  recall")
    for t in [x / 100 for x in range(30, 91, 5)]:
        merged = [s for v, s, _ in scored if v >= t]
        tp = sum(merged)
        precision = tp / len(merged) if merged else 1.0
        print(f"{t:9.2f}  {len(merged):6d}  {precision:9.2f}  {tp / same:6.2f}")
    print("wrongly merged at 0.55:")
    for v, s, c in sorted(scored, reverse=True):
        if v >= 0.55 and not s:
            print(f"  {v:.2f} ({c})")


def spread(args):
    corpus = json.load(open(args[0], encoding="utf-8"))
    focus = args[1].split(":", 1)[1]
    n = int(args[2]) if len(args) > 2 else 10
    where, order = {}, {}
    for d in corpus["documents"]:
        for r in d["recommendations"]:
            where[r["address"]] = d["id"]
            order[r["address"]] = len(order)
    score, goals, targets = {}, collections.defaultdict(set), collections.defaultdict(set)
    for a in corpus["annotations"]:
        s = a["subject"]
        if s not in where or a["scheme"] != "sdg":
            continue
        goals[s].add(a["code"].split(".")[0])
        if "." in a["code"]:
            targets[s].add(".".join(a["code"].split(".")[:2]))
        if a["code"] == focus or a["code"].startswith(focus + "."):
            score[s] = max(score.get(s, 0), a["score"])
    best = sorted(score, key=lambda s: (-score[s], -len(targets[s]), order[s]))[:n]
    documents = collections.Counter(where[s] for s in best)
    spanned = set().union(*(goals[s] for s in best)) if best else set()
    print(f"{len(score)} in focus; the {len(best)} best scores come from {len(documents)} documents "
          f"({', '.join(f'{d}: {k}' for d, k in documents.most_common())}), on {len(spanned)} SDG goals")


def alignment(args):
    corpus = json.load(open(args[0], encoding="utf-8"))
    ratios = collections.defaultdict(list)
    for d in corpus["documents"]:
        original = {b["address"]: len(b["text"]) for b in d.get("paragraphs", []) if b["text"]}
        mine = {r["address"]: r["text"] for r in d["recommendations"]}
        for v in d.get("versions", []):
            theirs = [(original[b["address"]], len(b["text"])) for b in v.get("paragraphs", [])
                      if b["text"] and b["address"] in original]
            if not theirs:
                continue
            median = statistics.median(t / o for o, t in theirs)
            for r in v["recommendations"]:
                if r["address"] in mine and mine[r["address"]]:
                    ratios[v["language"]].append(len(r["text"]) / len(mine[r["address"]]) / median)
    print("language  paragraphs  within x0.5..x2  quantiles 0.1% 1% 50% 99% 99.9%")
    for language, rs in sorted(ratios.items()):
        rs.sort()
        q = [rs[min(len(rs) - 1, int(p * len(rs)))] for p in (0.001, 0.01, 0.5, 0.99, 0.999)]
        inside = sum(1 for r in rs if 0.5 <= r <= 2) / len(rs)
        print(f"{language:8s}  {len(rs):10d}  {inside:15.2%}  " + " ".join(f"{x:.2f}" for x in q))


if __name__ == "__main__":
    commands = {"duplicates": duplicates, "spread": spread, "alignment": alignment}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])
