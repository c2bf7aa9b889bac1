"""Edits and offset maps: the bookkeeping that lets every normalised character point back to
the original characters it came from.

A step reports what it changed as a sorted list of non-overlapping edits
``(start, end, after)`` in the coordinates of ITS input text (plain tuples: a step on a long
text may report hundreds). :func:`apply_edits` rebuilds the output text; :class:`StepMap`
maps an output position of one step back to its input position, and chaining the maps of all
steps gives the position in the original text. :func:`compose_offsets` does the same for
every position at once (the full ``offsets`` list).

Inside a replacement whose length differs from what it replaces, inner characters are spread
proportionally over the replaced span, which keeps the map non-decreasing and inside the
replaced span (exact for equal-length substitutions, the common case: one character for one).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

__all__ = ["Edit", "apply_edits", "compose_offsets", "narrow_edit", "StepMap"]

#: ``(start, end, after)``: replace ``text[start:end]`` of a step's input by ``after``.
Edit = tuple[int, int, str]


def narrow_edit(start: int, before: str, after: str) -> Edit:
    """The edit replacing ``before`` (at ``start``) by ``after``, without the characters both
    share at their start and end, so that those map back one to one: ``e + acute + acute``
    -> ``é + acute`` becomes ``e + acute`` -> ``é`` followed by an unchanged acute."""
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return (start + head, start + len(before) - tail, after[head:len(after) - tail])


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with every edit applied (edits sorted, non-overlapping)."""
    parts: list[str] = []
    pos = 0
    for start, end, after in edits:
        parts.append(text[pos:start])
        parts.append(after)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def compose_offsets(previous: Sequence[int], edits: Sequence[Edit]) -> list[int]:
    """Offsets of a step's output into the original text, given ``previous`` (offsets of the
    step's input into the original, ``len(input) + 1`` long) and the step's edits.

    Unchanged stretches are copied by slicing (C speed); only replaced characters cost Python
    work."""
    out: list[int] = []
    pos = 0
    for start, end, after in edits:
        out += previous[pos:start]
        width = len(after)
        if width:
            span = end - start
            if width == span:
                out += previous[start:end]
            else:
                out += [previous[start + (k * span) // width] for k in range(width)]
        pos = end
    out += previous[pos:]
    return out


class StepMap:
    """Maps positions in one step's output back to its input, in O(log edits) per lookup,
    with the same rule as :func:`compose_offsets`."""

    __slots__ = ("_edits", "_out_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._edits = edits
        starts: list[int] = []
        delta = 0
        for start, end, after in edits:
            starts.append(start + delta)
            delta += len(after) - (end - start)
        self._out_starts = starts

    def back(self, p: int) -> int:
        k = bisect_right(self._out_starts, p) - 1
        if k < 0:
            return p
        start, end, after = self._edits[k]
        out_start = self._out_starts[k]
        width = len(after)
        if p < out_start + width:
            return start + ((p - out_start) * (end - start)) // width
        return end + (p - out_start - width)
