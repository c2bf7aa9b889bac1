"""Display width: how many terminal columns a text takes (a Han character two), by wcwidth.

Tables are printed with tabulate, which measures with the same wcwidth (its
``WIDE_CHARS_MODE`` is on when wcwidth is installed, and wcwidth is a dependency).
"""
from __future__ import annotations

from wcwidth import wcwidth

__all__ = ["display_width", "shorten"]


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: 2 for wide and full-width characters, 0 for
    combining marks and format characters, else 1 (control characters count 0)."""
    return sum(max(wcwidth(ch), 0) for ch in text)


def shorten(text: str | None, columns: int) -> str:
    """``text`` cut to fit ``columns`` display columns, with ``…`` where it was cut."""
    if not text:
        return ""
    if display_width(text) < columns:
        return text
    out, used = [], 0
    for ch in text:
        w = max(wcwidth(ch), 0)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"
