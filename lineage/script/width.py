"""Display width: how many terminal columns a text takes (a Han character two), by wcwidth.

Tables are printed by ``lineage.report.table``, which measures a cell with :func:`cell_width`:
the width tabulate gives it (``wcwidth.wcswidth``, tabulate's ``WIDE_CHARS_MODE``), so a
table prints exactly as tabulate prints it.

wcwidth takes about 25 ms to import (its package loads its text wrapping, clipping and
escape-sequence modules), so it is loaded on the first text that holds a character other than
the ones that always take one column: printable ASCII, and punctuation, mathematical, currency
and modifier symbols, cased letters and decimal digits that are not East Asian wide or
full-width (``–``, ``—``, ``−``, ``→``, ``é``). ``tests/test_width.py`` checks against
wcwidth, for every code point, that those take one column. A report in English, whose tables
hold ids, counts and dashes, never loads wcwidth.
"""
from __future__ import annotations

import functools
import importlib
from types import ModuleType
from unicodedata import category, east_asian_width

__all__ = ["cell_width", "display_width", "one_column", "shorten"]


@functools.cache
def _wcwidth() -> ModuleType:
    return importlib.import_module("wcwidth")


# Unicode general categories whose characters take one column unless East Asian wide or
# full-width (U+1160 and the other conjoining jamo are Lo, so letters other than cased ones
# are left to wcwidth).
_ONE_COLUMN_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "Lu", "Ll", "Lt", "Nd"})
_NOT_WIDE = frozenset({"N", "Na", "A"})


def one_column(ch: str) -> bool:
    """``ch`` takes one terminal column, known without wcwidth (see the module docstring)."""
    if ch.isascii():
        return ch.isprintable()
    return category(ch) in _ONE_COLUMN_CATEGORIES and east_asian_width(ch) in _NOT_WIDE


def _plain(text: str) -> bool:
    """Every character of ``text`` takes one column (its width is its length)."""
    if text.isascii():
        return text.isprintable()
    return all(map(one_column, text))


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: 2 for wide and full-width characters, 0 for
    combining marks and format characters, else 1 (control characters count 0)."""
    if _plain(text):
        return len(text)
    wcwidth = _wcwidth().wcwidth
    return sum(max(wcwidth(ch), 0) for ch in text)


def cell_width(text: str) -> int:
    """The width of a table cell as tabulate measures it (``wcwidth.wcswidth``: grapheme
    clusters such as emoji sequences count once, and a control character makes it -1)."""
    if _plain(text):
        return len(text)
    return int(_wcwidth().wcswidth(text))


def shorten(text: str | None, columns: int) -> str:
    """``text`` cut to fit ``columns`` display columns, with ``…`` where it was cut."""
    if not text:
        return ""
    if display_width(text) < columns:
        return text
    if _plain(text):
        return text[: max(columns - 1, 0)] + "…"
    out, used = [], 0
    wcwidth = _wcwidth().wcwidth
    for ch in text:
        w = max(wcwidth(ch), 0)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"
