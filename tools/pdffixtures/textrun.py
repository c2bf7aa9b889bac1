"""Paragraph text -> atoms, and where a line may break.

A Word-made Chinese PDF carries no space characters around Latin runs: Word's "autospacing"
draws a gap between an ideograph and a Latin letter or digit. So the fixtures draw a *gap*
where the gold text has a space between an ideograph and a letter/digit, and nothing where it
has none (``2030年``). At a line break the gap is invisible, so an extractor needs a rule; the
rule the fixtures follow (and that ``docs/fixtures.md`` states for the extractor) is
:func:`space_at_line_break`. The line breaker only breaks where that rule rebuilds the gold
text exactly, so every fixture is unambiguous.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Atom",
    "is_han",
    "is_cjk",
    "space_at_line_break",
    "tokenize",
    "NO_LINE_START",
    "NO_LINE_END",
]

# Chinese line-breaking rules (kinsoku): these may not start, resp. end, a line.
NO_LINE_START = frozenset("，。、；：？！）》」』〕】”’…—·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『〔【“‘([{")


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FFFF
    )


def is_cjk(ch: str) -> bool:
    """Drawn with the CJK font: ideographs, CJK and full-width punctuation, Chinese quotes."""
    o = ord(ch)
    return (
        is_han(ch)
        or 0x2E80 <= o <= 0x2FDF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or ch in "“”‘’—…·"
    )


def _latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def space_at_line_break(before: str, after: str) -> bool:
    """Whether the text has a space where a line ends with ``before`` and the next starts with
    ``after``: between two non-CJK characters (English, or a Latin run inside Chinese), and
    between an ideograph and a Latin letter/digit (Word's autospacing); never otherwise."""
    if not is_cjk(before) and not is_cjk(after):
        return True
    return (is_han(before) and _latin_alnum(after)) or (_latin_alnum(before) and is_han(after))


@dataclass
class Atom:
    """An unbreakable unit: one CJK character, one Latin word, or one footnote mark.

    ``sep`` is what stands before it on a line: ``""`` nothing, ``"gap"`` an autospacing gap
    (no glyph), ``"space"`` a space glyph. ``can_break`` says whether a line may end just
    before it without making the text ambiguous.
    """

    kind: str  # "cjk" | "latin" | "mark"
    text: str
    sep: str = ""
    can_break: bool = False


def _sep_kind(prev: str, nxt: str, had_space: bool) -> str:
    if not had_space:
        # Word puts an autospacing gap after a superscript footnote number before an ideograph,
        # although nothing was typed there (the seed shows it as "，<sup>2</sup> 在").
        return ""
    if (is_cjk(prev) and _latin_alnum(nxt)) or (_latin_alnum(prev) and is_cjk(nxt)):
        return "gap"
    return "space"


def tokenize(text: str, marks: list[tuple[int, str]] | None = None) -> list[Atom]:
    """Atoms of ``text`` with footnote ``marks`` (offset, number) inserted where they stand."""
    marks_at: dict[int, list[str]] = {}
    for off, num in marks or []:
        marks_at.setdefault(off, []).append(num)
    atoms: list[Atom] = []
    prev_char = ""  # last text character (marks are not text)
    had_space = False
    i, n = 0, len(text)
    after_mark = False

    def add(kind: str, s: str) -> None:
        nonlocal had_space, prev_char, after_mark
        first = s[0]
        sep = _sep_kind(prev_char, first, had_space) if prev_char else ""
        if after_mark and not sep and is_han(first):
            sep = "gap"
        ok = bool(prev_char) and had_space == space_at_line_break(prev_char, first)
        ok = ok and first not in NO_LINE_START and prev_char not in NO_LINE_END
        atoms.append(Atom(kind, s, sep, ok))
        prev_char = s[-1]
        had_space = False
        after_mark = False

    def add_marks(at: int) -> None:
        nonlocal after_mark
        for num in marks_at.get(at, []):
            atoms.append(Atom("mark", num, "", False))
            after_mark = True

    while i < n:
        add_marks(i)
        ch = text[i]
        if ch == " ":
            had_space = True
            i += 1
            continue
        if is_cjk(ch):
            add("cjk", ch)
            i += 1
            continue
        j = i + 1
        while j < n and text[j] != " " and not is_cjk(text[j]) and j not in marks_at:
            j += 1
        add("latin", text[i:j])
        i = j
    add_marks(n)
    return atoms
