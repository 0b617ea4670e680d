#!/usr/bin/env python3
"""Embed the SDK's reference data (sdk/data/) into C++ tables.

Run by CMake at build time (see sdk/CMakeLists.txt):

    embed-reference-data.py DATA_DIR OUTPUT_CPP OUTPUT_HPP

Reads DATA_DIR/sdg/<lang>/global_{goals,targets,indicators}.yml (open-sdg/sdg-translations)
DATA_DIR/gcm/objectives.csv and clusters.csv, and DATA_DIR/calendar/dates.csv and months.csv (how
a date is written in each language), checks them and writes OUTPUT_CPP (the tables) and
OUTPUT_HPP (their declarations, for sdk/src/reference_data.cpp). Standard library only.

The YAML files are flat maps of plain, single- or double-quoted scalars folded over indented
continuation lines ("10-7-title: Facilitate ...\\n  and mobility ..."): that subset is parsed
here, anything else is an error. Titles are trimmed and runs of white space (including the
line breaks that YAML folding keeps for blank lines, and no-break spaces) become one space,
and the text is put in Unicode NFC; it is otherwise kept as published.
"""

import csv
import os
import re
import sys
import unicodedata

# Language tag used by the SDK -> folder under DATA_DIR/sdg. English first: it is the
# fallback and every other language is checked against it.
LANGUAGES = [("en", "en"), ("fr", "fr"), ("es", "es"), ("ru", "ru"), ("ar", "ar"), ("zh", "zh-Hans")]
GOALS = 17
TARGETS = 169
GCM_OBJECTIVES = 23
GCM_CLUSTERS = 6

KEY = re.compile(r"^(\d+)(?:-(\d+|[a-z]))?(?:-(\d+))?-(title|short)$")


class DataError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# Flat YAML


def _fold(lines):
    """YAML line folding of a scalar's lines (already trimmed): the first and last lines are
    content even when empty; between two content lines, a space, or one line break for each
    empty line between them."""
    if not lines:
        return ""
    out = lines[0]
    breaks = 0
    for n, line in enumerate(lines[1:], start=1):
        if line == "" and n < len(lines) - 1:
            breaks += 1
            continue
        out += ("\n" * breaks if breaks else " ") + line
        breaks = 0
    return out


def _double_quoted_escapes(text, where):
    simple = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
              "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
              "N": "\u0085", "_": "\u00a0", "L": "\u2028", "P": "\u2029"}
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= len(text):
            raise DataError(f"{where}: dangling backslash")
        e = text[i + 1]
        if e in simple:
            out.append(simple[e])
            i += 2
        elif e in "xuU":
            n = {"x": 2, "u": 4, "U": 8}[e]
            digits = text[i + 2:i + 2 + n]
            if len(digits) != n or not re.fullmatch(r"[0-9A-Fa-f]+", digits):
                raise DataError(f"{where}: bad \\{e} escape")
            out.append(chr(int(digits, 16)))
            i += 2 + n
        else:
            raise DataError(f"{where}: unknown escape \\{e}")
    return "".join(out)


def _scalar(first, continuation, where):
    """The value of one key: `first` is the text after "key:", `continuation` the raw
    following lines that belong to it (indented or empty)."""
    lines = [line.strip(" \t") for line in [first] + list(continuation)]
    while lines and lines[0] == "":  # the value may start on the next line
        lines.pop(0)
    first = lines[0] if lines else ""
    if first.startswith("'") or first.startswith('"'):
        quote = first[0]
        body = "\n".join(lines)[1:]
        # Find the closing quote.
        i = 0
        while True:
            j = body.find(quote, i)
            if j < 0:
                raise DataError(f"{where}: unterminated {quote}-quoted value")
            if quote == "'" and body[j + 1:j + 2] == "'":
                i = j + 2
                continue
            if quote == '"':
                k = j - 1
                slashes = 0
                while k >= 0 and body[k] == "\\":
                    slashes += 1
                    k -= 1
                if slashes % 2:
                    i = j + 1
                    continue
            break
        rest = body[j + 1:].strip(" \t\n")
        if rest and not rest.startswith("#"):
            raise DataError(f"{where}: text after the closing quote: {rest[:20]!r}")
        inner = body[:j]
        parts = inner.split("\n")
        if quote == '"':
            # An escaped line break joins lines without a space.
            joined = []
            for n, part in enumerate(parts):
                if n + 1 < len(parts) and part.endswith("\\") and not part.endswith("\\\\"):
                    joined.append(part[:-1])
                    joined.append(None)  # marker: no folding space
                else:
                    joined.append(part)
            text = ""
            buffer = []
            for part in joined:
                if part is None:
                    text += _fold(buffer)
                    buffer = []
                    continue
                buffer.append(part)
            text += _fold(buffer) if buffer else ""
            return _double_quoted_escapes(text, where)
        return _fold(parts).replace("''", "'")
    if first[:1] in ("|", ">", "[", "{", "&", "*", "!", "%", "@", "`"):
        raise DataError(f"{where}: unsupported YAML construct {first[:1]!r}")
    # Plain scalar: a " #" starts a comment.
    stripped = []
    for line in lines:
        m = re.search(r"(^|\s)#", line)
        if m:
            raise DataError(f"{where}: comments inside values are not supported")
        if ": " in line or line.endswith(":"):
            raise DataError(f"{where}: ': ' inside a plain value (quote it)")
        stripped.append(line)
    while stripped and stripped[-1] == "":
        stripped.pop()
    return _fold(stripped)


def parse_flat_yaml(path):
    """{key: value} of a flat YAML map of strings."""
    with open(path, encoding="utf-8-sig") as f:
        raw = f.read().split("\n")
    result = {}
    i = 0
    while i < len(raw):
        line = raw[i].rstrip("\r")
        where = f"{path}:{i + 1}"
        if line.strip(" \t") == "" or line.lstrip(" \t").startswith("#") or line == "---":
            i += 1
            continue
        if line[0] in " \t":
            raise DataError(f"{where}: indented line outside a value")
        m = re.match(r"^([^\s:#'\"][^:]*?):(?:\s+(.*))?$", line)
        if not m:
            raise DataError(f"{where}: not a 'key: value' line")
        key, first = m.group(1), m.group(2) or ""
        j = i + 1
        while j < len(raw) and (raw[j].rstrip("\r") == "" or raw[j][0] in " \t"):
            j += 1
        # Trailing empty lines belong to no value unless a quoted value spans them.
        continuation = [r.rstrip("\r") for r in raw[i + 1:j]]
        if key in result:
            raise DataError(f"{where}: duplicate key {key}")
        result[key] = _scalar(first, continuation, where)
        i = j
    return result


def normalise(text):
    """NFC (the French, Spanish and Russian files spell accents with combining marks), then
    white space trimmed and collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------------------------------
# SDG and GCM data


def sort_key(code):
    """Official order: by goal, then numeric targets/indicators before lettered ones."""
    key = []
    for part in code.split("."):
        key.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return key


def load_sdg(data_dir):
    """{lang: {"goal": {code: title}, "short": {...}, "target": {...}, "indicator": {...}}}"""
    data = {}
    for lang, folder in LANGUAGES:
        tables = {"goal": {}, "short": {}, "target": {}, "indicator": {}}
        for name in ("goals", "targets", "indicators"):
            path = os.path.join(data_dir, "sdg", folder, f"global_{name}.yml")
            for key, value in parse_flat_yaml(path).items():
                m = KEY.match(key)
                if not m:
                    raise DataError(f"{path}: unexpected key {key}")
                goal, target, indicator, kind = m.groups()
                code = ".".join(p for p in (goal, target, indicator) if p is not None)
                if kind == "short":
                    table = "short" if target is None else None
                else:
                    table = ("goal" if target is None else
                             "target" if indicator is None else "indicator")
                expected = {"goals": ("goal", "short"), "targets": ("target",),
                            "indicators": ("indicator",)}[name]
                if table not in expected:
                    raise DataError(f"{path}: key {key} does not belong in this file")
                title = normalise(value)
                if not title:
                    raise DataError(f"{path}: empty value for {key}")
                tables[table][code] = title
        data[lang] = tables

    goal_codes = [str(n) for n in range(1, GOALS + 1)]
    english = data["en"]
    for lang, tables in data.items():
        for table in ("goal", "short"):
            if sorted(tables[table], key=sort_key) != goal_codes:
                raise DataError(f"{lang}: {table} titles are not exactly goals 1..{GOALS}")
        if len(tables["target"]) != TARGETS:
            raise DataError(f"{lang}: {len(tables['target'])} targets, expected {TARGETS}")
        for table in ("target", "indicator"):
            extra = set(tables[table]) - set(english[table])
            if extra:
                raise DataError(f"{lang}: {table} codes unknown in English: {sorted(extra)}")
    for code in english["target"]:
        if code.split(".")[0] not in goal_codes:
            raise DataError(f"en: target {code} of no goal")
    for code in english["indicator"]:
        if code.rsplit(".", 1)[0] not in english["target"]:
            raise DataError(f"en: indicator {code} of no target")
    return data


def load_numbered(data_dir, name, column, count):
    """[(n, title)] from DATA_DIR/gcm/NAME.csv: rows numbered 1..count in COLUMN, each with a title."""
    path = os.path.join(data_dir, "gcm", name + ".csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    items = []
    for n, row in enumerate(rows, start=1):
        if row.get(column, "").strip() != str(n):
            raise DataError(f"{path}: row {n} is {column} {row.get(column)!r}")
        title = normalise(row.get("title") or "")
        if not title:
            raise DataError(f"{path}: {column} {n} has no title")
        items.append((n, title))
    if len(items) != count:
        raise DataError(f"{path}: {len(items)} rows, expected {count}")
    return items


def load_gcm(data_dir):
    return load_numbered(data_dir, "objectives", "objective", GCM_OBJECTIVES)


def load_gcm_clusters(data_dir):
    return load_numbered(data_dir, "clusters", "cluster", GCM_CLUSTERS)


def load_calendar(data_dir):
    """[(language, date format, month format, first day, months with a day, months alone)],
    one per language of LANGUAGES, in that order."""
    folder = os.path.join(data_dir, "calendar")
    formats, months = {}, {}
    path = os.path.join(folder, "dates.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            lang = row.get("language", "")
            date, month = normalise(row.get("date") or ""), normalise(row.get("month") or "")
            for slot in ("{day}", "{month}", "{year}"):
                if slot not in date:
                    raise DataError(f"{path}: {lang}: the date format has no {slot}")
            if "{month}" not in month or "{year}" not in month:
                raise DataError(f"{path}: {lang}: the month format needs {{month}} and {{year}}")
            formats[lang] = (date, month, normalise(row.get("first_day") or ""))
    path = os.path.join(folder, "months.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names = [normalise(row.get(str(m)) or "") for m in range(1, 13)]
            if not all(names):
                raise DataError(f"{path}: {row.get('language')} {row.get('use')}: a month has no name")
            months[(row.get("language"), row.get("use"))] = names
    table = []
    for lang, _ in LANGUAGES:
        if lang not in formats:
            raise DataError(f"{folder}/dates.csv: no row for {lang}")
        for use in ("with_day", "alone"):
            if (lang, use) not in months:
                raise DataError(f"{folder}/months.csv: no row {lang},{use}")
        table.append((lang, *formats[lang], months[(lang, "with_day")], months[(lang, "alone")]))
    return table


# ---------------------------------------------------------------------------------------
# C++ output


def cpp_string(text):
    """A C++ string literal of the UTF-8 bytes of `text`: printable ASCII as is, other
    bytes as \\x escapes; a literal is split after an escape followed by a hex digit."""
    out = ['"']
    after_hex = False
    for byte in text.encode("utf-8"):
        c = chr(byte)
        if 0x20 <= byte < 0x7F and c not in '"\\?':
            if after_hex and c in "0123456789abcdefABCDEF":
                out.append('" "')
            out.append(c)
            after_hex = False
        elif c in '"\\?':
            out.append("\\" + c)
            after_hex = False
        else:
            out.append(f"\\x{byte:02x}")
            after_hex = True
    out.append('"')
    return "".join(out)


HEADER = """\
// Generated by scripts/embed-reference-data.py from sdk/data/: do not edit.
// Declarations of the reference data tables embedded into libdossier_sdk.
#pragma once

#include <cstddef>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace reference_data_detail {

/// One title of an SDG goal, target or indicator in one language ("en", "fr", "es", "ru",
/// "ar", "zh"). Rows are in official code order, then in that language order.
struct TitleRow {
  const char* code;      ///< "10", "10.7", "10.7.1"
  const char* language;  ///< "en"
  const char* title;     ///< UTF-8
};

/// One GCM objective, English title.
struct GcmRow {
  int number;
  const char* title;
};

extern const TitleRow kGoalTitles[];
extern const std::size_t kGoalTitleCount;
extern const TitleRow kGoalShortTitles[];
extern const std::size_t kGoalShortTitleCount;
extern const TitleRow kTargetTitles[];
extern const std::size_t kTargetTitleCount;
extern const TitleRow kIndicatorTitles[];
extern const std::size_t kIndicatorTitleCount;
extern const GcmRow kGcmObjectives[];
extern const std::size_t kGcmObjectiveCount;
/// The GCM's six thematic clusters (A/RES/71/280), English titles.
extern const GcmRow kGcmClusters[];
extern const std::size_t kGcmClusterCount;

/// How a date is written in one language: formats with {day}, {month} and {year}, the day 1
/// when it is written otherwise ("1er"; empty: as a number), and the month names with a day
/// and alone (Russian: genitive and nominative).
struct CalendarRow {
  const char* language;
  const char* date;
  const char* month;
  const char* first_day;
  const char* months_with_day[12];
  const char* months_alone[12];
};
extern const CalendarRow kCalendars[];
extern const std::size_t kCalendarCount;

/// The Aurora SDG queries v5 (CC BY 4.0), one XML file per goal, goals 1 to 17 in order.
extern const char* const kAuroraQueries[];
extern const std::size_t kAuroraQueryCount;

/// The project's curated vocabularies (sdk/data/vocabulary/NAME.toml), as text.
struct VocabularyRow {
  const char* name;  ///< "sdg", "gcm"
  const char* toml;
};
extern const VocabularyRow kVocabularies[];
extern const std::size_t kVocabularyCount;

}  // namespace reference_data_detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
"""


def title_table(name, data, table):
    codes = sorted(data["en"][table], key=sort_key)
    lines = [f"const TitleRow {name}[] = {{"]
    count = 0
    for code in codes:
        for lang, _ in LANGUAGES:
            title = data[lang][table].get(code)
            if title is None:
                continue
            lines.append(f"    {{{cpp_string(code)}, {cpp_string(lang)}, {cpp_string(title)}}},")
            count += 1
    lines.append("};")
    lines.append(f"const std::size_t {name[:-1] if name.endswith('s') else name}Count = {count};")
    return "\n".join(lines)


def write(path, text):
    """Written even when unchanged: the build compares its date with the inputs'."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 4:
        print(f"usage: {argv[0]} DATA_DIR OUTPUT_CPP OUTPUT_HPP", file=sys.stderr)
        return 2
    data_dir, output_cpp, output_hpp = argv[1:]
    try:
        sdg = load_sdg(data_dir)
        gcm = load_gcm(data_dir)
        clusters = load_gcm_clusters(data_dir)
        calendars = load_calendar(data_dir)
        vocabularies = []
        vocabulary_dir = os.path.join(data_dir, "vocabulary")
        if os.path.isdir(vocabulary_dir):
            for name in sorted(os.listdir(vocabulary_dir)):
                if name.endswith(".toml"):
                    with open(os.path.join(vocabulary_dir, name), encoding="utf-8") as f:
                        vocabularies.append((name[:-5], f.read()))
        aurora = []
        for goal in range(1, 18):
            with open(os.path.join(data_dir, "aurora", f"query_SDG{goal}.xml"), encoding="utf-8-sig") as f:
                aurora.append(f.read())
    except (DataError, OSError, UnicodeDecodeError, csv.Error) as e:
        print(f"embed-reference-data: error: {e}", file=sys.stderr)
        return 1

    parts = [
        "// Generated by scripts/embed-reference-data.py from sdk/data/: do not edit.",
        "// SDG titles: open-sdg/sdg-translations (MIT); GCM objectives: A/RES/73/195; GCM clusters:",
        "// A/RES/71/280; calendar: UN editorial usage per language.",
        "// See sdk/data/README.md.",
        f'#include "{os.path.basename(output_hpp)}"',
        "",
        "namespace dossier {",
        "DOSSIER_ABI_NAMESPACE_BEGIN",
        "namespace reference_data_detail {",
        "",
        title_table("kGoalTitles", sdg, "goal"),
        "",
        title_table("kGoalShortTitles", sdg, "short"),
        "",
        title_table("kTargetTitles", sdg, "target"),
        "",
        title_table("kIndicatorTitles", sdg, "indicator"),
        "",
        "const GcmRow kGcmObjectives[] = {",
        *[f"    {{{n}, {cpp_string(t)}}}," for n, t in gcm],
        "};",
        f"const std::size_t kGcmObjectiveCount = {len(gcm)};",
        "",
        "const GcmRow kGcmClusters[] = {",
        *[f"    {{{n}, {cpp_string(t)}}}," for n, t in clusters],
        "};",
        f"const std::size_t kGcmClusterCount = {len(clusters)};",
        "",
        "const CalendarRow kCalendars[] = {",
        *[f"    {{{cpp_string(lang)}, {cpp_string(date)}, {cpp_string(month)}, {cpp_string(first)},\n"
          f"     {{{', '.join(cpp_string(m) for m in with_day)}}},\n"
          f"     {{{', '.join(cpp_string(m) for m in alone)}}}}},"
          for lang, date, month, first, with_day, alone in calendars],
        "};",
        f"const std::size_t kCalendarCount = {len(calendars)};",
        "",
        "const char* const kAuroraQueries[] = {",
        *[f"    {cpp_string(x)}," for x in aurora],
        "};",
        f"const std::size_t kAuroraQueryCount = {len(aurora)};",
        "",
        "const VocabularyRow kVocabularies[] = {",
        *[f"    {{{cpp_string(n)}, {cpp_string(t)}}}," for n, t in vocabularies],
        '    {"", ""},  // keeps the array non-empty',
        "};",
        f"const std::size_t kVocabularyCount = {len(vocabularies)};",
        "",
        "}  // namespace reference_data_detail",
        "DOSSIER_ABI_NAMESPACE_END",
        "}  // namespace dossier",
        "",
    ]
    write(output_hpp, HEADER)
    write(output_cpp, "\n".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
