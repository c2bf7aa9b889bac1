"""``lineage extract``, ``show`` and ``normalize``: a file read, then rendered or normalised.

``lineage normalize``: a text file (UTF-8, any kind: converter Markdown, corpus text, plain
text) is normalised as one text, so every change can be located by line and column of the
file. A PDF has no text of its own: it goes through ``read_document`` and each paragraph
(preamble, then operative) is normalised on its own, located by paragraph id and column.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from lineage.errors import EmptyDocumentError
from lineage.normalize import Normalized, normalize
from lineage.read import is_pdf_file, read_document, read_text_file
from lineage.read.pdf import extract_pdf
from lineage.report.document import render_document

__all__ = ["EXTRACT_FORMATS", "extract_to_string", "format_changes", "normalize_file", "read_utf8",
           "show_document"]

EXTRACT_FORMATS = ("json", "text", "md")


def extract_to_string(path: str | Path, fmt: str = "json") -> str:
    """``lineage extract``: the document of the PDF at ``path`` as JSON (the contract), text
    or Markdown."""
    return render_document(extract_pdf(path), fmt)


def show_document(path: str | Path, fmt: str = "text", changes: str = "accept") -> str:
    """``lineage show``: read the file at ``path`` with :func:`lineage.read.read_document`
    (tracked changes in a Word file read as ``changes`` says) and render it."""
    return render_document(read_document(path, changes), fmt)


def read_utf8(path: str | Path) -> str:
    """The text of ``path`` as the readers decode it (BOM dropped, CRLF made LF); typed errors
    for a missing file, bytes that are not UTF-8 text, and a file with nothing but blanks."""
    text = read_text_file(path)
    if not text.strip():
        raise EmptyDocumentError("the file is empty", path)
    return text


def format_changes(result: Normalized, where: str | None = None) -> list[str]:
    """One line per change in original order: ``LINE:COL step 'before' -> 'after'`` (1-based,
    columns in characters), or ``WHERE:COL ...`` when ``where`` names the text (a paragraph)."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(result.original) if ch == "\n"]
    lines = []
    for change in sorted(result.changes, key=lambda c: c.start):
        line = bisect_right(line_starts, change.start)
        column = change.start - line_starts[line - 1] + 1
        place = f"{where}:{column}" if where is not None else f"{line}:{column}"
        lines.append(f"{place} {change.step} {change.before!r} -> {change.after!r}")
    return lines


def normalize_file(path: str | Path, profile: str = "display", explain: bool = False) -> str:
    """``lineage normalize``: the normalised text, or with ``explain`` the list of changes and
    where they are in the original."""
    p = Path(path)
    if p.is_file() and is_pdf_file(p):
        doc = read_document(p)
        parts: list[str] = []
        for paragraph in [*doc.preamble, *doc.paragraphs]:
            result = normalize(paragraph.text, profile, doc.language)
            parts += format_changes(result, paragraph.id) if explain else [result.text, ""]
        return "".join(line + "\n" for line in parts)
    text = read_utf8(p)
    result = normalize(text, profile)
    if explain:
        return "".join(line + "\n" for line in format_changes(result))
    return result.text + "\n" if result.text else ""
