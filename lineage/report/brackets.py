"""Bracket-only edits in a redline: text under negotiation becoming agreed, or the reverse.

In a draft, ``[and meaningful]`` is wording still under negotiation; when a revision drops the
brackets the words are agreed, a substantive change. A word diff marks only the two bracket
characters (``[-[-]and meaningful[-]-]``), which reads like markup in plain text and is easy
to miss in colour. :func:`widen_bracket_edits` rewrites such runs to show the bracketed words
deleted and the plain words inserted (or the reverse when brackets were added), so the change
reads the same in every format. Both sides' texts are unchanged by the rewrite.
"""
from __future__ import annotations

from typing import Iterable

from lineage.model.comparison import DELETE, EQUAL, INSERT, Op, merge_ops

__all__ = ["widen_bracket_edits"]

_OPENING = "[［"
_CLOSING = "]］"


def widen_bracket_edits(runs: Iterable[Op]) -> list[Op]:
    """``runs`` with every ``<op>"…[" equal"X" <op>"]…"`` (X without brackets or line
    breaks) shown as the bracketed words deleted and the plain ones inserted (``delete``), or
    the reverse (``insert``). Empty runs are dropped and neighbours of the same op joined
    (:func:`~lineage.model.comparison.merge_ops`), before and after."""
    out = merge_ops(runs)
    i = 0
    while i + 2 < len(out):
        (op1, first), (op2, mid), (op3, last) = ((r.op, r.text) for r in out[i:i + 3])
        if (op1 != EQUAL and op1 == op3 and op2 == EQUAL
                and first[-1] in _OPENING and last[0] in _CLOSING
                and _OPENING.index(first[-1]) == _CLOSING.index(last[0])
                and not any(ch in mid for ch in _OPENING + _CLOSING + "\n")):
            whole = Op(op1, first + mid + last)
            if op1 == DELETE:
                out[i:i + 3] = [whole, Op(INSERT, mid)]
            else:
                out[i:i + 3] = [Op(DELETE, mid), whole]
            i += 2
            continue
        i += 1
    return merge_ops(out)
