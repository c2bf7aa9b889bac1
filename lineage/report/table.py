"""Terminal tables in tabulate's ``simple`` format, printed without importing tabulate.

tabulate's import costs about 0.1 s of CPU (it loads ``importlib.metadata`` and its width
tables), which every ``lineage diff`` paid for two small tables. :func:`simple_table` prints what
``tabulate(rows, headers, tablefmt="simple", colalign=colalign, disable_numparse=True)``
prints (``tests/test_table.py`` compares the two): cells stripped, a column as wide as its
widest cell or its header plus two, cells measured as tabulate measures them
(:func:`~lineage.script.width.cell_width`), two spaces between columns, no trailing spaces.
Tables tabulate treats specially (a cell with a line break or an ANSI escape, a separating
line) are handed to tabulate itself.
"""
from __future__ import annotations

import importlib
from typing import Sequence

from lineage.script.width import cell_width

__all__ = ["simple_table"]

# Line breaks (multi-line cells), ESC (ANSI colours, hyperlinks) and tabulate's separating-line
# marker: tables holding them are printed by tabulate.
_SPECIAL = ("\n", "\r", "\x1b", "\x01")
_MIN_PADDING = 2  # tabulate's MIN_PADDING: a header gets two columns more than its text


def simple_table(rows: Sequence[Sequence[str]], headers: Sequence[str],
                 colalign: Sequence[str] = ()) -> str:
    """``rows`` (strings, all of one length) under ``headers`` as tabulate's ``simple``
    table; ``colalign``: ``"left"`` (the default) or ``"right"`` per column."""
    ncols = len(headers)
    aligns = [*colalign[:ncols], *["left"] * (ncols - len(colalign))]
    if (not rows or any(len(row) != ncols for row in rows) or set(aligns) - {"left", "right"}
            or any(mark in cell for row in (headers, *rows) for cell in row for mark in _SPECIAL)):
        tabulate = importlib.import_module("tabulate").tabulate
        return str(tabulate([list(row) for row in rows], headers=list(headers), tablefmt="simple",
                            colalign=tuple(colalign) or None, disable_numparse=True))
    columns = []
    widths = []
    for col, (header, align) in enumerate(zip(headers, aligns)):
        cells = [row[col].strip() for row in rows]
        cell_widths = [cell_width(c) for c in cells]
        widest = max(*cell_widths, cell_width(header) + _MIN_PADDING)
        # Padded to the same display width: Python pads by length, so each cell gets as many
        # more characters as its length exceeds its width.
        padded = [c.rjust(widest - (w - len(c))) if align == "right" else c.ljust(widest - (w - len(c)))
                  for c, w in zip(cells, cell_widths)]
        width = max(widest, *(cell_width(p) for p in padded))
        extra = len(header) - cell_width(header)
        columns.append([header.rjust(width + extra) if align == "right" else header.ljust(width + extra),
                        "-" * width, *padded])
        widths.append(width)
    return "\n".join("  ".join(line).rstrip() for line in zip(*columns))
