"""What ``lineage corpus list`` and ``lineage corpus show`` print: a table or JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tabulate import tabulate

from lineage.corpus.manifest import MANIFEST_NAME, Entry, load_entry_document, load_manifest
from lineage.errors import CorpusError
from lineage.model.document import dumps
from lineage.script.width import shorten

__all__ = ["LIST_SCHEMA", "corpus_listing", "find_entry", "show_entry"]

LIST_SCHEMA = "lineage.corpus/1"
FORMATS = ("text", "json")
_TITLE_COLUMNS = 44  # display columns: a Chinese character takes two


def _row(e: Entry) -> list[str]:
    return [e.symbol, e.language or "", e.date or "", e.kind, e.origin or "",
            "yes" if e.has_text else "-", shorten(e.title, _TITLE_COLUMNS)]


def corpus_listing(corpus_dir: str | Path, fmt: str = "text") -> str:
    """The corpus as a table (``text``; wide characters aligned) or as JSON."""
    manifest = load_manifest(corpus_dir)
    if fmt == "json":
        docs = [{**e.to_dict(), "has_text": e.has_text} for e in manifest]
        return dumps({"schema": LIST_SCHEMA, "documents": docs})
    if fmt != "text":
        raise CorpusError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    headers = ["symbol", "lang", "date", "kind", "origin", "text", "title"]
    table = tabulate([_row(e) for e in manifest], headers=headers, tablefmt="simple",
                     disable_numparse=True)
    with_text = sum(e.has_text for e in manifest)
    return f"{table}\n\n{len(manifest)} documents, {with_text} with text\n"


def find_entry(corpus_dir: str | Path, symbol: str, language: str | None = None) -> Entry:
    """The entry for ``symbol`` (any spelling of it, as in the manifest or not) and language;
    the language may be left out when the symbol has one entry only."""
    manifest = load_manifest(corpus_dir)
    matches = manifest.by_symbol(symbol)
    where = Path(corpus_dir) / MANIFEST_NAME
    if not matches:
        raise CorpusError(f"{symbol} is not in the corpus", where)
    if language is not None:
        matches = [e for e in matches if e.language == language]
        if not matches:
            raise CorpusError(f"{symbol} is not in the corpus in language {language!r}", where)
    if len(matches) > 1:
        langs = ", ".join(e.language or "-" for e in matches)
        raise CorpusError(f"{symbol} is in the corpus in several languages ({langs}): choose one with --lang", where)
    return matches[0]


def show_entry(corpus_dir: str | Path, symbol: str, language: str | None = None, fmt: str = "text") -> str:
    """One entry with a summary of its text (``text``), or the entry and document (``json``)."""
    entry = find_entry(corpus_dir, symbol, language)
    doc = load_entry_document(corpus_dir, entry) if entry.has_text else None
    if fmt == "json":
        return dumps({"schema": LIST_SCHEMA, "entry": entry.to_dict(),
                      "document": None if doc is None else doc.to_dict()})
    if fmt != "text":
        raise CorpusError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    lines = []
    for key, value in entry.to_dict().items():
        shown: Any = ", ".join(value) if isinstance(value, list) else value
        lines.append(f"{key}: {shown}")
    if doc is None:
        lines.append("text: none yet")
    else:
        lines.append(f"contents: {len(doc.preamble)} preambular and {len(doc.paragraphs)} operative "
                     f"paragraphs, {len(doc.headings)} headings, {len(doc.footnotes)} footnotes, "
                     f"{len(doc.warnings)} warnings")
    return "\n".join(lines) + "\n"
