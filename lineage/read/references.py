"""The masthead phrases that name a document's predecessors, read from a file's first page.

The Document model keeps the masthead's facts (symbol, dates, session, agenda items) but not
the bracketed adoption note or the "on the basis of informal consultations on draft
resolution ..." line; ``lineage ingest`` keeps them in the canonical text's ``note:`` lines
(``masthead: PHRASE``) so that :mod:`lineage.trace.inferred` can link a resolution to its draft
from the documents alone. The phrases are recognised by
:func:`lineage.read.masthead.find_lineage_references`, the one home of those patterns.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

__all__ = ["NOTE_PREFIX", "first_page_text", "masthead_notes", "references_in_notes"]

NOTE_PREFIX = "masthead: "
# A text file's masthead sits in its first lines; the bracketed note follows the title.
_TEXT_HEAD_LINES = 60


def first_page_text(path: str | Path) -> str:
    """The printed lines of a PDF's first page (or a text file's first lines), one per line."""
    path = Path(path)
    with open(path, "rb") as fh:
        pdf = fh.read(5) == b"%PDF-" or path.suffix.lower() == ".pdf"
    if not pdf:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return "".join(line for _, line in zip(range(_TEXT_HEAD_LINES), fh))
    # The PDF stage (about 0.1 s to import) is loaded for a PDF only: the corpus views read
    # the references of canonical texts (references_in_notes) and never need it.
    boundary = importlib.import_module("lineage.read.pdf.boundary")
    page_lines = importlib.import_module("lineage.read.pdf.extract").page_lines
    with boundary.open_pdf(path) as doc:
        for page in boundary.iter_pages(doc, path):
            lines, _, _ = page_lines(page)
            return "\n".join(ln.text for ln in lines.lines)
    return ""


def _finder() -> Callable[[str], list[tuple[str, str, str]]]:
    """:func:`lineage.read.masthead.find_lineage_references`, loaded on first use: the
    masthead rules are about 60 regular expressions (0.02 s to import), and most texts a
    corpus view reads have no masthead notes (``lineage graph`` reads every text's header)."""
    return importlib.import_module("lineage.read.masthead").find_lineage_references


def masthead_notes(path: str | Path) -> list[str]:
    """The ``note:`` lines to keep in a canonical text: one ``masthead: PHRASE`` per phrase."""
    phrases = dict.fromkeys(phrase for _, _, phrase in _finder()(first_page_text(path)))
    return [NOTE_PREFIX + p for p in phrases]


def references_in_notes(notes: tuple[str, ...] | list[str]) -> list[tuple[str, str, str]]:
    """``(relation, symbol, phrase)`` from a canonical text's masthead notes."""
    found: list[tuple[str, str, str]] = []
    for note in notes:
        if note.startswith(NOTE_PREFIX):
            for ref in _finder()(note[len(NOTE_PREFIX):]):
                if ref not in found:
                    found.append(ref)
    return found
