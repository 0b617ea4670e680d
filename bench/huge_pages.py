#!/usr/bin/env python3
"""A build with its heap on transparent huge pages against the same build without.

`dossier build` restarts itself with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (docs/cli.md,
DOSSIER_HUGE_PAGES); this runs one job R times each way, alternated, into fresh output folders
(--no-cache, so every run reads and analyzes everything), and prints medians of wall and CPU
seconds (the process and its children), page faults and peak resident memory, and the ratios.

    python3 bench/huge_pages.py JOB.toml [--dossier build/bin/dossier] [--runs 3] [--rebuild]

--rebuild also times a second build into the same folder with the store (nothing changed).
Inputs: any job; docs/performance.md ("The heap on huge pages") used GA session 78 in Chinese
and the six-language GA sessions 75-78 (../shared/eval/unga-sessions/, the UN's
machine-readable GA resolutions, unpacked to a folder the job names).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, env):
    """Wall s, CPU s, minor page faults and peak resident MB of cmd with the children it
    waited for (os.wait4: this run's alone)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):  # 3: finished with problems (malformed files named and skipped)
        sys.exit(f"{' '.join(cmd)} failed ({code})")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_minflt, ru.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("job")
    ap.add_argument("--dossier", default="build/bin/dossier")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rebuild", action="store_true")
    a = ap.parse_args()
    modes = {"plain": "0", "huge pages": "1"}
    results = {m: {"full": [], "rebuild": []} for m in modes}
    with tempfile.TemporaryDirectory(prefix="huge-pages-") as tmp:
        for r in range(a.runs):
            for mode, flag in modes.items():
                env = dict(os.environ, DOSSIER_HUGE_PAGES=flag)
                env.pop("GLIBC_TUNABLES", None)
                out = os.path.join(tmp, f"out-{flag}")
                shutil.rmtree(out, ignore_errors=True)
                results[mode]["full"].append(run([a.dossier, "-qq", "build", a.job, "--out", out, "--no-cache"], env))
                if a.rebuild:
                    shutil.rmtree(out, ignore_errors=True)
                    run([a.dossier, "-qq", "build", a.job, "--out", out], env)
                    results[mode]["rebuild"].append(run([a.dossier, "-qq", "build", a.job, "--out", out], env))
                print(f"  round {r + 1} {mode}: {results[mode]['full'][-1][0]:.2f} s", file=sys.stderr, flush=True)
    for kind in ("full", "rebuild") if a.rebuild else ("full",):
        print(f"{kind} build, medians of {a.runs}:")
        print(f"{'':12} {'wall s':>8} {'CPU s':>8} {'faults':>9} {'peak MB':>8}")
        med = {}
        for mode in modes:
            rows = results[mode][kind]
            med[mode] = [statistics.median(x[i] for x in rows) for i in range(4)]
            print(f"{mode:12} {med[mode][0]:8.2f} {med[mode][1]:8.2f} {med[mode][2]:9.0f} {med[mode][3]:8.0f}")
        p, h = med["plain"], med["huge pages"]
        print(f"{'ratio':12} {h[0] / p[0]:8.2f} {h[1] / p[1]:8.2f} {h[2] / p[2]:9.2f}")


if __name__ == "__main__":
    main()
