"""Options several commands share: ``--changes`` (tracked changes in Word files) and
``--engine`` (which library reads the characters of a PDF).

Their values are spelled here rather than imported from the readers so that building the
parser does not load Word or PDF support (start-up time); tests check the lists agree."""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

__all__ = ["CHANGES", "ENGINE_CHOICES", "add_changes_option", "add_engine_option", "engine_scope"]

CHANGES = ("accept", "reject")


def add_changes_option(p: argparse.ArgumentParser) -> None:
    """``--changes accept|reject``: how tracked changes in a Word file are read."""
    p.add_argument("--changes", choices=CHANGES, default="accept",
                   help="tracked changes in a Word file (.docx, .doc, .odt, .rtf): read the text "
                   "with all of them accepted (default) or all rejected")


ENGINE_CHOICES = ("pdfium", "pdfplumber")


def add_engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", dest="pdf_engine", choices=ENGINE_CHOICES, default=None,
                   help="library that reads the characters of a PDF: pdfium (default, fast) or "
                   "pdfplumber (the original reader); both give the same document")


def engine_scope(args: argparse.Namespace) -> AbstractContextManager[None]:
    """The engine chosen on the command line, made the default while the command runs."""
    engine = getattr(args, "pdf_engine", None)
    return _scope(engine) if engine else nullcontext()


@contextmanager
def _scope(engine: str) -> Iterator[None]:
    from lineage.read.pdf.boundary import use_engine  # PDF support only when asked for

    with use_engine(engine):
        yield
