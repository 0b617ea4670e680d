#!/usr/bin/env python3
"""Baseline: lxml (python3-lxml) writing the same feed.xml as the xml exporter.

Replays EVENTS.tsv (the exporter's own feed.xml as open / attribute / text / close events,
made by bench/run.py) into an lxml tree and writes it, as a user building the feed with lxml
would. Prints JSON: CPU and wall seconds of building and writing (loading the events is not
counted), per run.

    python3 bench/baselines/feed_lxml.py EVENTS.tsv OUT.xml [--runs R]
"""
import argparse
import json
import time

from lxml import etree


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            c = {"n": "\n", "t": "\t", "r": "\r"}.get(s[i], s[i])
        out.append(c)
        i += 1
    return "".join(out)


def load(path):
    events = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            kind, rest = line[0], line[2:]
            if kind == "a":
                name, _, value = rest.partition("\t")
                events.append((kind, name, unescape(value)))
            elif kind == "t":
                events.append((kind, None, unescape(rest)))
            else:
                events.append((kind, rest, None))
    return events


def write(events, path):
    root = None
    stack = []
    for kind, name, value in events:
        if kind == "o":
            el = etree.SubElement(stack[-1], name) if stack else etree.Element(name)
            if root is None:
                root = el
            stack.append(el)
        elif kind == "a":
            stack[-1].set(name, value)
        elif kind == "t":
            el = stack[-1]
            if len(el):
                el[-1].tail = (el[-1].tail or "") + value
            else:
                el.text = (el.text or "") + value
        elif kind == "c":
            stack.pop()
    etree.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("events")
    p.add_argument("out")
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    events = load(a.events)
    runs = []
    for _ in range(a.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        write(events, a.out)
        runs.append({"seconds": time.perf_counter() - w0, "cpu_seconds": time.process_time() - c0})
    print(json.dumps({"runs": runs, "events": len(events)}))


if __name__ == "__main__":
    main()
