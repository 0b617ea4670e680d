#!/usr/bin/env python3
"""Baseline: lxml (python3-lxml) writing the same feed.xml as the xml exporter.

Replays EVENTS.tsv (the exporter's own feed.xml as open / attribute / text / close events,
made by bench/run.py) into an lxml tree and writes it, as a user building the feed with lxml
would. Prints JSON: CPU and wall seconds of building and writing (loading the events is not
counted), per run.

    python3 bench/baselines/feed_lxml.py EVENTS.tsv OUT.xml [--runs R]
"""
from lxml import etree

from baseline import arguments, report, unescape


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
    a = arguments("events").parse_args()
    events = load(a.events)
    report(a.runs, lambda: write(events, a.out), events=len(events))


if __name__ == "__main__":
    main()
