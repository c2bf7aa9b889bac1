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
from itertools import compress, groupby, islice
from operator import eq, itemgetter, not_
from statistics import median
from typing import Callable, Iterable, Sequence, TypeVar

from lineage.read.pdf.records import Char, Line, Mark
from lineage.read.pdf.script import fold_lookalike
from lineage.script.chars import is_cjk, is_neutral, is_space

__all__ = ["SPACE_GAP", "PIECE_GAP", "group_lines", "build_line", "build_lines", "is_bold_font", "is_italic_font"]

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


_ITALIC_FONT = re.compile(r"italic|oblique", re.IGNORECASE)


def _font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) of a font by its name. Subset fonts carry a tag: ``ABCDEF+SimHei``;
    Chinese headings use a Hei (sans) face; ``TimesNewRomanPS-BoldItalicMT`` is both."""
    style = _STYLE_CACHE.get(fontname)
    if style is None:
        if len(_STYLE_CACHE) > _CACHE_MAX:
            _STYLE_CACHE.clear()
        name = fontname.split("+", 1)[-1]
        style = _STYLE_CACHE[fontname] = (bool(_BOLD_FONT.search(name)), bool(_ITALIC_FONT.search(name)))
    return style


def is_bold_font(fontname: str) -> bool:
    return _font_style(fontname)[0]


def is_italic_font(fontname: str) -> bool:
    return _font_style(fontname)[1]


# Answers per font name and per glyph text: a document has a handful of fonts and a few
# thousand distinct glyphs but hundreds of thousands of glyphs, asked about several times.
_STYLE_CACHE: dict[str, tuple[bool, bool]] = {}
_C_CACHE: dict[str, bool] = {}
_SPACE_CACHE: dict[str, bool] = {}
_CACHE_MAX = 100_000


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


# Fields of a Char by position: ``map(_X0, chars)`` and ``sorted(key=_TOP_X0)`` run in C, which
# matters in loops over every glyph of a document.
_TEXT, _X0, _X1, _TOP, _BOTTOM, _SIZE, _FONT = (itemgetter(i) for i in range(7))
_TOP_X0 = itemgetter(3, 1)
_TOP_BOTTOM = itemgetter(3, 4)
_UPRIGHT = itemgetter(7)
# Fields of a _text_info answer.
_FOLDED, _ENDS_C, _STARTS_C, _FOLDED_STARTS_C = (itemgetter(i) for i in range(4))
_T = TypeVar("_T")


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


def _place(c: Char, groups: list[_Group]) -> _Group:
    """Put ``c`` in the first of the last four lines (the latest first) it overlaps by half
    the lower of the two heights, or in a new line; return that line."""
    top, bottom = c.top, c.bottom
    h = bottom - top
    for g in reversed(groups[-4:]):
        gt, gb = g.top, g.bottom
        if min(bottom, gb) - max(top, gt) >= 0.5 * min(h, gb - gt):
            g.add(c)
            return g
    g = _Group(c)
    groups.append(g)
    return g


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Cluster glyphs into lines by vertical overlap; lines top to bottom, glyphs left to right.

    Glyphs are taken in runs of the same top and bottom (a line's glyphs of one font, which
    sorting by top brings together): the rest of a run joins the line its first glyph joined,
    which it overlaps as the first did (or wholly, when the first set the line's box), so
    only the first is tested. This loop sees every glyph of a document."""
    upright = list(chars)
    if not all(map(_UPRIGHT, upright)):
        upright = [c for c in upright if c.upright]
    groups: list[_Group] = []
    for (top, bottom), same in groupby(sorted(upright, key=_TOP_X0), key=_TOP_BOTTOM):
        run = list(same)
        if not bottom - top >= 0:  # an upside-down (or NaN) box: each glyph on its own
            for c in run:
                _place(c, groups)
            continue
        g = _place(run[0], groups)
        if len(run) > 1:
            rest = run[1:]
            g.chars.extend(rest)
            if max(map(_SIZE, rest)) > g.size * 1.05:
                for c in rest:
                    # As _Group.add: the line's box follows its largest glyphs.
                    if c.size > g.size * 1.05:
                        g.top, g.bottom, g.size = c.top, c.bottom, c.size
    out: list[list[Char]] = []
    for grp in groups:
        out.extend(_split_stacked(grp))
    out.sort(key=lambda cs: min(map(_TOP, cs)))
    return [sorted(cs, key=_X0) for cs in out]


def _split_stacked(g: _Group) -> list[list[Char]]:
    """A tall glyph row (a large masthead word) can span two small lines printed beside it
    (``Distr.: General`` over the date). Small glyphs that form more than one row among
    themselves and stand clear of the large glyphs horizontally are split off as lines."""
    limit = 0.85 * g.size
    if min(map(_SIZE, g.chars)) >= limit:
        return [g.chars]  # no small glyph (the common case)
    small = [c for c in g.chars if c.size < limit]
    if len(small) < 2:
        return [g.chars]
    big = [c for c in g.chars if c.size >= limit]
    rows: list[_Group] = []
    for c in sorted(small, key=_TOP_X0):
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
    """Drop glyphs printed twice at the same place (fake bold, overprinting): a glyph with the
    text of the last glyph kept, within 0.15 of its size of it."""
    texts = list(map(_TEXT, chars))
    # Only a glyph with the text of the glyph before it can go (a dropped glyph has the text
    # of the last one kept, so the one after it matches that one exactly when it matches it).
    same = list(compress(range(1, len(texts)), map(eq, texts, islice(texts, 1, None))))
    if not same:
        return list(chars)
    dropped: set[int] = set()
    for i in same:
        j = i - 1
        while j in dropped:
            j -= 1
        p, c = chars[j], chars[i]
        if abs(p.x0 - c.x0) < 0.15 * c.size and abs(p.top - c.top) < 0.15 * c.size:
            dropped.add(i)
    if not dropped:
        return list(chars)
    return [c for i, c in enumerate(chars) if i not in dropped]


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


def _text_info(text: str) -> tuple[str, bool, bool, bool]:
    """What line building asks of a glyph's text, once per distinct text: the text with its
    look-alikes folded, and whether its last character, its first, and the first of the
    folded text are CJK or neutral (:func:`_is_c`; an empty text's edges are not)."""
    info = _INFO_CACHE.get(text)
    if info is None:
        if len(_INFO_CACHE) > _CACHE_MAX:
            _INFO_CACHE.clear()
        folded = fold_lookalike(text)
        info = _INFO_CACHE[text] = (folded, _is_c(text[-1:]), _is_c(text[:1]), _is_c(folded[:1]))
    return info


_INFO_CACHE: dict[str, tuple[str, bool, bool, bool]] = {}


# The kinds of the items of a line: a glyph, a space glyph, a mark (a run of raised digits).
_GLYPH, _SPACE, _MARK = 0, 1, 2


def _items(chars: Sequence[Char], spaces: Sequence[bool],
           is_super: Callable[[Char], bool]) -> tuple[list[int], list]:
    """The line's glyphs left to right as two lists, the kind of each item and its glyph (a
    tuple of glyphs for a mark), with runs of raised small digits made into marks (raised
    letters, as in ``1er``, stay text). ``spaces`` tells which glyphs are space glyphs."""
    kinds: list[int] = []
    items: list = []
    i, n = 0, len(chars)
    while i < n:
        c = chars[i]
        if spaces[i]:
            kinds.append(_SPACE)
            items.append(c)
            i += 1
        elif is_super(c):
            j = i
            while j < n and not spaces[j] and is_super(chars[j]):
                j += 1
            run = tuple(chars[i:j])
            text = "".join(r.text for r in run)
            if _MARK_TEXT.fullmatch(text):
                kinds.append(_MARK)
                items.append(run)
            elif _MARK_LIST.fullmatch(text):
                # ``10,11``: two footnotes cited at one place; each number is a mark, the
                # raised comma between them goes with them.
                group: list[Char] = []
                for r in run:
                    if r.text.isdigit():
                        group.append(r)
                    elif group:
                        kinds.append(_MARK)
                        items.append(tuple(group))
                        group = []
                if group:
                    kinds.append(_MARK)
                    items.append(tuple(group))
            else:
                kinds.extend(_GLYPH for _ in run)
                items.extend(run)
            i = j
        else:
            kinds.append(_GLYPH)
            items.append(c)
            i += 1
    return kinds, items


def _mode_size(sizes: list[float]) -> float:
    """The commonest glyph size to a tenth of a point (the first met of equally common ones)."""
    raw = Counter(sizes)
    if len(raw) == 1:
        return round(sizes[0], 1)
    counts: dict[float, int] = {}
    for s, k in raw.items():
        r = round(s, 1)
        counts[r] = counts.get(r, 0) + k
    return max(counts.items(), key=itemgetter(1))[0]


def _lookup(cache: dict[str, _T], texts: list[str], answer: Callable[[str], _T]) -> list[_T]:
    """``answer(t)`` for every text, read from ``cache`` (``answer`` fills it) in one C-speed
    pass when every text is known."""
    out = list(map(cache.get, texts))
    if None in out:
        out = [answer(t) if v is None else v for t, v in zip(texts, out)]
    return out  # type: ignore[return-value]


def build_line(chars: Sequence[Char], page: int) -> Line | None:
    """One line from its glyphs (left to right). Returns None for a line of spaces only."""
    chars = _dedupe(chars)
    texts = list(map(_TEXT, chars))
    spaces = _lookup(_SPACE_CACHE, texts, _is_space)
    shown = list(map(not_, spaces)) if True in spaces else None  # which glyphs are not spaces
    visible = list(compress(chars, shown)) if shown is not None else chars
    if not visible:
        return None
    sizes = list(map(_SIZE, visible))
    size = _mode_size(sizes)
    smallest = min(sizes)
    floor = size * 0.95
    body = visible if smallest >= floor else [c for c in visible if c.size >= floor] or visible
    bottoms = list(map(_BOTTOM, body))
    base = median(bottoms)
    fonts = Counter(map(_FONT, body)).items()
    bold_n = sum(k for font, k in fonts if is_bold_font(font))
    italic_n = sum(k for font, k in fonts if is_italic_font(font))

    super_size = size * SUPER_SIZE
    super_base = base - SUPER_RAISE * size

    def is_super(c: Char) -> bool:
        return c.size <= super_size and c.bottom < super_base

    infos = _lookup(_INFO_CACHE, texts, _text_info)
    kinds: Sequence[int]
    items: Sequence
    item_infos: Sequence  # _text_info of each item (None for a mark)
    if smallest > super_size:
        # No glyph small enough to be a superscript: every item is a glyph or a space.
        kinds, items, item_infos, glyphs = spaces, chars, infos, visible
        glyph_infos = list(compress(infos, shown)) if shown is not None else infos
    else:
        kinds, items = _items(chars, spaces, is_super)
        glyphs = [it for k, it in zip(kinds, items) if k == _GLYPH]
        glyph_infos = [_text_info(c.text) for c in glyphs]
        item_infos = [_text_info(it.text) if k == _GLYPH else None for k, it in zip(kinds, items)]
    ends = list(map(_ENDS_C, glyph_infos))
    if items is chars and shown is None and False not in ends[:-1] and \
            False not in map(_FOLDED_STARTS_C, islice(glyph_infos, 1, None)):
        # Glyphs only (no space glyph, no mark), each pair CJK or neutral on both sides (a
        # line of Chinese): nothing goes between them, whatever the gaps.
        line_text = "".join(map(_FOLDED, glyph_infos))
        return _line(page, line_text, [], [line_text.strip()], visible, body, bottoms, size, bold_n, italic_n)
    # The line's stretch: how far justification or character spacing pushed CJK glyphs apart
    # (the gaps between two glyphs, the first ending and the second starting CJK or neutral).
    stretch = 0.0
    if True in ends:
        starts = list(map(_STARTS_C, glyph_infos))
        cc_gaps = [glyphs[k + 1].x0 - glyphs[k].x1 for k in compress(range(len(glyphs) - 1), ends) if starts[k + 1]]
        if cc_gaps:
            stretch = max(0.0, median(cc_gaps))
    piece_gap = PIECE_GAP * size + stretch
    space_gap = SPACE_GAP * size

    parts: list[str] = []
    marks: list[Mark] = []
    pieces: list[str] = []
    piece_start = 0
    started = False  # a text glyph was met
    prev_c = False  # the last text glyph's last character is CJK or neutral
    prev_right = 0.0  # right edge of the last thing printed (glyph or mark)
    gap_seen = 0.0  # widest gap on either side of marks since the last glyph
    explicit = False  # a space glyph since the last glyph
    space_at = 0.0  # where that space glyph would have put the next glyph
    for kind, it, info in zip(kinds, items, item_infos):
        if kind:
            if kind == _SPACE:
                # A space glyph that did not advance the pen has a glyph printed over it
                # (after it, or, sorted the other way, before it): Chromium prints a soft
                # hyphen inside a line so. It is no word space; only a real gap counts there.
                if not started or it.x0 >= prev_right - 0.25 * (it.x1 - it.x0):
                    explicit = True
                    space_at = it.x0 + 0.5 * (it.x1 - it.x0)
                continue
            # A mark: where it stood in the text, and the gap it hides.
            if started:
                gap_seen = max(gap_seen, it[0].x0 - prev_right)
            marks.append(Mark("".join(r.text for r in it), sum(map(len, parts))))
            prev_right = it[-1].x1
            continue
        text, last_c, _, first_c = info
        x0 = it.x0
        if explicit and x0 < space_at:
            explicit = False  # the glyph is printed over the space glyph (see above)
        if started and not (prev_c and first_c):  # between two CJK glyphs: nothing
            gap = x0 - prev_right
            if gap_seen >= gap:
                gap = gap_seen
            if gap > piece_gap:
                pieces.append("".join(parts)[piece_start:].strip())
                parts.append(" ")
                piece_start = sum(map(len, parts))
            # How much of the gap is the line's stretch rather than a word space: a CJK
            # glyph carries the stretch after it (justification and character spacing
            # widen its advance); a Latin run does not, so the gap from a Latin run to an
            # ideograph is all autospacing (or nothing, as in ``2030年``). Between two Latin
            # glyphs the stretch is discounted in case the producer spread the letters too.
            elif explicit or gap - (0.0 if first_c and not prev_c else stretch) > space_gap:
                parts.append(" ")
        parts.append(text)
        started = True
        prev_c = last_c
        prev_right = it.x1
        gap_seen = 0.0
        explicit = False
    line_text = "".join(parts)
    pieces.append(line_text[piece_start:].strip())
    return _line(page, line_text, marks, pieces, visible, body, bottoms, size, bold_n, italic_n)


def _line(page: int, text: str, marks: list[Mark], pieces: list[str], visible: Sequence[Char],
          body: Sequence[Char], bottoms: list[float], size: float, bold_n: int, italic_n: int) -> Line:
    if not text:
        # Only marks on this line (a footnote number standing alone): keep them as text.
        text = " ".join(m.number for m in marks)
        marks = []
        pieces = [text]
    return Line(
        page=page,
        text=text,
        x0=min(map(_X0, visible)),
        x1=max(map(_X1, visible)),
        top=min(map(_TOP, body)),
        bottom=max(bottoms),
        size=size,
        bold=bold_n > 0.6 * len(body),
        marks=tuple(marks),
        pieces=tuple(pieces),
        italic=italic_n > 0.6 * len(body),
    )


def build_lines(chars: Iterable[Char], page: int) -> list[Line]:
    out = []
    for group in group_lines(chars):
        line = build_line(group, page)
        if line is not None:
            out.append(line)
    return out
