"""The pdfplumber character source (``--engine pdfplumber``), the one place that talks to
pdfplumber: open a PDF, turn each page into a typed :class:`~lineage.read.pdf.records.PageData`,
and turn pdfplumber's and pdfminer's exceptions into :class:`~lineage.errors.PdfError` with one
clear reason."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from lineage.errors import PdfError
from lineage.read.pdf.records import Char, PageData, Rule
from lineage.read.pdf.rules import is_rule, page_share

__all__ = ["open_document", "iter_pages", "page_record"]


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
def open_document(path: Path) -> Iterator[Any]:
    """Open with pdfplumber. Permissions-only encryption (empty user password) opens as usual."""
    import pdfplumber  # only this module imports it

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
        # pdfplumber's close() re-reads the pages and can raise on the very damage that
        # stopped the reading (a traceback over the real error); after a good read there is
        # nothing left to report. Closing is cleanup, never the error.
        try:
            pdf.close()
        except Exception:
            pass


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
        if is_rule(x0, x1, top, bottom):
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
    return max((page_share(float(im["x0"]), float(im["x1"]), float(im["top"]), float(im["bottom"]), width, height)
                for im in images), default=0.0)


def iter_pages(pdf: Any, path: Path, share: tuple[int, int] = (0, 1)) -> Iterator[PageData]:
    """Yield pages one at a time, releasing each page's parsed objects before the next, so
    memory stays bounded by one page however long the PDF. ``share``: ``(part, count)``,
    only every ``count``-th page from index ``part``."""
    try:
        pages = pdf.pages
    except Exception as exc:
        raise PdfError(_classify_open_error(exc), path) from None
    if not pages:
        raise PdfError("the PDF has no pages (its page tree is empty)", path)
    part, count = share
    for i, page in enumerate(pages, start=1):
        if (i - 1) % count != part:
            continue
        try:
            record = page_record(page, i)
        except PdfError:
            raise
        except Exception as exc:
            raise PdfError(f"page {i}: truncated or corrupt PDF ({type(exc).__name__}: {exc})", path) from None
        finally:
            try:
                page.close()
            except Exception:
                pass  # the page's own error (above) is the one to report
        yield record
