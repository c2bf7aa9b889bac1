"""Footnote areas: the lines below the separator rule at the foot of a page (or, when a page
has no rule, the run of smaller-font lines at its foot that starts with a number), and the
footnotes they hold."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from lineage.read.pdf.joining import TextBuilder
from lineage.read.pdf.records import Line, Mark, Rule
from lineage.script.lines import Words

__all__ = ["FootnoteDraft", "split_footnote_area", "parse_footnotes"]

# A footnote number stands before a space or a letter: ``3–14 June 1992`` at the start of a
# line continues a footnote (a date range), even when 3 is the number expected next.
_LEADING_NUMBER = re.compile(r"^(\d{1,3}|\*{1,3}(?=\s))(?=\s|[^\W\d_])\s*")
# A footnote separator is a short rule: longer than this many points, shorter than this
# fraction of the text column (Word's continuation separator, over a footnote continued from
# the previous page, runs the whole column).
MIN_RULE = 20.0
MAX_RULE_FRACTION = 0.75
SMALL = 0.92


@dataclass
class FootnoteDraft:
    number: str
    builder: TextBuilder
    pages: list[int] = field(default_factory=list)
    # Its number was a raised mark: the document numbers footnotes so, and a plain number at
    # a line start (``17 March 2022, ...``) continues a footnote rather than starting one.
    raised: bool = False


def _starts_with_number(line: Line) -> bool:
    if line.marks and line.marks[0].offset == 0:
        return True
    return bool(_LEADING_NUMBER.match(line.text))


def _joined(rules: Sequence[Rule]) -> list[Rule]:
    """Rules end to end on one level joined into one: Word draws a table's row border as a
    stroke per cell (123-141, 141-486, 486-552 pt in A/C.5/80/L.6), and the middle stroke
    alone would pass for the full-width continuation separator."""
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (round(r.top), r.x0)):
        last = out[-1] if out else None
        if last is not None and abs(last.top - r.top) <= 0.5 and -1.0 <= r.x0 - last.x1 <= 2.0:
            out[-1] = Rule(last.x0, max(last.x1, r.x1), min(last.top, r.top), max(last.bottom, r.bottom))
        else:
            out.append(r)
    return out


def split_footnote_area(
    lines: Sequence[Line], rules: Sequence[Rule], body_size: float, left: float, right: float
) -> int:
    """Index of the first footnote line of a page's lines (furniture already removed), or
    ``len(lines)`` when the page has no footnotes."""
    n = len(lines)
    column = max(right - left, 1.0)
    for rule in sorted(_joined(rules), key=lambda r: r.top, reverse=True):
        if rule.width < MIN_RULE or rule.width > column + 2 * body_size:
            continue
        if rule.x0 > left + 2 * body_size:  # a separator starts at the column's left edge
            continue
        below = [i for i, ln in enumerate(lines) if ln.top >= rule.bottom - 1.0]
        if not below:
            continue
        first = below[0]
        # Everything under a footnote separator is footnote text, in the smaller size (a
        # rule under a masthead or a table has body text under it).
        # A line opening with a raised mark is a footnote whatever its size (a short footnote
        # of a symbol only, ``A/80/255.``, can be set in the body size).
        if not (all(lines[i].size <= body_size * SMALL or (lines[i].marks and lines[i].marks[0].offset == 0)
                    for i in below) and below == list(range(first, n))):
            continue
        # A short rule is the separator; a long one only when the text under it continues a
        # footnote of the previous page (Word's full-width continuation separator): it
        # does not start with a footnote number, and it is prose, not the last rows of a
        # table under a row border (a line of three pieces or more: label and amounts, as
        # below; A/C.5/80/L.13's "Total credits reported ... 8 898 000 9 756 600").
        if rule.width <= MAX_RULE_FRACTION * column:
            return first
        if not _starts_with_number(lines[first]) and all(len(lines[i].pieces) < 3 for i in below):
            return first
    # No usable rule: the trailing run of small lines, if it starts with a footnote number.
    # A line of three pieces or more (number, label, amount) is a table row, not a
    # footnote: a table in small type at the foot of a page (A/C.5/80/L.6) stays text.
    i = n
    while i > 0 and lines[i - 1].size <= body_size * SMALL and len(lines[i - 1].pieces) < 3:
        i -= 1
    while i < n and not _starts_with_number(lines[i]):
        i += 1
    return i


def parse_footnotes(
    lines: Sequence[Line], carry: FootnoteDraft | None, words: Words
) -> tuple[list[FootnoteDraft], FootnoteDraft | None]:
    """Footnotes of one footnote area. Lines before the first numbered one continue
    ``carry`` (a footnote that began on an earlier page). Returns the footnotes begun here and
    the last open footnote (to carry to the next page)."""
    started: list[FootnoteDraft] = []
    current = carry
    expected = int(carry.number) + 1 if carry and carry.number.isdigit() else None
    for line in lines:
        number: str | None = None
        rest, marks = line.text, list(line.marks)
        if marks and marks[0].offset == 0:
            number = marks.pop(0).number
        else:
            m = _LEADING_NUMBER.match(line.text)
            # A plain leading number starts a footnote when it stands apart from the text
            # (its own piece) or is the next number expected.
            # A draft's star footnotes (``* Any changes to the list of sponsors...``) are
            # numbered by asterisks.
            raised_style = current is not None and current.raised
            if m and (line.pieces[:1] == (m.group(1),) or m.group(1).startswith("*") or not raised_style and (
                    expected is None or int(m.group(1)) == expected)):
                number = m.group(1)
                rest = line.text[m.end():]
                marks = [Mark(mk.number, mk.offset - m.end()) for mk in marks if mk.offset >= m.end()]
        if number is not None:
            raised = bool(line.marks) and line.marks[0].offset == 0 and line.marks[0].number == number
            current = FootnoteDraft(number, TextBuilder(words=words), [line.page], raised)
            started.append(current)
            expected = int(number) + 1 if number.isdigit() else expected
            lead = len(rest) - len(rest.lstrip())
            current.builder.add(rest, [Mark(mk.number, max(0, mk.offset - lead)) for mk in marks])
            continue
        if current is None:
            # Text with no number before it and nothing to continue: make it visible.
            current = FootnoteDraft("?", TextBuilder(words=words), [line.page])
            started.append(current)
        if line.page not in current.pages:
            current.pages.append(line.page)
        current.builder.add(rest, marks)
    return started, current
