"""``lineage graph``, ``history``, ``blame`` and ``topic``: the trace stage over a corpus,
rendered."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lineage.model.document import dumps
from lineage.trace.blame import DEFAULT_THRESHOLD, blame, render_blame
from lineage.trace.corpusview import CorpusView
from lineage.trace.graph import load_graph
from lineage.trace.graph_render import render_graph
from lineage.trace.history import paragraph_history, render_history
from lineage.trace.topic_render import render_topic
from lineage.trace.topic_timeline import load_timeline

__all__ = ["show_blame", "show_graph", "show_history", "show_search", "show_topic"]


def show_graph(corpus_dir: str | Path, symbol: str | None = None, fmt: str = "text",
               all_links: bool = False) -> str:
    """``lineage graph``: the whole corpus, or the documents linked to ``symbol`` (its versions
    and every earlier document it builds on, and those that build on it)."""
    # Loaded here, not at start-up: the links found from the documents bring the text-reuse
    # measures and normalisation (docs/architecture.md: lazy imports only in lineage/cli).
    from lineage.corpus.index import index_status
    from lineage.trace.inferred import evidence_lines, infer_links, with_inferred

    graph = load_graph(corpus_dir)
    status = index_status(corpus_dir)
    if status.state == "stale":
        print(status.note(), file=sys.stderr)
    links = infer_links(corpus_dir, graph, status)
    graph = with_inferred(graph, links)
    focus = None
    if symbol is not None:
        focus = graph.node(symbol).symbol
        graph = graph.subgraph(graph.component(focus))
    if not all_links:
        graph = graph.reduced()
    out = render_graph(graph, fmt, focus)
    if fmt == "text":
        out += "".join(line + "\n" for line in evidence_lines(links, set(graph.nodes)))
    elif fmt == "json":
        shown = [lk.to_dict() for lk in links if lk.source in graph.nodes and lk.target in graph.nodes]
        if shown:
            data = json.loads(out)
            data["inferred"] = shown
            out = dumps(data)
    return out


def show_search(corpus_dir: str | Path, query: str, fmt: str = "text", **options: Any) -> str:
    """``lineage search``: the paragraphs using ``query``, earliest first."""
    from lineage.trace.search import render_search, search

    return render_search(search(corpus_dir, query, **options), fmt)


def show_history(corpus_dir: str | Path, symbol: str, para: str, language: str | None = None,
                 fmt: str = "text") -> str:
    """``lineage history``: paragraph ``para`` of ``symbol`` through its versions."""
    return render_history(paragraph_history(CorpusView.open(corpus_dir), symbol, para, language), fmt)


def show_blame(corpus_dir: str | Path, symbol: str, language: str | None = None, fmt: str = "text",
               threshold: float = DEFAULT_THRESHOLD) -> str:
    """``lineage blame``: where each sentence of ``symbol`` comes from."""
    return render_blame(blame(CorpusView.open(corpus_dir), symbol, language, threshold), fmt)


def show_topic(corpus_dir: str | Path, name: str, symbols: Sequence[str] = (), language: str | None = None,
               fmt: str = "text") -> str:
    """``lineage topic``: topic ``name`` through the corpus."""
    return render_topic(load_timeline(corpus_dir, name, symbols, language), fmt)
