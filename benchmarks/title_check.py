"""Gold-free check of the title and date our extraction reads from a PDF's first page.

For every PDF of DIR, the first pages (``--pages``, default 2) are extracted and its title compared with
what poppler's ``pdftotext -layout -f 1 -l 1`` prints for page 1 (an independent reader):

- **missing**: no title;
- **not on page 1**: the title (whitespace and line-end hyphens ignored) is not in the page's
  text, or starts before the end of the masthead (the date, ``Original:`` line);
- **numbered**: the title opens with a resolution number (``80/2.``), which is metadata;
- **sponsors**: the title is a draft's sponsors line (``Algeria, ...: draft resolution``) or
  its "Draft decision submitted by ..." line;
- **date not on page 1**: the date is neither the masthead's date nor the adoption date, as
  printed on page 1.

Usage (poppler-utils must be installed)::

    .venv/bin/python benchmarks/title_check.py DIR [--only GLOB] [--pages N]

Prints one row per file with a problem, then the counts. Exit 0 always (a report).
"""
from __future__ import annotations

import argparse
import itertools
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from lineage.read import masthead as mh
from lineage.read.pdf.boundary import iter_pages, open_pdf
from lineage.read.pdf.extract import document_from_pages

_NUMBERED = re.compile(r"^\d{1,3}/\d{1,4}\s*[.．]")
_SPONSORS = re.compile(r"(?:[:：]\s*\**\s*(?:revised\s+)?draft\s+(?:resolution|decision)\s*$|^draft\s+(?:resolution|decision)\b)",
                       re.IGNORECASE)
# The masthead ends at its last corner line (the issue date or the language note).
_MASTHEAD_END = re.compile(r"Original\s*:\s*\w+|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")


def _squash(text: str) -> str:
    """Letters and digits only: the line breaks, hyphens and spacing of the two readers differ."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def page_one(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, check=True, text=True).stdout


def problems(pdf: Path, pages: int) -> list[str]:
    try:
        # The first pages only: the front matter is on page 1, and a whole 50-page document
        # would take the run from minutes to an hour. (A date taken from an annex further on
        # is then missed: tests/test_titles_real.py reads A/C.5/80/L.1 whole.)
        with open_pdf(pdf) as opened:
            doc = document_from_pages(itertools.islice(iter_pages(opened, pdf), pages), pdf)
    except Exception as exc:  # a report, not a test: a refused PDF is listed
        return [f"error: {exc}"]
    text = page_one(pdf)
    out: list[str] = []
    title = doc.title or ""
    if not title:
        out.append("missing")
    else:
        corner = list(_MASTHEAD_END.finditer(text[:1500]))
        body = _squash(text[corner[0].end():] if corner else text)
        if _squash(title) not in body:
            out.append("not on page 1")
        if _NUMBERED.match(title):
            out.append("numbered")
        if _SPONSORS.search(title) or re.match(r"^draft\s+(?:resolution|decision)\s+submitted", title, re.I):
            out.append("sponsors")
    dates = {d for line in text.splitlines() for d in [mh.parse_date(line.strip())] if d}
    dates |= {d for m in re.finditer(r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}", text) for d in [mh.parse_date(m.group())] if d}
    if doc.date and doc.date not in dates:
        out.append("date not on page 1")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--only", default="*.pdf")
    ap.add_argument("--pages", type=int, default=2, help="pages read from each PDF (default 2)")
    args = ap.parse_args(argv)
    files = sorted(args.dir.glob(args.only))
    counts: Counter[str] = Counter()
    bad = 0
    for pdf in files:
        found = problems(pdf, args.pages)
        counts.update(found)
        if found:
            bad += 1
            print(f"| {pdf.name} | {', '.join(found)} |", flush=True)
    print(f"\n{len(files)} files, {bad} with a problem")
    for what, n in counts.most_common():
        print(f"- {what}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
