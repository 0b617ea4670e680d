#!/usr/bin/env python3
"""Deterministic corpus scaler: grows the sample corpus to N MB of varied converted text.

Every generated document takes the line skeleton of one real source (samples/corpus/*.txt):
its headings, numbered paragraphs, lists, footnote lines and recommendation sections stay
where they were, so the text reader finds the same kinds of structure. The prose is mixed
and varied, so that no file is a verbatim copy of another:

* the text after a paragraph's number (`50. `, `(a) `, ...) is exchanged, with seeded
  probability, for the text of a paragraph of the same kind (numbered or not, recommending
  or not) from any source, so documents are assembled from shuffled paragraphs of all sources
  while each keeps its own numbering;
* words are varied: synonyms swapped, years and amounts changed, country names exchanged;
* the document's UN symbol (`A/68/283`) becomes a new unique one, so every file is its own
  document (`id`) and citations between paragraphs still parse.

    python3 bench/scale_corpus.py --size-mb 10 --seed 1 --out DIR [--kinds text,layout,pdf,akn]

`text` writes DIR/text/*.txt (size-mb of them). The other kinds, for the other readers, are
smaller (a few MB): `layout` varies the two `pdftotext -layout` reports of
tests/data/upr-slovenia-2019 the same way (keeping their columns), `pdf` copies the two real
PDFs there under several names (a PDF cannot be varied without re-typesetting it; the reader
still parses each copy in full), `akn` varies the text inside the Akoma Ntoso resolutions of
tests/data/akn (element structure kept, new FRBR numbers). Same seed, same bytes.
"""
import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_SOURCES = sorted((ROOT / "samples" / "corpus").glob("*.txt"))
LAYOUT_SOURCES = sorted((ROOT / "tests" / "data" / "upr-slovenia-2019").glob("*.txt"))
PDF_SOURCES = sorted((ROOT / "tests" / "data" / "upr-slovenia-2019").glob("*.pdf"))
AKN_SOURCES = sorted((ROOT / "tests" / "data" / "akn").glob("*.xml"))

SYNONYMS = [
    ("encourage", "urge"), ("ensure", "guarantee"), ("strengthen", "reinforce"), ("improve", "enhance"),
    ("measures", "steps"), ("efforts", "endeavours"), ("important", "essential"), ("protection", "safeguarding"),
    ("promote", "foster"), ("continue", "pursue"), ("adopt", "enact"), ("establish", "set up"),
    ("effective", "efficient"), ("access", "entry"), ("support", "assistance"), ("policies", "strategies"),
    ("framework", "structure"), ("implementation", "execution"), ("cooperation", "collaboration"),
    ("increase", "raise"), ("reduce", "lower"), ("develop", "build"), ("consider", "examine"),
    ("significant", "considerable"), ("various", "diverse"), ("particularly", "especially"),
    ("However", "Nevertheless"), ("Furthermore", "Moreover"), ("discussion", "debate"), ("challenges", "difficulties"),
]
COUNTRIES = [
    "Mexico", "Slovenia", "Philippines", "Morocco", "Ecuador", "Bangladesh", "Sweden", "Germany", "Senegal",
    "Switzerland", "Turkey", "India", "Ghana", "Kenya", "Colombia", "Indonesia", "Nepal", "Jordan", "Canada",
    "Italy", "Spain", "Brazil", "Peru", "Chile", "Tunisia", "Ethiopia", "Viet Nam", "Mauritius", "Belgium",
]
SWAP = {}
for a, b in SYNONYMS:
    SWAP[a], SWAP[b] = b, a
WORDS = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(set(SWAP) | set(COUNTRIES), key=len, reverse=True))
                   + r"|(?:19[89]\d|20[0-3]\d)|\d{2,3}(?= per cent| million| billion| migrants))\b")
# The text after a paragraph's own number or letter: what may be exchanged between documents.
MARKER = re.compile(r"^(\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z]{1,4}\)|[a-z]\)|[•·\-–*])\s+)(\S.*)$")
SYMBOL = re.compile(r"\b([AES])/((?:HRC/)?(?:RES/)?\d{1,3})/(\d{1,4})\b")
RECOMMENDING = re.compile(r"\b(recommend|should|urge|encourage|call upon|calls upon)", re.I)


def vary_words(line, rng):
    """Seeded word-level variation of one line of prose."""
    def swap(m):
        w = m.group(0)
        if rng.random() < 0.5:
            return w
        if w in SWAP:
            return SWAP[w]
        if w in COUNTRIES:
            return rng.choice(COUNTRIES)
        if len(w) == 4:
            return str(rng.randint(1990, 2030))
        return str(rng.randint(10, 999))
    return WORDS.sub(swap, line)


class Pool:
    """Paragraph texts of all sources by kind: (numbered, recommending, long)."""

    def __init__(self, texts):
        self.kinds = {}
        for text in texts:
            for line in text.split("\n"):
                m = MARKER.match(line)
                body = m.group(2) if m else line
                if not self.prose(body):
                    continue  # headings, table cells, short list items stay where they are
                self.kinds.setdefault(self.kind(m, body), []).append(body)

    @staticmethod
    def prose(body):
        return len(body) >= 80 and "\t" not in body and not body.isupper()

    @staticmethod
    def kind(marker, body):
        return (marker is not None, bool(RECOMMENDING.search(body)))

    def exchange(self, line, rng, p):
        m = MARKER.match(line)
        body = m.group(2) if m else line
        if not self.prose(body) or rng.random() >= p:
            return line
        others = self.kinds.get(self.kind(m, body))
        new = rng.choice(others) if others else body
        return (m.group(1) if m else "") + new


def new_symbols(text, k):
    """Every UN symbol in the document gets document number k folded into its last part, the
    same way everywhere in the file, so the document's own symbol (its id) is unique."""
    return SYMBOL.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}{k:05d}", text)


def generate(sources, pool, out, size_bytes, rng, prefix, suffix, p_exchange=0.6, vary_layout=False):
    """Writes documents into out until size_bytes are written; returns (files, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    texts = [s.read_text(encoding="utf-8") for s in sources]
    weights = [len(t) for t in texts]
    written = files = 0
    while written < size_bytes:
        t = rng.choices(range(len(texts)), weights=weights)[0]
        lines = texts[t].split("\n")
        doc = []
        for i, line in enumerate(lines):
            if not vary_layout and i >= 20:  # the head (symbol, title, date) keeps its lines
                line = pool.exchange(line, rng, p_exchange)
            doc.append(vary_words(line, rng))
        body = new_symbols("\n".join(doc), files)
        data = body.encode("utf-8")
        (out / f"{prefix}{files:06d}_{sources[t].stem[:24]}{suffix}").write_bytes(data)
        written += len(data)
        files += 1
    return files, written


def vary_akn(src, k, rng):
    """An Akoma Ntoso resolution with its text varied and its number made unique: only the
    text between tags changes, so the element structure the reader walks stays the same."""
    xml = src.read_text(encoding="utf-8")
    xml = re.sub(r">([^<>]{20,})<", lambda m: ">" + vary_words(m.group(1), rng) + "<", xml)
    # The resolution number appears in FRBR URIs (75-226) and the docNumber (A/RES/75/226).
    xml = re.sub(r"\b(\d{2})-(\d{3})\b", lambda m: f"{m.group(1)}-{m.group(2)}{k:04d}", xml)
    return new_symbols(xml, k)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, required=True, help="MB (10^6 bytes) of text documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--kinds", default="text", help="comma-separated: text, layout, pdf, akn")
    parser.add_argument("--other-mb", type=float, default=5, help="MB of layout / AKN input; PDFs: copies ~ this")
    args = parser.parse_args()
    out = Path(args.out)
    kinds = args.kinds.split(",")
    report = {}
    if "text" in kinds:
        rng = random.Random(args.seed)
        pool = Pool(s.read_text(encoding="utf-8") for s in TEXT_SOURCES)
        report["text"] = generate(TEXT_SOURCES, pool, out / "text", args.size_mb * 1e6, rng, "t", ".txt")
    if "layout" in kinds:
        rng = random.Random(args.seed + 1)
        # Layout text keeps its lines (columns, running heads, page breaks): words only.
        report["layout"] = generate(LAYOUT_SOURCES, None, out / "layout", args.other_mb * 1e6, rng, "l", ".txt",
                                    vary_layout=True)
    if "pdf" in kinds:
        d = out / "pdf"
        d.mkdir(parents=True, exist_ok=True)
        size = sum(p.stat().st_size for p in PDF_SOURCES)
        copies = max(1, round(args.other_mb * 1e6 / 4 / size))  # PDFs are ~4x their text; keep it small
        n = written = 0
        for c in range(copies):
            for p in PDF_SOURCES:
                (d / f"p{c:04d}_{p.name}").write_bytes(p.read_bytes())
                n, written = n + 1, written + p.stat().st_size
        report["pdf"] = (n, written)
    if "akn" in kinds:
        rng = random.Random(args.seed + 2)
        d = out / "akn"
        d.mkdir(parents=True, exist_ok=True)
        n = written = 0
        while written < args.other_mb * 1e6:
            src = AKN_SOURCES[n % len(AKN_SOURCES)]
            data = vary_akn(src, n, rng).encode("utf-8")
            (d / f"a{n:05d}_{src.name}").write_bytes(data)
            n, written = n + 1, written + len(data)
        report["akn"] = (n, written)
    for kind, (n, written) in report.items():
        print(f"{kind}: {n} files, {written / 1e6:.1f} MB in {out / kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
