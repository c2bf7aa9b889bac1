"""A corpus seen by the lineage tools: its manifest, its graph, and its documents loaded once.

History, blame and topics all need "the texts of these symbols in this language, in lineage
order"; this is the one place that answers it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lineage.corpus.manifest import Entry, Manifest, load_entry_document, load_manifest
from lineage.errors import UsageError
from lineage.model.document import Document
from lineage.trace.graph import LineageGraph, Node, build_graph, node_key

__all__ = ["CorpusView"]


@dataclass
class CorpusView:
    corpus_dir: Path
    manifest: Manifest
    graph: LineageGraph
    _docs: dict[tuple[str, str], Document] = field(default_factory=dict)

    @classmethod
    def open(cls, corpus_dir: str | Path) -> CorpusView:
        corpus_dir = Path(corpus_dir)
        manifest = load_manifest(corpus_dir)
        return cls(corpus_dir, manifest, build_graph(manifest))

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
            doc = load_entry_document(self.corpus_dir, entry)
            if keep:
                self._docs[key] = doc
        return doc

    def symbols_with_text(self, language: str | None = None) -> list[str]:
        """Symbols with a text (in ``language`` if given), in chronological order."""
        keys = [k for k, n in self.graph.nodes.items() if n.languages and (language is None or language in n.languages)]
        return self.graph.topological(keys)
