"""``extract_pdf(path) -> Document``: read a UN PDF page by page into the document model."""
from __future__ import annotations

import os
from collections import Counter
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

from lineage.errors import LineageError, PdfError, PdfLimitError, ScannedPdfError
from lineage.model.document import Document, ExtractionWarning, Source
from lineage.read.digest import sha256_file
from lineage.read.pdf.analyse import PageLines, analyse_pages
from lineage.read.pdf.assemble import to_document
from lineage.read.pdf.boundary import check_header, iter_pages, load_engine, open_pdf, resolve_engine
from lineage.read.pdf.limits import LIMITS, Limits, prescan
from lineage.read.pdf.lines import build_lines
from lineage.read.pdf.records import Char, PageData
from lineage.read.pdf.sandbox import Job, can_isolate, run_isolated, run_isolated_all, run_isolated_each
from lineage.read.pdf.script import is_garbage
from lineage.runtime import cycle_collection_paused
from lineage.script.chars import is_space

__all__ = ["extract_pdf", "extract_pdfs", "document_from_pages", "read_pages", "page_lines", "reading_workers", "PageRead",
           "GARBAGE_SHARE", "SCAN_COVER", "BYTES_PER_WORKER", "MAX_WORKERS"]

# Refuse the PDF when more than this share of its glyphs have no usable Unicode value; below
# it, the odd unmapped symbol (a bullet from a symbol font) is dropped with a warning.
GARBAGE_SHARE = 0.01
# A page with text over an image covering this share of it is a scan with an OCR text layer
# (a born-digital UN PDF has at most a barcode, a logo or a figure).
SCAN_COVER = 0.9


# What each glyph text is, asked once per distinct text (a document has a few thousand).
_GARBAGE, _SPACE, _VISIBLE = 0, 1, 2
_KINDS: dict[str, int] = {}


def page_lines(page: PageData) -> tuple[PageLines, int, Counter[str]]:
    """A page's printed lines, with the count of its visible glyphs and of the fonts of the
    glyphs dropped for having no Unicode value."""
    chars = page.chars
    texts = [c.text for c in chars]
    kinds = list(map(_KINDS.get, texts))
    if None in kinds:
        for i, kind in enumerate(kinds):
            if kind is None:
                kinds[i] = _kind(texts[i])
    bad: Counter[str] = Counter()
    good: Sequence[Char] = chars
    if _GARBAGE in kinds:
        good = [c for c, kind in zip(chars, kinds) if kind != _GARBAGE]
        bad.update(c.font.split("+", 1)[-1] or "?" for c, kind in zip(chars, kinds) if kind == _GARBAGE)
    lines = build_lines(good, page.number)
    return PageLines(page.number, page.height, lines, page.rules), kinds.count(_VISIBLE), bad


def _kind(text: str) -> int:
    kind = _GARBAGE if is_garbage(text) else _SPACE if is_space(text) else _VISIBLE
    if len(_KINDS) < 100_000:
        _KINDS[text] = kind
    return kind


def extract_pdf(path: str | Path, engine: str | None = None, *, isolate: bool | None = None,
                limits: Limits = LIMITS, workers: int | None = None) -> Document:
    """Extract a UN PDF into a Document (see docs/extraction.md). ``engine`` picks the
    character source (``"pdfium"``, the default, or ``"pdfplumber"``; None: the current
    default, see :func:`~lineage.read.pdf.boundary.use_engine`). Raises
    :class:`~lineage.errors.PdfError` with one clear reason for input it cannot read, and
    :class:`~lineage.errors.PdfLimitError` for one that breaches a resource limit.

    The pages are read in a child process with a memory ceiling and a time limit per page
    (``isolate``; default: wherever ``os.fork`` exists), see docs/security.md, "PDF". A long
    PDF is read by ``workers`` children at once, each reading every ``workers``-th page
    (default: :func:`reading_workers`); the document is the same whatever their number."""
    path = Path(path)
    name = resolve_engine(engine)
    check_header(path)
    prescan(path, limits)
    if isolate is None:
        isolate = can_isolate()
    if not isolate:
        return _extract(path, name, limits, None)
    load_engine(name)
    alone = partial(_extract, path, name, limits)  # the reading of one child, given its progress
    count = reading_workers(path) if workers is None else max(1, workers)
    if count == 1:
        return run_isolated(alone, path, limits)
    shares = run_isolated_all(
        [partial(_read_share, path, name, limits, part=part, count=count) for part in range(count)], path, limits)
    read = sorted((page for share in shares for page in share), key=_PAGE_NUMBER)
    if any(page.bad for page in read):
        # Glyphs without a Unicode value: a font pdfium could not read whole. What it makes of
        # such a font can depend on the pages read before (seeded mutants of fixture PDFs: a
        # page read without the one before it lost letters that it had otherwise), so the
        # document is read again as one reader reads it, and is the same whatever the number
        # of readers. None of the 543 session PDFs has such glyphs.
        return run_isolated(alone, path, limits)
    with cycle_collection_paused():
        return _document(read, path)


# A PDF smaller than this is read by one child: a few pages, which a second child would
# hardly shorten (every child opens the PDF and learns its fonts anew). Larger ones get a
# child per this many bytes, as many as there are cores and at most MAX_WORKERS.
BYTES_PER_WORKER = 256 * 1024
MAX_WORKERS = 4


def reading_workers(path: Path) -> int:
    """How many children read the PDF at ``path`` at once by default."""
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    return max(1, min(_cores(), MAX_WORKERS, 1 + size // BYTES_PER_WORKER))


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract_pdfs(paths: Sequence[str | Path], engine: str | None = None, *, limits: Limits = LIMITS,
                 at_once: int | None = None) -> list[Document | LineageError]:
    """Several PDFs read side by side, each by one child (the files keep the cores busy),
    ``at_once`` at a time (default: the cores): for each, in order, its document or the
    :class:`~lineage.errors.LineageError` its reading ended with (a page over the time limit
    too). Each document is the one ``extract_pdf(path, workers=1)`` gives."""
    name = resolve_engine(engine)
    out: list[Document | LineageError | None] = [None] * len(paths)
    jobs: list[Job] = []
    where: list[int] = []
    for k, raw in enumerate(paths):
        path = Path(raw)
        try:
            check_header(path)
            prescan(path, limits)
        except LineageError as exc:
            out[k] = exc
            continue
        jobs.append((partial(_extract, path, name, limits), path))
        where.append(k)
    if not can_isolate():
        for k, (_, path) in zip(where, jobs):
            try:
                out[k] = _extract(path, name, limits, None)
            except LineageError as exc:
                out[k] = exc
        return out  # type: ignore[return-value]  # every entry set
    load_engine(name)
    for k, got in zip(where, run_isolated_each(jobs, limits, at_once or _cores())):
        out[k] = got
    return out  # type: ignore[return-value]  # every entry set


def _extract(path: Path, engine: str, limits: Limits, progress: Callable[[int], None] | None) -> Document:
    read = _read_share(path, engine, limits, progress)
    with cycle_collection_paused():
        return _document(read, path)


def _read_share(path: Path, engine: str, limits: Limits, progress: Callable[[int], None] | None,
                part: int = 0, count: int = 1) -> list[PageRead]:
    """Pages ``part + 1``, ``part + 1 + count``, ... of the PDF, read."""
    if progress:
        progress(0)
    # Extraction makes hundreds of thousands of glyph records (tuples the collector keeps
    # tracking) and almost no cycles (about 700 objects in cycles for the 52-page A/80/L.17,
    # 3,000 for the 308-page benchmark PDF): 3 to 10% of the reading went to the collector.
    with cycle_collection_paused(), open_pdf(path, engine) as pdf:
        if progress:
            progress(part + 1)
        return read_pages(iter_pages(pdf, path, (part, count)), path, limits, progress, count)


class PageRead(NamedTuple):
    """One page read: its lines and what the checks of the whole document need of it."""

    lines: PageLines
    visible: int  # glyphs printed (not spaces, not garbage)
    bad: Counter[str]  # fonts of the glyphs dropped for having no Unicode value
    images_only: bool  # images and no visible glyph
    scanned: bool  # visible glyphs over an image covering the page (a scan's OCR layer)


_PAGE_NUMBER = attrgetter("lines.number")


def read_pages(records: Iterable[PageData], path: Path, limits: Limits = LIMITS,
               progress: Callable[[int], None] | None = None, step: int = 1) -> list[PageRead]:
    """Each page record read into its lines, one at a time. ``progress`` is told the number
    of the next page (this one's plus ``step``) as each is done."""
    out: list[PageRead] = []
    for page in records:
        if len(page.chars) > limits.max_page_glyphs:
            raise PdfLimitError(f"page {page.number} has {len(page.chars)} glyphs, over the limit of "
                                f"{limits.max_page_glyphs} (limit: glyphs per page)", path)
        pl, n_visible, page_bad = page_lines(page)
        out.append(PageRead(pl, n_visible, page_bad, page.has_images and n_visible == 0,
                            bool(n_visible) and page.image_cover >= SCAN_COVER))
        if progress:
            progress(page.number + step)
    return out


def document_from_pages(records: Iterable[PageData], path: Path, limits: Limits = LIMITS,
                        progress: Callable[[int], None] | None = None) -> Document:
    """The document of a PDF's page records, read one at a time (``extract_pdf``; a benchmark
    may replay records it kept). ``progress`` is told each page number done."""
    return _document(read_pages(records, path, limits, progress), path)


def _document(read: list[PageRead], path: Path) -> Document:
    """The document of a PDF's pages, read in order."""
    pages = [r.lines for r in read]
    visible = sum(r.visible for r in read)
    bad: Counter[str] = Counter()
    for r in read:
        bad.update(r.bad)
    image_pages = sum(r.images_only for r in read)
    scanned = [r.lines.number for r in read if r.scanned]
    if scanned:
        which = f"page {scanned[0]}" if len(scanned) == 1 else f"{len(scanned)} pages"
        raise ScannedPdfError(
            f"a scan: {which} {'is' if len(scanned) == 1 else 'are'} an image of the whole page under an OCR "
            "text layer; OCR text is not exact enough to compare, so it is not extracted (use a "
            "born-digital PDF of the document, or a checked transcription as a text file)",
            path,
        )
    n_bad = sum(bad.values())
    if visible == 0 and n_bad == 0:
        what = "its pages are images" if image_pages else "its pages hold no text"
        raise PdfError(
            f"no text layer ({what}); run OCR on it first, e.g. `ocrmypdf IN.pdf OUT.pdf`, and extract the result",
            path,
        )
    if n_bad > GARBAGE_SHARE * (visible + n_bad):
        font = bad.most_common(1)[0][0]
        raise PdfError(
            f"font {font} has no usable Unicode map ({n_bad} glyphs come out as (cid:N) or private-use codes); "
            "refusing to emit garbage text",
            path,
        )
    source = Source(path=str(path), kind="pdf", sha256=sha256_file(path), pages=len(pages))
    doc = to_document(analyse_pages(pages), source)
    if n_bad:
        doc.warnings.append(ExtractionWarning(
            "glyphs-without-unicode",
            f"{n_bad} glyphs without a Unicode value dropped (font {bad.most_common(1)[0][0]})",
        ))
    return doc

