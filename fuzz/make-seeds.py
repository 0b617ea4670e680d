#!/usr/bin/env python3
"""Regenerates fuzz/seeds/<target>/ from the sample corpus and the test data.

Seeds are small (most at most 4 KB) so that libFuzzer mutates them quickly. Run from
anywhere: python3 fuzz/make-seeds.py. It replaces the seed folders it writes; committed
crashers live in fuzz/regressions/ and are never touched here.
"""
import hashlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
CHUNK = 4096


def chunks(text: bytes, size=CHUNK, keep=None):
    """Cuts at line ends into pieces of at most `size` bytes; `keep` pieces spread evenly."""
    out, cur = [], b""
    for line in text.splitlines(keepends=True):
        if len(cur) + len(line) > size and cur:
            out.append(cur)
            cur = b""
        cur += line[:size]
    if cur:
        out.append(cur)
    if keep and len(out) > keep:
        step = len(out) / keep
        out = [out[int(i * step)] for i in range(keep)]
    return out


def write(target, name, data: bytes):
    d = SEEDS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def reset(target):
    shutil.rmtree(SEEDS / target, ignore_errors=True)


def text_reader():
    reset("text_reader")
    for f in sorted((ROOT / "samples" / "corpus").glob("*.txt")):
        for i, c in enumerate(chunks(f.read_bytes(), keep=8)):
            write("text_reader", f"{f.stem[:3]}-{i:02d}.txt", c)


def layout_reader():
    reset("layout_reader")
    upr = ROOT / "tests" / "data" / "upr-slovenia-2019"
    for f in sorted(upr.glob("A_HRC_*.txt")):
        data = f.read_bytes()
        # Pieces of whole pages: a page break, running heads and job numbers in each.
        pages = data.split(b"\f")
        picked = [0, 1, 2, len(pages) // 2, len(pages) - 2, len(pages) - 1]
        for i in sorted(set(p for p in picked if 0 <= p < len(pages))):
            piece = pages[i][:CHUNK - 1]
            nxt = pages[i + 1][:CHUNK // 2] if i + 1 < len(pages) else b""
            write("layout_reader", f"{f.stem[:12]}-p{i:03d}.txt", (piece + b"\f" + nxt)[:CHUNK])


def thin(elem, keep=2):
    """Keeps the first `keep` children of each run of same-tag siblings, recursively."""
    seen = {}
    for child in list(elem):
        seen[child.tag] = seen.get(child.tag, 0) + 1
        if seen[child.tag] > keep:
            elem.remove(child)
        else:
            thin(child, keep)
            for attr in ("text", "tail"):
                value = getattr(child, attr)
                if value and len(value) > 240:
                    setattr(child, attr, value[:240].rsplit(" ", 1)[0])


def akn_reader():
    reset("akn_reader")
    for f in sorted((ROOT / "tests" / "data" / "akn").glob("*.xml")):
        raw = f.read_bytes()
        for prefix, uri in re.findall(rb'xmlns:?([A-Za-z0-9_]*)="([^"]+)"', raw[:4096]):
            ET.register_namespace(prefix.decode(), uri.decode())
        tree = ET.ElementTree(ET.fromstring(raw))
        thin(tree.getroot(), 2)
        small = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
        write("akn_reader", f.stem[:16] + "-thin.xml", small)
        thin(tree.getroot(), 1)
        write("akn_reader", f.stem[:16] + "-min.xml",
              ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True))


def pdf_object_file(pages):
    """A small, valid PDF with a text layer: one content stream of lines per page."""
    objs = []
    kids = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page/content pairs.
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    for i, lines in enumerate(pages):
        page_id, content_id = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page_id} 0 R".encode())
        ops = [b"BT /F1 10 Tf 12 TL"]
        y = 780
        for indent, line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"1 0 0 1 {72 + indent * 6} {y} Tm ({esc}) Tj".encode("latin-1"))
            y -= 14
        ops.append(b"ET")
        stream = b"\n".join(ops)
        if i % 2:  # half the pages compressed, as real PDFs are
            stream = zlib.compress(stream)
            content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        else:
            content = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs.append((page_id, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                              b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id))
        objs.append((content_id, content))
    objs = [(1, b"<< /Type /Catalog /Pages 2 0 R >>"),
            (2, b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n_pages),
            (3, font)] + objs
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num, body in objs:
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for num in range(1, len(objs) + 1):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_reader():
    reset("pdf_reader")
    upr = (ROOT / "tests" / "data" / "upr-slovenia-2019" / "A_HRC_43_15_UPR_WG_report_Slovenia.txt")
    pages = upr.read_bytes().decode("utf-8").split("\f")
    for n, first in enumerate([0, 5, 20]):
        chosen = []
        for page in pages[first:first + 1 + n % 2]:
            lines = []
            for line in page.splitlines()[:50]:
                text = line.rstrip()
                indent = len(text) - len(text.lstrip())
                lines.append((indent // 2, text.strip().encode("latin-1", "replace").decode("latin-1")))
            chosen.append(lines)
        write("pdf_reader", f"upr-{first:02d}.pdf", pdf_object_file(chosen))
    # One page of a real UN PDF as poppler's pdfseparate writes it, when small enough.
    real = upr.parent / "g1925890.pdf"
    tmp = SEEDS / "pdf_reader" / "page-%d.pdf"
    if shutil.which("pdfseparate"):
        subprocess.run(["pdfseparate", "-f", "2", "-l", "2", str(real), str(tmp)], check=True)
        page = SEEDS / "pdf_reader" / "page-2.pdf"
        if page.stat().st_size > 65536:
            page.unlink()
        else:
            page.rename(SEEDS / "pdf_reader" / "g1925890-page2.pdf")


def job_loader():
    reset("job_loader")
    write("job_loader", "gfmd.toml", (ROOT / "samples" / "jobs" / "gfmd.toml").read_bytes())
    src = (ROOT / "tests" / "test_job.cpp").read_text()
    bodies = re.findall(r'R"\((.*?)\)"', src, re.S)
    bodies += [s.encode().decode("unicode_escape") for s in re.findall(r'"((?:[^"\\]|\\.)*\\n(?:[^"\\]|\\.)*)"', src)]
    for body in bodies:
        if "plugin" in body or "sources" in body:
            name = hashlib.sha1(body.encode()).hexdigest()[:10]
            write("job_loader", f"test-{name}.toml", body.encode())


def citation():
    reset("citation")
    for i, c in enumerate(["A/68/283 ¶135", "A/68/283 ¶50-54", "A/68/283 ¶50–54", "A/HRC/43/15 ¶121.1",
                           "A/RES/76/172 ¶4(a)", "A/68/283 para 135", "A/68/283 paras. 50 to 54",
                           "gfmd-2010 §6.1 #3", "gfmd-2010 #3", "gfmd-2010 §6.1.RT Session 1.1 #12",
                           "  E/CN.6/2020/3 PARA 7  "]):
        write("citation", f"c{i:02d}.txt", c.encode())


def aurora_query():
    reset("aurora_query")
    n = 0
    for f in sorted((ROOT / "sdk" / "data" / "aurora").glob("query_SDG*.xml")):
        raw = f.read_text(encoding="utf-8-sig")
        lines = re.findall(r"<aqd:query-line[^>]*>(.*?)</aqd:query-line>", raw, re.S)
        for line in lines[:3]:
            write("aurora_query", f"q{n:03d}.txt", " ".join(line.split()).encode())
            n += 1
        if f.stem in ("query_SDG10", "query_SDG5"):
            # The file cut to its first two query definitions: load_queries' input.
            head = raw[:raw.find("<aqd:query-definition>")]
            defs = re.findall(r"<aqd:query-definition>.*?</aqd:query-definition>", raw, re.S)[:2]
            defs = [re.sub(r"<aqd:subquery-descriptions>.*?</aqd:subquery-descriptions>", "", d, flags=re.S)
                    for d in defs]
            tail = "</aqd:query-definitions>\n</aqd:query>\n"
            body = "\n".join(defs)
            head = head[head.find("<aqd:query "):]  # from the root: input starting with '<'
            head = re.sub(r"<dc:description>.*?</dc:description>", "", head, flags=re.S)
            write("aurora_query", f"{f.stem}-cut.xml", (head + body + "\n" + tail).encode())


if __name__ == "__main__":
    for make in (text_reader, layout_reader, akn_reader, pdf_reader, job_loader, citation, aurora_query):
        make()
    for d in sorted(SEEDS.iterdir()):
        files = list(d.iterdir())
        print(f"{d.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
