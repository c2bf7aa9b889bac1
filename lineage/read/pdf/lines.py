"""Glyphs to printed lines, built from positions and font sizes rather than from the PDF's
own space characters, so that justified Chinese does not grow spurious spaces and English
words are not run together.

Spacing rule (see docs/extraction.md): between two CJK characters there is never a space
(justification, character spacing and letter-spaced titles such as ``大　会`` only stretch the
line); between any other pair a space is kept when the PDF has a space glyph there or the gap,
less the line's own stretch, is wider than ``SPACE_GAP`` of the font size. That keeps the
visible Word autospacing gap of ``2025 年`` as one space and ``2030年`` without one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median
from typing import Callable, Iterable, Sequence

from lineage.read.pdf.records import Char, Line, Mark
from lineage.read.pdf.script import fold_lookalike
from lineage.script.chars import is_cjk, is_neutral, is_space

__all__ = ["SPACE_GAP", "PIECE_GAP", "group_lines", "build_line", "build_lines", "is_bold_font"]

# A gap wider than this fraction of the font size (after the line's stretch) is a word space.
SPACE_GAP = 0.15
# A gap wider than this fraction of the font size splits the line into pieces (a tab stop).
PIECE_GAP = 0.9
# Superscript: at most this fraction of the line's size and raised by at least RAISE of it.
SUPER_SIZE = 0.85
SUPER_RAISE = 0.12

_BOLD_FONT = re.compile(r"bold|heavy|black|semibold|demi|hei(?!t)", re.IGNORECASE)
_MARK_TEXT = re.compile(r"\d{1,3}")
_MARK_LIST = re.compile(r"\d{1,3}(?:,\d{1,3})+")


def is_bold_font(fontname: str) -> bool:
    # Subset fonts carry a tag: ``ABCDEF+SimHei``; Chinese headings use a Hei (sans) face.
    bold = _BOLD_CACHE.get(fontname)
    if bold is None:
        if len(_BOLD_CACHE) > _CACHE_MAX:
            _BOLD_CACHE.clear()
        bold = _BOLD_CACHE[fontname] = bool(_BOLD_FONT.search(fontname.split("+", 1)[-1]))
    return bold


# Answers per font name and per glyph text: a document has a handful of fonts and a few
# thousand distinct glyphs but hundreds of thousands of glyphs, asked about several times.
_BOLD_CACHE: dict[str, bool] = {}
_C_CACHE: dict[str, bool] = {}
_SPACE_CACHE: dict[str, bool] = {}
_CACHE_MAX = 100_000


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


class _Group:
    __slots__ = ("chars", "top", "bottom", "size")

    def __init__(self, c: Char) -> None:
        self.chars = [c]
        self.top, self.bottom, self.size = c.top, c.bottom, c.size

    def add(self, c: Char) -> None:
        self.chars.append(c)
        # The line's box follows its largest glyphs, so a raised superscript does not widen
        # it into the line above.
        if c.size > self.size * 1.05:
            self.top, self.bottom, self.size = c.top, c.bottom, c.size


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Cluster glyphs into lines by vertical overlap; lines top to bottom, glyphs left to right."""
    groups: list[_Group] = []
    for c in sorted(chars, key=lambda c: (c.top, c.x0)):
        if not c.upright:
            continue
        top, bottom = c.top, c.bottom
        h = bottom - top
        placed = False
        for g in reversed(groups[-4:]):
            # _overlap inlined: this loop runs for every glyph of the document.
            gt, gb = g.top, g.bottom
            if min(bottom, gb) - max(top, gt) >= 0.5 * min(h, gb - gt):
                g.add(c)
                placed = True
                break
        if not placed:
            groups.append(_Group(c))
    out: list[list[Char]] = []
    for g in groups:
        out.extend(_split_stacked(g))
    out.sort(key=lambda cs: min(c.top for c in cs))
    return [sorted(cs, key=lambda c: c.x0) for cs in out]


def _split_stacked(g: _Group) -> list[list[Char]]:
    """A tall glyph row (a large masthead word) can span two small lines printed beside it
    (``Distr.: General`` over the date). Small glyphs that form more than one row among
    themselves and stand clear of the large glyphs horizontally are split off as lines."""
    small = [c for c in g.chars if c.size < 0.85 * g.size]
    if len(small) < 2:
        return [g.chars]
    big = [c for c in g.chars if c.size >= 0.85 * g.size]
    rows: list[_Group] = []
    for c in sorted(small, key=lambda c: (c.top, c.x0)):
        for r in reversed(rows):
            if _overlap(c.top, c.bottom, r.top, r.bottom) >= 0.5 * min(c.bottom - c.top, r.bottom - r.top):
                r.add(c)
                break
        else:
            rows.append(_Group(c))
    if len(rows) < 2:
        return [g.chars]
    big_x0, big_x1 = min(c.x0 for c in big), max(c.x1 for c in big)
    out = [list(big)]
    for r in rows:
        rx0, rx1 = min(c.x0 for c in r.chars), max(c.x1 for c in r.chars)
        if rx0 > big_x1 + g.size or rx1 < big_x0 - g.size:
            out.append(r.chars)
        else:
            out[0].extend(r.chars)
    return out


def _dedupe(chars: Sequence[Char]) -> list[Char]:
    """Drop glyphs printed twice at the same place (fake bold, overprinting)."""
    out: list[Char] = []
    for c in chars:
        if out:
            p = out[-1]
            if p.text == c.text and abs(p.x0 - c.x0) < 0.15 * c.size and abs(p.top - c.top) < 0.15 * c.size:
                continue
        out.append(c)
    return out


def _is_space(text: str) -> bool:
    sp = _SPACE_CACHE.get(text)
    if sp is None:
        if len(_SPACE_CACHE) > _CACHE_MAX:
            _SPACE_CACHE.clear()
        sp = _SPACE_CACHE[text] = is_space(text)
    return sp


def _is_c(ch: str) -> bool:
    c = _C_CACHE.get(ch)
    if c is None:
        if len(_C_CACHE) > _CACHE_MAX:
            _C_CACHE.clear()
        c = _C_CACHE[ch] = is_cjk(ch) or is_neutral(ch)
    return c


def _carried_stretch(left: str, right: str, stretch: float) -> float:
    """How much of a gap is the line's stretch rather than a word space. A CJK glyph carries
    the stretch after it (justification and character spacing widen its advance); a Latin
    run does not, so the gap from a Latin run to an ideograph is all autospacing (or nothing,
    as in ``2030年``). Between two Latin glyphs the stretch is discounted in case the
    producer spread the letters too."""
    return 0.0 if _is_c(right) and not _is_c(left) else stretch


@dataclass(frozen=True, slots=True)
class _Item:
    """``glyph`` (one char), ``space`` (a space glyph) or ``mark`` (a run of raised digits)."""

    kind: str
    chars: tuple[Char, ...]


def _items(chars: Sequence[Char], is_super: Callable[[Char], bool]) -> list[_Item]:
    """The line's glyphs left to right, with runs of raised small digits made into marks
    (raised letters, as in ``1er``, stay text)."""
    items: list[_Item] = []
    i, n = 0, len(chars)
    while i < n:
        c = chars[i]
        if _is_space(c.text):
            items.append(_Item("space", (c,)))
            i += 1
        elif is_super(c):
            j = i
            while j < n and not _is_space(chars[j].text) and is_super(chars[j]):
                j += 1
            run = tuple(chars[i:j])
            text = "".join(r.text for r in run)
            if _MARK_TEXT.fullmatch(text):
                items.append(_Item("mark", run))
            elif _MARK_LIST.fullmatch(text):
                # ``10,11``: two footnotes cited at one place; each number is a mark, the
                # raised comma between them goes with them.
                group: list[Char] = []
                for r in run:
                    if r.text.isdigit():
                        group.append(r)
                    elif group:
                        items.append(_Item("mark", tuple(group)))
                        group = []
                if group:
                    items.append(_Item("mark", tuple(group)))
            else:
                items.extend(_Item("glyph", (r,)) for r in run)
            i = j
        else:
            items.append(_Item("glyph", (c,)))
            i += 1
    return items


def build_line(chars: Sequence[Char], page: int) -> Line | None:
    """One line from its glyphs (left to right). Returns None for a line of spaces only."""
    chars = _dedupe(chars)
    visible = [c for c in chars if not _is_space(c.text)]
    if not visible:
        return None
    size = Counter(round(c.size, 1) for c in visible).most_common(1)[0][0]
    body = [c for c in visible if c.size >= size * 0.95] or visible
    base = median(c.bottom for c in body)
    bold_n = sum(1 for c in body if is_bold_font(c.font))

    def is_super(c: Char) -> bool:
        return c.size <= size * SUPER_SIZE and c.bottom < base - SUPER_RAISE * size

    items = _items(chars, is_super)
    glyphs = [it.chars[0] for it in items if it.kind == "glyph"]
    # The line's stretch: how far justification or character spacing pushed CJK glyphs apart.
    cc_gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:]) if _is_c(a.text[-1]) and _is_c(b.text[0])]
    stretch = max(0.0, median(cc_gaps)) if cc_gaps else 0.0

    parts: list[str] = []
    length = 0
    marks: list[Mark] = []
    pieces: list[str] = []
    piece_start = 0
    prev: Char | None = None  # last text glyph
    prev_right = 0.0  # right edge of the last thing printed (glyph or mark)
    gap_seen = 0.0  # widest gap on either side of marks since the last glyph
    explicit = False  # a space glyph since the last glyph
    space_at = 0.0  # where that space glyph would have put the next glyph
    for it in items:
        if it.kind == "space":
            sp = it.chars[0]
            # A space glyph that did not advance the pen has a glyph printed over it (after
            # it, or, sorted the other way, before it): Chromium prints a soft hyphen inside
            # a line so. It is no word space; only a real gap counts there.
            if prev is None or sp.x0 >= prev_right - 0.25 * (sp.x1 - sp.x0):
                explicit = True
                space_at = sp.x0 + 0.5 * (sp.x1 - sp.x0)
            continue
        if it.kind == "mark":
            if prev is not None:
                gap_seen = max(gap_seen, it.chars[0].x0 - prev_right)
            marks.append(Mark("".join(r.text for r in it.chars), length))
            prev_right = it.chars[-1].x1
            continue
        c = it.chars[0]
        text = fold_lookalike(c.text)
        if explicit and c.x0 < space_at:
            explicit = False  # the glyph is printed over the space glyph (see above)
        if prev is not None:
            gap = max(gap_seen, c.x0 - prev_right)
            both_c = _is_c(prev.text[-1]) and _is_c(text[0])
            if gap > PIECE_GAP * size + stretch and not both_c:
                pieces.append("".join(parts)[piece_start:].strip())
                piece_start = length + 1
                parts.append(" ")
                length += 1
            elif not both_c and (explicit or gap - _carried_stretch(prev.text[-1], text[0], stretch) > SPACE_GAP * size):
                parts.append(" ")
                length += 1
        parts.append(text)
        length += len(text)
        prev = c
        prev_right = c.x1
        gap_seen = 0.0
        explicit = False
    line_text = "".join(parts)
    pieces.append(line_text[piece_start:].strip())
    if not line_text:
        # Only marks on this line (a footnote number standing alone): keep them as text.
        line_text = " ".join(m.number for m in marks)
        marks = []
        pieces = [line_text]
    return Line(
        page=page,
        text=line_text,
        x0=min(c.x0 for c in visible),
        x1=max(c.x1 for c in visible),
        top=min(c.top for c in body),
        bottom=max(c.bottom for c in body),
        size=size,
        bold=bold_n > 0.6 * len(body),
        marks=tuple(marks),
        pieces=tuple(pieces),
    )


def build_lines(chars: Iterable[Char], page: int) -> list[Line]:
    out = []
    for group in group_lines(chars):
        line = build_line(group, page)
        if line is not None:
            out.append(line)
    return out
