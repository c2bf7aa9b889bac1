"""A bridge (one document in two languages) as text, Markdown, HTML or JSON: what ``lineage
diff`` prints for two language versions of one symbol instead of a word diff."""
from __future__ import annotations

import json
from html import escape

from lineage.compare.bridge import BridgeCheck
from lineage.model.document import Document
from lineage.report.escape import escape_markdown, escape_terminal
from lineage.report.page import lang_attr, render_page

__all__ = ["BRIDGE_SCHEMA", "render_bridge"]

BRIDGE_SCHEMA = "lineage.bridge/1"


def _head(check: BridgeCheck) -> list[str]:
    la, lb = check.language_a, check.language_b
    lines = [f"{check.symbol} ({la}) and {check.symbol} ({lb}) are the same document in two languages "
             "(a bridge): no word diff across languages.",
             f"{len(check.pairs)} paragraphs paired by number."]
    if check.consistent:
        lines.append("Structure: the same (paragraphs, headings, footnotes).")
    else:
        lines.append("Structure differs (check the extraction of either text):")
        lines += [f"  - {m}" for m in check.mismatches]
    return lines


def render_bridge(check: BridgeCheck, a: Document, b: Document, fmt: str = "text",
                  side_by_side: bool = False) -> str:
    """The bridge check; with ``side_by_side`` (``--also``) every paired paragraph in both
    languages (HTML always shows them, in two columns)."""
    if fmt == "json":
        return json.dumps({"schema": BRIDGE_SCHEMA, **check.to_dict()}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(check, a, b)
    md = fmt == "md"
    esc = escape_markdown if md else escape_terminal
    lines = [("### " if md else "") + esc(_head(check)[0]), ""]
    lines += [esc(line) for line in _head(check)[1:]]
    if side_by_side:
        for pid in check.pairs:
            lines += ["", f"**¶ {esc(pid)}**" if md else f"¶ {pid}"]
            for doc in (a, b):
                text = doc.paragraph(pid).text.replace("\n", " ")
                lines.append(f"> [{doc.language}] {esc(text)}" if md else f"    [{doc.language}] {esc(text)}")
    else:
        lines += ["", f"(--also {b.language} shows the paragraphs side by side)"]
    return "\n".join(lines).rstrip() + "\n"


def _html(check: BridgeCheck, a: Document, b: Document) -> str:
    e = escape
    head = _head(check)
    rows = "".join(
        f'<tr><th scope="row">{e(pid)}</th><td{lang_attr(a.language)}>{e(a.paragraph(pid).text)}</td>'
        f'<td{lang_attr(b.language)}>{e(b.paragraph(pid).text)}</td></tr>'
        for pid in check.pairs)
    issues = "".join(f"<li>{e(m)}</li>" for m in check.mismatches)
    title = f"{check.symbol}: {check.language_a} ⇄ {check.language_b}"
    body = ['<div class="page">', f"<h1>{e(head[0])}</h1>", f'<p class="meta">{e(head[1])} {e(head[2])}</p>',
            f"<ul>{issues}</ul>" if issues else "",
            f'<table class="bridge"><thead><tr><th>¶</th><th>{e(str(a.language))}</th>'
            f"<th>{e(str(b.language))}</th></tr></thead><tbody>{rows}</tbody></table>", "</div>"]
    return render_page(title, body, css="table.bridge td { width: 48%; }\n")
