"""Primitives shared by the text readers: source blocks (:class:`Block`), clean text with its
footnote marks (:class:`Inline`), joining the pieces of a paragraph across line and page
breaks, and operative paragraph numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .. import masthead as mh
from ..model import FootnoteRef

__all__ = ["Block", "Inline", "Cleaner", "join_inline", "block_inline", "is_cjk_char", "split_number", "squeeze_cjk_spaces",
           "TERMINAL"]

# Punctuation that ends a clause or sentence: a line ending in it may end a paragraph.
TERMINAL = set(",.;:，。；：!?！？")


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
    """Clean text and the footnote marks that stood in it."""

    text: str
    refs: list[FootnoteRef] = field(default_factory=list)


# Chinese punctuation and the other full-width forms count as CJK when deciding whether a
# line break or a footnote mark stood between words (space) or between characters (none).
_CJK_PUNCT = set("，。、；：？！“”‘’《》〈〉「」『』（）【】〔〕—…·　")


def is_cjk_char(ch: str) -> bool:
    return bool(ch) and (mh.is_cjk(ch) or ch in _CJK_PUNCT or 0xFF00 <= ord(ch) <= 0xFFEF
                         or 0x3000 <= ord(ch) <= 0x303F)


_SUBITEM_RE = re.compile(r"^\s*(?:\(|（)(?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})(?:\)|）)\s*")


def _separator(left: str, right: str) -> tuple[str, bool]:
    """How two pieces of one paragraph join: ``(sep, drop_hyphen)``."""
    if not left or not right:
        return "", False
    if _SUBITEM_RE.match(right):
        return "\n", False
    a, b = left[-1], right[0]
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.islower():
        return "", True  # an English word hyphenated at the line end
    if is_cjk_char(a) or is_cjk_char(b):
        return "", False
    return " ", False


def join_inline(parts: list[Inline]) -> Inline:
    """Join the pieces of one paragraph (its lines, or its halves around a page break):
    Chinese with nothing between, English with a space (de-hyphenated), a sub-item ``(a)``
    on a new line. Footnote offsets move with their piece."""
    # Pieces are collected in a list (joining strings one by one is quadratic: a text file
    # with no paragraph numbers is one "paragraph" of tens of thousands of lines); the
    # separator only looks at the last two characters joined so far.
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
        sep, drop_hyphen = _separator(tail, piece)
        if drop_hyphen:
            chunks[-1] = chunks[-1][:-1]
            length -= 1
            tail = tail[:-1]
            refs = [FootnoteRef(r.number, min(r.offset, length)) for r in refs]
        base = length + len(sep)
        for r in part.refs:
            off = min(max(r.offset - lead, 0), len(piece))
            refs.append(FootnoteRef(r.number, base + off))
        chunks.append(sep + piece)
        length += len(sep) + len(piece)
        tail = (tail + sep + piece)[-2:]
    return Inline("".join(chunks), refs)


_NUMBER_RE = re.compile(
    r"^\s*(\d{1,3})((?:\s*(?:bis|ter|quater|quinquies|alt))?)\s*\\?[.．](?!\d)\s*(?=\S)"
)


def split_number(text: str) -> tuple[str, str] | None:
    """``"12. We commit"`` -> ``("12", "We commit")``; ``"5 bis. ..."`` -> ``("5 bis", ...)``.
    ``None`` if the text does not start with an operative paragraph number."""
    m = _NUMBER_RE.match(text)
    if not m:
        return None
    suffix = m.group(2).strip()
    number = mh.fold_digits(m.group(1)) + (f" {suffix}" if suffix else "")
    return number, text[m.end():]


Cleaner = Callable[[str], Inline]
"""A reader's inline cleaner: one raw source line -> its text and footnote marks."""


def block_inline(b: Block, clean: Cleaner) -> Inline:
    """The clean text of a whole block, its lines joined."""
    return join_inline([clean(line) for line in b.lines])


_CJK_GAP = re.compile(r"(?<=\S)[ \u3000]+(?=\S)")


def squeeze_cjk_spaces(text: str) -> str:
    """Remove the spaces a justified layout put between two Chinese characters or punctuation
    marks (``决 定 通 过`` -> ``决定通过``, ``大　会`` -> ``大会``). Spaces next to a digit or a
    Latin letter (``2025 年``) are kept: they are as printed."""
    return _CJK_GAP.sub(lambda m: "" if is_cjk_char(text[m.start() - 1]) and is_cjk_char(text[m.end()]) else m.group(0),
                        text)
