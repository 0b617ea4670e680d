#!/usr/bin/env python3
"""Throughput of the mapping analyzers per UN language, with and without their learned models.

For each language folder of a General Assembly session (Akoma Ntoso files, e.g. 78session/
French, as unpacked from ../shared/eval/unga-sessions/unga-sessions-75-78.tar.xz; source: the
UN's machine-readable GA resolutions), runs `dossier build` with the sdg and gcm analyzers
mapping every paragraph (`paragraphs = true`) and the json exporter, --no-cache, R times with
the shipped models (`model = "builtin"`: SDG profile of each document, model on passages where
`passage_model = auto` puts it) and R times with `model = "none"` (rules only), interleaved.
It reports per language and analyzer the median CPU seconds of the analyzer over all its
threads and its child process (manifest `timings.analyzers_cpu`) and MB/s per core of the text
mapped (every paragraph's text, UTF-8), and the ratio without/with the model.

With --baseline OTHER/bin/dossier (a build of an older commit: `git worktree add /tmp/base
COMMIT`, then build it), the whole build (read, analyze, export; the job's defaults, which for
an older build means no model) is timed with both, interleaved run by run: median wall and CPU
seconds and their ratio, for the acceptance line "the whole build stays within 2x of its speed
before": once with every paragraph mapped (`paragraphs = true`, the models on every paragraph of
a document not in English) and once with the analyzers' own defaults (recommendations only,
the document profile). Medians, and the lowest and highest of the runs' own CPU ratios (each
build against the baseline run right after it): this machine is shared and noisy.

    python3 bench/mapping_languages.py SESSION_DIR [--runs 3] [--dossier build/bin/dossier]
        [--baseline /tmp/base/build/bin/dossier] [--languages English,French,...]
"""
import argparse
import json
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")


def job(path, source, model, paragraphs=True):
    options = ("paragraphs = true\n" if paragraphs else "") + ("" if model is None else f'model = "{model}"\n')
    path.write_text(f'name = "bench"\nsources = ["{source}"]\n'
                    f'[[analyze]]\nplugin = "sdg"\n{options}'
                    f'[[analyze]]\nplugin = "gcm"\n{options}'
                    '[[export]]\nplugin = "json"\n', encoding="utf-8")


def build(dossier, job_file, out):
    """Runs one build; returns (wall seconds, CPU seconds of the children, manifest)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([dossier, "-q", "build", str(job_file), "--out", str(out), "--no-cache"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def text_bytes(corpus_json):
    corpus = json.loads(corpus_json.read_text(encoding="utf-8"))
    return sum(len(p.get("text", "").encode("utf-8")) for d in corpus["documents"] for p in d.get("paragraphs", []))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("session", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dossier", default=str(ROOT / "build" / "bin" / "dossier"))
    ap.add_argument("--baseline")
    ap.add_argument("--languages", default=",".join(LANGUAGES))
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dossier-mapping-languages-"))
    print(f"{'language':9} {'MB':>6}  {'analyzer':8} {'model s':>8} {'MB/s':>7} {'rules s':>8} {'MB/s':>7} "
          f"{'rules/model':>11}", flush=True)
    whole = []
    for language in a.languages.split(","):
        source = a.session / language
        if not source.is_dir():
            raise SystemExit(f"{source}: no such folder")
        with_model, without = tmp / f"{language}-model.toml", tmp / f"{language}-rules.toml"
        job(with_model, source, "builtin")
        job(without, source, "none")
        cpu = {"model": {"sdg": [], "gcm": []}, "rules": {"sdg": [], "gcm": []}}
        for _ in range(a.runs):
            for name, job_file in (("model", with_model), ("rules", without)):
                _, _, manifest = build(a.dossier, job_file, tmp / f"out-{language}-{name}")
                for analyzer in ("sdg", "gcm"):
                    cpu[name][analyzer].append(manifest["timings"]["analyzers_cpu"][analyzer])
        mb = text_bytes(tmp / f"out-{language}-model" / "corpus.json") / 1e6
        for analyzer in ("sdg", "gcm"):
            m, r = statistics.median(cpu["model"][analyzer]), statistics.median(cpu["rules"][analyzer])
            print(f"{language:9} {mb:6.2f}  {analyzer:8} {m:8.2f} {mb / m:7.2f} {r:8.2f} {mb / r:7.2f} {r / m:11.2f}",
                  flush=True)
        if a.baseline:
            for paragraphs in (True, False):
                plain = tmp / f"{language}-default-{paragraphs}.toml"
                job(plain, source, None, paragraphs)
                walls, cpus = {"this": [], "baseline": []}, {"this": [], "baseline": []}
                for _ in range(a.runs):
                    for name, dossier in (("this", a.dossier), ("baseline", a.baseline)):
                        wall, used, _ = build(dossier, plain, tmp / f"out-{language}-{name}")
                        walls[name].append(wall)
                        cpus[name].append(used)
                # Each run's own ratio (this build against the baseline run just after it): their
                # spread shows how far the machine moved the figure within this command.
                pairs = sorted(t / b for t, b in zip(cpus["this"], cpus["baseline"]))
                whole.append((paragraphs, language, *(statistics.median(v) for v in
                                                      (walls["this"], walls["baseline"], cpus["this"],
                                                       cpus["baseline"])), pairs[0], pairs[-1]))
    for paragraphs, what in ((True, "every paragraph mapped (paragraphs = true)"),
                             (False, "the analyzers' own defaults (recommendations only)")):
        rows = [row[1:] for row in whole if row[0] == paragraphs]
        if not rows:
            continue
        print(f"\nwhole build, {what}, the models' defaults; medians of {a.runs}:")
        print(f"{'language':9} {'wall s':>7} {'base':>7} {'ratio':>6} {'CPU s':>7} {'base':>7} {'ratio':>6} "
              f"{'run by run':>11}")
        for language, w, wb, c, cb, low, high in rows:
            print(f"{language:9} {w:7.2f} {wb:7.2f} {w / wb:6.2f} {c:7.2f} {cb:7.2f} {c / cb:6.2f} "
                  f"{low:5.2f}-{high:4.2f}")


if __name__ == "__main__":
    main()
