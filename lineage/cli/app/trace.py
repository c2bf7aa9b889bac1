"""``lineage graph``, ``history``, ``blame`` and ``topic``: the trace stage over a corpus,
rendered.

Each function imports the trace modules it uses when it runs (start-up, docs/performance.md):
``lineage graph`` should not load the comparison, the topic files or the table printer that
the other three need."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["show_blame", "show_graph", "show_history", "show_topic"]


def show_graph(corpus_dir: str | Path, symbol: str | None = None, fmt: str = "text",
               all_links: bool = False) -> str:
    """``lineage graph``: the whole corpus, or the documents linked to ``symbol`` (its versions
    and every earlier document it builds on, and those that build on it)."""
    from lineage.trace.graph import load_graph
    from lineage.trace.graph_render import render_graph

    graph = load_graph(corpus_dir)
    focus = None
    if symbol is not None:
        focus = graph.node(symbol).symbol
        graph = graph.subgraph(graph.component(focus))
    if not all_links:
        graph = graph.reduced()
    return render_graph(graph, fmt, focus)


def show_history(corpus_dir: str | Path, symbol: str, para: str, language: str | None = None,
                 fmt: str = "text") -> str:
    """``lineage history``: paragraph ``para`` of ``symbol`` through its versions."""
    from lineage.trace.corpusview import CorpusView
    from lineage.trace.history import paragraph_history, render_history

    return render_history(paragraph_history(CorpusView.open(corpus_dir), symbol, para, language), fmt)


def show_blame(corpus_dir: str | Path, symbol: str, language: str | None = None, fmt: str = "text",
               threshold: float | None = None) -> str:
    """``lineage blame``: where each sentence of ``symbol`` comes from (``threshold``: the
    share of a sentence an earlier text must contain; None: ``DEFAULT_THRESHOLD``)."""
    from lineage.trace.blame import DEFAULT_THRESHOLD, blame, render_blame
    from lineage.trace.corpusview import CorpusView

    share = DEFAULT_THRESHOLD if threshold is None else threshold
    return render_blame(blame(CorpusView.open(corpus_dir), symbol, language, share), fmt)


def show_topic(corpus_dir: str | Path, name: str, symbols: Sequence[str] = (), language: str | None = None,
               fmt: str = "text") -> str:
    """``lineage topic``: topic ``name`` through the corpus."""
    from lineage.trace.topic_render import render_topic
    from lineage.trace.topic_timeline import load_timeline

    return render_topic(load_timeline(corpus_dir, name, symbols, language), fmt)
