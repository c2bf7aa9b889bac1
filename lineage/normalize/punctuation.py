"""Steps folding punctuation variants (used by the `compare` profile only: `display` keeps
punctuation as printed). Each step is ``text -> list[Edit]``; triggers are found with
``str.find`` (see ``lineage.normalize.scan``)."""
from __future__ import annotations

import re

from lineage.normalize.edits import Edit
from lineage.normalize.scan import find_all
from lineage.script.chars import HSPACE_CHARS, is_cjk_letter

__all__ = [
    "quotes",
    "dashes",
    "ellipses",
    "middle_dots",
    "cjk_full_stop",
    "DOUBLE_QUOTES",
    "SINGLE_QUOTES",
    "DASHES",
    "MIDDLE_DOTS",
]

DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u301d\u301e\u301f\u300c\u300d\uff02"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u300e\u300f\uff07"
_QUOTE = {**{c: '"' for c in DOUBLE_QUOTES}, **{c: "'" for c in SINGLE_QUOTES}}


def quotes(text: str, chars: str | None = None) -> list[Edit]:
    """Curly, low-9, prime and corner-bracket quotes to ASCII: ``“未来契约”`` ->
    ``"未来契约"``, ``‘`` ``’`` -> ``'``, ``「」`` -> ``""``, ``『』`` -> ``''``.
    ``chars``: the quote characters that may occur (default: all), to search for fewer."""
    if chars is None:
        chars = DOUBLE_QUOTES + SINGLE_QUOTES
    return [(i, i + 1, _QUOTE[text[i]]) for i in find_all(text, chars)]


# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign,
# two- and three-em dashes, small and full-width hyphen-minus.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_DASH_OR_HYPHEN = frozenset(DASHES + "-")
# A compiled literal: found much faster than with str.find("--").
_DOUBLE_HYPHEN = re.compile("--")


def dashes(text: str, chars: str | None = None) -> list[Edit]:
    """Every run of hyphens and dashes to one ASCII hyphen: the Chinese dash ``——``, the
    English em dash ``—``, the en dash of ranges ``2021–2025`` and ``-`` all compare equal.
    ``chars``: the dash characters that may occur (default: all)."""
    seeds = find_all(text, DASHES if chars is None else chars)
    if "-" in text:
        seeds += [m.start() for m in _DOUBLE_HYPHEN.finditer(text)]
        seeds.sort()
    edits: list[Edit] = []
    covered = -1
    n = len(text)
    for i in seeds:
        if i < covered:
            continue
        start = i
        while start > 0 and text[start - 1] in _DASH_OR_HYPHEN:
            start -= 1
        end = i + 1
        while end < n and text[end] in _DASH_OR_HYPHEN:
            end += 1
        if text[start:end] != "-":
            edits.append((start, end, "-"))
        covered = end
    return edits


_ELLIPSIS_RE = re.compile("(?:[\u2026\u22ef]|\\.{3,}|\u3002{3,})+")
# Runs of the characters an ellipsis is made of: found with a fast character-class scan,
# then matched exactly with _ELLIPSIS_RE inside each run.
# (Written to start with a plain class, which the regex engine scans fast.)
_DOT_RUN_RE = re.compile("[\u2026\u22ef.\u3002](?:[\u2026\u22ef.\u3002]+|(?<=[\u2026\u22ef]))")


def ellipses(text: str) -> list[Edit]:
    """Runs of ``…``, ``⋯``, three or more ``.`` or ``。`` to one ``…``: the Chinese
    ``在……基础上`` equals ``在…基础上`` and ``在...基础上``."""
    edits: list[Edit] = []
    for run in _DOT_RUN_RE.finditer(text):
        edits += [
            (m.start(), m.end(), "\u2026")
            for m in _ELLIPSIS_RE.finditer(text, run.start(), run.end())
            if m.group() != "\u2026"
        ]
    return edits


MIDDLE_DOTS = "\u30fb\u2027\u2219\u22c5"


def middle_dots(text: str, chars: str | None = None) -> list[Edit]:
    """Katakana middle dot, hyphenation point and operator dots to ``·`` (U+00B7), the dot
    that separates the parts of transliterated names: ``让・雅克`` -> ``让·雅克``.
    ``chars``: the dot characters that may occur (default: all)."""
    return [(i, i + 1, "\u00b7") for i in find_all(text, MIDDLE_DOTS if chars is None else chars)]



def _past_spaces(text: str, i: int, step: int) -> str:
    """The first character from ``i`` in direction ``step`` that is no horizontal space
    ("" at a text edge)."""
    while 0 <= i < len(text) and text[i] in HSPACE_CHARS:
        i += step
    return text[i] if 0 <= i < len(text) else ""


def cjk_full_stop(text: str) -> list[Edit]:
    """An ASCII ``.`` typed after a Chinese character, before another one, a line break or the
    end, is the Chinese full stop: ``加强网络.我们`` -> ``加强网络。我们`` (web copies type it as
    they type ``,`` for ``，``, which :func:`lineage.normalize.unicode_steps.cjk_punctuation`
    folds). A full stop after a Latin letter or a digit stays (``Rev.1``, ``70/125.``,
    ``1.5``), and so does a run of dots (an ellipsis: :func:`ellipses`)."""
    edits: list[Edit] = []
    for i in find_all(text, "."):
        before, after = _past_spaces(text, i - 1, -1), _past_spaces(text, i + 1, 1)
        if before == "." or after == ".":
            continue
        if is_cjk_letter(before) and (after in ("", "\n", "\r") or is_cjk_letter(after)):
            edits.append((i, i + 1, "\u3002"))
    return edits
