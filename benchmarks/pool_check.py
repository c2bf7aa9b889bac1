"""Gold-free check of the PDF extractor over a folder of real PDFs.

For every PDF of DIR, the words our extraction keeps (title, headings, paragraphs with their
numbers, footnote marks, footnotes) are compared, as multisets, with the words an independent
extractor prints (poppler's ``pdftotext -bbox-layout``), page furniture removed from the latter
by position and repetition across pages:

- **lost**: words of the reference *body* (from the General Assembly's formula to the end,
  footnotes included, closing meeting/date lines excluded) that our extraction does not have;
- **invented**: words our extraction has that the reference (masthead included, furniture
  excluded) does not: a wrongly joined word, a leaked running header, a dropped space;
- **warnings**: the extraction's warnings, by code.

Words are compared after NFKC, split at every character that is not a letter or digit and
between letters and digits (so ``e-strategies`` across a line break and ``e-strategies`` whole
are the same two words, ``G20`` is ``G`` + ``20`` on both sides, and a footnote mark glued to
its word by the reference, ``Nations1``, is ``Nations`` + ``1``). A word wrongly joined at a
line-end hyphen (``estrategies``) shows as one invented and two lost words.

Usage (poppler-utils must be installed: ``apt-get install -y poppler-utils``)::

    .venv/bin/python benchmarks/pool_check.py DIR [--only GLOB] [--limit N] [--json OUT] [--cache SCRATCH]

Prints one Markdown row per file with a problem (``--all`` for every file), then a summary
table. Exit 0 always (a report, not a test); a PDF we refuse is listed with its error.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import re
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lineage.errors import LineageError
from lineage.model.document import Document
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.boundary import default_engine, iter_pages, open_pdf
from lineage.read.pdf.extract import document_from_pages
from lineage.script.lines import english_words

BAND = 0.12
_SPLIT = re.compile(r"[^\w]+|_+")
_ALNUM_EDGE = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_DIGITS = re.compile(r"\d+")
_FORMULA = re.compile(r"^The General Assembly\b")
_FORMULA_ALONE = re.compile(r"^The General Assembly\s*[,:]?$")
_CLOSING = re.compile(
    r"^(?:\d+(?:st|nd|rd|th) plenary meeting|\d{1,2} (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4})$")
# The job number (with the page mark beside it, or the date and the recycling note after it
# on page 1), the barcode's text, a page mark alone.
_KNOWN_FURNITURE = re.compile(r"^(?:\d{1,3}/\d{1,3}\s*)?\d{2}-\d{5}\b|^\*\d{7}\*$|^\d{1,3}/\d{1,3}$|^\d{6}$")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for w in _SPLIT.split(text):
        if w:
            out.extend(p for p in _ALNUM_EDGE.split(w) if p)
    return out


@dataclass
class RefLine:
    page: int
    top: float
    bottom: float
    height: float
    text: str


def reference_lines(pdf: Path) -> list[RefLine]:
    """Lines of ``pdftotext -bbox-layout`` with their page and vertical position."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(xml.decode("utf-8", "replace"))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    out: list[RefLine] = []
    for pno, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        height = float(page.get("height", "792"))
        for line in page.iterfind(".//h:line", ns):
            ws = [w.text or "" for w in line.iterfind("h:word", ns)]
            text = " ".join(ws).strip()
            if text:
                out.append(RefLine(pno, float(line.get("yMin", 0)), float(line.get("yMax", 0)), height, text))
    return out


# A paragraph number or sub-item label alone on its line (pdftotext prints a hanging number
# as a line of its own): paragraphs 2 and 8 opening two pages are no running header.
_LABEL = re.compile(r"^(?:\d{1,4}\.|\((?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\))$")


def _bare(text: str) -> str:
    """A line without spaces and without a trailing star: page 1's symbol ``A /C.1/80/L.23*``
    (a reissue's star, a space pdftotext read in the large type) is page 2's running header
    ``A/C.1/80/L.23``."""
    return re.sub(r"\s+", "", text).rstrip("*")


def _shape(text: str) -> str:
    return re.sub(r"\s+", "", _DIGITS.sub("#", text))


def furniture(lines: list[RefLine]) -> set[int]:
    """Indexes of running headers, footers, page marks, job numbers and barcodes: lines in the
    top band of a page whose shape (digits blurred) or whose first or last token with a digit
    repeats there on two pages or more (40% of the pages of a longer document), a later
    page's top line printed on page 1 too (the running title); in either band the job-number,
    page-mark and barcode forms; and every band line between one of those and the page edge."""
    def band(ln: RefLine) -> str | None:
        # By the line's middle: a table's header row repeated by Word at the top of every
        # page is cut by pdftotext into lines a point or two apart (``Agenda item/`` over
        # ``Date/time``), and the lower ones reach just past the band.
        middle = (ln.top + ln.bottom) / 2
        if middle <= BAND * ln.height:
            return "top"
        if middle >= (1 - BAND) * ln.height:
            return "bottom"
        return None

    def keys(ln: RefLine) -> set[str]:
        toks = ln.text.split()
        ks = {"L:" + _shape(ln.text)}
        for t in (toks[0], toks[-1]):
            if re.search(r"\d", t) and len(_shape(t)) >= 3:
                ks.add("T:" + _shape(t))
        return ks

    # Candidates: the five lines nearest each edge of a page (a page of footnotes reaches
    # into the bottom band, and ``See resolution 75/123.`` may well repeat).
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        by_page[ln.page].append(i)
    cand: set[int] = set()
    for idx in by_page.values():
        order = sorted(idx, key=lambda i: lines[i].top)
        cand.update(i for i in order[:5] if band(lines[i]) == "top" and not _LABEL.match(lines[i].text))
        cand.update(i for i in order[-5:] if band(lines[i]) == "bottom" and not _LABEL.match(lines[i].text))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i in cand:
        for k in keys(lines[i]):
            seen[(band(lines[i]) or "", k)].add(lines[i].page)
    n_pages = len(by_page)
    need = max(2, -(-4 * n_pages // 10)) if n_pages > 3 else 2
    # The running title repeats what page 1 prints above its text (the masthead and title in
    # its upper half), not a table row that happens to stand at the top of a later page.
    page1 = {_bare(ln.text) for ln in lines if ln.page == 1 and ln.top < ln.height / 2}
    hit: set[int] = set()
    for i in cand:
        ln = lines[i]
        b = band(ln) or ""
        # At the foot of a page footnotes repeat too (``Ibid.``): there only the job number,
        # page mark and barcode forms count.
        if _KNOWN_FURNITURE.match(ln.text) or b == "top" and (
                any(len(seen[(b, k)]) >= need for k in keys(ln)) or (ln.page > 1 and _bare(ln.text) in page1)):
            hit.add(i)
    # Everything between a furniture line and the page edge.
    for i, ln in enumerate(lines):
        if i in hit or i not in cand:
            continue
        same = [j for j in hit if lines[j].page == ln.page and band(lines[j]) == band(ln)]
        if band(ln) == "top" and any(lines[j].top >= ln.bottom - 0.5 for j in same):
            hit.add(i)
        if band(ln) == "bottom" and any(lines[j].bottom <= ln.top + 0.5 for j in same):
            hit.add(i)
    return hit


def ours(doc: Document) -> list[str]:
    out: list[str] = []
    # A title taken from a heading the document prints (a draft without a title of its own
    # takes that of the text it adopts) is one printed line: counted once, with the heading.
    heading_texts = {"".join(h.text.split()) for h in doc.headings}
    if "".join((doc.title or "").split()) not in heading_texts:
        out += words(doc.title or "")
    out += words(doc.formula or "")  # metadata now, printed in the body
    for h in doc.headings:
        out += words(h.text)
        out += [r.number for r in h.footnote_refs if r.number.isdigit()]
    for p in doc.all_paragraphs():
        out += words(p.number or "")
        out += words(p.text)
        out += [r.number for r in p.footnote_refs if r.number.isdigit()]
    for f in doc.footnotes:
        out += words(f.number) + words(f.text)
    return out


@dataclass
class FileResult:
    name: str
    pages: int = 0
    error: str | None = None
    lost: Counter[str] = field(default_factory=Counter)
    invented: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    hyphen_joins: list[str] = field(default_factory=list)
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)


def check(pdf: Path, doc: Document) -> FileResult:
    lines = reference_lines(pdf)
    furn = furniture(lines)
    kept = [ln for i, ln in enumerate(lines) if i not in furn]
    start = next((i for i, ln in enumerate(kept) if ln.page == 1 and _FORMULA.match(ln.text)), None)
    if start is None:
        # No formula (an amendment, a decision): the body starts at the line where our first
        # paragraph starts, else at the top.
        first = next(iter(doc.all_paragraphs()), None)
        head = words(first.text)[:4] if first else []
        start = next((i for i, ln in enumerate(kept) if head and head == [
            w for w in words(ln.text) if not (first and w == first.number)][:4]), 0)
        if start and first and first.number and kept[start - 1].text.rstrip(".") == first.number:
            start -= 1  # the hanging number, a line of its own for the reference
    elif _FORMULA_ALONE.match(kept[start].text):
        start += 1
    body = [w for ln in kept[start:] if not _CLOSING.match(ln.text) for w in words(ln.text)]
    every = [w for ln in kept for w in words(ln.text)]
    mine = Counter(ours(doc))
    res = FileResult(pdf.name, doc.source.pages or 0)
    res.lost = Counter(body) - mine
    res.invented = mine - Counter(every)
    # The reference cuts some words in two inside a line (``se eking``, kerning read as a
    # space): a lost pair printed with one space between whose join we have is no loss. So
    # is a lost half whose join we have once more than the reference (``it s`` -> ``its``,
    # ``in terpretation``: the other half is no loss where the word occurs elsewhere too), and
    # a lost half that is no English word whose join we have (``implementati on``).
    listed = english_words()
    for ln in kept:
        toks = ln.text.split()
        for a, b in zip(toks, toks[1:]):
            wa, wb = words(a), words(b)
            if not wa or not wb:
                continue
            joined = wa[-1] + wb[0]
            fragment = any(res.lost[h] and h.lower() not in listed for h in (wa[-1], wb[0]))
            if mine[joined] and (res.lost[wa[-1]] and res.lost[wb[0]] or fragment
                                 or res.invented[joined] and (res.lost[wa[-1]] or res.lost[wb[0]])):
                if res.invented[joined]:
                    res.invented[joined] -= 1
                for half in (wa[-1], wb[0]):
                    if res.lost[half]:
                        res.lost[half] -= 1
    # A compound broken at its own hyphen at a line end and joined without it
    # (``forward-|looking`` -> ``forwardlooking``): counted apart, it is the line-end hyphen
    # policy's business (lineage.script), not the layout's.
    line_ends = Counter(words(ln.text)[-1] for ln in kept
                        if ln.text.rstrip().endswith(("-", "\u2010", "\u2011")) and words(ln.text))
    for joined in list(res.invented):
        for k in range(1, len(joined)):
            a, b = joined[:k], joined[k:]
            while res.invented[joined] and line_ends[a] and res.lost[a] and res.lost[b]:
                res.invented[joined] -= 1
                res.lost[a] -= 1
                res.lost[b] -= 1
                line_ends[a] -= 1
                res.hyphen_joins.append(f"{a}-{b}")
    res.lost, res.invented = +res.lost, +res.invented
    res.warnings = Counter(w.code for w in doc.warnings)
    res.messages = [f"{w.code}: {w.message}" for w in doc.warnings]
    return res


def _extract(pdf: Path, cache: Path | None) -> Document:
    """``extract_pdf`` with the default engine (pdfium), or, with a cache folder, the same
    from page records that engine gave an earlier run (the layout stages are replayed; the
    records are the engine's, so keep one cache folder per engine)."""
    if cache is None:
        return extract_pdf(pdf)
    kept = cache / (pdf.stem + ".pkl")
    if not kept.exists():
        with open_pdf(pdf) as handle:
            records = list(iter_pages(handle, pdf))
        kept.write_bytes(pickle.dumps(records))
    records = pickle.loads(kept.read_bytes())
    for r in records:  # records kept before PageData had the field
        if not hasattr(r, "image_cover"):
            object.__setattr__(r, "image_cover", 0.0)
    doc = document_from_pages(records, pdf)
    return dataclasses.replace(doc, source=dataclasses.replace(doc.source, pages=len(records)))


def run(paths: list[Path], cache: Path | None = None) -> list[FileResult]:
    results = []
    for pdf in paths:
        t0 = time.perf_counter()
        try:
            doc = _extract(pdf, cache)
        except LineageError as exc:
            results.append(FileResult(pdf.name, error=str(exc).split(": ", 1)[-1]))
            continue
        res = check(pdf, doc)
        res.seconds = time.perf_counter() - t0
        results.append(res)
        print(f"{len(results)}/{len(paths)} {pdf.name}: lost {sum(res.lost.values())}, "
              f"invented {sum(res.invented.values())}, warnings {sum(res.warnings.values())}",
              file=sys.stderr, flush=True)
    return results


def _sample(c: Counter[str], n: int = 6) -> str:
    return " ".join(f"{w}×{k}" if k > 1 else w for w, k in c.most_common(n))


def table(results: list[FileResult], show_all: bool = False) -> str:
    rows = ["| file | pages | lost | invented | hyphen joins | warnings | lost words (sample) | invented words (sample) |",
            "|---|---|---|---|---|---|---|---|"]
    for r in results:
        if r.error:
            rows.append(f"| {r.name} | - | - | - | - | refused: {r.error} | | |")
            continue
        if not show_all and not (r.lost or r.invented or r.warnings or r.hyphen_joins):
            continue
        warns = ", ".join(f"{c} {k}" for c, k in sorted(r.warnings.items()))
        rows.append(f"| {r.name} | {r.pages} | {sum(r.lost.values())} | {sum(r.invented.values())} | "
                    f"{' '.join(r.hyphen_joins[:3])}{' …' if len(r.hyphen_joins) > 3 else ''} | {warns} | "
                    f"{_sample(r.lost)} | {_sample(r.invented)} |")
    ok = [r for r in results if not r.error]
    codes: Counter[str] = Counter()
    for r in ok:
        codes.update(r.warnings)
    summary = [
        "",
        "| files | pages | refused | files losing words | words lost | files inventing words | words invented "
        "| files with hyphen joins | hyphen joins | files with warnings | warnings |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {len(results)} | {sum(r.pages for r in ok)} | {len(results) - len(ok)} "
        f"| {sum(1 for r in ok if r.lost)} | {sum(sum(r.lost.values()) for r in ok)} "
        f"| {sum(1 for r in ok if r.invented)} | {sum(sum(r.invented.values()) for r in ok)} "
        f"| {sum(1 for r in ok if r.hyphen_joins)} | {sum(len(r.hyphen_joins) for r in ok)} "
        f"| {sum(1 for r in ok if r.warnings)} | {sum(codes.values())} |",
        "",
        "Warnings by code: " + (", ".join(f"`{c}` {k}" for c, k in codes.most_common()) or "none"),
        "",
        f"Engine: {default_engine()} (the default).",
    ]
    return "\n".join(rows + summary)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--only", default="*.pdf", help="glob of the files to check (default *.pdf)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--all", action="store_true", help="a row for every file, not only those with a problem")
    ap.add_argument("--json", type=Path, help="also write the per-file figures as JSON")
    ap.add_argument("--cache", type=Path, help="keep each PDF's page records here (pickle) and replay them on "
                    "later runs: only the layout stages run again (use a scratch folder, never the repository)")
    args = ap.parse_args(argv)
    paths = sorted(args.dir.glob(args.only))
    if args.limit:
        paths = paths[: args.limit]
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    results = run(paths, args.cache)
    print(table(results, args.all))
    if args.json:
        args.json.write_text(json.dumps([
            {"file": r.name, "pages": r.pages, "error": r.error, "lost": dict(r.lost),
             "invented": dict(r.invented), "hyphen_joins": r.hyphen_joins, "warnings": dict(r.warnings),
             "messages": r.messages, "seconds": round(r.seconds, 2)}
            for r in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
