"""Printed lines of the body (furniture and footnotes removed, pages concatenated) cut into
blocks: a paragraph, a sub-item, a heading. Where a block starts is read from the layout:
a hanging paragraph number, a sub-item label, a first-line indent, the previous line ending
short of the right margin, extra space above the line, a change to or from bold or centred
lines. A page break alone never starts a block, so a paragraph cut by a page break (and by
the footnotes at the foot of the page) comes out whole."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Sequence

from lineage.read.masthead import is_annex_label
from lineage.read.pdf.records import Line
from lineage.script.punctuation import CLAUSE_END, SENTENCE_END, ends_clause

__all__ = ["Column", "LayoutBlock", "measure_column", "NUMBER_RE", "SUBITEM_RE", "segment"]

NUMBER_RE = re.compile(r"^(\d{1,4}(?:\s?(?:bis|ter|quater|quinquies|alt))?)\s*[.．](?!\d)\s*")
SUBITEM_RE = re.compile(r"^(?:\(|（)(?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})(?:\)|）)")
SECTION_HEAD_RE = re.compile(r"^(?:[A-Z]|[IVXL]{1,5}|\d{1,2})[.．]$")


@dataclass(frozen=True)
class Column:
    """The body text column: left and right margins and the body font size."""

    left: float
    right: float
    size: float
    # The outer left edge, where hanging numbers stand (at or left of ``left``).
    outer: float | None = None

    @property
    def centre(self) -> float:
        """Titles are centred on the whole text area, hanging numbers included."""
        return ((self.left if self.outer is None else self.outer) + self.right) / 2


@dataclass
class LayoutBlock:
    """``kind``: ``text`` (a paragraph or a sub-item) or ``heading`` (bold or centred lines)."""

    kind: str
    lines: list[Line] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({ln.page for ln in self.lines})


def _justified(body: Sequence[Line]) -> list[Line]:
    """The lines ending at the right edge most lines end at (within 1.5 pt): the full lines
    of justified prose. Empty when no edge holds an eighth of the lines (ragged text: there
    the ends spread over the last few ems, a few per cent at any one)."""
    ends = Counter(round(ln.x1) for ln in body)
    edge, support = max(((x, sum(ends[x + d] for d in (-1, 0, 1))) for x in ends), key=lambda e: e[1])
    if support < max(10, len(body) / 8):
        return []
    return [ln for ln in body if abs(ln.x1 - edge) <= 1.5]


def measure_column(lines: Sequence[Line]) -> Column:
    """Margins and body size from the lines themselves: the most common font size (by
    characters), the most common left edge and the usual right edge of lines in that size.

    Where the full lines of justified prose start at another left edge than most lines do,
    the prose is the column: a document whose annex is a timetable (A/C.3/80/L.1: seven
    pages of rows at the page margin after three pages of paragraphs) would otherwise measure
    the table, and every justified line of the paragraphs would look centred in it."""
    if not lines:
        return Column(0.0, 1.0, 10.0)
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    size = sizes.most_common(1)[0][0]
    body = [ln for ln in lines if abs(ln.size - size) < 0.5] or list(lines)
    left = Counter(round(ln.x0) for ln in body).most_common(1)[0][0]
    full = _justified(body)
    if full:
        prose = Counter(round(ln.x0) for ln in full).most_common(1)[0][0]
        if abs(prose - left) > size:
            left, body = prose, full
    lefts = [ln.x0 for ln in body if abs(ln.x0 - left) <= 1.5]
    rights = sorted(ln.x1 for ln in body)
    # The usual right edge: justified lines end there; take a high quantile, not the maximum,
    # so one overlong line does not move it.
    right = rights[int(0.9 * (len(rights) - 1))]
    xs = sorted(ln.x0 for ln in body)
    outer = min(xs[int(0.02 * (len(xs) - 1))], min(lefts) if lefts else float(left))
    return Column(min(lefts) if lefts else float(left), right, size, outer)


def _is_centred(ln: Line, col: Column) -> bool:
    margin = 2.0 * col.size
    outer = col.left if col.outer is None else col.outer
    # A paragraph's short last line starts at the text margin and may happen to sit
    # near the middle; a centred line starts anywhere else.
    return (
        ln.x0 > outer + margin
        and abs(ln.x0 - col.left) > 0.5 * col.size
        and ln.x1 < col.right - margin
        and abs((ln.x0 + ln.x1) / 2 - col.centre) < 1.5 * col.size
    )


def _is_right_aligned(ln: Line, col: Column) -> bool:
    """A closing line (date, meeting) set flush right."""
    return ln.x0 > col.centre and ln.x1 > col.right - col.size


# Punctuation that ends a clause but not a sentence: a centred line ending in one is text.
_MID_SENTENCE = CLAUSE_END - SENTENCE_END


def _promote_headings(blocks: list[LayoutBlock], col: Column) -> None:
    """A one-line block that ends without punctuation, stands well short of the right margin
    and is followed by a numbered paragraph is a section heading even when its font does not
    say so (a PDF whose bold face is the regular one)."""
    for i, b in enumerate(blocks[:-1]):
        if b.kind != "text" or len(b.lines) != 1:
            continue
        ln = b.lines[0]
        text = ln.text.strip()
        nxt = blocks[i + 1]
        if (
            text
            and not ends_clause(text)
            and not NUMBER_RE.match(text)
            and not SUBITEM_RE.match(text)
            and ln.x1 < col.right - 4 * col.size
            and (nxt.kind == "text" and NUMBER_RE.match(nxt.lines[0].text)
                 # An italic subheading between a finished paragraph and a heading (an
                 # annex's "Assessments" over its boxed "Model strategy No. 1", A/C.3/80/L.8);
                 # not the second line of a table cell (A/C.5/80/L.1).
                 or ln.italic and nxt.kind == "heading" and i > 0
                 and ends_clause(blocks[i - 1].lines[-1].text.strip()))
            and not ln.marks
        ):
            b.kind = "heading"


def _is_heading_line(ln: Line, col: Column) -> bool:
    if NUMBER_RE.match(ln.text) and not SECTION_HEAD_RE.match(ln.text.strip()):
        if ln.pieces and len(ln.pieces) > 1 and not ln.bold:
            return False
    if SUBITEM_RE.match(ln.text):
        return False
    if ln.bold:
        return True
    # A one-line paragraph (``Recalling the general election held in 2021,``) indented at
    # the first-line indent can sit near the middle of the column: a clause that ends with
    # a comma, semicolon or colon is text, not a centred title.
    return _is_centred(ln, col) and ln.text.rstrip()[-1:] not in _MID_SENTENCE


def _ends_short(ln: Line, col: Column) -> bool:
    return ln.x1 < col.right - 1.5 * ln.size


def segment(lines: Sequence[Line], col: Column) -> list[LayoutBlock]:
    """Cut the body lines into blocks (see the module docstring)."""
    blocks: list[LayoutBlock] = []
    pitches = [
        b.top - a.top
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 < b.top - a.top < 3 * col.size and abs(a.size - col.size) < 0.5
    ]
    pitch = median(pitches) if pitches else 1.2 * col.size
    prev: Line | None = None
    for ln in lines:
        heading = _is_heading_line(ln, col)
        kind = "heading" if heading else "text"
        start = True
        if prev is not None and blocks:
            cur = blocks[-1]
            same_page = prev.page == ln.page
            gap_above = same_page and (ln.top - prev.top) > pitch * 1.2 + 0.5
            if cur.kind != kind:
                start = True
            elif kind == "heading":
                # A multi-line heading continues while the lines follow each other closely in
                # the same style; a lone section number (``A.``, ``1.``) joins the line after it.
                same_style = prev.bold == ln.bold and abs(prev.size - ln.size) < 0.5
                # Lines of one title follow at the leading; a wider step separates two titles.
                # A title set larger than the body is set at a wider leading too (A/80/L.1: 12 pt
                # lines 13.5 pt apart over 10 pt body lines 11.6 pt apart).
                leading = pitch * max(1.0, min(prev.size, ln.size) / col.size)
                loose = not same_page or (ln.top - prev.top) > leading * 1.1 + 0.5
                # "Annex" (or "Annex II", "附件") over the annexed text's title is a block of its
                # own however close the title follows, so that every layout gives the same
                # blocks (the interpreter joins the two into one heading).
                start = ((loose or not same_style) and not SECTION_HEAD_RE.match(prev.text.strip())
                         or is_annex_label(prev.text))
            else:
                numbered = bool(NUMBER_RE.match(ln.text)) and (
                    len(ln.pieces) > 1 or _ends_short(prev, col) or ln.x0 <= col.left + 0.5 * col.size
                )
                lone_number = bool(NUMBER_RE.fullmatch(prev.text.strip()))
                # The second line of a hanging paragraph (``1.``/``(a)`` at the margin, the
                # text indented) stands right of the first without starting anything.
                hanging_second = len(cur.lines) == 1 and bool(
                    NUMBER_RE.match(prev.text) or SUBITEM_RE.match(prev.text))
                # A label that a line wrap brought to the start of a line in a run-in list
                # ("... second-hand smoke;" / "(b) 2.6 million deaths ...; (c) 35 million",
                # A/80/L.34): the line stands at the left edge of the full line above it,
                # which is no label line itself. It continues the block.
                run_in = (abs(ln.x0 - prev.x0) < 0.5 * ln.size and not SUBITEM_RE.match(prev.text)
                          and not NUMBER_RE.match(prev.text))
                start = not lone_number and (
                    numbered
                    or _is_right_aligned(ln, col)
                    or _is_right_aligned(prev, col)
                    or bool(SUBITEM_RE.match(ln.text)) and not run_in
                    or gap_above
                    or _ends_short(prev, col)
                    or ln.x0 > prev.x0 + 0.8 * ln.size and (
                        ln.x0 > col.left + 0.8 * ln.size or not hanging_second)
                )
        if start:
            blocks.append(LayoutBlock(kind, [ln]))
        else:
            blocks[-1].lines.append(ln)
        prev = ln
    _promote_headings(blocks, col)
    return blocks
