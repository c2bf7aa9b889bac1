"""Primitives shared by the text readers: source blocks (:class:`Block`), clean text with its
footnote marks (:class:`Inline`), joining the pieces of a paragraph across line and page
breaks, and operative paragraph numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from lineage.model.document import FootnoteRef
from lineage.read import masthead as mh
from lineage.script.lines import CONTEXT, Words, is_layout_space, join_break

__all__ = ["NUMBER_SUFFIX", "Block", "Inline", "Cleaner", "join_inline", "block_inline", "with_words",
           "split_number", "preamble_label_length", "squeeze_cjk_spaces", "starts_new_preamble",
           "SUBITEM_LABEL"]


@dataclass
class Block:
    """A run of source lines with one role. ``kind``: ``text``, ``heading``, ``footnote``,
    ``bold`` (a block that is all emphasis: a title) or ``rule``. ``lines`` are the raw lines
    (markup still in); ``number`` is the footnote number for ``footnote`` blocks."""

    kind: str
    lines: list[str]
    line_start: int
    line_end: int
    level: int | None = None
    number: str | None = None


@dataclass
class Inline:
    """Clean text and the footnote marks that stood in it. ``words``: the document's words,
    the evidence :func:`join_inline` weighs for a line-end hyphen (carried along by the
    cleaner of :func:`with_words`). ``newline``: the piece starts a new line of its
    paragraph (text the PDF reader keeps where the layout could not place it: a table row)."""

    text: str
    refs: list[FootnoteRef] = field(default_factory=list)
    words: Words | None = field(default=None, compare=False, repr=False)
    newline: bool = False


_SUBITEM_RE = re.compile(r"^\s*(?:\(|（)(?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})(?:\)|）)\s*")
# A sub-item label opening a text: ``(a)``, ``（iv）``.
SUBITEM_LABEL = _SUBITEM_RE


def join_inline(parts: list[Inline]) -> Inline:
    """Join the pieces of one paragraph (its lines, or its halves around a page break) by the
    one line-join rule of :mod:`lineage.script.lines` (Chinese with nothing between, English
    with a space, a line-end hyphen kept unless the document's words or the word list say
    otherwise), a sub-item ``(a)`` or a ``newline`` piece on a new line. Footnote offsets move
    with their piece."""
    # Pieces are collected in a list (joining strings one by one is quadratic: a text file
    # with no paragraph numbers is one "paragraph" of tens of thousands of lines); the
    # separator only looks at the last CONTEXT characters joined so far.
    words = next((p.words for p in parts if p.words is not None), None)
    chunks: list[str] = []
    length = 0
    tail = ""
    refs: list[FootnoteRef] = []
    for part in parts:
        piece = part.text.strip(" \t")
        lead = len(part.text) - len(part.text.lstrip(" \t"))
        if not piece:
            # A piece that was only a footnote mark: the marks stand at the end so far.
            refs.extend(FootnoteRef(r.number, length) for r in part.refs)
            continue
        if tail and (part.newline or _SUBITEM_RE.match(piece)):
            cut, sep = 0, "\n"
        else:
            cut, sep = join_break(tail, piece[:CONTEXT], words)
        if cut:
            chunks[-1] = chunks[-1][:-cut]
            length -= cut
            tail = tail[:-cut]
            refs = [FootnoteRef(r.number, min(r.offset, length)) for r in refs]
        base = length + len(sep)
        for r in part.refs:
            off = min(max(r.offset - lead, 0), len(piece))
            refs.append(FootnoteRef(r.number, base + off))
        chunks.append(sep + piece)
        length += len(sep) + len(piece)
        tail = (tail + sep + piece[-CONTEXT:])[-CONTEXT:]
    return Inline("".join(chunks), refs, words)


NUMBER_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|alt)\b"
"""Latin suffixes of paragraph numbers in drafts (``3 bis``, ``5 alt``), any case (a regex)."""

# Informal drafts often label paragraphs ``PP1`` / ``OP1`` (``OP3 bis``), with or without a
# period; a bare number needs its period (else "2030 Agenda" would be paragraph 2030).
# A whole paragraph under negotiation is bracketed with its number: ``[11. Decides …]``.
# No two whitespace quantifiers in a row (``\s*\s+``): on a line of spaces that backtracks
# in time quadratic in its length (tests/test_linear_time.py).
_NUMBER_RE = re.compile(
    rf"^\s*(?:(?P<open>[\[［](?=\s*(?:OP\s*)?\d))\s*)?(?P<op>(?-i:OP)\s*)?(?P<num>\d{{1,3}})(?P<suffix>(?:\s*{NUMBER_SUFFIX})?)"
    rf"(?(op)(?:\s*\\?[.．:]\s*|\s+)|\s*\\?[.．](?!\d)\s*)(?=\S)", re.IGNORECASE
)
_PP_LABEL = re.compile(rf"^\s*(?-i:PP)\s*\d{{1,3}}(?:\s*{NUMBER_SUFFIX})?(?:\s*[.:]\s*|\s+)(?=\S)",
                       re.IGNORECASE)


def split_number(text: str) -> tuple[str, str] | None:
    """``"12. We commit"`` -> ``("12", "We commit")``; ``"5 bis. ..."`` and ``"OP5 bis ..."`` ->
    ``("5 bis", ...)``.
    ``None`` if the text does not start with an operative paragraph number."""
    m = _NUMBER_RE.match(text)
    if not m:
        return None
    suffix = m.group("suffix").strip().lower()
    number = mh.fold_digits(m.group("num")) + (f" {suffix}" if suffix else "")
    return number, (m.group("open") or "") + text[m.end():]


def preamble_label_length(text: str) -> int:
    """Length of an informal draft's preambular label at the start of ``text`` (``PP3 ``,
    ``PP2 bis. ``), 0 if there is none. The label is not part of the paragraph's text: ids
    stay ``pp1``, ``pp2``... in order, as for printed resolutions."""
    m = _PP_LABEL.match(text)
    return m.end() if m else 0


Cleaner = Callable[[str], Inline]
"""A reader's inline cleaner: one raw source line -> its text and footnote marks."""


def block_inline(b: Block, clean: Cleaner) -> Inline:
    """The clean text of a whole block, its lines joined."""
    return join_inline([clean(line) for line in b.lines])


def with_words(clean: Cleaner, blocks: list[Block]) -> Cleaner:
    """``clean`` whose pieces carry the words of all ``blocks`` (collected on first need):
    so every join of a document weighs its line-end hyphens against its own words."""
    words = Words.from_texts(clean(line).text for b in blocks for line in b.lines)

    def cleaned(raw: str) -> Inline:
        inline = clean(raw)
        return Inline(inline.text, inline.refs, words)

    return cleaned


_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000]+(?=\S)")


def squeeze_cjk_spaces(text: str) -> str:
    """Remove the spaces a justified layout put between two Chinese characters or punctuation
    marks (``决 定 通 过`` -> ``决定通过``, ``大　会`` -> ``大会``). Spaces next to a digit or a
    Latin letter (``2025 年``) are kept: they are as printed."""
    return _SPACE_RUN.sub(lambda m: "" if is_layout_space(text[m.start() - 1], text[m.end()]) else m.group(0), text)


# Words that open an English preambular paragraph (in print they are italic, which plain text
# loses); after a line ending in a comma they start a new paragraph.
_EN_PREAMBLE_OPENERS = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|Noting|Mindful|Aware|Conscious|Convinced|Concerned|Deeply|Gravely|"
    r"Alarmed|Determined|Guided|Encouraged|Having|Further|Also|Bearing|Taking|Acknowledging|"
    r"Recalling|Reaffirming|Welcoming|Recognizing|Emphasizing|Stressing|Expressing|Cognizant|"
    r"Desirous|Fully|Firmly|Strongly|Seriously|Reiterating|Underlining|Affirming)\b"
)
_ZH_PREAMBLE_OPENERS = re.compile(
    r"^(?:又|还|并|再次|进一步)?(?:回顾|重申|欢迎|注意到|认识到|确认|强调|关切|深信|铭记|表示|意识到|"
    r"承认|赞赏|考虑到|申明|深为|感到|确信|决心|忆及|念及|满意地|关注|欣见|赞扬|在)"
)


def starts_new_preamble(prev: str, line: str) -> bool:
    """In text without blank lines between paragraphs: does ``line`` open a new preambular
    paragraph after ``prev``? It must start with an opening word (or a ``PP3`` label) right
    after a line that ends a clause with a comma or semicolon (a footnote mark may follow)."""
    # A footnote mark may follow the comma (``Society,1``).
    if not re.sub(r"(?<=[^\w\s])\d{1,3}$", "", prev.rstrip()).endswith((",", "，", ";", "；")):
        return False
    s = line.strip()
    return bool(_EN_PREAMBLE_OPENERS.match(s) or _ZH_PREAMBLE_OPENERS.match(s) or preamble_label_length(s))
