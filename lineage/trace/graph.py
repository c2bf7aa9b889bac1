"""The lineage graph: documents of a corpus and how they derive from one another.

Nodes are documents (one per symbol, whatever the languages the corpus holds). Edges point from
the later document to the earlier one it comes from:

- ``revises``: a revised text replaces an earlier one (``A/80/L.41/Rev.1`` -> ``A/80/L.41``);
- ``adopted_from``: an adopted resolution and the draft it was adopted from;
- ``builds_on``: a document that reaffirms, reviews or continues an earlier one;
- ``modifies``: an addendum, corrigendum or amendment and the text it applies to.

Links come from the manifest. Where the manifest does not say what a revision revises, the
symbol does: ``…/Rev.2`` revises the nearest earlier version of the same family the corpus
knows (``…/Rev.1``, else the original), and ``…/Corr.1`` modifies its base. Such edges are
marked ``inferred``. A link may name a document the manifest does not list; it becomes a node
marked ``listed = False``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lineage.corpus.manifest import Entry, Manifest, load_manifest
from lineage.errors import UsageError
from lineage.model.symbols import (
    Symbol,
    document_key,
    implied_year,
    is_symbol,
    parse_symbol,
    symbol_sort_key,
)

__all__ = [
    "GRAPH_SCHEMA",
    "EDGE_KINDS",
    "VERSION_EDGES",
    "Node",
    "Edge",
    "LineageGraph",
    "build_graph",
    "load_graph",
    "node_key",
]

GRAPH_SCHEMA = "lineage.trace.graph/1"
EDGE_KINDS = ("revises", "adopted_from", "builds_on", "modifies")
# Edges between versions of one text (as opposed to a text and an earlier document it cites).
VERSION_EDGES = ("revises", "adopted_from", "modifies")
EDGE_LABELS = {"revises": "revises", "adopted_from": "adopted from", "builds_on": "builds on", "modifies": "modifies"}


def node_key(symbol: str) -> str:
    """The canonical symbol when ``symbol`` is one, else the text as given (informal drafts
    have names, not symbols)."""
    return document_key(symbol)


@dataclass
class Node:
    symbol: str
    date: str | None = None
    kind: str | None = None
    title: str | None = None
    languages: tuple[str, ...] = ()  # languages whose text the corpus holds
    entries: tuple[Entry, ...] = ()
    listed: bool = True
    # ``date`` is only the year the symbol implies (no entry gives one): see _merge_entries.
    date_inferred: bool = False

    @property
    def has_text(self) -> bool:
        return bool(self.languages)

    def sort_key(self) -> tuple:
        """Chronological: by date (undated last), then by symbol order."""
        return (self.date is None, self.date or "", symbol_sort_key(self.symbol))

    @property
    def shown_date(self) -> str:
        """The date as a reader should see it: ``2015 (inferred)`` when only implied."""
        if not self.date:
            return ""
        return f"{self.date} (inferred)" if self.date_inferred else self.date

    def to_dict(self) -> dict:
        return {
            "symbol": self.symbol,
            "date": self.date,
            "date_inferred": self.date_inferred,
            "kind": self.kind,
            "title": self.title,
            "languages": list(self.languages),
            "listed": self.listed,
        }


@dataclass(frozen=True)
class Edge:
    """``source`` (the later document) ``kind`` ``target`` (the earlier one)."""

    source: str
    target: str
    kind: str
    inferred: bool = False

    def to_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "kind": self.kind, "inferred": self.inferred}


@dataclass
class LineageGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    # --- navigation -----------------------------------------------------------------------
    def node(self, symbol: str) -> Node:
        key = node_key(symbol)
        if key not in self.nodes:
            known = self.ordered_keys()
            shown = ", ".join(known[:12]) + (f", … ({len(known)} in all)" if len(known) > 12 else "")
            if is_symbol(key):
                raise UsageError(f"{key} is not in the corpus manifest (known: {shown or 'none'})")
            if "/" in key:
                parse_symbol(symbol)  # meant as a symbol but malformed: say what is wrong
            # Without a slash it may be the name of an informal draft, which is not listed.
            raise UsageError(f"{key} is neither a document symbol nor the name of a document in the "
                             f"corpus manifest (known: {shown or 'none'})")
        return self.nodes[key]

    def ordered_keys(self, keys: Iterable[str] | None = None) -> list[str]:
        keys = self.nodes if keys is None else keys
        return sorted(keys, key=lambda k: self.nodes[k].sort_key())

    def out_edges(self, key: str, kinds: Iterable[str] = EDGE_KINDS) -> list[Edge]:
        kinds = tuple(kinds)
        return [e for e in self.edges if e.source == key and e.kind in kinds]

    def component(self, symbol: str, kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """Every node linked to ``symbol`` through edges of ``kinds`` in either direction,
        in chronological order."""
        kinds = tuple(kinds)
        start = self.node(symbol).symbol
        seen = {start}
        todo = [start]
        while todo:
            key = todo.pop()
            for e in self.edges:
                if e.kind not in kinds:
                    continue
                for a, b in ((e.source, e.target), (e.target, e.source)):
                    if a == key and b not in seen:
                        seen.add(b)
                        todo.append(b)
        return self.ordered_keys(seen)

    def ancestors(self, symbol: str, kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """Documents ``symbol`` derives from, directly or not, oldest first."""
        kinds = tuple(kinds)
        start = self.node(symbol).symbol
        seen: set[str] = set()
        todo = [start]
        while todo:
            key = todo.pop()
            for e in self.out_edges(key, kinds):
                if e.target not in seen and e.target != start:
                    seen.add(e.target)
                    todo.append(e.target)
        return self.ordered_keys(seen)

    def versions(self, symbol: str) -> list[str]:
        """The versions of one text (linked by revises / adopted_from / modifies), ordered
        so that every document comes after those it derives from, dates breaking ties."""
        keys = self.component(symbol, VERSION_EDGES)
        return self.topological(keys, VERSION_EDGES)

    def topological(self, keys: Iterable[str], kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """``keys`` with every document after those it derives from (directly or through
        documents not among ``keys``, such as a draft the corpus has no text of); among
        documents free to go next, the chronologically first."""
        kinds = tuple(kinds)
        keys = list(dict.fromkeys(keys))
        inside = set(keys)
        ancestors = {k: set(self.ancestors(k, kinds)) & inside for k in keys}
        # Hand-written links may form a cycle (A builds on B, B on A): documents that derive
        # from each other hold no order between them, so dates decide among them, while each
        # still comes after whatever the whole cycle derives from.
        waiting = {k: {a for a in deps if k not in ancestors[a]} for k, deps in ancestors.items()}
        order: list[str] = []
        while waiting:
            ready = [k for k, deps in waiting.items() if not deps]
            nxt = min(ready, key=lambda k: self.nodes[k].sort_key())
            order.append(nxt)
            del waiting[nxt]
            for deps in waiting.values():
                deps.discard(nxt)
        return order

    def subgraph(self, keys: Iterable[str]) -> "LineageGraph":
        keys = set(keys)
        return LineageGraph(
            {k: n for k, n in self.nodes.items() if k in keys},
            [e for e in self.edges if e.source in keys and e.target in keys],
        )

    def reduced(self) -> "LineageGraph":
        """The same graph without ``builds_on`` links that another path already implies
        (A builds on C when A builds on B and B on C): what a reader wants to see. Links
        between versions are always kept."""
        keep: list[Edge] = []
        for edge in self.edges:
            if edge.kind == "builds_on" and self._reachable_without(edge):
                continue
            keep.append(edge)
        return LineageGraph(dict(self.nodes), keep)

    def _reachable_without(self, skip: Edge) -> bool:
        seen = {skip.source}
        todo = [skip.source]
        while todo:
            key = todo.pop()
            for e in self.out_edges(key):
                if e is skip or e.target in seen:
                    continue
                if e.target == skip.target:
                    return True
                seen.add(e.target)
                todo.append(e.target)
        return False

    def to_dict(self) -> dict:
        return {
            "schema": GRAPH_SCHEMA,
            "nodes": [self.nodes[k].to_dict() for k in self.ordered_keys()],
            "edges": [e.to_dict() for e in self.edges],
        }


def _merge_entries(entries: list[Entry]) -> Node:
    """One node for all language versions of a symbol: the earliest date given, the first
    kind and title (entries are in manifest order)."""
    dated = sorted((e.date, e.date_inferred) for e in entries if e.date)
    date, inferred = dated[0] if dated else (None, False)
    if date is None:
        # An undated document would sort after every dated one (the 2005 Tunis Agenda after
        # the 2025 resolution): the year its symbol implies places it, marked inferred.
        date = implied_year(entries[0].symbol)
        inferred = date is not None
    return Node(
        symbol=node_key(entries[0].symbol),
        date=date,
        date_inferred=inferred,
        kind=next((e.kind for e in entries if e.kind), None),
        title=next((e.title for e in entries if e.title), None),
        languages=tuple(sorted({e.language for e in entries if e.language and e.has_text})),
        entries=tuple(entries),
    )


def _infer_from_symbols(graph: LineageGraph) -> None:
    explicit = {(e.source, e.kind) for e in graph.edges}
    parsed: dict[str, Symbol] = {k: parse_symbol(k) for k in graph.nodes if is_symbol(k)}
    for key in list(graph.nodes):
        sym = parsed.get(key)
        if sym is None:
            continue
        if sym.is_revision and (key, "revises") not in explicit:
            prev = sym.previous_revision()
            chain = []
            while prev is not None:
                chain.append(prev)
                # Rev.1 of an addendum revises the addendum, which has no earlier revision.
                prev = prev.previous_revision()
            # Only towards documents the corpus knows: a lone Tunis Agenda Rev.1 should not
            # grow an unknown original.
            found = next((str(p) for p in chain if str(p) in graph.nodes), None)
            if found is not None:
                graph.edges.append(Edge(key, found, "revises", inferred=True))
        base = sym.modified()
        if base is not None and (key, "modifies") not in explicit and str(base) in graph.nodes:
            graph.edges.append(Edge(key, str(base), "modifies", inferred=True))


def build_graph(manifest: Manifest | Iterable[Entry]) -> LineageGraph:
    """The graph of a manifest: its links, plus revision links inferred from symbols."""
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for entry in manifest:
        by_key[node_key(entry.symbol)].append(entry)
    graph = LineageGraph({k: _merge_entries(v) for k, v in by_key.items()})
    seen: set[tuple[str, str, str]] = set()
    for key, entries in by_key.items():
        for entry in entries:
            for kind, targets in entry.links().items():
                for target in targets:
                    tkey = node_key(target)
                    if (key, tkey, kind) in seen:
                        continue
                    seen.add((key, tkey, kind))
                    if tkey not in graph.nodes:
                        graph.nodes[tkey] = Node(symbol=tkey, listed=False)
                    graph.edges.append(Edge(key, tkey, kind))
    _infer_from_symbols(graph)
    graph.edges.sort(key=lambda e: (graph.nodes[e.source].sort_key(), EDGE_KINDS.index(e.kind),
                                    graph.nodes[e.target].sort_key()))
    return graph


def load_graph(corpus_dir: str | Path) -> LineageGraph:
    return build_graph(load_manifest(corpus_dir))
