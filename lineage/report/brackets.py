"""Bracket-only edits in a redline: text under negotiation becoming agreed, or the reverse.

In a draft, ``[and meaningful]`` is wording still under negotiation; when a revision drops the
brackets the words are agreed, a substantive change. A word diff marks only the two bracket
characters (``[-[-]and meaningful[-]-]``), which reads like markup in plain text and is easy
to miss in colour. :func:`widen_bracket_edits` rewrites such runs to show the bracketed words
deleted and the plain words inserted (or the reverse when brackets were added), so the change
reads the same in every format. Both sides' texts are unchanged by the rewrite.
"""
from __future__ import annotations

__all__ = ["widen_bracket_edits"]

_OPENING = "[［"
_CLOSING = "]］"


def widen_bracket_edits(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(op, text)`` runs (op ``equal``, ``delete`` or ``insert``) with every
    ``<op>"…[" equal"X" <op>"]…"`` (X without brackets or line breaks) shown as the bracketed
    words deleted and the plain ones inserted (``delete``), or the reverse (``insert``).
    Neighbouring runs of the same op are joined."""
    out = [r for r in runs if r[1]]
    i = 0
    while i + 2 < len(out):
        (op1, first), (op2, mid), (op3, last) = out[i], out[i + 1], out[i + 2]
        if (op1 != "equal" and op1 == op3 and op2 == "equal"
                and first[-1] in _OPENING and last[0] in _CLOSING
                and _OPENING.index(first[-1]) == _CLOSING.index(last[0])
                and not any(ch in mid for ch in _OPENING + _CLOSING + "\n")):
            whole = (op1, first + mid + last)
            if op1 == "delete":
                out[i:i + 3] = [whole, ("insert", mid)]
            else:
                out[i:i + 3] = [("delete", mid), whole]
            i += 2
            continue
        i += 1
    merged: list[tuple[str, str]] = []
    for op, text in out:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged
