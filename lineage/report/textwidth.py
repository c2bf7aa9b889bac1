"""Terminal text helpers: display width of wide (Chinese) characters and aligned tables.

A Han character takes two terminal columns; ``len()`` counts one. tabulate measures cells with
``wcwidth`` only when that optional package is installed (and with ``len()`` otherwise), so the
report aligns its tables itself with the Unicode East Asian Width property and needs no extra
dependency.
"""
from __future__ import annotations

import unicodedata
from typing import Sequence

__all__ = ["char_width", "display_width", "pad", "format_table"]


def char_width(ch: str) -> int:
    """Columns a terminal gives ``ch``: 2 for wide and full-width characters, 0 for combining
    marks and format characters, else 1 (ambiguous-width characters count 1, as in most
    terminals outside East Asian locales)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def pad(text: str, width: int, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` display columns (``align``: left or right)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if align == "right" else text + fill


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]],
                 align: Sequence[str] | None = None, gap: int = 2) -> str:
    """A plain table (header, dashed rule, rows), columns aligned by display width."""
    align = list(align or ["left"] * len(headers))
    cells = [list(headers), *[list(r) for r in rows]]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]
    sep = " " * gap

    def line(row: Sequence[str]) -> str:
        return sep.join(pad(c, w, a) for c, w, a in zip(row, widths, align)).rstrip()

    rule = sep.join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])
