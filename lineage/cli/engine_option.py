"""``--engine``: which library reads the characters of a PDF, on every command that reads one.

The names are repeated here rather than imported from ``lineage.read.pdf.boundary`` so that
building the parser does not load PDF support; a test checks the two lists agree."""
from __future__ import annotations

import argparse
from contextlib import contextmanager, nullcontext
from typing import ContextManager, Iterator

__all__ = ["ENGINE_CHOICES", "add_engine_option", "engine_scope"]

ENGINE_CHOICES = ("pdfium", "pdfplumber")


def add_engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", dest="pdf_engine", choices=ENGINE_CHOICES, default=None,
                   help="library that reads the characters of a PDF: pdfium (default, fast) or "
                   "pdfplumber (the original reader); both give the same document")


def engine_scope(args: argparse.Namespace) -> ContextManager[None]:
    """The engine chosen on the command line, made the default while the command runs."""
    engine = getattr(args, "pdf_engine", None)
    return _scope(engine) if engine else nullcontext()


@contextmanager
def _scope(engine: str) -> Iterator[None]:
    from lineage.read.pdf.boundary import use_engine  # PDF support only when asked for

    with use_engine(engine):
        yield
