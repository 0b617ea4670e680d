"""What the baseline scripts share around the writing they time: the dumps' escapes, the
command line (INPUT OUT [--runs R]) and the timed runs with the JSON they print.

Only the writing itself (each script's write()) is what a user of that library would write.
"""
import argparse
import json
import time


def unescape(s):
    """A field of bench/run.py's and bench/xlsx.py's line-based dumps: \\n \\t \\r and \\\\ escaped."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            c = {"n": "\n", "t": "\t", "r": "\r"}.get(s[i], s[i])
        out.append(c)
        i += 1
    return "".join(out)


def arguments(input_name):
    """The parser of `SCRIPT INPUT OUT [--runs R]`; a script adds its own flags before parsing."""
    p = argparse.ArgumentParser()
    p.add_argument(input_name)
    p.add_argument("out")
    p.add_argument("--runs", type=int, default=3)
    return p


def report(runs, write, **counts):
    """Calls write() `runs` times and prints JSON: wall and CPU seconds of each run, and `counts`."""
    timings = []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        write()
        timings.append({"seconds": time.perf_counter() - w0, "cpu_seconds": time.process_time() - c0})
    print(json.dumps({"runs": timings, **counts}))
