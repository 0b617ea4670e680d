#!/usr/bin/env python3
"""The six-language GA build with and without the html site, against `cat | wc -w` on the same
files, run by run in one command (issue 26: the site stays within the scale issue's bounds).

usage: bench/ga_site.py DOSSIER [GA] [--runs N]
GA: a folder of NNsession/ folders or of unga-sessions-*.tar.xz (default
../shared/eval/unga-sessions beside the project; public source: the UN's machine-readable GA
resolutions, see bench/run.py --ga). The job is bench/run.py's GA job (both analyzers on
every paragraph, json + xlsx + xml), once as it is and once with the html exporter added."""
import argparse
import importlib.util
import json
import shutil
import statistics
import tempfile
from pathlib import Path

here = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("bench_run", here / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("dossier")
parser.add_argument("ga", nargs="?", default=str(here.parent.parent / "shared" / "eval" / "unga-sessions"))
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()

with tempfile.TemporaryDirectory(prefix="dossier-ga-site-") as t:
    tmp = Path(t)
    root = run.ga_unpack(args.ga, tmp)
    sessions = sorted(d for d in root.glob("*session") if d.is_dir())
    files = sorted(f for d in sessions for f in d.rglob("*") if f.is_file())
    sources = ", ".join(json.dumps(str(d)) for d in sessions)
    jobs = {"json + xlsx + xml": run.GA_JOB.format(sources=sources)}
    jobs["json + xlsx + xml + html"] = jobs["json + xlsx + xml"] + '\n[[export]]\nplugin = "html"\n'
    results = {k: [] for k in jobs}
    cats = []
    for r in range(args.runs):
        for k, text in jobs.items():
            job = tmp / "ga.toml"
            job.write_text(text)
            cats.append(run.cat_wc(files, 1)[0])  # then the build: both see the same load
            out = tmp / "out"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, peak, _, _ = run.ga_build(args.dossier, job, out, store=False)
            results[k].append((wall, cpu, peak))
            print(f"run {r + 1} {k}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB; "
                  f"cat | wc -w {cats[-1]:.2f} s", flush=True)
    baseline = statistics.median(cats)
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {mb:.0f} MB; cat | wc -w: {baseline:.2f} s (median of {len(cats)})")
    for k, v in results.items():
        wall = statistics.median(x[0] for x in v)
        print(f"{k}: {wall:.1f} s wall = {wall / baseline:.1f}x cat | wc -w; "
              f"CPU {statistics.median(x[1] for x in v):.1f} s; peak {max(x[2] for x in v):.0f} MB")
