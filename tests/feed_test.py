#!/usr/bin/env python3
"""The sample job's Atom feed as a feed reader sees it (issue 24): builds samples/jobs/gfmd.toml
and reads atom.xml with a real feed client, Debian's python3-feedparser. The feed must parse
without error (no bozo), say where it lives (rel="self"), and every entry must have a title
made of words (no catalogue or file-hash id, no `scheme:code` token, no pilcrow), an alternate
link that leads somewhere (the UN's document system, or a file the build wrote), and its own
dates, not one time for all. Built again with nothing changed, the feed is the same, byte for
byte; with `base_url` every link is absolute.

Usage: feed_test.py DOSSIER SOURCE_DIR WORK_DIR  (with a python3 that has feedparser)
"""
import os
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.parse

import feedparser

dossier, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
job = os.path.join(source, "samples", "jobs", "gfmd.toml")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def check(what, ok):
    print(("ok:   " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def build(job_file, out, epoch):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    r = subprocess.run([dossier, "-q", "build", job_file, "--out", out], env=env, capture_output=True, text=True)
    check(f"{os.path.basename(job_file)} builds into {os.path.basename(out)} (exit {r.returncode})", r.returncode == 0)
    if r.returncode != 0:
        print(r.stderr)
        sys.exit(1)
    return os.path.join(out, "atom.xml")


out = os.path.join(work, "out")
path = build(job, out, 1700000000)
with open(path, "rb") as f:
    first_bytes = f.read()
feed = feedparser.parse(path)
check(f"feedparser reads it without error (bozo: {feed.get('bozo_exception')!r})", not feed.bozo)
check("it is Atom 1.0", feed.version == "atom10")
selfs = [l.href for l in feed.feed.get("links", []) if l.get("rel") == "self"]
check(f"the feed links to itself with rel=self ({selfs})", selfs == ["atom.xml"])
check("the feed has a title and an updated time", bool(feed.feed.get("title")) and feed.feed.get("updated_parsed"))
entries = feed.entries
check(f"{len(entries)} entries", len(entries) > 200)

# --- titles of words ------------------------------------------------------------------------
with open(os.path.join(source, "samples", "catalogue.toml"), "rb") as f:
    catalogue_ids = [d["id"] for d in tomllib.load(f)["document"] if "id" in d]
opaque = re.compile(r"\b\d{3}-[0-9a-f]{16}\b|\b(?:sdg|gcm):[0-9a-z.-]+\b|\bcluster-\d\b|[\u00b6\u00a7]")
bad_titles = [e.title for e in entries
              if opaque.search(e.title) or any(i in e.title for i in catalogue_ids)
              or len(re.findall(r"[^\W\d_]{3,}", e.title)) < 4]
check(f"every title is words: a citation and the start of the text ({bad_titles[:2]})", not bad_titles)

# --- a link that leads somewhere ------------------------------------------------------------
no_link = [e.id for e in entries if not [l for l in e.get("links", []) if l.get("rel") == "alternate"]]
check(f"every entry has an alternate link ({len(no_link)} without)", not no_link)
missing = set()
for e in entries:
    href = e.link
    if href.startswith("https://docs.un.org/en/"):
        continue
    # Relative: resolved against the feed's own address, as a feed reader does.
    target = urllib.parse.urljoin("file://" + path, href)
    if not (target.startswith("file://") and os.path.isfile(urllib.parse.unquote(target[len("file://"):]))):
        missing.add(href)
check(f"each link is the UN's document system or a file the build wrote ({sorted(missing)[:3]})", not missing)
check("A/68/283's entries link to the UN's document system",
      sum(1 for e in entries if e.link == "https://docs.un.org/en/A/68/283") == 17)

# --- its own dates --------------------------------------------------------------------------
undated = [e.id for e in entries if not e.get("updated_parsed") or not e.get("published_parsed")]
check(f"every entry has updated and published times ({len(undated)} without)", not undated)
dates = {e.get("updated") for e in entries}
check(f"entries are not all of one time ({len(dates)} different)", len(dates) > 1)
p127 = [e for e in entries if e.title.startswith("A/68/283, para. 127 ")]
check("an entry never changed is as old as its document (A/68/283, 5 August 2013)",
      len(p127) == 1 and p127[0].updated == "2013-08-05T00:00:00Z")

# --- the same feed when nothing changed -----------------------------------------------------
build(job, out, 1700086400)
with open(os.path.join(out, "atom.xml"), "rb") as f:
    check("built again a day later with nothing changed, the feed is the same byte for byte", f.read() == first_bytes)

# --- published somewhere: absolute links ----------------------------------------------------
published = os.path.join(work, "published.toml")
with open(job, encoding="utf-8") as f:
    text = f.read()
text = text.replace('plugin = "atom"\n', 'plugin = "atom"\nbase_url = "https://example.org/gfmd"\n')
text = re.sub(r'"\.\./(corpus|catalogue\.toml)"', lambda m: '"' + os.path.join(os.path.abspath(source), "samples", m.group(1)) + '"', text)
with open(published, "w", encoding="utf-8") as f:
    f.write(text)
feed = feedparser.parse(build(published, os.path.join(work, "published"), 1700000000))
check("with base_url the feed's self link is absolute",
      [l.href for l in feed.feed.links if l.rel == "self"] == ["https://example.org/gfmd/atom.xml"])
relative = [e.link for e in feed.entries if not e.link.startswith("https://")]
check(f"with base_url every entry's link is absolute ({relative[:2]})", not relative)
check("documents without a public address link to their file under base_url",
      any(e.link == "https://example.org/gfmd/akn/gfmd-2010-puerto-vallarta.xml" for e in feed.entries))

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
