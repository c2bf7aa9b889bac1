"""``lineage graph``, ``history``, ``blame`` and ``topic``: the trace stage over a corpus,
rendered.

Each function imports the trace modules it uses when it runs (start-up, docs/performance.md):
``lineage graph`` should not load the comparison, the topic files or the table printer that
the other three need."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lineage.model.document import dumps

if TYPE_CHECKING:
    from lineage.trace.corpusview import CorpusView

__all__ = ["show_blame", "show_graph", "show_history", "show_search", "show_topic"]


def show_graph(corpus_dir: str | Path, symbol: str | None = None, fmt: str = "text",
               all_links: bool = False) -> str:
    """``lineage graph``: the whole corpus, or the documents linked to ``symbol`` (its versions
    and every earlier document it builds on, and those that build on it)."""
    # The links found from the documents (inferred) bring the text-reuse measures and
    # normalisation: loaded here only.
    from lineage.corpus.freshness import index_status
    from lineage.trace.graph import load_graph
    from lineage.trace.graph_render import render_graph
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


def _open_corpus(corpus_dir: str | Path) -> CorpusView:
    """The corpus view of ``history``, ``blame`` and ``topic`` (texts from the index when it is
    fresh); when the index is stale, the one note saying the texts are read instead."""
    from lineage.trace.corpusview import CorpusView

    view = CorpusView.open(corpus_dir)
    note = view.stale_note()
    if note is not None:
        print(note, file=sys.stderr)
    return view


def show_history(corpus_dir: str | Path, symbol: str, para: str, language: str | None = None,
                 fmt: str = "text") -> str:
    """``lineage history``: paragraph ``para`` of ``symbol`` through its versions."""
    from lineage.trace.history import paragraph_history, render_paragraph_history

    with _open_corpus(corpus_dir) as corpus:
        return render_paragraph_history(paragraph_history(corpus, symbol, para, language), fmt)


def show_blame(corpus_dir: str | Path, symbol: str, language: str | None = None, fmt: str = "text",
               threshold: float | None = None) -> str:
    """``lineage blame``: where each sentence of ``symbol`` comes from (``threshold``: the
    share of a sentence an earlier text must contain; None: ``DEFAULT_THRESHOLD``)."""
    from lineage.trace.blame import DEFAULT_THRESHOLD, blame, render_blame

    share = DEFAULT_THRESHOLD if threshold is None else threshold
    with _open_corpus(corpus_dir) as corpus:
        return render_blame(blame(corpus, symbol, language, share), fmt)


def show_topic(corpus_dir: str | Path, name: str | None, symbols: Sequence[str] = (),
               language: str | None = None, fmt: str = "text", terms: Sequence[str] = ()) -> str:
    """``lineage topic``: topic ``name`` (or the ad hoc ``terms``) through the corpus."""
    from lineage.trace.topic_render import render_topic
    from lineage.trace.topic_timeline import load_timeline

    with _open_corpus(corpus_dir) as corpus:
        return render_topic(load_timeline(corpus_dir, name, symbols, language, terms, corpus), fmt)
