#!/usr/bin/env python3
"""Held-out score of the sdg analyzer (rules + learned model) on labelled UPR recommendations.

The shipped model learns from OHCHR's labels of one UPR report, so scoring the analyzer on
that report with the shipped model says nothing. This script holds out each fifth of the
labelled recommendations in turn (the same fifths `dossier train` uses), trains a model on
the rest plus the documents given with --documents, maps the report with rules and that
model, and scores only the held-out fifth; the five fifths are then scored together.

    python3 bench/upr_cv.py --report REPORT.txt --labels LABELS.csv --documents GA_FOLDER...
                            [--dossier build/bin/dossier] [--rules-only]

Data: ../shared/eval/upr-slovenia-2019 (A/HRC/43/15, OHCHR's thematic list) and the GA
sessions of ../shared/eval/unga-sessions (the UN's machine-readable resolutions).
"""
import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--report", required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--documents", nargs="*", default=[])
    ap.add_argument("--dossier", default=str(ROOT / "build" / "bin" / "dossier"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    rows = list(csv.DictReader(open(args.labels, encoding="utf-8")))
    gold = {r["rec_id"]: set(c.strip() for c in r["sdg_goals"].split(";") if c.strip()) for r in rows}
    predicted = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for k in range(args.folds):
            # dossier train numbers data rows from 1 and puts row r in part r % 5 + 1.
            held = {r["rec_id"] for i, r in enumerate(rows, start=1) if i % args.folds == k}
            train_csv = tmp / f"train{k}.csv"
            with open(train_csv, "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
                w.writeheader()
                w.writerows(r for r in rows if r["rec_id"] not in held)
            model = tmp / f"m{k}.model"
            subprocess.run([args.dossier, "-qq", "train", *args.documents, "--examples", str(train_csv),
                            "--examples-language", "en", "-o", str(model)], check=True, stdout=subprocess.DEVNULL)
            job = tmp / f"job{k}.toml"
            job.write_text(f'name = "cv"\nsources = ["{args.report}"]\n[[analyze]]\nplugin = "sdg"\n'
                           f'model = "{model}"\npassage_model = "true"\n[[export]]\nplugin = "json"\n')
            out = tmp / f"out{k}"
            subprocess.run([args.dossier, "-qq", "build", str(job), "--out", str(out), "--no-cache"], check=True)
            corpus = json.loads((out / "corpus.json").read_text())
            for a in corpus["annotations"]:
                # Subjects are citations: "A/HRC/43/15 ¶121.1".
                n = a["subject"].rsplit("\u00b6", 1)[-1] if "\u00b6" in a["subject"] else None
                if n in held and a["scheme"] == "sdg" and a["level"] == "goal" and a["score"] >= 0.5:
                    predicted.setdefault(n, set()).add(a["code"])
            print(f"fold {k + 1} of {args.folds} done", file=sys.stderr)
    labelled = [n for n in gold if gold[n]]
    codes = sorted({c for n in labelled for c in gold[n]}, key=int)
    f1s, tp_all, fp_all, fn_all = [], 0, 0, 0
    for c in codes:
        tp = sum(1 for n in labelled if c in gold[n] and c in predicted.get(n, ()))
        fp = sum(1 for n in labelled if c not in gold[n] and c in predicted.get(n, ()))
        fn = sum(1 for n in labelled if c in gold[n] and c not in predicted.get(n, ()))
        tp_all += tp; fp_all += fp; fn_all += fn
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f1s.append(2 * p * r / (p + r) if p + r else 0)
        print(f"SDG {c:>2}: support {tp + fn:3}  precision {p:.2f}  recall {r:.2f}  F1 {f1s[-1]:.2f}")
    P = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0
    R = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0
    print(f"{len(labelled)} held-out recommendations: macro-F1 {sum(f1s) / len(f1s):.3f}, "
          f"micro precision {P:.3f} recall {R:.3f} F1 {2 * P * R / (P + R) if P + R else 0:.3f}")


if __name__ == "__main__":
    main()
