"""Document text made inert for the outputs people read, shared by every report of the toolkit
(diff, history, topic, blame).

- Markdown: a paragraph is data; it must neither open an HTML tag nor start a list, a
  heading, a link, a table cell or an emphasis, whatever characters it holds. HTML's
  ``& < > "`` become entities (a backslash would leave ``&copy;`` live) and Markdown's
  punctuation gets a backslash.
- Terminal: control characters are shown as escapes, so a text cannot drive the terminal.
"""
from __future__ import annotations

import re
from html import escape

__all__ = ["escape_html", "escape_markdown", "escape_terminal"]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that mean
# something in CommonMark, GitHub Flavored Markdown (tables, strikethrough, autolinks) or
# the forges' math extension ($).
_MARKDOWN_PUNCT = set("\\`*_{}[]()#+-.!|~$:")


def escape_html(text: object) -> str:
    """``text`` as inert HTML text or attribute value (``& < > "`` and ``'`` as entities)."""
    return escape(str(text), quote=True)


def escape_markdown(text: str, newline: str = "<br>") -> str:
    """``text`` as inert Markdown inline content; each newline becomes ``newline`` (``<br>``
    keeps the break inside a table cell or a block quote)."""
    out: list[str] = []
    for ch in text:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _MARKDOWN_PUNCT:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(newline)
        elif ch == "\r" or (ord(ch) < 32 and ch != "\t"):
            out.append(f"&#{ord(ch)};" if ch not in "\r\x00" else " ")
        else:
            out.append(ch)
    return "".join(out)


# C0/C1 controls (but the newline between sub-items), and the bidirectional overrides that
# can make a line read differently from what it holds.
_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_terminal(text: str) -> str:
    """``text`` with every control character but the newline shown as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
