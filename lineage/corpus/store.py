"""Adding documents to a corpus: canonical text, source copy and manifest, all or nothing.

Every file is written with :func:`lineage.corpus.files.atomic_write_bytes` (temporary file renamed
into place), the manifest last, so a reader never sees an entry whose text is not there yet.
If any write fails, the files already written are put back as they were.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable, Sequence

from lineage.errors import CorpusError
from lineage.corpus.files import atomic_write_bytes, sha256_file
from lineage.model.document import Document, Source
from lineage.model.symbols import document_key
from lineage.corpus.manifest import (
    MANIFEST_NAME,
    Entry,
    entry_from_dict,
    load_manifest,
    manifest_to_toml,
    text_stem,
    validate_entries,
)
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


def _is_pdf(path: Path) -> bool:
    if path.suffix.lower() == ".pdf":
        return True
    with open(path, "rb") as fh:
        return fh.read(5) == b"%PDF-"


def _inside(path: Path, folder: Path) -> str | None:
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _write_all(writes: Sequence[tuple[Path, bytes]]) -> None:
    """Write each file atomically; on any failure restore those already written (and remove
    folders this call created), then raise CorpusError."""
    done: list[tuple[Path, bytes | None]] = []
    made_dirs: list[Path] = []
    try:
        for path, data in writes:
            for parent in reversed(path.parents):
                if not parent.exists():
                    made_dirs.append(parent)
            before = path.read_bytes() if path.exists() else None
            atomic_write_bytes(path, data)
            done.append((path, before))
    except OSError as exc:
        for path, before in reversed(done):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write_bytes(path, before)
        for folder in reversed(made_dirs):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise CorpusError(f"cannot write the corpus ({exc.strerror or exc}); nothing was changed",
                          writes[len(done)][0]) from None


def _links(given: Iterable[str] | None, base: tuple[str, ...]) -> tuple[str, ...]:
    if given is None:
        return base
    # The lineage graph keys documents by canonical symbol; names of informal drafts stay as given.
    return tuple(dict.fromkeys(document_key(s) for s in given))


def _record_source(source_file: str | Path, corpus_dir: Path, doc: Document,
                   writes: list[tuple[Path, bytes]]) -> tuple[Source, bool]:
    """The origin record of ``doc`` read from ``source_file``, and whether that is a PDF; a
    file outside the corpus is queued in ``writes`` to be copied in (PDFs to ``pdfs/``,
    other files to ``sources/``)."""
    src = Path(source_file)
    if not src.is_file():
        raise CorpusError("source file not found", src)
    pdf = _is_pdf(src)
    source_rel = _inside(src, corpus_dir)
    if source_rel is None:
        folder, suffix = (PDFS_DIR, ".pdf") if pdf else (SOURCES_DIR, src.suffix)
        source_rel = f"{folder}/{text_stem(doc.symbol or '', doc.language)}{suffix}"
        writes.append((corpus_dir / source_rel, src.read_bytes()))
    return Source(path=source_rel, kind=doc.source.kind, sha256=sha256_file(src), pages=doc.source.pages), pdf


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
) -> Entry:
    """Write ``doc`` into the corpus as ``texts/<stem>.<lang>.txt`` and list it in the manifest.

    The entry is keyed by the document's symbol and language. An entry that already has a text
    is replaced only with ``force``; an entry without text yet (same symbol, same or no
    language) is completed, keeping its kind, links and notes unless new ones are given.
    ``source_file`` is recorded with its sha256; when it lies outside the corpus it is copied
    in (PDFs to ``pdfs/``, other files to ``sources/``). Returns the new entry.
    """
    corpus_dir = Path(corpus_dir)
    manifest_path = corpus_dir / MANIFEST_NAME
    if not doc.symbol:
        raise CorpusError("the document has no symbol: give one (--symbol)", doc.source.path)
    if not doc.language:
        raise CorpusError("the document has no language: give one (--lang)", doc.source.path)
    if not doc.preamble and not doc.paragraphs:
        raise CorpusError("the document has no paragraph to add", doc.source.path)
    manifest = load_manifest(corpus_dir, missing_ok=True)
    symbol, language = doc.symbol, doc.language
    existing = manifest.find(symbol, language)
    base = existing or manifest.find(symbol, None)
    if existing is not None and existing.has_text and not force:
        raise CorpusError(f"{existing.label} is already in the corpus ({existing.text}); "
                          "use --force to replace it", manifest_path)

    text_rel = text_path_for(symbol, language)
    for e in manifest:
        if e is not base and e.text == text_rel:
            raise CorpusError(f"{text_rel} already holds {e.label}", manifest_path)

    writes: list[tuple[Path, bytes]] = []
    source_rel = source_sha = None
    origin_source = dataclasses.replace(doc.source, path=Path(doc.source.path).name)
    if source_file is not None:
        origin_source, pdf = _record_source(source_file, corpus_dir, doc, writes)
        source_rel, source_sha = origin_source.path, origin_source.sha256
        if origin is None:
            origin = "official-pdf" if pdf else "converted-text"

    prev = base or Entry(symbol=symbol, kind=kind or guess_kind(symbol))
    origin = origin or prev.origin or "converted-text"
    # Notes mostly tell where a text came from: those of another origin no longer hold.
    kept_notes = prev.notes if prev.origin in (None, origin) else None
    fields = dataclasses.replace(
        prev,
        symbol=symbol,  # a placeholder may spell it differently (a/80/l.41)
        language=language,
        kind=kind or prev.kind,
        date=date or doc.date or prev.date,
        title=title or doc.title or prev.title,
        origin=origin,
        text=text_rel,
        source=source_rel,
        source_sha256=source_sha,
        adopted_from=_links(adopted_from, prev.adopted_from),
        revises=_links(revises, prev.revises),
        builds_on=_links(builds_on, prev.builds_on),
        notes=notes if notes is not None else kept_notes,
    )
    entry = entry_from_dict(fields.to_dict(), "new entry")
    new_manifest = manifest.replacing(base, entry)
    validate_entries(new_manifest, None, manifest_path)

    text = format_document(doc, origin=origin_source)
    writes.append((corpus_dir / text_rel, text.encode("utf-8")))
    writes.append((manifest_path, manifest_to_toml(new_manifest).encode("utf-8")))
    _write_all(writes)
    return entry


def register_entry(corpus_dir: str | Path, entry: Entry, *, force: bool = False) -> Entry:
    """List a document known by its metadata only (no text yet) in the manifest; an entry of
    the same symbol and language is replaced only with ``force``, and never one with a text."""
    corpus_dir = Path(corpus_dir)
    manifest_path = corpus_dir / MANIFEST_NAME
    entry = entry_from_dict(entry.to_dict(), "new entry")
    if entry.text is not None:
        raise CorpusError(f"{entry.label}: add a text with add_document, not register_entry", manifest_path)
    manifest = load_manifest(corpus_dir, missing_ok=True)
    existing = manifest.find(*entry.key)
    if existing is not None and (existing.has_text or not force):
        raise CorpusError(f"{existing.label} is already in the corpus", manifest_path)
    new_manifest = manifest.replacing(existing, entry)
    validate_entries(new_manifest, None, manifest_path)
    _write_all([(manifest_path, manifest_to_toml(new_manifest).encode("utf-8"))])
    return entry
