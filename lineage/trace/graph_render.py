"""Print a lineage graph: a text tree, Mermaid, Graphviz DOT or JSON."""
from __future__ import annotations

import importlib

from lineage.errors import UsageError
from lineage.model.document import dumps
from lineage.trace.graph import EDGE_LABELS, LineageGraph, Node

__all__ = ["GRAPH_FORMATS", "MAX_DEPTH", "render_graph", "graph_text", "graph_mermaid", "graph_dot", "graph_json"]

GRAPH_FORMATS = ("text", "mermaid", "dot", "json", "svg", "html")


def _describe(node: Node) -> str:
    bits = [node.symbol]
    if node.date:
        bits.append(node.shown_date)
    if node.kind:
        bits.append(node.kind)
    if node.has_text:
        # Several languages of one document: a bridge between the chains of those languages.
        bits.append("[" + ", ".join(node.languages) + "]" + (" bridge" if len(node.languages) > 1 else ""))
    elif node.listed:
        bits.append("(listed, no text)")
    else:
        bits.append("(not in the corpus)")
    return "  ".join(bits)


# Deeper than this, a branch continues in a block of its own below the tree it belongs to:
# each level indents by three columns, and a chain of thousands of revisions drawn as one
# staircase would print millions of spaces.
MAX_DEPTH = 32


def graph_text(graph: LineageGraph, focus: str | None = None) -> str:
    """A tree from the newest documents down to what they derive from; a document reached
    twice is expanded once and then shown as ``(see above)``; a branch deeper than
    ``MAX_DEPTH`` goes on in a block of its own right after its tree (``(continued below)``)."""
    if not graph.nodes:
        return "(the corpus lists no documents)\n"
    has_parent = {e.target for e in graph.edges}
    newest_first = graph.ordered_keys()[::-1]
    # Documents nothing derives from, then whatever they did not reach: the members of a
    # cycle in hand-written links have a parent each, yet must be shown too.
    roots = [k for k in newest_first if k not in has_parent] + newest_first
    lines: list[str] = []
    expanded: set[str] = set()

    def mark(key: str) -> str:
        return " *" if key == focus else ""  # keys are strings: never equal to no focus

    rank = graph.ranks()

    def children(key: str) -> list:
        edges = graph.out_edges(key)
        return sorted(edges, key=lambda e: rank[e.target], reverse=True) if len(edges) > 1 else edges

    def draw(root: str, note: str) -> list[str]:
        """Lines of the tree under ``root``; returns the documents continued below."""
        continued: list[str] = []
        lines.append(_describe(graph.nodes[root]) + mark(root) + note)
        # depth-first with an explicit stack: (edge, prefix, last among its siblings, depth)
        stack = [(e, "", i == 0, 1) for i, e in enumerate(reversed(children(root)))]
        while stack:
            edge, prefix, last, depth = stack.pop()
            branch = "└─ " if last else "├─ "
            label = EDGE_LABELS[edge.kind] + (" (inferred)" if edge.inferred else "")
            target = graph.nodes[edge.target]
            if edge.target in expanded:
                lines.append(f"{prefix}{branch}{label}: {target.symbol}{mark(edge.target)} (see above)")
                continue
            expanded.add(edge.target)
            below = children(edge.target)
            if below and depth == MAX_DEPTH:
                lines.append(f"{prefix}{branch}{label}: {target.symbol}{mark(edge.target)} (continued below)")
                continued.append(edge.target)
                continue
            lines.append(f"{prefix}{branch}{label}: {_describe(target)}{mark(edge.target)}")
            inner = prefix + ("   " if last else "│  ")
            if len(below) == 1:  # a chain of versions: one child after another
                stack.append((below[0], inner, True, depth + 1))
            else:
                stack.extend((e, inner, i == 0, depth + 1) for i, e in enumerate(reversed(below)))
        return continued

    for root in roots:
        if root in expanded:
            continue
        expanded.add(root)
        pending = draw(root, "")
        while pending:
            pending = [more for key in pending for more in draw(key, "  (continued)")]
    # Every document after those it derives from, dates deciding the rest (undated and
    # unlinked documents come last: nothing says where they belong).
    chronology = graph.topological(graph.nodes)
    lines.append("")
    lines.append("oldest to newest: " + " → ".join(chronology))
    return "\n".join(lines) + "\n"


def _mermaid_label(node: Node) -> str:
    text = node.symbol + (f"<br/>{node.date}" if node.date else "")
    return text.replace('"', "#quot;")


def graph_mermaid(graph: LineageGraph, focus: str | None = None) -> str:
    ids = {k: f"n{i}" for i, k in enumerate(graph.ordered_keys())}
    lines = ["flowchart RL"]
    for key, nid in ids.items():
        node = graph.nodes[key]
        shape = f'{nid}["{_mermaid_label(node)}"]' if node.has_text else f'{nid}("{_mermaid_label(node)}")'
        lines.append(f"  {shape}")
    for e in graph.edges:
        arrow = "-.->" if e.inferred else "-->"
        lines.append(f"  {ids[e.source]} {arrow}|{EDGE_LABELS[e.kind]}| {ids[e.target]}")
    missing = [ids[k] for k in ids if not graph.nodes[k].has_text]
    if missing:
        lines.append("  classDef notext stroke-dasharray: 4 3,color:#666")
        lines.append(f"  class {','.join(missing)} notext")
    if focus in ids:
        lines.append("  classDef focus stroke-width:3px")
        lines.append(f"  class {ids[focus]} focus")
    return "\n".join(lines) + "\n"


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def graph_dot(graph: LineageGraph, focus: str | None = None) -> str:
    lines = ["digraph lineage {", "  rankdir=RL;", '  node [shape=box, fontname="Helvetica"];']
    for key in graph.ordered_keys():
        node = graph.nodes[key]
        # DOT's own line break escape goes between the quoted parts.
        label = _dot_quote(node.symbol)[:-1] + (f"\\n{node.date}" if node.date else "") + '"'
        attrs = [f"label={label}"]
        if not node.has_text:
            attrs.append("style=dashed")
        if key == focus:
            attrs.append("penwidth=2")
        lines.append(f"  {_dot_quote(key)} [{', '.join(attrs)}];")
    for e in graph.edges:
        attrs = [f"label={_dot_quote(EDGE_LABELS[e.kind])}"]
        if e.inferred:
            attrs.append("style=dashed")
        lines.append(f"  {_dot_quote(e.source)} -> {_dot_quote(e.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graph_json(graph: LineageGraph, focus: str | None = None) -> str:
    data = graph.to_dict()
    data["focus"] = focus
    return dumps(data)


def _graph_svg(graph: LineageGraph, focus: str | None = None) -> str:
    # The pictures (lineage.trace.svg) bring the report's page and change words: about 0.03 s
    # of start-up, loaded for the two formats that draw.
    return importlib.import_module("lineage.trace.svg").graph_svg(graph, focus, standalone=True) + "\n"


def _graph_page(graph: LineageGraph, focus: str | None = None) -> str:
    return importlib.import_module("lineage.trace.svg").graph_page(graph, focus)


def render_graph(graph: LineageGraph, fmt: str = "text", focus: str | None = None) -> str:
    renderers = {"text": graph_text, "mermaid": graph_mermaid, "dot": graph_dot, "json": graph_json,
                 "svg": _graph_svg, "html": _graph_page}
    if fmt not in renderers:
        raise UsageError(f"unknown format {fmt!r}; expected one of {', '.join(GRAPH_FORMATS)}")
    return renderers[fmt](graph, focus)
