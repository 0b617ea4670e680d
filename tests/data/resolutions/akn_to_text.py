#!/usr/bin/env python3
"""Plain text of an Akoma Ntoso resolution, laid out as the UN prints it (symbol, title,
formula, preambular paragraphs, numbered operative paragraphs with their points), without
markup: what a text or PDF reader meets when a resolution arrives without its XML.
Footnotes are left out. Usage: akn_to_text.py FILE.xml > FILE.txt"""
import sys
import xml.etree.ElementTree as ET

NS = '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}'


def raw(e, skip):
    out = [e.text or '']
    for c in e:
        if c.tag.replace(NS, '') not in skip:
            out.append(raw(c, skip))
        out.append(c.tail or '')
    return ''.join(out)


def text(e, skip=('authorialNote', 'num', 'point')):
    return ' '.join(raw(e, skip).split())


root = ET.parse(sys.argv[1]).getroot()
doc = root[0]
numbers = [text(n) for n in doc.iter(f'{NS}docNumber')]
titles = [text(t) for t in doc.iter(f'{NS}docTitle')]
lines = ['United Nations ' + (numbers[0] if numbers else ''), '', 'General Assembly', '']
lines += [t for t in titles] + ['']
lines += [n for n in numbers[1:]] + ['']
for c in doc.find(f'{NS}preamble'):
    lines += [text(c), '']
for p in doc.find(f'{NS}mainBody').findall(f'{NS}paragraph'):
    num = p.find(f'{NS}num')
    body = text(p)
    lines += [((num.text.strip() + ' ') if num is not None else '') + body, '']
    for point in p.iter(f'{NS}point'):
        pnum = point.find(f'{NS}num')
        lines += [(pnum.text.strip() + ' ' if pnum is not None else '') + text(point), '']
# Annexes: "Annex" and its heading, then its paragraphs, numbered afresh.
for attachment in doc.iter(f'{NS}attachment'):
    lines += ['', 'Annex', '']
    for body in attachment.iter(f'{NS}mainBody'):
        for p in body.findall(f'{NS}paragraph'):
            num = p.find(f'{NS}num')
            body_text = text(p)
            if body_text.strip() == 'Annex':
                continue
            lines += [((num.text.strip() + ' ') if num is not None else '') + body_text, '']
print('\n'.join(lines))
