"""Print a topic timeline as text, Markdown, a standalone HTML page or JSON."""
from __future__ import annotations

import html

from tabulate import tabulate

from lineage.model.document import dumps
from lineage.report.escape import escape_markdown, escape_terminal
from lineage.report.inline import inline_diff, shown_similarity
from lineage.report.labels import REUSE_SCORE, TOPIC_STATUS_WORDS
from lineage.report.page import lang_attr, render_page
from lineage.trace.topic_timeline import TopicEntry, TopicTimeline

__all__ = ["TOPIC_FORMATS", "render_topic"]

TOPIC_FORMATS = ("text", "md", "html", "json")
# One column per status; the last (no longer on the topic) counts the entry's dropped list.
_HEADERS = ["date", "symbol", "lang", "paragraphs", *TOPIC_STATUS_WORDS.values(), "ids"]
_COUNTED = tuple(TOPIC_STATUS_WORDS)[:-1]


def _rows(timeline: TopicTimeline) -> list[list[str]]:
    rows = []
    for e in timeline.entries:
        rows.append([
            e.date or "",
            e.symbol,
            e.language,
            str(len(e.hits)),
            *(str(e.count(s)) for s in _COUNTED),
            str(len(e.dropped)),
            ", ".join(h.id for h in e.hits),
        ])
    return rows


def _title(timeline: TopicTimeline) -> str:
    t = timeline.topic
    zh = f" ({t.title_zh})" if t.title_zh else ""
    return f"Topic {t.name}: {t.title}{zh}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _span(timeline: TopicTimeline) -> str:
    dates = sorted(e.date for e in timeline.entries if e.date)
    span = ""
    if dates:
        span = f", {dates[0]}" if dates[0] == dates[-1] else f", {dates[0]} to {dates[-1]}"
    total = sum(len(e.hits) for e in timeline.entries)
    return f"{_plural(total, 'paragraph')} in {_plural(len(timeline.entries), 'document')}{span}"


def _status(entry: TopicEntry, pid: str) -> str:
    change = entry.change_for(pid)
    if change is None or change.status == "new":
        return TOPIC_STATUS_WORDS["new"] if entry.previous else "first"
    sim = ("" if change.similarity is None
           else f", {REUSE_SCORE} {shown_similarity(change.similarity, change.ops)}")
    return f"{TOPIC_STATUS_WORDS[change.status]} from {entry.previous} {change.previous_id}{sim}"


def _text(timeline: TopicTimeline, md: bool) -> str:
    out = [("# " if md else "") + _title(timeline), "", _span(timeline), ""]
    rows = _rows(timeline)
    out.append(tabulate(rows, headers=_HEADERS, tablefmt="github" if md else "simple", disable_numparse=True))
    out.append("")
    for entry in timeline.entries:
        head = f"{entry.symbol} ({entry.language})" + (f", {entry.date}" if entry.date else "")
        head += f": {_plural(len(entry.hits), 'paragraph')}"
        out.append(f"## {head}" if md else f"== {head}")
        out.append("")
        for hit in entry.hits:
            change = entry.change_for(hit.id)
            label = f"paragraph {hit.id}" if hit.paragraph.number else f"preambular paragraph {hit.id}"
            terms = ", ".join(hit.terms)
            line = f"{label} [{terms}]: {_status(entry, hit.id)}"
            out.append(f"- **{escape_markdown(line)}**" if md else f"  {line}")
            if change is not None and change.status == "modified":
                body = inline_diff(change.ops, "md" if md else "text")
            elif change is not None and change.status == "unchanged":
                body = "(same text)"
            elif md:
                body = escape_markdown(hit.paragraph.text, newline=" ")
            else:
                body = hit.paragraph.text
            body = body.replace("\n", " " if md else "\n    ")
            out.append(f"  {body}" if md else f"    {body}")
            out.append("")
        if entry.dropped:
            out.append(f"  no longer on the topic from {entry.previous}: {', '.join(entry.dropped)}")
            out.append("")
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if md else escape_terminal(text)


_CSS = """
.terms { color: var(--muted); }
h3 { font-size: 1rem; margin: 1.2rem 0 .2rem; }
.para { margin: .25rem 0; white-space: pre-wrap; }
"""
"""The topic page's own styles, after the shared ones (:mod:`lineage.report.page`)."""


def _html(timeline: TopicTimeline) -> str:
    e = html.escape
    t = timeline.topic
    # The title in the page's words, the Chinese title marked as Chinese.
    zh = f' (<span lang="zh">{e(t.title_zh)}</span>)' if t.title_zh else ""
    out = ['<div class="page">', f"<h1>Topic {e(t.name)}: {e(t.title)}{zh}</h1>",
           f'<p class="meta">{e(_span(timeline))}</p>',
           "<table>", "<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in _HEADERS) + "</tr></thead>", "<tbody>"]
    for row in _rows(timeline):
        out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
    out += ["</tbody>", "</table>"]
    for entry in timeline.entries:
        lang = lang_attr(entry.language)
        head = f"{entry.symbol} ({entry.language})" + (f", {entry.date}" if entry.date else "")
        out.append(f"<h2>{e(head)}</h2>")
        for hit in entry.hits:
            change = entry.change_for(hit.id)
            out.append(f'<h3>{e(hit.id)} <span class="terms"{lang}>[{e(", ".join(hit.terms))}]</span></h3>')
            out.append(f'<p class="meta">{e(_status(entry, hit.id))}</p>')
            if change is not None and change.status == "modified":
                body = inline_diff(change.ops, "html")
            else:
                body = e(hit.paragraph.text)
            out.append(f'<p class="para"{lang}>' + body.replace("\n", "<br>") + "</p>")
        if entry.dropped:
            out.append(f'<p class="meta">no longer on the topic from {e(entry.previous or "")}: '
                       f"{e(', '.join(entry.dropped))}</p>")
    out.append("</div>")
    return render_page(_title(timeline), out, css=_CSS)


def render_topic(timeline: TopicTimeline, fmt: str = "text") -> str:
    if fmt == "json":
        return dumps(timeline.to_dict())
    if fmt == "html":
        return _html(timeline)
    return _text(timeline, md=fmt == "md")
