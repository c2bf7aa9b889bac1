"""Adding documents to a corpus: canonical text, source copy and manifest, all or nothing.

Every change is a :func:`lineage.corpus.txn.corpus_transaction`: the corpus lock is held, the
manifest re-read under it, each file written atomically (temporary file renamed into place),
the manifest last, so a reader never sees an entry whose text is not there yet. If any write
fails, or the process dies, the files already written are put back as they were.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable, TypedDict

from lineage.corpus.files import sha256_file
from lineage.corpus.manifest import (
    MANIFEST_NAME,
    Entry,
    Manifest,
    entry_from_dict,
    load_manifest,
    manifest_to_toml,
    text_stem,
    validate_entries,
)
from lineage.corpus.txn import corpus_transaction
from lineage.errors import CorpusError
from lineage.model.document import Document, Source
from lineage.model.symbols import document_key, implied_year
from lineage.read import is_pdf_file
from lineage.read.textformat import format_document

__all__ = ["add_document", "guess_kind", "register_entry", "text_path_for"]

TEXTS_DIR = "texts"
PDFS_DIR = "pdfs"
SOURCES_DIR = "sources"


def guess_kind(symbol: str) -> str:
    """The manifest ``kind`` a UN symbol implies (``A/RES/…`` resolution, ``…/L.N`` draft)."""
    parts = symbol.upper().split("/")
    if parts[0].startswith("WSIS-") and "DOC" in parts:
        return "summit-outcome"
    if "RES" in parts:
        return "resolution"
    if "DEC" in parts:
        return "decision"
    if any(p.startswith("L.") for p in parts):
        return "draft"
    if any(p.startswith("PV.") for p in parts):
        return "verbatim-record"
    return "other"


def text_path_for(symbol: str, language: str) -> str:
    """Where the canonical text of a document lives, relative to the corpus folder."""
    return f"{TEXTS_DIR}/{text_stem(symbol, language)}.txt"


def _inside(path: Path, folder: Path) -> str | None:
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _links(given: Iterable[str] | None, base: tuple[str, ...]) -> tuple[str, ...]:
    if given is None:
        return base
    # The lineage graph keys documents by canonical symbol; names of informal drafts stay as given.
    return tuple(dict.fromkeys(document_key(s) for s in given))


def _record_source(source_file: str | Path, corpus_dir: Path, doc: Document,
                   writes: list[tuple[str, bytes]]) -> tuple[Source, bool]:
    """The origin record of ``doc`` read from ``source_file``, and whether that is a PDF; a
    file outside the corpus is queued in ``writes`` to be copied in (PDFs to ``pdfs/``,
    other files to ``sources/``)."""
    src = Path(source_file)
    if not src.is_file():
        raise CorpusError("source file not found", src)
    pdf = is_pdf_file(src)
    source_rel = _inside(src, corpus_dir)
    if source_rel is None:
        folder, suffix = (PDFS_DIR, ".pdf") if pdf else (SOURCES_DIR, src.suffix)
        source_rel = f"{folder}/{text_stem(doc.symbol or '', doc.language)}{suffix}"
        writes.append((source_rel, src.read_bytes()))
    return Source(path=source_rel, kind=doc.source.kind, sha256=sha256_file(src), pages=doc.source.pages), pdf


def _check_addable(doc: Document) -> None:
    if not doc.symbol:
        raise CorpusError("the document has no symbol: give one (--symbol)", doc.source.path)
    if not doc.language:
        raise CorpusError("the document has no language: give one (--lang)", doc.source.path)
    if not doc.preamble and not doc.paragraphs:
        raise CorpusError("the document has no paragraph to add", doc.source.path)


def _entry_to_replace(manifest: Manifest, symbol: str, language: str, force: bool) -> Entry | None:
    """The entry the new text completes or replaces (None: a new entry); refuses to replace a
    text without ``force`` and to reuse a text file another entry holds."""
    existing = manifest.find(symbol, language)
    base = existing or manifest.find(symbol, None)
    if existing is not None and existing.has_text and not force:
        raise CorpusError(f"{existing.label} is already in the corpus ({existing.text}); "
                          "use --force to replace it", manifest.path)
    text_rel = text_path_for(symbol, language)
    for e in manifest:
        if e is not base and e.text == text_rel:
            raise CorpusError(f"{text_rel} already holds {e.label}", manifest.path)
    return base


class _Given(TypedDict):
    """The entry fields the caller of :func:`add_document` gave (None: not given)."""
    kind: str | None
    title: str | None
    date: str | None
    adopted_from: Iterable[str] | None
    revises: Iterable[str] | None
    builds_on: Iterable[str] | None
    notes: str | None


def _merged_entry(prev: Entry, doc: Document, given: _Given, origin: str,
                  source: Source | None) -> Entry:
    """``prev`` updated with ``doc`` and the fields the caller gave (None: keep the old)."""
    assert doc.symbol is not None  # _check_addable ran first
    # Notes mostly tell where a text came from: those of another origin no longer hold.
    kept_notes = prev.notes if prev.origin in (None, origin) else None
    notes = given["notes"]
    # A date given or printed in the document, else the entry's, else the year the symbol
    # implies, marked inferred (a web copy or an excerpt carries no date; undated, it would
    # sort after every dated text).
    date, inferred = given["date"] or doc.date, False
    if not date:
        date, inferred = prev.date, prev.date_inferred
    if not date:
        date = implied_year(doc.symbol or "")
        inferred = date is not None
    fields = dataclasses.replace(
        prev,
        symbol=doc.symbol,  # a placeholder may spell it differently (a/80/l.41)
        language=doc.language,
        kind=given["kind"] or prev.kind,
        date=date,
        date_inferred=inferred,
        title=given["title"] or doc.title or prev.title,
        origin=origin,
        text=text_path_for(doc.symbol or "", doc.language or ""),
        source=source.path if source else None,
        source_sha256=source.sha256 if source else None,
        adopted_from=_links(given["adopted_from"], prev.adopted_from),
        revises=_links(given["revises"], prev.revises),
        builds_on=_links(given["builds_on"], prev.builds_on),
        notes=notes if notes is not None else kept_notes,
    )
    return entry_from_dict(fields.to_dict(), "new entry")


def add_document(
    corpus_dir: str | Path,
    doc: Document,
    *,
    kind: str | None = None,
    origin: str | None = None,
    title: str | None = None,
    date: str | None = None,
    adopted_from: Iterable[str] | None = None,
    revises: Iterable[str] | None = None,
    builds_on: Iterable[str] | None = None,
    notes: str | None = None,
    source_file: str | Path | None = None,
    force: bool = False,
    text_notes: Iterable[str] = (),
) -> Entry:
    """Write ``doc`` into the corpus as ``texts/<stem>.<lang>.txt`` and list it in the manifest.

    The entry is keyed by the document's symbol and language. An entry that already has a text
    is replaced only with ``force``; an entry without text yet (same symbol, same or no
    language) is completed, keeping its kind, links and notes unless new ones are given.
    ``source_file`` is recorded with its sha256; when it lies outside the corpus it is copied
    in (PDFs to ``pdfs/``, other files to ``sources/``). ``text_notes`` go into the canonical
    text's header as ``note:`` lines (``lineage ingest`` keeps the masthead's lineage phrases
    there). Returns the new entry.

    Runs as one :func:`~lineage.corpus.txn.corpus_transaction`: concurrent additions queue on
    the corpus lock and each sees the others' entries; a crash leaves the old corpus or the new.
    """
    _check_addable(doc)
    corpus_dir = Path(corpus_dir)
    given = _Given(kind=kind, title=title, date=date, adopted_from=adopted_from, revises=revises,
                   builds_on=builds_on, notes=notes)
    with corpus_transaction(corpus_dir) as txn:
        manifest = load_manifest(corpus_dir, missing_ok=True)  # under the lock: the latest
        base = _entry_to_replace(manifest, doc.symbol or "", doc.language or "", force)
        writes: list[tuple[str, bytes]] = []
        source = None
        origin_source = dataclasses.replace(doc.source, path=Path(doc.source.path).name)
        if source_file is not None:
            source, pdf = _record_source(source_file, corpus_dir, doc, writes)
            origin_source = source
            if origin is None:
                origin = "official-pdf" if pdf else "converted-text"
        prev = base or Entry(symbol=doc.symbol or "", kind=kind or guess_kind(doc.symbol or ""))
        origin = origin or prev.origin or "converted-text"
        entry = _merged_entry(prev, doc, given, origin, source)
        new_manifest = manifest.replacing(base, entry)
        validate_entries(new_manifest, None, corpus_dir / MANIFEST_NAME)
        text = format_document(doc, origin=origin_source, notes=tuple(text_notes))
        writes.append((entry.text or "", text.encode("utf-8")))
        txn.commit(writes, manifest_to_toml(new_manifest).encode("utf-8"))
    return entry


def register_entry(corpus_dir: str | Path, entry: Entry, *, force: bool = False) -> Entry:
    """List a document known by its metadata only (no text yet) in the manifest; an entry of
    the same symbol and language is replaced only with ``force``, and never one with a text."""
    corpus_dir = Path(corpus_dir)
    manifest_path = corpus_dir / MANIFEST_NAME
    entry = entry_from_dict(entry.to_dict(), "new entry")
    if entry.text is not None:
        raise CorpusError(f"{entry.label}: add a text with add_document, not register_entry", manifest_path)
    with corpus_transaction(corpus_dir) as txn:
        manifest = load_manifest(corpus_dir, missing_ok=True)
        existing = manifest.find(*entry.key)
        if existing is not None and (existing.has_text or not force):
            raise CorpusError(f"{existing.label} is already in the corpus", manifest_path)
        new_manifest = manifest.replacing(existing, entry)
        validate_entries(new_manifest, None, manifest_path)
        txn.commit([], manifest_to_toml(new_manifest).encode("utf-8"))
    return entry
