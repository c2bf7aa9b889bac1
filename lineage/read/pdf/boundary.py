"""The edge of PDF extraction: check a file is a PDF, open it with the chosen character source
(engine) and yield its pages as typed :class:`~lineage.read.pdf.records.PageData`, whichever
library read them. Everything past this module is shared by both engines.

Engines (docs/extraction.md, "Engines"):

- ``pdfium`` (default): pdfium's text API through ``pypdfium2`` (module ``pdfium``);
- ``pdfplumber``: pdfplumber/pdfminer (module ``plumber``), the original source, slower.

A differential test (tests/test_pdf_engines.py) requires the same document from both on every
fixture PDF.
"""
from __future__ import annotations

import importlib
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

from lineage.errors import PdfError
from lineage.read.pdf.records import PageData

__all__ = ["ENGINES", "DEFAULT_ENGINE", "check_header", "open_pdf", "iter_pages", "resolve_engine",
           "default_engine", "use_engine", "load_engine"]

ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"
# The character source of each engine, loaded when a PDF is first opened with it: importing
# pypdfium2 or pdfminer costs 0.1-0.5 s, which a command that reads no PDF should not pay.
_SOURCES = {"pdfium": "lineage.read.pdf.pdfium", "pdfplumber": "lineage.read.pdf.plumber"}


def _source(name: str) -> ModuleType:
    return importlib.import_module(_SOURCES[name])


def load_engine(engine: str | None = None) -> None:
    """Import the character source of ``engine`` now (``extract_pdf`` does so before it
    forks the child that reads the PDF: imported in the child, it would be imported again
    for every PDF a process reads; in the parent, once)."""
    _source(resolve_engine(engine))

_TAIL = 4096
# The engine used when a caller passes none: the CLI's --engine sets it for one command, so
# that it reaches every reader (corpus add, verify, fetch) without being passed down.
_ENGINE: ContextVar[str] = ContextVar("lineage_pdf_engine", default=DEFAULT_ENGINE)


def resolve_engine(engine: str | None) -> str:
    name = engine or _ENGINE.get()
    if name not in ENGINES:
        raise ValueError(f"unknown PDF engine {name!r}; choose one of {', '.join(ENGINES)}")
    return name


def default_engine() -> str:
    return _ENGINE.get()


@contextmanager
def use_engine(engine: str) -> Iterator[None]:
    """Make ``engine`` the default for the calls inside the ``with`` block."""
    token = _ENGINE.set(resolve_engine(engine))
    try:
        yield
    finally:
        _ENGINE.reset(token)


def check_header(path: Path) -> None:
    """Refuse files that are not PDFs or that were cut short, before a library tries to
    repair them (pdfminer silently rebuilds a cross-reference table and extracts a partial
    text)."""
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


class _Opened:
    __slots__ = ("engine", "handle")

    def __init__(self, engine: str, handle: Any) -> None:
        self.engine = engine
        self.handle = handle


@contextmanager
def open_pdf(path: Path, engine: str | None = None) -> Iterator[_Opened]:
    """Open ``path`` with ``engine`` (default: the current default engine); the caller has
    checked it with :func:`check_header` (and ``limits.prescan``)."""
    name = resolve_engine(engine)
    source = _source(name)
    with source.open_document(path) as handle:
        yield _Opened(name, handle)


def iter_pages(pdf: _Opened, path: Path, share: tuple[int, int] = (0, 1)) -> Iterator[PageData]:
    """The pages of an opened PDF, one at a time (memory bounded by one page). ``share``:
    ``(part, count)``, only the pages whose index (from 0) is ``part`` modulo ``count``."""
    source = _source(pdf.engine)
    yield from source.iter_pages(pdf.handle, path, share)
