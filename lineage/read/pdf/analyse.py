"""From the printed lines of every page to the body stream and the footnotes: furniture
removed, footnote areas split off and parsed, body lines cut into blocks. Pure: works on
:class:`~lineage.read.pdf.records.Line` records, no PDF library involved."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from lineage.model.document import ExtractionWarning
from lineage.read import masthead as mh
from lineage.read.pdf.blocks import NUMBER_RE, Column, LayoutBlock, measure_column, segment
from lineage.read.pdf.footnotes import FootnoteDraft, parse_footnotes, split_footnote_area
from lineage.read.pdf.furniture import find_furniture
from lineage.read.pdf.records import Line, Rule
from lineage.script.lines import Words

__all__ = ["PageLines", "Analysis", "analyse_pages"]


@dataclass
class PageLines:
    """One page after line building: what the analysis needs of it."""

    number: int
    height: float
    lines: list[Line]
    rules: tuple[Rule, ...] = ()


@dataclass
class Analysis:
    column: Column
    front: list[LayoutBlock]  # page-1 masthead pieces, one block each
    blocks: list[LayoutBlock]  # the body, in reading order
    footnotes: list[FootnoteDraft]
    furniture: list[Line]
    words: Words  # the document's words: evidence for line-end hyphens
    warnings: list[ExtractionWarning] = field(default_factory=list)


def _is_masthead_piece(text: str) -> bool:
    return bool(
        mh.find_symbol(text) and len(text) <= 50
        or mh.parse_distribution(text)
        or mh.is_date_line(text)
        or mh.session_line(text)
        or mh.agenda_line(text)
        or text.lower().startswith(("original", "chinese", "english", "原文"))
    )


def _front_pieces(line: Line) -> list[Line] | None:
    """A masthead line holding several items side by side (``联合国 ... A/RES/80/173``,
    ``大 会 ... Distr.: General``) as one line per item, or None for an ordinary line."""
    if len(line.pieces) < 2 or NUMBER_RE.match(line.text):
        return None
    if any(len(p) > 40 for p in line.pieces) or not any(_is_masthead_piece(p) for p in line.pieces):
        return None
    return [
        Line(page=line.page, text=p, x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom,
             size=line.size, bold=line.bold, pieces=(p,))
        for p in line.pieces
    ]


# A line of nothing but underscores (or dashes) is a rule typed as text: Word prints the
# footnote separator of some documents so.
_TYPED_RULE = re.compile(r"^[_\u2012-\u2015\u2500]{5,}$")


def _typed_rules(page: PageLines) -> PageLines:
    """The page with its typed rules (a footnote separator printed as ``_______``) moved from
    its lines to its rules, so they are read as the graphic they stand for and never become
    text or a heading."""
    typed = [ln for ln in page.lines if _TYPED_RULE.match(ln.text.replace(" ", ""))]
    if not typed:
        return page
    rules = tuple(Rule(ln.x0, ln.x1, ln.top, ln.bottom) for ln in typed)
    return PageLines(page.number, page.height, [ln for ln in page.lines if ln not in typed],
                     page.rules + rules)


def analyse_pages(pages: Sequence[PageLines]) -> Analysis:
    """Split every page into furniture, body and footnote lines, and parse the footnotes."""
    pages = [_typed_rules(p) for p in pages]
    furniture_idx = find_furniture([p.lines for p in pages], [p.height for p in pages])
    furniture: list[Line] = []
    kept: list[list[Line]] = []
    for page, hit in zip(pages, furniture_idx):
        if page.number == 1:
            # The first page has the masthead where later pages have the running header:
            # the symbol there is masthead, not furniture.
            hit = {i for i in hit if page.lines[i].top > page.height / 2}
        furniture.extend(page.lines[i] for i in sorted(hit))
        kept.append([ln for i, ln in enumerate(page.lines) if i not in hit])
    column = measure_column([ln for lines in kept for ln in lines])
    words = Words.from_texts(ln.text for lines in kept for ln in lines)
    warnings: list[ExtractionWarning] = []

    body: list[Line] = []
    footnotes: list[FootnoteDraft] = []
    carry: FootnoteDraft | None = None
    for page, lines in zip(pages, kept):
        if not lines:
            warnings.append(ExtractionWarning("page-without-text", f"page {page.number} has no text", page.number))
            continue
        cut = split_footnote_area(lines, page.rules, column.size, column.left, column.right)
        started, carry = parse_footnotes(lines[cut:], carry, words)
        footnotes.extend(started)
        body.extend(lines[:cut])

    # The masthead: page-1 lines above the first operative paragraph that hold several items.
    front: list[LayoutBlock] = []
    rest: list[Line] = []
    in_front = True
    for ln in body:
        if in_front and (ln.page != 1 or NUMBER_RE.match(ln.text)):
            in_front = False
        pieces = _front_pieces(ln) if in_front else None
        if pieces:
            front.extend(LayoutBlock("text", [p]) for p in pieces)
        else:
            rest.append(ln)
    return Analysis(
        column=column,
        front=front,
        blocks=segment(rest, column),
        footnotes=footnotes,
        furniture=furniture,
        words=words,
        warnings=warnings,
    )
