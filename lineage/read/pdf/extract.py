"""``extract_pdf(path) -> Document``: read a UN PDF page by page into the document model."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from lineage.errors import PdfError, ScannedPdfError
from lineage.corpus.files import sha256_file
from lineage.model.document import Document, ExtractionWarning, Source
from lineage.read.pdf.analyse import PageLines, analyse_pages
from lineage.read.pdf.assemble import to_document
from lineage.read.pdf.boundary import iter_pages, open_pdf
from lineage.read.pdf.lines import build_lines
from lineage.read.pdf.records import Char, PageData
from lineage.read.pdf.script import is_garbage, is_space

__all__ = ["extract_pdf", "document_from_pages", "extract_to_string", "page_lines", "EXTRACT_FORMATS", "GARBAGE_SHARE", "SCAN_COVER"]

# Refuse the PDF when more than this share of its glyphs have no usable Unicode value; below
# it, the odd unmapped symbol (a bullet from a symbol font) is dropped with a warning.
GARBAGE_SHARE = 0.01
# A page with text over an image covering this share of it is a scan with an OCR text layer
# (a born-digital UN PDF has at most a barcode, a logo or a figure).
SCAN_COVER = 0.9


def page_lines(page: PageData) -> tuple[PageLines, int, Counter[str]]:
    """A page's printed lines, with the count of its visible glyphs and of the fonts of the
    glyphs dropped for having no Unicode value."""
    good: list[Char] = []
    bad: Counter[str] = Counter()
    visible = 0
    for c in page.chars:
        if is_garbage(c.text):
            bad[c.font.split("+", 1)[-1] or "?"] += 1
            continue
        if not is_space(c.text):
            visible += 1
        good.append(c)
    return PageLines(page.number, page.height, build_lines(good, page.number), page.rules), visible, bad


def extract_pdf(path: str | Path) -> Document:
    """Extract a UN PDF into a Document (see docs/extraction.md). Raises
    :class:`~lineage.errors.PdfError` with one clear reason for input it cannot read."""
    path = Path(path)
    with open_pdf(path) as pdf:
        return document_from_pages(iter_pages(pdf, path), path)


def document_from_pages(records: Iterable[PageData], path: Path) -> Document:
    """The document of a PDF's page records, read one at a time (``extract_pdf``; a benchmark
    may replay records it kept)."""
    pages: list[PageLines] = []
    visible = 0
    bad: Counter[str] = Counter()
    image_pages = 0
    scanned: list[int] = []
    for page in records:
        pl, n_visible, n_bad = page_lines(page)
        pages.append(pl)
        visible += n_visible
        bad.update(n_bad)
        image_pages += page.has_images and n_visible == 0
        if n_visible and page.image_cover >= SCAN_COVER:
            scanned.append(page.number)
    if scanned:
        which = f"page {scanned[0]}" if len(scanned) == 1 else f"{len(scanned)} pages"
        raise ScannedPdfError(
            f"a scan: {which} {'is' if len(scanned) == 1 else 'are'} an image of the whole page under an OCR text layer; OCR text is not exact "
            "enough to compare, so it is not extracted (use a born-digital PDF of the document, or a "
            "checked transcription as a text file)",
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


EXTRACT_FORMATS = ("json", "text", "md")


def extract_to_string(path: str | Path, fmt: str = "json") -> str:
    """``lineage extract``: the document of the PDF at ``path`` as JSON (the contract), text
    or Markdown."""
    from lineage.report.document import render_document

    return render_document(extract_pdf(path), fmt)
