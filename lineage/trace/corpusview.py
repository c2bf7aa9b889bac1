"""A corpus seen by the lineage tools: its manifest, its graph, and its documents loaded once.

History, blame and topics all need "the texts of these symbols in this language, in lineage
order"; this is the one place that answers it.

**The corpus index.** When ``index.sqlite`` is fresh (``lineage.corpus.index.index_status``:
the manifest and every text as they were when it was built), a text's paragraphs come from
the index (already parsed, with their comparable forms) and no text is read; when it is
missing or stale, the texts are read (``index_status`` says which, for the command's note).
Both give the same paragraphs, so every view gives the same result either way.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from lineage.compare.reuse import comparable
from lineage.corpus.index import (
    IndexStatus,
    can_look_up,
    documents_matching,
    indexed_documents,
    indexed_paragraphs,
    open_if_fresh,
)
from lineage.corpus.manifest import Entry, Manifest, load_entry_document, load_manifest
from lineage.errors import CorpusError, UsageError
from lineage.model.document import Document, Paragraph, Source
from lineage.trace.graph import LineageGraph, Node, build_graph, node_key

__all__ = ["CorpusView"]

T = TypeVar("T")

# Comparable forms kept from the index at most (a pass over every text of a large corpus
# must not hold them all); forgetting one only means computing it again.
_FORMS_LIMIT = 50000


@dataclass
class CorpusView:
    corpus_dir: Path
    manifest: Manifest
    graph: LineageGraph
    # The index's state when the view was opened, and a connection to it when it is fresh.
    index: IndexStatus | None = None
    _con: sqlite3.Connection | None = None
    _doc_ids: dict[str, int] = field(default_factory=dict)
    _docs: dict[tuple[str, str], Document] = field(default_factory=dict)
    # Comparable forms (lineage.compare.reuse.comparable) by (language, printed text), from
    # the index: the same strings comparable() returns, computed when the index was built.
    _comparable: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def open(cls, corpus_dir: str | Path, use_index: bool = True) -> CorpusView:
        """The corpus in ``corpus_dir``; its texts come from the index when that is fresh
        (``use_index=False``: always from the texts)."""
        corpus_dir = Path(corpus_dir)
        manifest = load_manifest(corpus_dir)
        view = cls(corpus_dir, manifest, build_graph(manifest))
        if use_index:
            view.index, view._con = open_if_fresh(corpus_dir)
            if view._con is not None:
                view._doc_ids = indexed_documents(view._con)
        return view

    @property
    def uses_index(self) -> bool:
        return self._con is not None

    def stale_note(self) -> str | None:
        """The line a command prints on stderr when an index exists but is stale (it then
        reads the texts); None when the index is used or there is none."""
        if self.index is None or self.index.state != "stale":
            return None
        return self.index.note()

    def close(self) -> None:
        """Let go of the index (its read transaction holds off a rebuild's commit)."""
        if self._con is not None:
            self._con.close()
            self._con = None
            self._doc_ids = {}

    def __enter__(self) -> CorpusView:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def node(self, symbol: str) -> Node:
        return self.graph.node(symbol)

    def entry(self, symbol: str, language: str) -> Entry | None:
        node = self.node(symbol)
        for e in node.entries:
            if e.language == language and e.has_text:
                return e
        return None

    def language_for(self, symbol: str, language: str | None) -> str:
        """``language`` if the corpus has ``symbol`` in it; with None, the only language the
        corpus has for it (or Chinese, then English, when there are several)."""
        node = self.node(symbol)
        if not node.languages:
            raise UsageError(f"the corpus lists {node.symbol} but holds no text of it (add or fetch one)")
        if language is not None:
            if language not in node.languages:
                raise UsageError(f"the corpus has {node.symbol} in {', '.join(node.languages)}, not in {language!r}")
            return language
        for preferred in ("zh", "en"):
            if preferred in node.languages:
                return preferred
        return node.languages[0]

    def has_text(self, symbol: str, language: str) -> bool:
        """Does the corpus hold ``symbol``'s text in ``language``? (False for a symbol it
        does not list at all.)"""
        node = self.graph.nodes.get(node_key(symbol))
        return node is not None and language in node.languages

    def document(self, symbol: str, language: str, keep: bool = True) -> Document:
        """The text of ``symbol`` in ``language``, read once and kept for the next call;
        ``keep=False`` for a pass over many texts that needs each only once (a corpus of
        thousands should not be held in memory)."""
        key = (node_key(symbol), language)
        doc = self._docs.get(key)
        if doc is None:
            entry = self.entry(symbol, language)
            if entry is None:
                raise UsageError(f"the corpus has no {language} text of {key[0]}")
            doc = self._indexed_document(entry) or load_entry_document(self.corpus_dir, entry)
            if keep:
                self._docs[key] = doc
        return doc

    def _indexed_document(self, entry: Entry) -> Document | None:
        """``entry``'s paragraphs from a fresh index, as a Document (paragraph ids, numbers and
        texts, which is what the views read; the header and footnotes are not in the index)."""
        doc_id = self._doc_ids.get(entry.text or "")
        if self._con is None or doc_id is None:
            return None
        language = entry.language or ""
        preamble: list[Paragraph] = []
        operative: list[Paragraph] = []
        for row in self._read(indexed_paragraphs, self._con, doc_id):
            (preamble if row.part == "preamble" else operative).append(Paragraph(row.pid, row.text, row.number))
            if len(self._comparable) >= _FORMS_LIMIT:
                self._comparable.clear()
            self._comparable[(language, row.text)] = row.comp
        source = Source(path=str(self.corpus_dir / (entry.text or "")), kind="corpus")
        return Document(entry.symbol, entry.language, source, preamble=preamble, paragraphs=operative)

    def _read(self, query: Callable[..., T], *args: Any) -> T:
        """``query(*args)`` on the index; a damaged index is one clear error."""
        try:
            return query(*args)
        except sqlite3.Error as exc:
            where = self.index.path if self.index is not None else self.corpus_dir
            raise CorpusError(f"cannot read the corpus index ({exc}); rebuild it with "
                              f"`lineage index --corpus {self.corpus_dir}`", where) from None

    def comparable(self, text: str, language: str) -> str:
        """:func:`lineage.compare.reuse.comparable` of a paragraph text: from the index for
        the texts it holds (no normalising), else computed."""
        form = self._comparable.get((language, text))
        return comparable(text, language) if form is None else form

    def paragraph_forms(self, symbol: str, language: str, keep: bool = True) -> list[tuple[Paragraph, str]]:
        """The paragraphs of ``symbol``'s text in ``language`` with their comparable forms."""
        doc = self.document(symbol, language, keep)
        return [(p, self.comparable(p.text, language)) for p in doc.all_paragraphs()]

    def texts_matching(self, groups: Iterable[Iterable[str]] | None) -> set[str] | None:
        """The text paths (``Entry.text``) of the documents with a paragraph whose
        ``compare``-normalised text holds every string of one of ``groups`` (case aside),
        looked up in the index (``lineage.corpus.index.documents_matching``: it may give
        more, never fewer); None (every text may match) without a fresh index, with
        ``groups`` None, or when a string cannot be looked up."""
        if self._con is None or groups is None:
            return None
        groups = [tuple(g) for g in groups]
        if not all(g and all(can_look_up(x) for x in g) for g in groups):
            return None
        ids = self._read(documents_matching, self._con, groups)
        return {path for path, doc_id in self._doc_ids.items() if doc_id in ids}

    def symbols_with_text(self, language: str | None = None) -> list[str]:
        """Symbols with a text (in ``language`` if given), in chronological order."""
        keys = [k for k, n in self.graph.nodes.items() if n.languages and (language is None or language in n.languages)]
        return self.graph.topological(keys)
