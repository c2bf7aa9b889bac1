"""Diff ops (:class:`lineage.comparison.Op`) as one line of text, Markdown or HTML, for the
lineage reports (history, topics), which show many short diffs inline rather than a redline
page."""
from __future__ import annotations

import html

from .comparison import Op

__all__ = ["INLINE_STYLES", "inline_diff"]

INLINE_STYLES = ("text", "md", "html")


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|~" else ch for ch in text)


def inline_diff(ops: list[Op] | None, style: str = "text", unchanged: str = "") -> str:
    """``text``: ``[-deleted-]{+inserted+}`` (wdiff style); ``md``: ~~deleted~~ **inserted**;
    ``html``: ``<del>``/``<ins>``, every run escaped. Empty ops (no change) give ``unchanged``."""
    if not ops:
        return unchanged
    out: list[str] = []
    for op in ops:
        if style == "text":
            out.append({"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}[op.op].format(op.text))
        elif style == "md":
            text = _md_escape(op.text).replace("\n", " ")
            if not text.strip():
                out.append(text)
                continue
            out.append({"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}[op.op].format(text))
        elif style == "html":
            text = html.escape(op.text)
            out.append({"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}[op.op].format(text))
        else:
            raise ValueError(f"unknown inline diff style {style!r}")
    return "".join(out)
