#!/usr/bin/env python3
"""Peak memory of a whole build against the corpus size (issue 25).

    python3 bench/memory.py [--sizes 0.1,1,10] [--runs 1] [--build build] [--cache bench/.cache]
                            [--exporters json,xlsx,xml] [--json FILE]

For each size (GB of synthetic text made by bench/scale_corpus.py, generated once into the
cache) it runs `dossier build` of a job with both analyzers (sdg, gcm) and the exporters asked
for, with the store on (the default), and reports:

* the peak resident memory of the largest single process (the host or one of its children:
  `wait4`'s ru_maxrss, what `/usr/bin/time -v` prints), and
* the peak of the whole process tree sampled every 50 ms: the sum of resident memory (RSS;
  pages an exporter child shares copy-on-write with the host count twice) and the sum of
  proportional set sizes (PSS; shared pages counted once, the memory the machine really
  gives the build),
* wall time, and `cat FILES | wc -w` over the same bytes in the same command (the baseline).

Sizes below 1 GB are generated exactly; 10 GB needs about 10 GB of disk for the corpus, as much
again for the store, and hours on two cores.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import run  # noqa: E402  the scaled corpora (generated once into the cache) and the job
from run import corpus  # noqa: E402

# run.py's job (both analyzers on every paragraph) with the exporters asked for.
JOB_HEAD = run.JOB.split("[[export]]")[0]



def tree(pid):
    """pid and its descendants (from /proc's children lists)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def rss_pss(pid):
    """(RSS, PSS) of one process in kB, 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            fields = {k: v for k, _, v in (line.partition(":") for line in f) if k in ("Rss", "Pss")}
        return int(fields["Rss"].split()[0]), int(fields["Pss"].split()[0])
    except (OSError, KeyError, ValueError):
        return 0, 0


def measured(cmd, env=None):
    """Runs cmd: wall s, max single-process RSS MB (wait4), peak tree RSS MB, peak tree PSS MB, and the
    host's resident MB after each stage (from `dossier -v`'s "memory after STAGE: N MB resident")."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = {"rss": 0, "pss": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            rss = pss = 0
            for q in tree(p.pid):
                r, s = rss_pss(q)
                rss, pss = rss + r, pss + s
            peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {code}: {err.decode(errors='replace')[-2000:]}")
    stages = {m.group(1): int(m.group(2))
              for m in re.finditer(r"memory after ([^:]+): (\d+) MB resident", err.decode(errors="replace"))}
    return time.perf_counter() - t0, ru.ru_maxrss / 1024, peak["rss"] / 1024, peak["pss"] / 1024, stages


def cat_wc(src):
    t0 = time.perf_counter()
    subprocess.run(f"find -L '{src}' -type f ! -name '.*' -print0 | xargs -0 cat | wc -w", shell=True, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.1,1", help="GB of corpus, comma-separated (10 is possible, slow)")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--dossier", help="the program to measure (default: BUILD/bin/dossier)")
    ap.add_argument("--cache", default=str(BENCH / ".cache"), help="where scaled corpora are kept")
    ap.add_argument("--exporters", default="json,xlsx,xml")
    ap.add_argument("--work", default=None, help="output folders (default: a folder in /tmp, removed)")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()

    dossier = Path(args.dossier or Path(args.build) / "bin" / "dossier")
    if not dossier.exists():
        sys.exit(f"missing {dossier}: cmake -S {ROOT} -B {args.build} -DCMAKE_BUILD_TYPE=Release && "
                 f"cmake --build {args.build} -j2")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(args.work or f"/tmp/dossier-memory-{os.getpid()}")
    work.mkdir(parents=True, exist_ok=True)
    exports = "".join(f'\n[[export]]\nplugin = "{e}"\n' for e in args.exporters.split(",") if e)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    rows = []
    print(f"{'GB':>5} {'input MB':>9} {'wall s':>8} {'cat|wc s':>8} {'x':>5} {'max proc MB':>11} "
          f"{'tree RSS MB':>11} {'tree PSS MB':>11}  host MB resident after each stage")
    for size in [float(s) for s in args.sizes.split(",")]:
        src = corpus(cache, max(1, round(size * 1000)), 1)
        input_mb = sum(f.stat().st_size for f in src.rglob("*") if f.is_file() and not f.name.startswith(".")) / 1e6
        job = work / f"job-{size}.toml"
        job.write_text(JOB_HEAD.format(src=src) + exports)
        runs = []
        for r in range(args.runs):
            out = work / f"out-{size}-{r}"
            shutil.rmtree(out, ignore_errors=True)
            wall, proc, tree_rss, tree_pss, stages = measured([str(dossier), "-v", "build", str(job), "--out", str(out)],
                                                              env)
            base = cat_wc(src)
            runs.append({"wall": wall, "cat_wc": base, "max_process_mb": proc, "tree_rss_mb": tree_rss,
                         "tree_pss_mb": tree_pss, "host_after": stages})
            shutil.rmtree(out, ignore_errors=True)
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "host_after"}
        row = {"gb": size, "input_mb": input_mb, **med, "host_after": runs[-1]["host_after"]}
        rows.append(row)
        print(f"{size:5g} {input_mb:9.0f} {med['wall']:8.1f} {med['cat_wc']:8.2f} {med['wall'] / med['cat_wc']:5.0f} "
              f"{med['max_process_mb']:11.0f} {med['tree_rss_mb']:11.0f} {med['tree_pss_mb']:11.0f}  host after: "
              + ", ".join(f"{k} {v}" for k, v in row["host_after"].items()), flush=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
