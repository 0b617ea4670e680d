#!/usr/bin/env python3
"""The TrueType fonts a PDF embeds (FontFile2 streams): one line per font, its name and the
number of glyphs in the embedded program (the 'maxp' table), read from the file's bytes.

    python3 tests/pdf_embedded_fonts.py FILE.pdf   ->   "DejaVuSans-Bold,Bold 74"

With --extract DIR, each font program is also written to DIR/NAME.ttf (bench/run.py gives them
to the raw libharu baseline).
"""
import re
import struct
import sys
import zlib


def objects(pdf):
    """Object number -> (dictionary text, stream bytes or None)."""
    out = {}
    for m in re.finditer(rb"(?m)^(\d+) 0 obj\s*(.*?)endobj", pdf, re.S):
        body = m.group(2)
        stream = None
        s = re.search(rb"stream\r?\n", body)
        if s:
            head = body[:s.start()]
            stream = body[s.end():]
            body = head
        out[int(m.group(1))] = (body, stream)
    return out


def length(objs, dictionary):
    ref = re.search(rb"/Length (\d+) 0 R", dictionary)
    if ref:
        return int(objs[int(ref.group(1))][0].strip())
    return int(re.search(rb"/Length (\d+)", dictionary).group(1))


def glyph_count(font):
    tables = struct.unpack(">H", font[4:6])[0]
    for i in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        if tag == b"maxp":
            return struct.unpack(">H", font[offset + 4:offset + 6])[0]
    raise SystemExit("no maxp table")


def main():
    args = sys.argv[1:]
    extract = None
    if "--extract" in args:
        at = args.index("--extract")
        extract = args[at + 1]
        del args[at:at + 2]
    pdf = open(args[0], "rb").read()
    objs = objects(pdf)
    for number, (dictionary, _) in sorted(objs.items()):
        ref = re.search(rb"/FontFile2 (\d+) 0 R", dictionary)
        if not ref:
            continue
        name = re.search(rb"/FontName /([^\s/>]+)", dictionary).group(1).decode()
        fdict, stream = objs[int(ref.group(1))]
        data = stream[:length(objs, fdict)]
        if b"/FlateDecode" in fdict:
            data = zlib.decompress(data)
        name = name.split("+", 1)[-1]
        print(name, glyph_count(data))
        if extract:
            with open(f"{extract}/{name}.ttf", "wb") as out:
                out.write(data)


main()
