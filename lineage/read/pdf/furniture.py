"""Running headers, footers, job numbers and page marks, found by where they sit (the top and
bottom bands of the page) and by repeating across pages with only their digits varying, not
by a list of known strings."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from lineage.read.pdf.blocks import NUMBER_RE, SUBITEM_RE
from lineage.read.pdf.records import Line

__all__ = ["BAND", "piece_shape", "find_furniture"]

# Fraction of the page height that counts as the top or bottom band.
BAND = 0.12
# How many lines from each end of a page are candidates (header/footer blocks are short; a
# running header may repeat a title of up to four lines above the symbol's line).
EDGE_LINES = 5

_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")
_STAR_NOTE = re.compile(r"^\*{1,3}\s")
# A figure printed in groups of three digits: ``23 665 200``, ``4,858,400``.
_AMOUNT = re.compile(r"\(?-?\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+\)?")


def piece_shape(text: str) -> str:
    """A text with its digit runs and whitespace blurred: ``2/21`` and ``3/21`` look alike."""
    return _WS.sub("", _DIGITS.sub("#", text))


def _evidence(line: Line) -> tuple[str, ...]:
    """The pieces of a band line whose shape may repeat as furniture. A paragraph number or
    sub-item label hanging at the start of a text line (``5.`` when paragraphs 5 and 73
    happen to open two pages) is not: it says nothing about the line. Nor, in a line of
    several pieces, is an amount in groups of three digits (``101 662 800``) or a bare
    number (a section number, the job's date beside its number): a budget table's rows at
    the foot of two pages (``30 | Internal oversight | 23 665 200``, A/C.5/80/L.6) are no
    footer. A page number alone on its line still is."""
    pieces = line.pieces or (line.text,)
    if len(pieces) < 2:
        return pieces
    if NUMBER_RE.fullmatch(pieces[0].strip()) or SUBITEM_RE.fullmatch(pieces[0].strip()):
        pieces = pieces[1:]
    return tuple(p for p in pieces if not (_AMOUNT.fullmatch(p.strip()) or p.strip().isdigit()))


def _candidates(lines: Sequence[Line], height: float) -> list[tuple[int, str]]:
    out = []
    n = len(lines)
    for i, line in enumerate(lines):
        if line.marks:  # a line with a superscript mark is text (or a footnote), not furniture
            continue
        if i < EDGE_LINES and line.top < BAND * height:
            out.append((i, "top"))
        elif i >= n - EDGE_LINES and line.bottom > (1 - BAND) * height:
            out.append((i, "bottom"))
    return out


def _extends(shape: str, base: str) -> bool:
    """``shape`` is ``base`` with a little added at its end (a language mark such as ``(C)``)."""
    # The addition holds no number: ``#/#`` (a page mark) must not make the end of a
    # footnote, ``2023/3 and 2024/13.``, furniture.
    return len(base) >= 3 and shape.startswith(base) and len(shape) - len(base) <= 8 and "#" not in shape[len(base):]


def _matches(band: str, shape: str, common: set[tuple[str, str]]) -> bool:
    """The shape is a common one, or nearly: a common shape begins it and little follows (the
    first page's job number carries a language mark such as ``(C)`` after it)."""
    if (band, shape) in common:
        return True
    return any(b == band and _extends(shape, s) for b, s in common)


def _isolated_footer(lines: Sequence[Line], cands: list[tuple[int, str]], height: float) -> set[int]:
    """Bottom-band lines set apart from the text above by a wide gap (a footer in the bottom
    margin): furniture on a one-page document, where nothing can repeat. A line with a
    leading superscript is a footnote, not a footer."""
    out: set[int] = set()
    low = (1 - BAND) * height
    note_size: float | None = None
    for i, band in cands:
        if band != "bottom" or i == 0:
            continue
        ln, above = lines[i], lines[i - 1]
        # A star footnote (``* Any changes to the list of sponsors...``) is no footer; the
        # first larger line after it is (the job number under a one-page draft's note).
        if _STAR_NOTE.match(ln.text):
            note_size = ln.size
            continue
        # A footnote (star or numbered: a numbered one is no candidate) at the foot of the page:
        # a star note in the band, a numbered one anywhere in the lower half (the notes of a
        # one-page resolution end above the band, A/RES/80/189, its job number in it).
        notes = [lines[j].size for j in range(i) if (
            lines[j].bottom > low and _STAR_NOTE.match(lines[j].text)
            or lines[j].top > height / 2 and lines[j].marks and lines[j].marks[0].offset == 0)]
        if notes and note_size is None:
            note_size = max(notes)
        if note_size is not None and ln.size > note_size * 1.05:
            out.update(j for j, b in cands if b == "bottom" and j >= i)
            break
        if ln.marks or ln.size > above.size:
            continue
        if ln.top - above.bottom > 2.5 * ln.height:
            out.update(j for j, b in cands if b == "bottom" and j >= i)
            break
    return out


def find_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[set[int]]:
    """For each page, the indexes of its lines that are page furniture.

    A piece of a band line (the line split at wide gaps) is furniture when the same shape
    stands in the same band on at least two pages and on at least 40% of the pages that
    have lines. A band line with a furniture piece is furniture, and so is everything
    between it and the page edge (a barcode, a recycling note next to a first-page job number).
    """
    n_pages = sum(1 for p in pages if p)
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    cands = []
    for pno, (lines, h) in enumerate(zip(pages, heights)):
        c = _candidates(lines, h)
        cands.append(c)
        for i, band in c:
            for piece in _evidence(lines[i]):
                shape = piece_shape(piece)
                if shape:
                    seen[(band, shape)].add(pno)
    # A shape also stands wherever it begins a longer one (page 1's ``25-21063 (C)`` counts
    # for the later pages' ``25-21063``): on a short document that is the only repetition.
    for (band, t), where in list(seen.items()):
        for k in range(max(3, len(t) - 8), len(t)):
            if (band, t[:k]) in seen and _extends(t, t[:k]):
                seen[(band, t[:k])] |= where
    need = max(2, int(0.4 * n_pages + 0.999)) if n_pages > 3 else 2
    common = {key for key, where in seen.items() if len(where) >= need}
    result: list[set[int]] = []
    for lines, c in zip(pages, cands):
        hit: set[int] = set()
        for i, band in c:
            if any(_matches(band, piece_shape(p), common) for p in _evidence(lines[i])):
                hit.add(i)
        if n_pages == 1:
            # Only where nothing can repeat: on a longer document the gap rule would take the
            # continuation of a footnote, alone at the foot of a short last page, for a footer.
            hit.update(_isolated_footer(lines, c, heights[pno]))
        tops = [i for i, band in c if band == "top" and i in hit]
        bottoms = [i for i, band in c if band == "bottom" and i in hit]
        if tops:
            hit.update(i for i, band in c if band == "top" and i < max(tops))
        if bottoms:
            hit.update(i for i, band in c if band == "bottom" and i > min(bottoms))
        result.append(hit)
    return result
