"""The one place that talks to pdfplumber: open a PDF, turn each page into a typed
:class:`~lineage.read.pdf.records.PageData`, and turn pdfplumber's and pdfminer's exceptions into
:class:`~lineage.errors.PdfError` with one clear reason."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from lineage.errors import PdfError
from lineage.read.pdf.records import Char, PageData, Rule

__all__ = ["check_header", "open_pdf", "iter_pages", "page_record"]

# A rule is a stroke or filled rectangle at most this thick (points).
RULE_THICKNESS = 2.5
_TAIL = 4096


def check_header(path: Path) -> None:
    """Refuse files that are not PDFs or that were cut short, before pdfminer tries to
    repair them (it silently rebuilds a cross-reference table and extracts a partial text)."""
    if path.exists() and not path.is_dir() and not path.is_file():
        # A FIFO or a device: open() would wait for a writer that never comes.
        raise PdfError("not a regular file (a pipe or a device), not a PDF file", path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - _TAIL))
            tail = fh.read()
    except FileNotFoundError:
        raise PdfError("no such file", path) from None
    except IsADirectoryError:
        raise PdfError("is a directory, not a PDF file", path) from None
    except OSError as exc:
        raise PdfError(f"cannot read the file ({exc.strerror})", path) from None
    if size == 0:
        raise PdfError("not a PDF (the file is empty)", path)
    if b"%PDF-" not in head:
        raise PdfError("not a PDF (no %PDF- header)", path)
    if b"%%EOF" not in tail:
        raise PdfError("truncated or corrupt PDF (no %%EOF end marker)", path)


def _classify_open_error(exc: Exception) -> str:
    # pdfplumber wraps pdfminer's exception as the first argument of its own.
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(inner).__name__
    text = str(inner)
    if "Password" in name or "password" in text.lower():
        return "encrypted: the PDF needs a password to open (a user password); cannot extract its text"
    if "Encrypt" in name or "crypt" in text.lower():
        return f"encrypted with a method that cannot be read ({text or name})"
    return f"truncated or corrupt PDF ({name}{': ' + text if text else ''})"


@contextmanager
def open_pdf(path: Path) -> Iterator[Any]:
    """Open with pdfplumber. Permissions-only encryption (empty user password) opens as usual."""
    import pdfplumber  # only this module imports it

    check_header(path)
    # pdfminer logs repair attempts as warnings on stderr; the outcome is reported through
    # PdfError or the document's warnings instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(str(path))
    except PdfError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise PdfError(_classify_open_error(exc), path) from None
    try:
        yield pdf
    finally:
        pdf.close()


def page_record(page: Any, number: int) -> PageData:
    """Convert one pdfplumber page to a typed record (glyphs and thin horizontal rules)."""
    chars = tuple(
        Char(
            text=c["text"],
            x0=float(c["x0"]),
            x1=float(c["x1"]),
            top=float(c["top"]),
            bottom=float(c["bottom"]),
            size=float(c["size"]),
            font=c.get("fontname", "") or "",
            upright=bool(c.get("upright", True)),
        )
        for c in page.chars
    )
    rules = []
    for obj in (*page.lines, *page.rects):
        top, bottom = float(obj["top"]), float(obj["bottom"])
        x0, x1 = float(obj["x0"]), float(obj["x1"])
        if bottom - top <= RULE_THICKNESS and x1 - x0 > 3 * (bottom - top):
            rules.append(Rule(x0, x1, top, bottom))
    return PageData(
        number=number,
        width=float(page.width),
        height=float(page.height),
        chars=chars,
        rules=tuple(rules),
        has_images=bool(page.images),
        image_cover=_image_cover(page.images, float(page.width), float(page.height)),
    )


def _image_cover(images: list[dict[str, Any]], width: float, height: float) -> float:
    """The largest share of the page one image covers (clipped to the page)."""
    best = 0.0
    for im in images:
        w = min(float(im["x1"]), width) - max(float(im["x0"]), 0.0)
        h = min(float(im["bottom"]), height) - max(float(im["top"]), 0.0)
        if w > 0 and h > 0:
            best = max(best, w * h / (width * height))
    return best


def iter_pages(pdf: Any, path: Path) -> Iterator[PageData]:
    """Yield pages one at a time, releasing each page's parsed objects before the next, so
    memory stays bounded by one page however long the PDF."""
    try:
        pages = pdf.pages
    except Exception as exc:
        raise PdfError(_classify_open_error(exc), path) from None
    if not pages:
        raise PdfError("the PDF has no pages (its page tree is empty)", path)
    for i, page in enumerate(pages, start=1):
        try:
            record = page_record(page, i)
        except PdfError:
            raise
        except Exception as exc:
            raise PdfError(f"page {i}: truncated or corrupt PDF ({type(exc).__name__}: {exc})", path) from None
        finally:
            page.close()
        yield record
