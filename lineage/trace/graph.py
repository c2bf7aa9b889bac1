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

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from lineage.corpus.manifest import LINK_FIELDS, Entry, Manifest, load_manifest
from lineage.errors import SymbolError, UsageError
from lineage.model.symbols import (
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
    "chronological_ranks",
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


@dataclass(frozen=True)
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
    # sort_key parses the symbol; every ordering asks for it again
    _sort_key: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def has_text(self) -> bool:
        return bool(self.languages)

    def sort_key(self) -> tuple:
        """Chronological: by date (undated last), then by symbol order."""
        key = self._sort_key
        if key is None:
            key = (self.date is None, self.date or "", symbol_sort_key(self.symbol))
            # A cache, not a field of the record (no init, no compare): the frozen record
            # lets it be set once.
            object.__setattr__(self, "_sort_key", key)
        return key

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


@dataclass(frozen=True)
class LineageGraph:
    """Nodes by key and edges in display order. The queries below index the edges by node on
    first use (``edges`` is complete once :func:`build_graph` returns; a graph changed after
    a query would need a new ``LineageGraph``). Each query is linear in the nodes and edges
    it reaches, and none recurses, so a chain of any depth works."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    _index: tuple[dict[str, list[Edge]], dict[str, list[Edge]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _ranks: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def _adjacent(self) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
        """Each node's outgoing and incoming edges, in the order of ``edges``."""
        index = self._index
        if index is None:
            out: dict[str, list[Edge]] = defaultdict(list)
            into: dict[str, list[Edge]] = defaultdict(list)
            for e in self.edges:
                out[e.source].append(e)
                into[e.target].append(e)
            index = (out, into)
            object.__setattr__(self, "_index", index)  # a cache, set once (see Node.sort_key)
        return index

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

    def ranks(self) -> dict[str, int]:
        """:func:`chronological_ranks` of every node, made on first use (like the edge index,
        it assumes the nodes no longer change). Ranks among all nodes order any subset too."""
        ranks = self._ranks
        if ranks is None:
            ranks = chronological_ranks(self.nodes, self.nodes)
            object.__setattr__(self, "_ranks", ranks)  # a cache, set once (see Node.sort_key)
        return ranks

    def out_edges(self, key: str, kinds: Iterable[str] = EDGE_KINDS) -> list[Edge]:
        kinds = tuple(kinds)
        return [e for e in self._adjacent()[0].get(key, ()) if e.kind in kinds]

    def _reach(self, start: str, kinds: tuple[str, ...], forward: bool, backward: bool) -> set[str]:
        """Nodes reachable from ``start`` (itself excluded unless on a cycle back to it)
        following edges source -> target (``forward``) and/or target -> source."""
        out, into = self._adjacent()
        seen: set[str] = set()
        todo = [start]
        while todo:
            key = todo.pop()
            steps = []
            if forward:
                steps += [e.target for e in out.get(key, ()) if e.kind in kinds]
            if backward:
                steps += [e.source for e in into.get(key, ()) if e.kind in kinds]
            for nxt in steps:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def component(self, symbol: str, kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """Every node linked to ``symbol`` through edges of ``kinds`` in either direction,
        in chronological order."""
        start = self.node(symbol).symbol
        return self.ordered_keys(self._reach(start, tuple(kinds), True, True) | {start})

    def ancestors(self, symbol: str, kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """Documents ``symbol`` derives from, directly or not, oldest first."""
        start = self.node(symbol).symbol
        return self.ordered_keys(self._reach(start, tuple(kinds), True, False) - {start})

    def descendants(self, symbol: str, kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """Documents that derive from ``symbol``, directly or not, oldest first."""
        start = self.node(symbol).symbol
        return self.ordered_keys(self._reach(start, tuple(kinds), False, True) - {start})

    def versions(self, symbol: str) -> list[str]:
        """The versions of one text (linked by revises / adopted_from / modifies), ordered
        so that every document comes after those it derives from, dates breaking ties."""
        keys = self.component(symbol, VERSION_EDGES)
        return self.topological(keys, VERSION_EDGES)

    def topological(self, keys: Iterable[str], kinds: Iterable[str] = EDGE_KINDS) -> list[str]:
        """``keys`` with every document after those it derives from (directly or through
        documents not among ``keys``, such as a draft the corpus has no text of); among
        documents free to go next, the chronologically first (then the first given).

        Hand-written links may form a cycle (A builds on B, B on A): documents that derive
        from each other hold no order between them, so dates decide among them, while each
        still comes after whatever the whole cycle derives from. Kahn's algorithm on the
        strongly connected components of the documents ``keys`` derive from: a component
        is done when its members among ``keys`` are placed (the others take no place)."""
        kinds = tuple(kinds)
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        out = self._adjacent()[0]
        # the documents keys derive from, each with the ones it derives from directly
        targets: dict[str, list[str]] = {}
        todo = list(keys)
        while todo:
            key = todo.pop()
            if key not in targets:
                targets[key] = [e.target for e in out.get(key, ()) if e.kind in kinds]
                todo.extend(targets[key])
        # Without a cycle every document is a component of its own; only when that leaves
        # some unplaced are the real components computed.
        order = _kahn_plain(keys, targets, self.ranks())
        if len(order) < len(keys):
            order = _kahn(keys, targets, _components(targets), self.nodes)
        return order

    def subgraph(self, keys: Iterable[str]) -> LineageGraph:
        keys = set(keys)
        return LineageGraph(
            {k: n for k, n in self.nodes.items() if k in keys},
            [e for e in self.edges if e.source in keys and e.target in keys],
        )

    def reduced(self) -> LineageGraph:
        """The same graph without ``builds_on`` links that another path already implies
        (A builds on C when A builds on B and B on C): what a reader wants to see. Links
        between versions are always kept."""
        keep: list[Edge] = []
        for edge in self.edges:
            if edge.kind == "builds_on" and self._reachable_without(edge):
                continue
            keep.append(edge)
        reduced = LineageGraph(dict(self.nodes), keep)
        object.__setattr__(reduced, "_ranks", self._ranks)  # the same nodes, the same ranks
        return reduced

    def _reachable_without(self, skip: Edge) -> bool:
        out = self._adjacent()[0]
        seen = {skip.source}
        todo = [skip.source]
        while todo:
            key = todo.pop()
            for e in out.get(key, ()):
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


def chronological_ranks(nodes: dict[str, Node], keys: Iterable[str]) -> dict[str, int]:
    """Each of ``keys`` with its place in chronological order (``Node.sort_key``), equal for
    equal sort keys: orderings then compare small numbers instead of the nested keys (the
    edges of a graph, the heap of :func:`_kahn`)."""
    ranks: dict[str, int] = {}
    last: tuple | None = None
    rank = -1
    for key in sorted(keys, key=lambda k: nodes[k].sort_key()):
        sort_key = nodes[key].sort_key()
        if sort_key != last:
            rank, last = rank + 1, sort_key
        ranks[key] = rank
    return ranks


def _kahn_plain(keys: list[str], targets: dict[str, list[str]], rank: dict[str, int]) -> list[str]:
    """:func:`_kahn` with every document a component of its own (what it does when the links
    have no cycle, the usual case), in fewer steps: the same order (``rank``: the documents'
    chronological ranks, :meth:`LineageGraph.ranks`)."""
    n = len(keys)
    # (chronological rank, place in keys) as one number; keys[p % n] is the document
    priority = {k: rank[k] * n + i for i, k in enumerate(keys)}
    count = dict.fromkeys(targets, 0)
    waited_by: dict[str, list[str]] = defaultdict(list)
    for key, direct in targets.items():
        for t in (set(direct) if len(direct) > 1 else direct):
            if t != key:
                count[key] += 1
                waited_by[t].append(key)
    ready: list[int] = []

    def release(first: str) -> None:
        todo = [first]
        while todo:
            c = todo.pop()
            if c in priority:
                heapq.heappush(ready, priority[c])
                continue
            for d in waited_by[c]:
                count[d] -= 1
                if count[d] == 0:
                    todo.append(d)

    for c in [c for c, m in count.items() if m == 0]:
        release(c)
    order: list[str] = []
    while ready:
        key = keys[heapq.heappop(ready) % n]
        order.append(key)
        for d in waited_by[key]:
            count[d] -= 1
            if count[d] == 0:
                release(d)
    return order


def _kahn(keys: list[str], targets: dict[str, list[str]], comp: Mapping[str, object],
          nodes: dict[str, Node]) -> list[str]:
    """Kahn's algorithm on the components ``comp`` of the graph ``targets``: ``keys`` in an
    order where each comes after the components it derives from, the chronologically first
    of those free to go next; a component is done when its members among ``keys`` are placed."""
    waited_by: dict[object, list[object]] = defaultdict(list)
    count: dict[object, int] = dict.fromkeys(comp.values(), 0)
    for key, direct in targets.items():
        c = comp[key]
        for t in {comp[t] for t in direct} - {c}:
            count[c] += 1
            waited_by[t].append(c)
    position = {k: i for i, k in enumerate(keys)}
    rank = chronological_ranks(nodes, keys)  # the heap compares numbers, not the nested sort keys
    members: dict[object, list[str]] = defaultdict(list)
    for key in keys:
        members[comp[key]].append(key)
    unplaced = {c: len(m) for c, m in members.items()}
    ready: list[tuple[int, int, str]] = []

    def release(first: object) -> None:
        """Component ``first`` has nothing left to wait for: offer its documents, and when it
        has none among ``keys``, release what waits for it, and so on."""
        todo = [first]
        while todo:
            c = todo.pop()
            if unplaced.get(c):
                for key in members[c]:
                    heapq.heappush(ready, (rank[key], position[key], key))
                continue
            for d in waited_by[c]:
                count[d] -= 1
                if count[d] == 0:
                    todo.append(d)

    for c in [c for c, n in count.items() if n == 0]:
        release(c)
    order: list[str] = []
    while ready:
        key = heapq.heappop(ready)[2]
        order.append(key)
        c = comp[key]
        unplaced[c] -= 1
        if unplaced[c] == 0:
            for d in waited_by[c]:
                count[d] -= 1
                if count[d] == 0:
                    release(d)
    return order


def _components(targets: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components of the graph ``key -> targets[key]`` (every target a
    key): component number by key. Tarjan's algorithm with an explicit stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    comp: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in targets:
        if root in index:
            continue
        work = [(root, iter(targets[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            key, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(targets[nxt])))
                elif nxt in on_stack:
                    low[key] = min(low[key], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[key])
            if low[key] == index[key]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp[member] = index[key]
                    if member == key:
                        break
    return comp


def _merge_entries(entries: list[Entry]) -> Node:
    """One node for all language versions of a symbol: the earliest date given, the first
    kind and title (entries are in manifest order)."""
    if len(entries) == 1 and entries[0].date:
        # the usual entry, merged with nothing (the same fields as below, without the sorting)
        e = entries[0]
        return Node(node_key(e.symbol), e.date, e.kind or None, e.title or None,
                    (e.language,) if e.language and e.has_text else (), (e,), True, e.date_inferred)
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
    nodes = graph.nodes
    for key in list(nodes):
        try:
            sym = parse_symbol(key)
        except SymbolError:
            continue  # the name of an informal draft
        if not sym.modifiers:
            continue  # an original: neither revises nor modifies anything
        if sym.is_revision:
            if (key, "revises") in explicit:
                continue
            # The nearest earlier version the corpus knows (Rev.1 of an addendum revises the
            # addendum, which has no earlier revision); none at all: a lone Tunis Agenda Rev.1
            # should not grow an unknown original. Stops at the first known one, so a chain of
            # revisions costs one step per document.
            prev = sym.previous_revision()
            while prev is not None:
                prev_key = str(prev)
                if prev_key in nodes:
                    graph.edges.append(Edge(key, prev_key, "revises", inferred=True))
                    break
                prev = prev.previous_revision()
            continue
        base = sym.modified()
        if base is not None and (key, "modifies") not in explicit and str(base) in nodes:
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
            for kind in LINK_FIELDS:
                for target in getattr(entry, kind):
                    tkey = node_key(target)
                    if (key, tkey, kind) in seen:
                        continue
                    seen.add((key, tkey, kind))
                    if tkey not in graph.nodes:
                        graph.nodes[tkey] = Node(symbol=tkey, listed=False)
                    graph.edges.append(Edge(key, tkey, kind))
    _infer_from_symbols(graph)
    order = graph.ranks()
    kind_order = {kind: i for i, kind in enumerate(EDGE_KINDS)}
    graph.edges.sort(key=lambda e: (order[e.source], kind_order[e.kind], order[e.target]))
    return graph


def load_graph(corpus_dir: str | Path) -> LineageGraph:
    return build_graph(load_manifest(corpus_dir))
