"""Steps about whitespace: joining broken lines, removing layout spaces around Chinese,
collapsing runs. Each step is ``text -> list[Edit]``.

Line breaks. A run of whitespace holding two or more line breaks is a paragraph break and
becomes ``\\n\\n``; whitespace at the very start or end of the text goes. A single line break
is a wrapped line and is joined by the one rule of :func:`lineage.script.lines.join_break`, with the text's own words as
the evidence for a line-end hyphen (``infor-\\nmation`` -> ``information`` when the text or
the English word list knows ``information``, ``multi-\\nstakeholder`` -> ``multi-stakeholder``),
nothing between Chinese lines, one space between English ones.

``join_lines`` (both profiles) keeps a single line break that starts a sub-item (``(a)``,
``（b）``, ``a)``, ``(iv)``, ``一、``, a bullet): the model keeps sub-items on their own lines.
``join_all_lines`` (`compare`) joins those too, since they are layout for comparison.
"""
from __future__ import annotations

import functools
import re

from lineage.normalize.edits import Edit
from lineage.script.chars import CJK, HSPACE, HSPACE_CHARS, LINEBREAK, NEUTRAL
from lineage.script.lines import CONTEXT, Words, join_break

__all__ = [
    "join_lines",
    "join_all_lines",
    "cjk_spaces",
    "mixed_spaces",
    "collapse_spaces",
    "OTHER_SPACES",
    "may_collapse",
    "has_space",
]

_BREAK = f"(?:\r\n|[{LINEBREAK}])"
# A run starts at its first break; the spaces before it are added in Python (a pattern that
# began with optional spaces would make the regex engine try every position of the text).
_BREAK_RUN = re.compile(f"{_BREAK}(?:[{HSPACE}]*{_BREAK})*[{HSPACE}]*")
# The same for texts whose only line break is "\n" (almost all): a pattern that starts with a
# literal character is searched much faster than one that starts with an alternation.
# It also skips the clean paragraph break (a non-space, exactly "\n\n", a non-space), which
# needs no edit and is by far the most common run, without a Python-level look at it: the
# first look-ahead rejects a clean break at its first "\n", the look-behind keeps the search
# from starting over at its second "\n".
_NL_RUN = re.compile(f"\n(?<!\n\n)(?!(?<=\\S\n)\n\\S)(?:[{HSPACE}]*\n)*[{HSPACE}]*")
_OTHER_BREAKS = LINEBREAK.replace("\n", "")
# One pass of the regex engine over the text instead of one `in` scan per break character.
_ANY_OTHER_BREAK = re.compile(f"[{re.escape(_OTHER_BREAKS)}]")
_HSPACE_SET = frozenset(HSPACE_CHARS)
_BREAK_ONE = re.compile(_BREAK)
# A line that starts a sub-item: (a) （b） a) (iv) (1) 一、 （一） or a bullet and a space.
_ITEM_START = re.compile(
    r"(?:[(（](?:[a-z]{1,2}|[A-Z]|[ivxlc]{1,6}|[IVXLC]{1,6}|\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"
    r"|[a-z]\)|[一二三四五六七八九十]{1,3}、|[-•▪●◦*](?=[ \t]+\S))"
)
_SPAN = re.Match.span


class _Joiner:
    """Decides how one single line break at ``text[start:end]`` is joined."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Collected only if a line-end hyphen needs them.
        self.words = Words.from_texts([text])

    def join(self, start: int, end: int) -> Edit:
        # ``start`` is the first whitespace character after the line's last printed one.
        text = self.text
        cut, sep = join_break(text[max(0, start - CONTEXT):start], text[end:end + CONTEXT], self.words)
        return (start - cut, end, sep)


def _join_lines(text: str, keep_items: bool) -> list[Edit]:
    edits: list[Edit] = []
    joiner: _Joiner | None = None
    n = len(text)
    pattern = _BREAK_RUN if _ANY_OTHER_BREAK.search(text) is not None else _NL_RUN
    for m in pattern.finditer(text):
        start, end = m.span()
        if edits and edits[-1][1] > start:  # the previous run took this break already
            continue
        while start > 0 and text[start - 1] in _HSPACE_SET:
            start -= 1
        run = text[start:end]
        if start == 0 or end == n:
            edits.append((start, end, ""))
            continue
        if run == "\n\n":
            continue
        if "\u2029" in run or len(_BREAK_ONE.findall(run)) > 1:
            edits.append((start, end, "\n\n"))
            continue
        if keep_items and _ITEM_START.match(text, end):
            if run != "\n":
                edits.append((start, end, "\n"))
            continue
        if joiner is None:
            joiner = _Joiner(text)
        edit = joiner.join(start, end)
        if text[edit[0]:edit[1]] != edit[2]:
            edits.append(edit)
    return edits


def join_lines(text: str) -> list[Edit]:
    """Join wrapped lines (see the module docstring), keep sub-item breaks, turn paragraph
    breaks into ``\\n\\n`` and drop whitespace at both ends of the text."""
    return _join_lines(text, keep_items=True)


def join_all_lines(text: str) -> list[Edit]:
    """As :func:`join_lines`, and join the breaks before sub-items as well."""
    return _join_lines(text, keep_items=False)


# The space steps run after collapse_spaces, so every space left is a single " ": patterns
# that start with a literal space let the regex engine skip ahead fast.
# Compiled on first use (functools.cache): four classes of the CJK blocks take about 9 ms to
# compile, and a text without a space next to a CJK character never needs them.
@functools.cache
def _cjk_spaces() -> re.Pattern[str]:
    return re.compile(f" (?:(?<=[{CJK}] )(?=[{CJK}{NEUTRAL}])|(?<=[{CJK}{NEUTRAL}] )(?=[{CJK}]))")


def cjk_spaces(text: str) -> list[Edit]:
    """Remove a space between two CJK characters (justified lines, letter-spaced titles:
    ``大 会`` -> ``大会``), also next to punctuation shared with Chinese (``题为 “变革`` ->
    ``题为“变革``). Spaces between CJK and digits or Latin are kept: `display` shows the gap
    Word's automatic spacing prints (``2025 年``). Acts on single spaces: runs and other
    space characters are ``collapse_spaces``' job, which runs first."""
    return [(s, e, "") for s, e in map(_SPAN, _cjk_spaces().finditer(text))]


@functools.cache
def _mixed_spaces() -> re.Pattern[str]:
    return re.compile(f" (?:(?<=[{CJK}] )|(?=[{CJK}]))")


def has_space(text: str) -> bool:
    """Whether ``text`` holds a " ": :func:`cjk_spaces` and :func:`mixed_spaces` remove
    nothing else (their patterns start with one)."""
    return " " in text


def mixed_spaces(text: str) -> list[Edit]:
    """Remove every space next to a CJK character: ``2025 年 12 月`` -> ``2025年12月``,
    ``第 70/125 号决议`` -> ``第70/125号决议``. Spaces between Latin words stay
    (``A/CONF.157/24 (Part I)``). Acts on single spaces, after ``collapse_spaces``."""
    return [(s, e, "") for s, e in map(_SPAN, _mixed_spaces().finditer(text))]


OTHER_SPACES = "".join(sorted(_HSPACE_SET - {" "}))
# Two or more spaces, or one space character other than " " (written so that the pattern
# starts with a plain class, which the regex engine scans fast).
_COLLAPSE = re.compile(f"[{HSPACE}](?:[{HSPACE}]+|(?<=[{OTHER_SPACES}]))")
# A compiled literal: the regex engine finds "  " several times faster than `"  " in text`.
_DOUBLE_SPACE = re.compile("  ")


def may_collapse(text: str) -> bool:
    """Cheap test: whether :func:`collapse_spaces` can change ``text`` when it holds no space
    character other than " "."""
    return text[:1] in _HSPACE_SET or text[-1:] in _HSPACE_SET or _DOUBLE_SPACE.search(text) is not None


def collapse_spaces(text: str) -> list[Edit]:
    """Runs of spaces, tabs, no-break and ideographic spaces to one space (``大\u3000会`` ->
    ``大 会``, then ``cjk_spaces`` removes it); none at the ends of the text."""
    n = len(text)
    lead = n - len(text.lstrip(HSPACE_CHARS))
    if lead == n:
        return [(0, n, "")] if n else []
    trail = n - len(text.rstrip(HSPACE_CHARS))
    edits: list[Edit] = [(0, lead, "")] if lead else []
    edits += [(m.start(), m.end(), " ") for m in _COLLAPSE.finditer(text, lead, n - trail)]
    if trail:
        edits.append((n - trail, n, ""))
    return edits
