"""The masthead phrases that name a document's predecessors, read from a file's first page.

The Document model keeps the masthead's facts (symbol, dates, session, agenda items) but not
the bracketed adoption note or the "on the basis of informal consultations on draft
resolution ..." line; ``lineage ingest`` keeps them in the canonical text's ``note:`` lines
(``masthead: PHRASE``) so that :mod:`lineage.trace.inferred` can link a resolution to its draft
from the documents alone. The phrases are recognised by
:func:`lineage.read.masthead.find_lineage_references`, the one home of those patterns.
"""
from __future__ import annotations

from pathlib import Path

from lineage.read.masthead import find_lineage_references
from lineage.read.pdf.boundary import iter_pages, open_pdf
from lineage.read.pdf.extract import page_lines

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
    with open_pdf(path) as doc:
        for page in iter_pages(doc, path):
            lines, _, _ = page_lines(page)
            return "\n".join(ln.text for ln in lines.lines)
    return ""


def masthead_notes(path: str | Path) -> list[str]:
    """The ``note:`` lines to keep in a canonical text: one ``masthead: PHRASE`` per phrase."""
    phrases = dict.fromkeys(phrase for _, _, phrase in find_lineage_references(first_page_text(path)))
    return [NOTE_PREFIX + p for p in phrases]


def references_in_notes(notes: tuple[str, ...] | list[str]) -> list[tuple[str, str, str]]:
    """``(relation, symbol, phrase)`` from a canonical text's masthead notes."""
    found: list[tuple[str, str, str]] = []
    for note in notes:
        if note.startswith(NOTE_PREFIX):
            for ref in find_lineage_references(note[len(NOTE_PREFIX):]):
                if ref not in found:
                    found.append(ref)
    return found
