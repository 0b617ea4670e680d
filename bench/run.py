#!/usr/bin/env python3
"""The one benchmark command: every stage of Dossier, its baselines and its scaling, one table.

    python3 bench/run.py [--quick] [--sizes 10,100,1000] [--runs N] [--build build]
                         [--json FILE] [--keep-cache]

Builds nothing itself: configure with `cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
-DDOSSIER_BENCH=ON` and build (`cmake --build build -j2`); a missing program is named with
the command that builds it. Scaled corpora are generated once by bench/scale_corpus.py
(seeded, so every run measures the same bytes) and cached in bench/.cache/ (gitignored).

What it measures (medians over --runs; CPU = user + system seconds of every process and
thread involved, so "per core" rates are input MB per CPU second; a shared machine disturbs
CPU time far less than wall time, which is shown too):

* reading, one row per reader (text: the scaled corpus; layout, pdf, akn: smaller inputs made
  by the scaler): bench_read loads the reader plugin and reads every file (already in memory)
  on one thread; the host's read stage as a whole (files, hashing, bidding, all threads) is
  the manifest's `read` in the whole build;
* mapping: `sdg` and `gcm`, the manifest's `analyzers_cpu` in the whole build;
* each exporter alone (bench_export loads the plugin and writes a corpus loaded from the
  build's corpus.json, as the host's exporter child does), with its baselines in the same
  run: xlsx against raw libxlsxwriter (bench_xlsx, same cells) and Python XlsxWriter; the pdf
  brief against raw libharu and reportlab writing the same positioned lines; the xml feed
  against raw pugixml and lxml building the same elements;
* the whole `dossier build` of a job with sdg + gcm and every exporter (json, xlsx, xml,
  atom, akn, pdf) at each size: wall, CPU and peak resident memory (os.wait4: the largest
  of the host and its exporter children), and the manifest's per-stage times;
* with full mode, the Google Benchmark micro-benchmarks (bench_micro).

--quick: 10 MB, 2 runs, no micro-benchmarks; under 5 minutes on 2 shared cores.

--ga [PATH]: instead, the real-corpus benchmark on the UN General Assembly's resolutions in
six languages (PATH: a folder with unga-sessions-*.tar.xz, or the tarball, or an unpacked
folder; default ../shared/eval/unga-sessions beside the project; public source: the UN's
machine-readable GA resolutions in Akoma Ntoso, https://www.un.org/dgacm/en/content/
visualizations-and-machine-readability). Unpacked into a temporary folder, then, each against
`cat | wc -w` over the same files in the same command: the build with both analyzers on
every paragraph and JSON + XLSX + XML for one, two and three languages, for half of the
sessions and for all of them (wall time, ratio, peak resident memory, and the doubling
ratio: all sessions against half); then the one-file rebuild: a build with the store, one
file changed, built again (ratio to that full build), and a rebuild with nothing changed.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
import xlsx as xlsx_bench  # noqa: E402  (dump_cells: the workbook's cells, as bench_xlsx reads them)

PYTHON = "/usr/bin/python3"
TARGETS = {
    "build": "whole build >= 20 MB/s per core",
    "xlsx": "matrix >= 70% of raw libxlsxwriter",
    "pdf": "brief >= 70% of raw libharu",
    "xml": "feed >= lxml",
    "memory": "peak < 1 GiB at 1000 MB",
}


def median(values):
    return statistics.median(values) if values else float("nan")


def timed(cmd, **kw):
    """Runs cmd; returns (wall s, CPU s of it and its waited-for children, peak RSS MB, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    # os.wait4 gives the rusage of this child alone (with the children it waited for), not
    # of every process this script ran before.
    out_chunks = []
    import threading
    err_chunks = []
    t_out = threading.Thread(target=lambda: out_chunks.append(p.stdout.read()))
    t_err = threading.Thread(target=lambda: err_chunks.append(p.stderr.read()))
    t_out.start(), t_err.start()
    _, status, ru = os.wait4(p.pid, 0)
    t_out.join(), t_err.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if p.returncode not in (0,):
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {p.returncode}: {''.join(err_chunks)[-2000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, "".join(out_chunks)


def need(build, names, quick):
    missing = [n for n in names if not (build / "bin" / n).exists()]
    if missing:
        sys.exit(f"missing: {', '.join(missing)} in {build}/bin. Build them with:\n"
                 f"  cmake -S {ROOT} -B {build} -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BENCH=ON\n"
                 f"  cmake --build {build} -j2")


def corpus(cache, size, seed, kinds="text", other_mb=5):
    name = f"{size}mb" if kinds == "text" else f"{other_mb}mb"
    d = cache / f"{kinds.replace(',', '-')}-{name}-seed{seed}"
    if not (d / ".done").exists():
        shutil.rmtree(d, ignore_errors=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(BENCH / "scale_corpus.py"), "--size-mb", str(size), "--seed", str(seed),
                        "--out", str(d), "--kinds", kinds, "--other-mb", str(other_mb)], check=True)
        (d / ".done").write_text(f"{time.perf_counter() - t0:.1f} s\n")
    return d


def dir_bytes(d):
    return sum(f.stat().st_size for f in Path(d).rglob("*") if f.is_file() and not f.name.startswith("."))


JOB = """name = "bench"
language = "en"
sources = ["{src}"]

[[analyze]]
plugin = "sdg"

[[analyze]]
plugin = "gcm"

[[export]]
plugin = "json"
file = "corpus.json"

[[export]]
plugin = "xlsx"
file = "matrix.xlsx"

[[export]]
plugin = "xml"

[[export]]
plugin = "atom"
max_entries = 0     # every recommendation, as measured before the feed kept the newest 500

[[export]]
plugin = "akn"

[[export]]
plugin = "pdf"
file = "briefs/brief.pdf"
title = "Migration and the 2030 Agenda"
"""


def whole_build(dossier, src, tmp, runs, label):
    """`dossier build` of the job over src, `runs` times: list of dicts."""
    job = tmp / f"job-{label}.toml"
    job.write_text(JOB.format(src=src))
    results = []
    for r in range(runs):
        out = tmp / f"build-{label}-{r}"
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        wall, cpu, rss, _ = timed([str(dossier), "-qq", "build", str(job), "--out", str(out), "--no-cache"], env=env)
        manifest = json.loads((out / "manifest.json").read_text())
        results.append({"wall": wall, "cpu": cpu, "rss_mb": rss, "timings": manifest["timings"],
                        "out": out})
        print(f"  build {label} run {r + 1}/{runs}: {wall:.1f} s wall, {cpu:.1f} s CPU, {rss:.0f} MB peak",
              flush=True)
    return results


def read_stage(build, reader, src, runs):
    """The reader alone (bench_read) over every file of src on one thread: CPU per core."""
    _, _, _, stdout = timed([str(build / "bin" / "bench_read"), reader, str(src), "--runs", str(runs)])
    return json.loads(stdout)


def feed_events(feed_xml, events_tsv):
    """The exporter's feed.xml as open / attribute / text / close events (namespaces kept as
    xmlns attributes, so that both baselines write the same bytes of markup)."""
    import xml.parsers.expat
    esc = lambda s: s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")  # noqa
    n = 0
    with open(events_tsv, "w", encoding="utf-8") as out:
        def start(name, attrs):
            nonlocal n
            out.write(f"o\t{name}\n")
            for k, v in attrs.items():
                out.write(f"a\t{k}\t{esc(v)}\n")
            n += 1

        def end(name):
            out.write("c\n")

        def text(data):
            if data.strip():
                out.write(f"t\t{esc(data)}\n")

        p = xml.parsers.expat.ParserCreate("UTF-8")
        p.ordered_attributes = False
        p.buffer_text = True
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
        with open(feed_xml, "rb") as f:
            p.ParseFile(f)
    return n


def brief_pages(pdf, pages_json):
    """The brief's lines with their place and size, from `pdftotext -bbox-layout`."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    import html as h
    pages = []
    width = height = 0
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        lines = []
        for line in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                                page.group(3), re.S):
            words = [h.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", line.group(4), re.S)]
            size = max(4.0, round((float(line.group(3)) - float(line.group(2))) * 0.85, 1))
            lines.append({"x": float(line.group(1)), "y": float(line.group(2)), "size": size, "text": " ".join(words)})
        pages.append(lines)
    # Which lines are bold: the same content embeds the same two faces (libharu's cost per
    # embedded font is most of a short brief's). pdftohtml -xml marks bold runs with <b>, at
    # 1.5 times the points of pdftotext.
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    for lines, page in zip(pages, re.findall(r"<page [^>]*>(.*?)</page>", xml, re.S)):
        bold = [(float(t.group(1)) / 1.5, float(t.group(2)) / 1.5)
                for t in re.finditer(r'<text top="([\d.]+)" left="([\d.]+)"[^>]*>(?:<a [^>]*>)?<b>', page)]
        for line in lines:
            line["bold"] = any(abs(top - line["y"]) < 3 and abs(left - line["x"]) < 2 for top, left in bold)
    Path(pages_json).write_text(json.dumps({"width": width, "height": height, "pages": pages}))
    return len(pages)


def runs_of(stdout):
    return json.loads(stdout)["runs"]


def host_heap_env():
    """The environment `dossier build` gives itself (docs/cli.md, DOSSIER_HUGE_PAGES): its heap
    on transparent huge pages, which its forked exporter children share. bench_export stands
    for such a child, so it runs the same way; the raw baselines run as a user's program would."""
    env = dict(os.environ)
    if env.get("DOSSIER_HUGE_PAGES") != "0" and "glibc.malloc.hugetlb" not in env.get("GLIBC_TUNABLES", ""):
        env["GLIBC_TUNABLES"] = ":".join(x for x in [env.get("GLIBC_TUNABLES", ""), "glibc.malloc.hugetlb=1"] if x)
    return env


def exporters_alone(build, corpus_json, tmp, runs, rows, size):
    """Each exporter alone, and the baselines of xlsx, pdf and xml, in the same run."""
    bin_ = build / "bin"
    corpus_mb = corpus_json.stat().st_size / 1e6
    data = json.loads(corpus_json.read_text())
    recs = sum(len(d["recommendations"]) for d in data["documents"])
    del data
    def baseline_cpu(program, input_file, out_name, flags=()):
        """Median CPU seconds of a baseline's runs: `program INPUT OUT --runs R [flags]` prints
        {"runs": [...]} (bench_raw_* and baselines/*.py alike)."""
        _, _, _, stdout = timed(program + [str(input_file), str(tmp / out_name), "--runs", str(runs)] + list(flags))
        return median([x["cpu_seconds"] for x in runs_of(stdout)])

    out = {}
    for plugin, file, opts in [("json", "corpus.json", []), ("xlsx", "matrix.xlsx", []), ("xml", "feed.xml", []),
                               ("atom", "atom.xml", ["--option", "max_entries=0"]), ("akn", "akn", []), ("pdf", "brief.pdf", [])]:
        d = tmp / f"alone-{plugin}"
        _, _, _, stdout = timed([str(bin_ / "bench_export"), plugin, str(corpus_json), str(d), file, "--runs",
                                 str(runs)] + opts, env=host_heap_env())
        r = runs_of(stdout)
        written = dir_bytes(d)
        out[plugin] = {"cpu": median([x["cpu_seconds"] for x in r]), "wall": median([x["seconds"] for x in r]),
                       "peak_mb": median([x["peak_mb"] for x in r]), "bytes": written, "dir": d}
        print(f"  exporter {plugin} alone: {out[plugin]['cpu']:.3f} s CPU, {written / 1e6:.1f} MB written", flush=True)

    # xlsx: the exporter's cells, written by raw libxlsxwriter (bench_xlsx compare also times the
    # plugin in the same alternation) and by Python XlsxWriter.
    constant = recs > 20000  # what the exporter's "auto" mode picks (docs/exporters/xlsx.md)
    cells = tmp / "cells.tsv"
    texts, numbers = xlsx_bench.dump_cells(out["xlsx"]["dir"] / "matrix.xlsx", cells)
    ncells = texts + numbers
    flag = ["--constant-memory"] if constant else []
    _, _, _, stdout = timed([str(bin_ / "bench_xlsx"), "compare", str(corpus_json), str(cells), "--runs", str(runs)]
                            + flag)
    cmp_ = json.loads(stdout)
    exp_cpu = median([x["cpu_seconds"] for x in cmp_["exporter"]])
    raw_cpu = median([x["cpu_seconds"] for x in cmp_["raw"]])
    py_cpu = baseline_cpu([PYTHON, str(BENCH / "baselines" / "xlsx_python.py")], cells, "py.xlsx", flag)
    rows.append(row("export xlsx (matrix)", size, exp_cpu, ncells / exp_cpu, "cells/s",
                    median([x["peak_mb"] for x in cmp_["exporter"]]),
                    f"{raw_cpu / exp_cpu * 100:.0f}% of raw libxlsxwriter ({ncells / raw_cpu / 1e6:.2f} M cells/s); "
                    f"{py_cpu / exp_cpu:.1f}x Python XlsxWriter ({ncells / py_cpu / 1e3:.0f} k cells/s); "
                    f"raw = {py_cpu / raw_cpu:.1f}x Python",
                    raw_cpu / exp_cpu >= 0.7, note=f"{ncells} cells, {'constant-memory' if constant else 'normal'} mode"))

    # pdf brief: the exporter's pages, written line by line by raw libharu and by reportlab.
    brief = out["pdf"]["dir"] / "brief.pdf"
    pages_json = tmp / "pages.json"
    npages = brief_pages(brief, pages_json)
    raw_cpu = baseline_cpu([str(bin_ / "bench_raw_brief")], pages_json, "raw.pdf")
    # The same, given the font programs the exporter embedded (its subsets of the characters
    # drawn, tests/pdf_embedded_fonts.py), cut beforehand: libharu's own work for those pages.
    fonts = tmp / "brief-fonts"
    fonts.mkdir(exist_ok=True)
    subprocess.run([PYTHON, str(ROOT / "tests" / "pdf_embedded_fonts.py"), str(brief), "--extract", str(fonts)],
                   check=True, capture_output=True)
    regular, bold = fonts / "DejaVuSans,Book.ttf", fonts / "DejaVuSans-Bold,Bold.ttf"
    raw_sub_cpu = baseline_cpu([str(bin_ / "bench_raw_brief")], pages_json, "raw-sub.pdf",
                               ["--font", str(regular), "--bold-font", str(bold if bold.exists() else regular)])
    rl_cpu = baseline_cpu([PYTHON, str(BENCH / "baselines" / "brief_reportlab.py")], pages_json, "rl.pdf")
    e = out["pdf"]
    rows.append(row("export pdf (brief)", size, e["cpu"], npages / e["cpu"], "pages/s", e["peak_mb"],
                    f"{raw_cpu / e['cpu'] * 100:.0f}% of raw libharu ({npages / raw_cpu:.0f} pages/s); "
                    f"{raw_sub_cpu / e['cpu'] * 100:.0f}% of raw libharu given the subset fonts "
                    f"({npages / raw_sub_cpu:.0f} pages/s); "
                    f"{rl_cpu / e['cpu']:.1f}x reportlab ({npages / rl_cpu:.0f} pages/s); raw = {rl_cpu / raw_cpu:.1f}x "
                    f"reportlab", raw_cpu / e["cpu"] >= 0.7,
                    note=f"{npages} pages; the exporter also chooses and lays out the content from {recs} "
                         f"recommendations and subsets its fonts"))

    # xml feed: the exporter's elements, rebuilt by raw pugixml and by lxml.
    events = tmp / "feed-events.tsv"
    feed = out["xml"]["dir"] / "feed.xml"
    feed_events(feed, events)
    feed_mb = feed.stat().st_size / 1e6
    raw_cpu = baseline_cpu([str(bin_ / "bench_raw_feed")], events, "raw-feed.xml")
    lx_cpu = baseline_cpu([PYTHON, str(BENCH / "baselines" / "feed_lxml.py")], events, "lxml-feed.xml")
    e = out["xml"]
    rows.append(row("export xml (feed)", size, e["cpu"], feed_mb / e["cpu"], "MB/s", e["peak_mb"],
                    f"{raw_cpu / e['cpu'] * 100:.0f}% of raw pugixml ({feed_mb / raw_cpu:.0f} MB/s); "
                    f"{lx_cpu / e['cpu']:.1f}x lxml ({feed_mb / lx_cpu:.0f} MB/s)", lx_cpu / e["cpu"] >= 1.0,
                    note=f"{feed_mb:.1f} MB feed.xml (raw pugixml wrote {(tmp / 'raw-feed.xml').stat().st_size / 1e6:.1f}"
                         f" MB, lxml {(tmp / 'lxml-feed.xml').stat().st_size / 1e6:.1f} MB)"))
    for plugin, what in [("json", "corpus.json"), ("atom", "atom.xml"), ("akn", "akn/*.xml")]:
        e = out[plugin]
        rows.append(row(f"export {plugin}", size, e["cpu"], e["bytes"] / 1e6 / e["cpu"], "MB/s", e["peak_mb"], "", None,
                        note=f"{e['bytes'] / 1e6:.1f} MB of {what} from a {corpus_mb:.0f} MB corpus.json"))


GA_JOB = """name = "ga"
language = "en"
sources = [{sources}]

[[analyze]]
plugin = "sdg"
paragraphs = true

[[analyze]]
plugin = "gcm"
paragraphs = true

[[export]]
plugin = "json"
file = "corpus.json"

[[export]]
plugin = "xlsx"
file = "matrix.xlsx"

[[export]]
plugin = "xml"
"""


def ga_unpack(path, tmp):
    """The GA sessions as a folder of NNsession/<Language>/ folders: path itself if unpacked,
    else its unga-sessions-*.tar.xz unpacked into tmp."""
    path = Path(path)
    if path.is_dir() and any(path.glob("*session")):
        return path
    tarballs = [path] if path.is_file() else sorted(path.glob("unga-sessions-*.tar.xz"))
    if not tarballs:
        sys.exit(f"--ga: no unga-sessions-*.tar.xz and no NNsession/ folders in {path}")
    out = tmp / "unga"
    out.mkdir()
    for t in tarballs:
        subprocess.run(["tar", "-xJf", str(t), "-C", str(out)], check=True)
    return out


def cat_wc(files, runs):
    """Median wall seconds of `cat FILES | wc -w` (xargs feeds cat the list), and the words."""
    walls, words = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run("xargs -0 cat | wc -w", shell=True, input=b"\0".join(str(f).encode() for f in files),
                           capture_output=True, check=True)
        walls.append(time.perf_counter() - t0)
        words = int(p.stdout.split()[0])
    return median(walls), words


def ga_build(dossier, job, out, store=True):
    """One `dossier build` of a GA job: (wall, CPU, peak MB, manifest timings). Exit 3 (some
    files skipped: the sessions hold a few malformed files, named in the log) is accepted."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    cmd = [str(dossier), "-qq", "build", str(job), "--out", str(out)] + ([] if store else ["--no-cache"])
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    err = []
    import threading
    t = threading.Thread(target=lambda: err.append(p.stderr.read()))
    t.start()
    _, status, ru = os.wait4(p.pid, 0)
    t.join()
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {''.join(err)[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, manifest["timings"], manifest.get("reuse", {})


def export_wall(timings):
    """The export stage's wall seconds: exporters run side by side since issue 25 (older
    builds, one after another, have only the per-exporter times)."""
    return timings.get("exporters_wall", sum(timings["export"].values()))


def ga_bench(dossier, root, tmp, runs, long_runs, rows):
    """The six-language GA benchmark (--ga): see the module's docstring."""
    sessions = sorted(d for d in root.glob("*session") if d.is_dir())
    languages = sorted({d.name for s in sessions for d in s.iterdir() if d.is_dir()})
    order = [x for x in ("English", "French", "Spanish", "Russian", "Arabic", "Chinese") if x in languages]
    order += [x for x in languages if x not in order]
    half = sessions[: max(1, len(sessions) // 2)]
    sets = [(f"{order[0]}, all sessions", [s / order[0] for s in sessions], runs)]
    if len(order) > 1:
        sets.append((f"{order[0]} + {order[1]}", [s / x for s in sessions for x in order[:2]], runs))
    if len(order) > 2:
        sets.append((f"{order[0]} + {order[1]} + {order[2]}", [s / x for s in sessions for x in order[:3]], runs))
    sets.append((f"6 languages, sessions {half[0].name[:2]}-{half[-1].name[:2]} (half)", list(half), runs))
    sets.append((f"6 languages, sessions {sessions[0].name[:2]}-{sessions[-1].name[:2]} (all)", list(sessions), long_runs))
    measured = {}
    for k, (label, dirs, n) in enumerate(sets):
        files = sorted(f for d in dirs for f in d.rglob("*") if f.is_file())
        mb = sum(f.stat().st_size for f in files) / 1e6
        job = tmp / f"ga-{k}.toml"
        job.write_text(GA_JOB.format(sources=", ".join(json.dumps(str(d)) for d in dirs)))
        results, cats = [], []
        for r in range(n):
            # cat | wc -w, then the build, run by run: both see the same load.
            cats.append(cat_wc(files, 1)[0])
            out = tmp / f"ga-out-{k}-{r}"
            results.append(ga_build(dossier, job, out, store=False))
            shutil.rmtree(out, ignore_errors=True)
            w, c, m, t, _ = results[-1]
            print(f"  ga {label} run {r + 1}/{n}: {w:.1f} s wall ({t['read']:.1f} read), {c:.1f} s CPU, "
                  f"{m:.0f} MB peak; cat | wc -w {cats[-1]:.2f} s", flush=True)
        wall = median([x[0] for x in results])
        cat = median(cats)
        read = median([x[3]["read"] for x in results])
        peak = max(x[2] for x in results)
        cpu = median([x[1] for x in results])
        measured[label] = (wall, mb, peak, cpu)
        rows.append(row(f"GA {label}", f"{mb:.0f} MB", wall, mb / wall, "MB/s", peak,
                        f"{wall / cat:.1f}x cat | wc -w ({cat:.2f} s)", wall / cat <= 10,
                        note=f"{len(files)} files; wall seconds, median of {n}; read stage {read:.1f} s, "
                             f"export {median([export_wall(x[3]) for x in results]):.1f} s, CPU {cpu:.1f} s"))
    (hw, hmb, hpeak, hcpu), (fw, fmb, fpeak, fcpu) = measured[sets[-2][0]], measured[sets[-1][0]]
    rows.append(row("GA doubling: all sessions / half", f"x{fmb / hmb:.2f} MB", fw, fw / hw, "x time", fpeak,
                    f"wall x{fw / hw:.2f}, CPU x{fcpu / hcpu:.2f} for bytes x{fmb / hmb:.2f} (per byte: wall "
                    f"x{(fw / fmb) / (hw / hmb):.2f}, CPU x{(fcpu / fmb) / (hcpu / hmb):.2f}); peak memory "
                    f"x{fpeak / hpeak:.2f}", (fw / fmb) / (hw / hmb) <= 1.15,
                    note="1.00 per byte = linear"))

    # The one-file rebuild: a build with the store (as a scheduled build runs), one file
    # changed, built again; and built again with nothing changed.
    dirs = list(sessions)
    files = sorted(f for d in dirs for f in d.rglob("*.xml"))
    job = tmp / "ga-store.toml"
    job.write_text(GA_JOB.format(sources=", ".join(json.dumps(str(d)) for d in dirs)))
    out = tmp / "ga-store-out"
    full = ga_build(dossier, job, out)
    print(f"  ga full build with the store: {full[0]:.1f} s wall, {full[2]:.0f} MB peak", flush=True)
    changed = next(f for f in files if "English" in str(f))
    original = changed.read_text(encoding="utf-8")
    word = re.search(r"<p\b[^>]*>[^<]*?\bthe\b", original)  # in a paragraph's text
    rebuilds, unchanged = [], []
    try:
        for r in range(runs):
            # A different change each time, inside a paragraph's text: one resolution amended.
            at = word.end() if word else original.rfind("</")
            changed.write_text(original[:at] + f" amended{r}" + original[at:], encoding="utf-8")
            rebuilds.append(ga_build(dossier, job, out))
            w, c, m, t, reuse = rebuilds[-1]
            print(f"  ga one-file rebuild run {r + 1}/{runs}: {w:.1f} s wall (read {t['read']:.1f}, analyze "
                  f"{t['analyze']:.1f}, export {export_wall(t):.1f}), {m:.0f} MB peak; "
                  f"reuse {reuse.get('documents')}", flush=True)
        for r in range(runs):
            unchanged.append(ga_build(dossier, job, out))
            print(f"  ga rebuild, nothing changed, run {r + 1}/{runs}: {unchanged[-1][0]:.1f} s wall", flush=True)
    finally:
        changed.write_text(original, encoding="utf-8")
        shutil.rmtree(out, ignore_errors=True)
    fw = full[0]
    for label, res in (("GA one-file rebuild", rebuilds), ("GA rebuild, nothing changed", unchanged)):
        w = median([x[0] for x in res])
        t = [x[3] for x in res]
        stages = (f"read {median([x['read'] for x in t]):.1f} s, analyze {median([x['analyze'] for x in t]):.1f} s, "
                  f"export {median([export_wall(x) for x in t]):.1f} s")
        rows.append(row(label, f"{len(files)} files", w, w / fw * 100, "% of full", max(x[2] for x in res),
                        f"{w / fw * 100:.0f}% of the full build with the store ({fw:.1f} s)", w / fw <= 0.05,
                        note=f"median of {len(res)}; {stages}"))


def row(stage, size, seconds, rate, unit, peak_mb, ratio, met, note=""):
    return {"stage": stage, "size": size, "seconds": seconds, "rate": rate, "unit": unit, "peak_mb": peak_mb,
            "ratio": ratio, "met": met, "note": note}


def fmt_rate(rate, unit):
    if unit == "cells/s":
        return f"{rate / 1e3:.0f} k cells/s"
    if unit == "pages/s":
        return f"{rate:.1f} pages/s"
    if unit in ("x time", "% of full"):
        return f"{rate:.2f} {unit}" if unit == "x time" else f"{rate:.1f} {unit}"
    return f"{rate:.1f} {unit}"


def print_table(rows):
    print()
    print(f"{'stage':<34} {'size':>8} {'median s':>9} {'rate':>22} {'peak RSS':>9}  {'target':<6} ratio vs baseline / note")
    for r in rows:
        met = "" if r["met"] is None else ("met" if r["met"] else "NOT")
        extra = "; ".join(x for x in (r["ratio"], r["note"]) if x)
        peak = f"{r['peak_mb']:.0f} MB" if r["peak_mb"] == r["peak_mb"] else ""
        print(f"{r['stage']:<34} {r['size']:>8} {r['seconds']:>9.3f} {fmt_rate(r['rate'], r['unit']):>22} "
              f"{peak:>9}  {met:<6} {extra}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="10 MB, 2 runs, no micro-benchmarks (< 5 min)")
    ap.add_argument("--sizes", help="MB of text to build, comma-separated (default 10,100,1000; --quick 10)")
    ap.add_argument("--runs", type=int, help="runs per measurement (default 3; --quick 2); 1 at sizes >= 1000")
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write the rows as JSON to this file")
    ap.add_argument("--cache", default=str(BENCH / ".cache"), help="where scaled corpora are kept")
    ap.add_argument("--no-micro", action="store_true")
    ap.add_argument("--ga", nargs="?", const=str(ROOT.parent / "shared" / "eval" / "unga-sessions"), metavar="PATH",
                    help="the six-language GA benchmark instead (default PATH: ../shared/eval/unga-sessions)")
    ap.add_argument("--ga-long-runs", type=int, default=2, help="runs of the build of all sessions (default 2)")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="the Python with Debian's python3-xlsxwriter, python3-reportlab, python3-lxml")
    a = ap.parse_args()
    if a.ga:
        build = Path(a.build).resolve()
        need(build, ["dossier"], True)
        started = time.perf_counter()
        rows = []
        with tempfile.TemporaryDirectory(prefix="dossier-ga-") as tmp:
            tmp = Path(tmp)
            ga_bench(build / "bin" / "dossier", ga_unpack(a.ga, tmp), tmp, a.runs or 3, a.ga_long_runs, rows)
        print_table(rows)
        print(f"\ntargets: <= 10x cat | wc -w; doubling the corpus at most doubles the time (+-15%); one-file "
              f"rebuild <= 5% of the full build. Total {time.perf_counter() - started:.0f} s")
        if a.json:
            Path(a.json).write_text(json.dumps(rows, indent=1, default=str))
        return 0
    global PYTHON
    PYTHON = a.python
    probe = subprocess.run([PYTHON, "-c", "import xlsxwriter, reportlab, lxml"], capture_output=True)
    if probe.returncode != 0:
        sys.exit(f"{PYTHON} cannot import the baselines' libraries: apt-get install python3-xlsxwriter "
                 "python3-reportlab python3-lxml (or name another Python with --python)")
    build = Path(a.build).resolve()
    sizes = [float(s) if "." in s else int(s) for s in (a.sizes or ("10" if a.quick else "10,100,1000")).split(",")]
    runs = a.runs or (2 if a.quick else 3)
    micro = not a.quick and not a.no_micro
    need(build, ["dossier", "bench_read", "bench_export", "bench_xlsx", "bench_raw_feed", "bench_raw_brief"]
         + (["bench_micro"] if micro else []), a.quick)
    dossier = build / "bin" / "dossier"
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows = []
    builds = {}
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        tmp = Path(tmp)
        # Reading, one row per reader, on the smallest size (and the other readers' inputs).
        other = corpus(cache, 0, a.seed, "layout,pdf,akn", other_mb=2 if a.quick else 5)
        small = corpus(cache, sizes[0], a.seed) / "text"
        for reader, src in [("text", small), ("layout", other / "layout"), ("pdf", other / "pdf"),
                            ("akn", other / "akn")]:
            r = read_stage(build, reader, src, runs)
            mb = r["bytes"] / 1e6
            cpu = median([x["cpu_seconds"] for x in r["runs"]])
            wall = median([x["seconds"] for x in r["runs"]])
            note = (f"{r['files']} files, {r['blocks']} blocks, {r['recommendations']} recommendations; "
                    f"one thread, wall {wall:.2f} s")
            if reader == "pdf":
                pages = sum(int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(f)], capture_output=True,
                            text=True).stdout).group(1)) for f in sorted(src.glob("*.pdf")))
                note += f"; {pages} pages = {pages / cpu:.0f} pages/s per core"
            rows.append(row(f"read ({reader} reader alone)", f"{mb:.0f} MB", cpu, mb / cpu, "MB/s/core",
                            median([x["peak_mb"] for x in r["runs"]]), "", None, note))
            print(f"  read {reader}: {cpu:.2f} s CPU", flush=True)

        # The whole build at every size; mapping and per-exporter times from its manifest.
        for size in sizes:
            src = corpus(cache, size, a.seed) / "text"
            mb = dir_bytes(src) / 1e6
            n = 1 if size >= 1000 else runs
            res = whole_build(dossier, src, tmp, n, f"{size}")
            builds[size] = res
            t = [x["timings"] for x in res]
            label = f"{size} MB"
            peak = max(x["rss_mb"] for x in res)
            cpu = median([x["cpu"] for x in res])
            wall = median([x["wall"] for x in res])
            rows.append(row("dossier build (read+map+6 exporters)", label, cpu, mb / cpu, "MB/s/core", peak,
                            f"wall {wall:.1f} s = {mb / wall:.1f} MB/s on 2 cores", mb / cpu >= 20,
                            note=(f"{n} run" + ("s" if n > 1 else "") + "; seconds = CPU") +
                                 ("" if size < 1000 else f"; memory target {'met' if peak < 1024 else 'NOT met'}")))
            rows.append(row("  build: read stage (wall)", label, median([x["read"] for x in t]),
                            mb / median([x["read"] for x in t]), "MB/s", float("nan"), "", None, "all threads"))
            for an in ("sdg", "gcm"):
                s = median([x["analyzers_cpu"][an] for x in t])
                rows.append(row(f"  build: map {an} (CPU)", label, s, mb / s, "MB/s/core", float("nan"), "", None))
            s = median([sum(x["analyzers_cpu"].values()) for x in t])
            rows.append(row("  build: map sdg + gcm (CPU)", label, s, mb / s, "MB/s/core", float("nan"), "", None))
            for ex in res[0]["timings"]["export"]:
                s = median([x["export"][ex] for x in t])
                rows.append(row(f"  build: export {ex} (wall)", label, s, mb / s, "MB/s", float("nan"), "", None))
            # The exporters alone, with their baselines, on the first size's corpus.json.
            if size == sizes[0]:
                exporters_alone(build, res[0]["out"] / "corpus.json", tmp, runs, rows, label)
            for x in res:
                shutil.rmtree(x["out"], ignore_errors=True)

        # Scaling: time per MB and peak memory against the smallest size.
        if len(sizes) > 1:
            base = sizes[0]
            b = builds[base]
            b_rate = dir_bytes(corpus(cache, base, a.seed) / "text") / 1e6 / median([x["cpu"] for x in b])
            for size in sizes[1:]:
                r = builds[size]
                rate = dir_bytes(corpus(cache, size, a.seed) / "text") / 1e6 / median([x["cpu"] for x in r])
                rows.append(row("scaling: build CPU per MB", f"{size} MB", median([x["cpu"] for x in r]), rate,
                                "MB/s/core", max(x["rss_mb"] for x in r),
                                f"{b_rate / rate:.2f}x the CPU per MB of {base} MB (1.00 = linear); peak memory "
                                f"{max(x['rss_mb'] for x in r) / max(x['rss_mb'] for x in b):.1f}x", None))

        if micro:
            _, _, _, stdout = timed([str(build / "bin" / "bench_micro"), "--benchmark_format=json",
                                     "--benchmark_min_time=0.3"])
            for bm in json.loads(stdout)["benchmarks"]:
                if "bytes_per_second" in bm:
                    rate, unit = bm["bytes_per_second"] / 1e6, "MB/s"
                else:
                    rate, unit = bm.get("items_per_second", 0) / 1e6, "M items/s"
                rows.append(row(f"micro {bm['name']}", "", bm["cpu_time"] / {"s": 1, "ms": 1e3, "us": 1e6, "ns": 1e9}[bm["time_unit"]],
                                rate, unit, float("nan"), "", None, "Google Benchmark, CPU time per iteration"))

    print_table(rows)
    print("\ntargets: " + "; ".join(TARGETS.values()))
    print(f"{runs} runs per measurement (1 at 1000 MB and above), medians; total {time.perf_counter() - started:.0f} s")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
