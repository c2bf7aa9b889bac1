"""Changing manifest entries from the command line (``lineage corpus set|link|unlink``).

Each change is one :func:`lineage.corpus.txn.corpus_transaction`: the manifest is re-read under
the corpus lock, the changed entries validated as a reader would (``entry_from_dict``,
``validate_entries``), and the new manifest written atomically; an invalid change writes
nothing. A change applies to every language version of the symbol (one document, several
texts), so that the links and metadata of the versions never disagree.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from lineage.corpus.manifest import (
    KINDS,
    LINK_FIELDS,
    MANIFEST_NAME,
    Entry,
    Manifest,
    entry_from_dict,
    load_manifest,
    manifest_to_toml,
    validate_entries,
)
from lineage.corpus.txn import corpus_transaction
from lineage.errors import CorpusError, UsageError
from lineage.model.symbols import document_key

__all__ = ["SETTABLE", "LINK_KINDS", "parse_assignments", "set_fields", "link", "unlink"]

SETTABLE = ("date", "kind", "title", "origin", "notes")
"""Fields ``corpus set`` may change. Not the symbol or language (they name the text file),
nor text and source (``lineage add --force`` replaces a text with its source)."""

LINK_KINDS = {"revises": "revises", "adopted-from": "adopted_from", "builds-on": "builds_on"}
"""``--kind`` of ``corpus link`` -> the manifest's link field."""


def parse_assignments(items: Iterable[str]) -> dict[str, str | None]:
    """``["date=2015-12-16", "notes="]`` -> ``{"date": "2015-12-16", "notes": None}`` (an
    empty value clears the field)."""
    out: dict[str, str | None] = {}
    for item in items:
        key, eq, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if not eq or not key:
            raise UsageError(f"{item!r} is not KEY=VALUE (keys: {', '.join(SETTABLE)})")
        if key not in SETTABLE:
            hint = " (use 'lineage corpus link')" if key in LINK_FIELDS else ""
            raise UsageError(f"cannot set {key!r}{hint}; settable: {', '.join(SETTABLE)}")
        if key in out:
            raise UsageError(f"{key} given twice")
        out[key] = value.strip() or None
    if not out:
        raise UsageError("nothing to set: give KEY=VALUE")
    return out


def _entries(manifest: Manifest, symbol: str, language: str | None) -> list[Entry]:
    found = manifest.by_symbol(symbol)
    if language is not None:
        found = [e for e in found if e.language == language]
    if not found:
        where = f" in {language!r}" if language else ""
        raise CorpusError(f"{symbol}{where} is not in the corpus (see 'lineage corpus list')",
                          manifest.path)
    return found


# A manifest edit: for each entry it changes, the entry and its new table.
_Change = Callable[[Manifest], Iterable[tuple[Entry, dict[str, Any]]]]


def _rewrite(corpus_dir: Path, change: _Change, what: str) -> list[Entry]:
    """Apply ``change(manifest) -> list of (old entry, new dict)`` under the lock."""
    manifest_path = corpus_dir / MANIFEST_NAME
    with corpus_transaction(corpus_dir) as txn:
        manifest = load_manifest(corpus_dir)
        updated = manifest
        out = []
        for old, table in change(manifest):
            new = entry_from_dict(table, what)
            updated = updated.replacing(next(e for e in updated if e.key == old.key), new)
            out.append(new)
        validate_entries(updated, corpus_dir, manifest_path)
        txn.commit([], manifest_to_toml(updated).encode("utf-8"))
    return out


def set_fields(corpus_dir: str | Path, symbol: str, values: dict[str, str | None],
               language: str | None = None) -> list[Entry]:
    """Set manifest fields of ``symbol`` (every language version, or ``language``'s); a value
    None clears the field. Setting a date clears ``date_inferred``."""
    if "kind" in values and values["kind"] is None:
        raise UsageError(f"kind cannot be empty (known: {', '.join(KINDS)})")

    def change(manifest: Manifest) -> Iterator[tuple[Entry, dict[str, Any]]]:
        for e in _entries(manifest, symbol, language):
            table = e.to_dict()
            for key, value in values.items():
                table.pop(key, None)
                if value is not None:
                    table[key] = value
            if "date" in values:
                table.pop("date_inferred", None)
            yield e, table

    return _rewrite(Path(corpus_dir), change, f"{symbol} after set")


def link(corpus_dir: str | Path, old: str, new: str, kind: str) -> list[Entry]:
    """Record that ``new`` ``kind`` ``old`` (``revises``, ``adopted-from``, ``builds-on``):
    ``link A/80/L.41 A/RES/80/173 --kind adopted-from``. ``old`` need not be in the corpus
    (the graph shows it as "not in the corpus"); ``new`` must be."""
    field = LINK_KINDS.get(kind) or (kind if kind in LINK_FIELDS else None)
    if field is None:
        raise UsageError(f"unknown link kind {kind!r} (known: {', '.join(LINK_KINDS)})")
    target = document_key(old)

    def change(manifest: Manifest) -> Iterator[tuple[Entry, dict[str, Any]]]:
        for e in _entries(manifest, new, None):
            if target in {document_key(s) for s in getattr(e, field)}:
                raise CorpusError(f"{e.label} already {field.replace('_', ' ')} {target}", manifest.path)
            table = e.to_dict()
            table[field] = [*getattr(e, field), target]
            yield e, table

    return _rewrite(Path(corpus_dir), change, f"{new} after link")


def unlink(corpus_dir: str | Path, old: str, new: str) -> list[Entry]:
    """Remove every link from ``new`` to ``old``; an error when there is none."""
    target = document_key(old)

    def change(manifest: Manifest) -> Iterator[tuple[Entry, dict[str, Any]]]:
        found = False
        for e in _entries(manifest, new, None):
            table = e.to_dict()
            touched = False
            for field in LINK_FIELDS:
                kept = [s for s in getattr(e, field) if document_key(s) != target]
                if len(kept) != len(getattr(e, field)):
                    touched = True
                    if kept:
                        table[field] = kept
                    else:
                        table.pop(field, None)
            if touched:
                found = True
                yield e, table
        if not found:
            raise CorpusError(f"{new} has no link to {target}", manifest.path)

    return _rewrite(Path(corpus_dir), change, f"{new} after unlink")
