"""Pictures for people who would rather look than read: the topic timeline as a stacked bar
chart and the version graph as boxes and arrows, both inline SVG (no script, no font or image
fetched, printable), for the topic page and ``lineage graph --format svg|html``.

Text in the pictures says its language (``lang``) and sits in the page's font stack, so
Chinese symbols and titles render with the page's CJK fonts. Colours carry no meaning alone:
each bar segment has a legend entry and a ``<title>`` (shown on hover, read by screen
readers) with its count in words.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lineage.report.escape import escape_html as _e
from lineage.report.labels import TOPIC_STATUS_WORDS
from lineage.report.page import TEXT_FONTS, render_page
from lineage.trace.graph import EDGE_LABELS, LineageGraph

if TYPE_CHECKING:  # only for the annotation: `lineage graph` need not load the topic modules
    from lineage.trace.topic_timeline import TopicTimeline

__all__ = ["timeline_svg", "graph_svg", "graph_page"]

# Segment order bottom-up (a topic status of lineage.topic/1, in the order of the topic table's
# columns), with its change word (the segment's class and legend) and colour.
_SEGMENTS = tuple(zip(TOPIC_STATUS_WORDS, TOPIC_STATUS_WORDS.values(),
                      ("#0b4fb3", "#c77700", "#9aa0a6", "#b3141c")))
_FONT = TEXT_FONTS



def timeline_svg(timeline: TopicTimeline) -> str:
    """One bar per document (and language) in timeline order, stacked new / modified /
    unchanged / dropped paragraphs; the language under each bar; a bridge (one document in two
    languages) drawn as a bracket joining its bars, marked ⇄."""
    entries = timeline.entries
    *counted, gone = TOPIC_STATUS_WORDS  # the last status counts the entry's dropped list
    counts = [{**{s: e.count(s) for s in counted}, gone: len(e.dropped)} for e in entries]
    top = max([sum(c.values()) for c in counts] + [1])
    bar, gap, left, height, base = 46, 64, 40, 180, 235
    width = left + len(entries) * (bar + gap) + 20
    scale = height / top
    # Inline in HTML: no xmlns needed (and the page names no URL at all).
    out = [f'<svg class="chart timeline" role="img" '
           f'viewBox="0 0 {max(width, 420)} 360" width="{max(width, 420)}" height="360" '
           f'font-family=\'{_FONT}\' font-size="12">',
           f"<title>{_e(timeline.topic.name)}: paragraphs on the topic per document</title>",
           f'<line x1="{left - 6}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#5f6368"/>',
           f'<text x="{left - 10}" y="{base - height + 4}" text-anchor="end" fill="#5f6368">{top}</text>',
           f'<text x="{left - 10}" y="{base + 4}" text-anchor="end" fill="#5f6368">0</text>']
    xs = []
    for i, (entry, c) in enumerate(zip(entries, counts)):
        x = left + i * (bar + gap)
        xs.append(x)
        y = float(base)
        for status, word, colour in _SEGMENTS:
            n = c[status]
            if not n:
                continue
            h = n * scale
            y -= h
            out.append(f'<rect class="seg {word}" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                       f'fill="{colour}"><title>{_e(entry.symbol)} ({_e(entry.language)}): {n} {_e(word)}'
                       f"</title></rect>")
        total = sum(c.values())
        out.append(f'<text x="{x + bar / 2}" y="{y - 4:.1f}" text-anchor="middle">{total}</text>')
        label_y = base + 16
        out.append(f'<text class="lang" x="{x + bar / 2}" y="{label_y}" text-anchor="middle" '
                   f'font-weight="bold">{_e(entry.language)}</text>')
        out.append(f'<text x="{x + bar / 2}" y="{label_y + 14}" text-anchor="middle" font-size="10" '
                   f'transform="rotate(20 {x + bar / 2} {label_y + 14})">{_e(entry.symbol)}</text>')
        if entry.date:
            out.append(f'<text x="{x + bar / 2}" y="{label_y + 50}" text-anchor="middle" font-size="10" '
                       f'fill="#5f6368">{_e(entry.date[:7])}</text>')
    # Bridges: bars of one symbol in several languages, joined under the axis labels.
    by_symbol: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        by_symbol.setdefault(entry.symbol, []).append(i)
    for symbol, idx in by_symbol.items():
        if len(idx) < 2:
            continue
        x1, x2 = xs[idx[0]] + bar / 2, xs[idx[-1]] + bar / 2
        y = base - height - 26
        out.append(f'<g class="bridge"><title>bridge: {_e(symbol)} in {len(idx)} languages</title>'
                   f'<path d="M{x1},{y + 10} V{y} H{x2} V{y + 10}" fill="none" stroke="#1a3d6d" stroke-width="2"/>'
                   f'<text x="{(x1 + x2) / 2}" y="{y - 4}" text-anchor="middle" fill="#1a3d6d">⇄ bridge</text></g>')
    lx = left
    for _status, word, colour in _SEGMENTS:
        out.append(f'<rect x="{lx}" y="340" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{lx + 14}" y="349">{_e(word)}</text>')
        lx += 24 + 7 * len(word)
    out.append("</svg>")
    return "\n".join(out)


def graph_svg(graph: LineageGraph, focus: str | None = None, standalone: bool = False) -> str:
    """Documents left to right in lineage and date order, one box each (symbol, date,
    languages; a dashed box for one the corpus has no text of, a double line for a bridge),
    arrows from each document to the earlier one it derives from, labelled with the link."""
    keys = graph.ordered_keys()
    box_w, box_h, step, y0 = 170, 58, 200, 120
    index = {k: i for i, k in enumerate(keys)}
    width = 20 + len(keys) * step
    # A file of its own (--format svg) needs the SVG namespace; inline in HTML it does not.
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg{ns} class="chart graph" role="img" '
           f'viewBox="0 0 {width} {y0 + box_h + 140}" width="{width}" height="{y0 + box_h + 140}" '
           f'font-family=\'{_FONT}\' font-size="12">',
           "<title>version graph: each arrow goes from a document to the earlier one it derives from</title>",
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5f6368"/></marker></defs>']
    for n, edge in enumerate(graph.edges):
        if edge.source not in index or edge.target not in index:
            continue
        a, b = index[edge.source], index[edge.target]
        xa, xb = 20 + a * step + box_w / 2, 20 + b * step + box_w / 2
        lift = 30 + 18 * min(abs(a - b), 5) + (n % 3) * 6
        above = (n % 2 == 0)
        y = y0 if above else y0 + box_h
        cy = y - lift if above else y + lift
        dash = ' stroke-dasharray="5 4"' if edge.inferred else ""
        label = EDGE_LABELS.get(edge.kind, edge.kind)
        out.append(f'<g class="edge {edge.kind}"><title>{_e(edge.source)} {_e(label)} {_e(edge.target)}</title>'
                   f'<path d="M{xa},{y} Q{(xa + xb) / 2},{cy} {xb},{y}" fill="none" stroke="#5f6368"{dash} '
                   f'marker-end="url(#arrow)"/>'
                   f'<text x="{(xa + xb) / 2}" y="{(y + cy) / 2 + (-3 if above else 12)}" text-anchor="middle" '
                   f'font-size="10" fill="#5f6368">{_e(label)}</text></g>')
    for k in keys:
        node = graph.nodes[k]
        x = 20 + index[k] * step
        bridge = len(node.languages) > 1
        stroke = ' stroke-dasharray="4 3"' if not node.has_text else ""
        width_line = 3 if k == focus else (2.5 if bridge else 1.2)
        langs = ", ".join(node.languages) if node.languages else ("listed, no text" if node.listed else "not in the corpus")
        out.append(f'<g class="node{" bridge" if bridge else ""}"><title>{_e(node.symbol)}'
                   f'{" — " + _e(node.title) if node.title else ""}</title>'
                   f'<rect x="{x}" y="{y0}" width="{box_w}" height="{box_h}" rx="6" fill="#fff" '
                   f'stroke="#1a3d6d" stroke-width="{width_line}"{stroke}/>'
                   f'<text x="{x + 8}" y="{y0 + 18}" font-weight="bold">{_e(_short(node.symbol, 24))}</text>'
                   f'<text x="{x + 8}" y="{y0 + 34}" fill="#5f6368">{_e(node.shown_date)}</text>'
                   f'<text x="{x + 8}" y="{y0 + 50}">{"⇄ " if bridge else ""}{_e(langs)}</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def graph_page(graph: LineageGraph, focus: str | None = None) -> str:
    """``lineage graph --format html``: the picture on a page of its own (scrolls sideways)."""
    title = f"Version graph{': ' + focus if focus else ''}"
    body = ['<div class="page">', f"<h1>{_e(title)}</h1>",
            '<p class="meta">Each arrow goes from a document to the earlier one it derives from; dashed '
            "arrows are inferred from the symbols; dashed boxes have no text in the corpus; ⇄ marks a "
            "document the corpus holds in several languages (a bridge).</p>",
            f'<div class="scroll">{graph_svg(graph, focus)}</div>', "</div>"]
    return render_page(title, body, css=".scroll { overflow-x: auto; }\n",
                       print_css=".scroll { overflow: visible; } svg { max-width: 100%; height: auto; }\n")
