"""Diff ops (:class:`lineage.model.comparison.Op`) as one line of text, Markdown or HTML, for the
lineage reports (history, topics), which show many short diffs inline rather than a redline
page."""
from __future__ import annotations

import html
from typing import Sequence

from lineage.model.comparison import Op
from lineage.report.brackets import widen_bracket_edits
from lineage.report.escape import escape_markdown

__all__ = ["INLINE_STYLES", "inline_diff", "shown_similarity"]

INLINE_STYLES = ("text", "md", "html")


def inline_diff(ops: list[Op] | None, style: str = "text", unchanged: str = "") -> str:
    """``text``: ``[-deleted-]{+inserted+}`` (wdiff style); ``md`` and ``html``:
    ``<del>``/``<ins>``, every run escaped. Empty ops (no change) give ``unchanged``.
    Bracket-only edits read as words (``lineage.report.brackets``).

    Markdown uses the HTML tags, as the diff report does, because ``~~``/``**`` only work
    where CommonMark's flanking rules allow: not next to a space inside the run, nor between
    a letter or a Han character and punctuation (``平**、有**``), which word diffs produce
    all the time."""
    if not ops:
        return unchanged
    out: list[str] = []
    for op in widen_bracket_edits(ops):
        if style == "text":
            out.append({"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}[op.op].format(op.text))
        elif style == "md":
            text = escape_markdown(op.text, newline=" ")
            out.append({"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}[op.op].format(text))
        elif style == "html":
            text = html.escape(op.text)
            out.append({"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}[op.op].format(text))
        else:
            raise ValueError(f"unknown inline diff style {style!r}")
    return "".join(out)


def shown_similarity(similarity: float, ops: Sequence[Op] | None) -> str:
    """Two decimals, but never ``1.00`` when the text did change (a bracket or a comma in a
    long paragraph rounds up to it, which reads as "no change")."""
    shown = f"{similarity:.2f}"
    if shown == "1.00" and any(o.op != "equal" for o in ops or []):
        return ">0.99"
    return shown
