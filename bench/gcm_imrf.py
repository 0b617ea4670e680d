#!/usr/bin/env python3
"""GCM objectives on an IMRF Progress Declaration the model never saw, in six languages.

Trains a gcm model (`dossier train --scheme gcm`) on GA sessions with one declaration left
out, maps that declaration in each language with the gcm analyzer (paragraphs = true, the
held-out model), and scores the round-table paragraphs against the objectives their round
table names (gcm_roundtables.py): coverage (>= 1 named objective) and precision (share of
the objectives given that are named). Runs twice: with the analyzer's heading scope (its
default: a heading naming objectives lifts them, never maps alone) and without it
(heading_score = 0: the paragraph's text alone, labels never seen).

Usage: gcm_imrf.py DOSSIER SESSIONS_DIR WORK_DIR [--leave-out 76_266]
  SESSIONS_DIR holds 75session/ ... 78session/ as unpacked from
  ../shared/eval/unga-sessions/unga-sessions-75-78.tar.xz (source: the UN's machine-readable
  GA resolutions, https://www.un.org/dgacm/en/content/visualizations-and-machine-readability).
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gcm_roundtables import score  # noqa: E402

LANGUAGES = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dossier")
    ap.add_argument("sessions")
    ap.add_argument("work")
    ap.add_argument("--leave-out", default="76_266", help="symbol part of the declaration's file names")
    ap.add_argument("--reuse", action="store_true", help="keep WORK_DIR/held-out.model if it is there")
    ap.add_argument("--train-args", default="", help="further `dossier train` options, e.g. \"--stems 6\"")
    a = ap.parse_args()
    train_tree, held = os.path.join(a.work, "train"), {}
    for root, _, files in os.walk(a.sessions):
        for f in files:
            if not f.endswith(".xml"):
                continue
            src = os.path.join(root, f)
            if a.leave_out in f:
                held.setdefault(f[-5], src)
                continue
            dst = os.path.join(train_tree, os.path.relpath(src, a.sessions))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if not os.path.lexists(dst):
                os.symlink(os.path.abspath(src), dst)
    if not held:
        sys.exit(f"no file with {a.leave_out} in {a.sessions}")
    model = os.path.join(a.work, "held-out.model")
    if not (a.reuse and os.path.exists(model)):
        print(f"training without {a.leave_out} ...", flush=True)
        extra = a.train_args.split()
        defaults = [] if "--max-terms" in extra else ["--max-terms", "60000"]
        subprocess.run([a.dossier, "-q", "train", "--scheme", "gcm", train_tree, "-o", model] + defaults + extra,
                       check=True, stdout=subprocess.DEVNULL)
    print(f"{'heading scope':14} {'lang':4} {'paragraphs':>10} {'coverage':>9} {'precision':>9} {'per paragraph':>13}")
    for scope in ("on", "off"):
        for letter, path in sorted(held.items()):
            lang_dir = os.path.join(a.work, "in", letter)
            os.makedirs(lang_dir, exist_ok=True)
            target = os.path.join(lang_dir, os.path.basename(path))
            if not os.path.lexists(target):
                os.symlink(os.path.abspath(path), target)
            job = os.path.join(a.work, f"job-{scope}-{letter}.toml")
            with open(job, "w", encoding="utf-8") as f:
                f.write(f'name = "imrf"\nsources = ["{lang_dir}"]\n[[analyze]]\nplugin = "gcm"\nparagraphs = true\n'
                        f'model = "{model}"\n' + ("heading_score = 0\n" if scope == "off" else "") +
                        '[[export]]\nplugin = "json"\n')
            out = os.path.join(a.work, f"out-{scope}-{letter}")
            subprocess.run([a.dossier, "-q", "build", job, "--out", out, "--no-cache"], check=True)
            for _, lang, n, coverage, precision, per in score(os.path.join(out, "corpus.json")):
                print(f"{scope:14} {lang:4} {n:10} {coverage:9.3f} {precision:9.3f} {per:13.2f}", flush=True)


if __name__ == "__main__":
    main()
