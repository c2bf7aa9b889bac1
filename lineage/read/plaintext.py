"""Reader for plain text: a PDF text layer copied out, a web page saved as text, a typed draft.

Such text has no markup, so structure comes from the lines themselves:

- spaces a justified layout put between Chinese characters are removed (``决 定`` -> ``决定``);
- page furniture is dropped: job numbers (``25-21063 (C)``), page marks (``2/21``), the symbol
  alone on its line after the masthead, lines repeated on many pages, and the running title
  printed at the top of a page (a piece of the front matter right after a page break);
- a paragraph number may stand alone on its line (``8.``) and is joined to the text after it;
- lines broken inside a sentence are joined (Chinese with nothing between, English with a
  space, a line-end hyphen by the one policy of lineage.script.lines) by :func:`lineage.read.textjoin.join_inline`;
- a short line without final punctuation just before the next numbered paragraph is a heading,
  and so is an annex label alone on its line (``Annex``) after a finished sentence;
  a section number out of the paragraph sequence (``1.`` after 11) belongs to it;
- footnotes: a line ``N text`` at a page bottom, with N the next footnote number, is footnote N,
  and a bare ``N`` glued to the text after a closing mark (``《世界人权宣言》，2在此``) or after a
  word (``Principles1 and``) is its reference, when footnote N exists;
- lines starting with ``#`` before any text are a provenance comment, not content.

Blank lines, when the text has them, separate paragraphs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lineage.model.document import Document, FootnoteRef, Source
from lineage.read import masthead as mh
from lineage.read.assemble import build_document
from lineage.read.front import is_closing_line, is_furniture_line, is_masthead_line
from lineage.read.textjoin import (
    NUMBER_SUFFIX,
    Block,
    Cleaner,
    Inline,
    join_inline,
    split_number,
    squeeze_cjk_spaces,
    starts_new_preamble,
)
from lineage.script.chars import HAN
from lineage.script.language import is_chinese
from lineage.script.punctuation import SENTENCE_END, ends_clause

__all__ = ["parse_plaintext", "plaintext_blocks", "plain_cleaner"]

_NUMBER_ALONE = re.compile(rf"^\s*(?:(?-i:OP)\s*)?(?P<num>\d{{1,3}})(?P<suffix>\s*{NUMBER_SUFFIX})?\s*[.．]\s*$",
                           re.IGNORECASE)
_NUMBER_START = re.compile(
    rf"^\s*(?:[\[［](?=\s*(?:OP\s*)?\d)\s*)?(?P<op>(?-i:OP)\s*)?(?P<num>\d{{1,3}})(?P<suffix>\s*{NUMBER_SUFFIX})?(?(op)(?:\s*[.．:]\s*|\s+)|\s*[.．](?!\d)\s*)(?=\S)",
    re.IGNORECASE)
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")
# A symbol footnote (``* On behalf of ...``): the sponsors of a draft, marked in the masthead.
_STAR_FOOTNOTE_LINE = re.compile(r"^\s*(\*{1,3}|[†‡])\s+(\S.*)$")
_SENTENCE_END = tuple(SENTENCE_END)
# Longer than any title (the longest UN titles run to about 300 characters): a block of more
# text is not a title printed a second time.
_TITLE_MAX = 600
# A footnote mark glued to the text: after Chinese closing punctuation or a closing book-title
# mark, or after a word; the digits are the mark when that footnote exists.
_ZH_MARK = re.compile(rf"(?<=[》」』”）)，、。；：])\s?(\d{{1,3}})(?=\s?(?:[{HAN}《「“（(]|$))")
_EN_MARK = re.compile(r"(?<=[a-z)\]”’\",.;:])(?<!Rev\.)(?<!Add\.)(?<!Corr\.)(?<!No\.)(\d{1,3})(?=[\s,.;:)]|$)")


def _ends_sentence(line: str) -> bool:
    """Does the line end a clause? A footnote mark after the punctuation (``议程》。6``) counts."""
    return ends_clause(re.sub(r"(?<=[^\w\s])\d{1,3}$", "", line.rstrip()))


def _heading_like(line: str) -> bool:
    s = line.strip()
    if not s or _ends_sentence(s) or _NUMBER_ALONE.match(s):
        return False
    limit = 40 if is_chinese(s) else 100
    return len(s) <= limit


def _follows(number: re.Match[str], last: int | None) -> bool:
    """Does the paragraph number matched (group 1 the digits, group 2 a ``bis``-like suffix)
    follow paragraph ``last``? ``3 bis`` and ``3 alt`` follow 3 (and 2, when 3 was deleted)."""
    if last is None:
        return True
    n = int(number.group("num"))
    return n == last + 1 or (bool(number.group("suffix")) and n == last)


def _skip_comment(lines: list[str]) -> int:
    """Index of the first line after a leading ``#`` comment (and the blank lines after it)."""
    i = 0
    while i < len(lines) and (lines[i].lstrip().startswith("#") or not lines[i].strip()):
        i += 1
    return i if any(ln.lstrip().startswith("#") for ln in lines[:i]) else 0


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    text: str  # squeezed, stripped; "" for a blank line


def plain_cleaner(footnote_numbers: set[str]) -> Cleaner:
    """The inline cleaner for plain text: footnote marks for the footnotes the text has."""

    def clean(raw: str) -> Inline:
        text = raw.strip()
        if not footnote_numbers:
            return Inline(text)
        mark_re = _ZH_MARK if is_chinese(text) else _EN_MARK
        out, refs, pos = "", [], 0
        for m in mark_re.finditer(text):
            if m.group(1) not in footnote_numbers:
                continue
            out += text[pos:m.start()]  # a layout space before a Chinese mark is in the match
            refs.append(FootnoteRef(m.group(1), len(out)))
            pos = m.end()
            if mark_re is _ZH_MARK and text[pos:pos + 1] == " ":
                pos += 1  # and so is the one after it; in English that space parts two words
        out += text[pos:]
        return Inline(out, refs)

    return clean


def _prepare(text: str) -> list[_Line]:
    lines = text.replace("\f", "\n").split("\n")
    start = _skip_comment(lines)
    return [_Line(i + 1, squeeze_cjk_spaces(lines[i]).strip()) for i in range(start, len(lines))]


def _front_text(lines: list[_Line]) -> str:
    """The text before the first numbered paragraph, its lines joined as a paragraph's are."""
    front: list[Inline] = []
    for ln in lines:
        if _NUMBER_START.match(ln.text) or _NUMBER_ALONE.match(ln.text):
            break
        if ln.text:
            front.append(Inline(ln.text))
    return join_inline(front).text


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    counts = Counter(ln.text for ln in lines if ln.text)
    repeated = {s for s, n in counts.items() if n >= 3 and len(s) < 120 and not split_number(s)}
    front = _front_text(lines)
    out: list[_Line] = []
    symbol_kept = False  # the masthead's symbol line is kept, every later one is a header
    in_body = False
    after_break = 0  # lines left in the running-header zone after page-break furniture
    for ln in lines:
        s = ln.text
        if not s:
            out.append(ln)
            continue
        if is_furniture_line(s) or s in repeated:
            after_break = 3
            continue
        if mh.is_symbol_line(s):
            if symbol_kept or in_body:
                after_break = 3
                continue
            symbol_kept = True
        elif after_break and _is_running_title(s, front, in_body):
            continue
        after_break = max(after_break - 1, 0)
        in_body = in_body or bool(_NUMBER_START.match(s) or _NUMBER_ALONE.match(s))
        out.append(ln)
    return out


def _is_running_title(line: str, front: str, in_body: bool) -> bool:
    """A line at a page top that repeats a piece of the title (beside the symbol, maybe).
    Before the first numbered paragraph the line is part of ``front`` itself, so it must be
    there twice."""
    # Cut the symbols where they are printed: a text layer may give them full-width or
    # spaced (``Ａ／８０／Ｌ.４１``, ``A /80/ L.41``), which their canonical spelling does not match.
    pieces, last = [], 0
    for start, end, _ in mh.symbol_spans(line):
        pieces.append(line[last:start])
        last = end
    pieces.append(line[last:])
    rest = " ".join(" ".join(pieces).split())
    if split_number(rest) or front.count(rest) < (1 if in_body else 2):
        return False
    # Beside the symbol even a short piece is the title's tail; alone, it must be long enough
    # not to be a phrase of a paragraph that happens to be in the title too.
    return len(rest) >= 12 or (rest != line and len(rest) >= 1)


def _find_footnotes(lines: list[_Line]) -> dict[int, str]:
    """Line index -> footnote number, for the lines that open a footnote: ``N text`` where N is
    the next footnote number and the text before carries a mark N."""
    found: dict[int, str] = {}
    expected: int | None = None
    # What the text so far says, kept as it grows (growing one string and searching all of it
    # per line was quadratic in the length of the file): the symbol marks met in it, and its
    # last _MARK_WINDOW characters for the numbered marks.
    stars: set[str] = set()
    tail = ""
    for i, ln in enumerate(lines):
        star = _STAR_FOOTNOTE_LINE.match(ln.text)
        if star and star.group(1) in stars:
            found[i] = star.group(1)
            continue
        m = _FOOTNOTE_LINE.match(ln.text)
        if m and not _NUMBER_START.match(ln.text):
            n = int(m.group(1))
            if (expected is None or n == expected) and _has_mark(tail, m.group(1)):
                found[i] = m.group(1)
                expected = n + 1
                continue
        # a mark cannot span lines: the character before it is not a space, those of it not a newline
        stars.update(s for s, rx in _STAR_MARKS.items() if rx.search(ln.text))
        tail = (tail + ln.text + "\n")[-_MARK_WINDOW:]
    return found


_MARK_WINDOW = 4000  # a footnote's text follows its mark within a page or so
# A symbol mark in the text (``Member States*``): glued to a word, not another star or a digit after.
_STAR_MARKS = {s: re.compile(rf"[^\s*]{re.escape(s)}(?![*\d])") for s in ("*", "**", "***", "†", "‡")}


def _has_mark(text: str, number: str) -> bool:
    return any(m.group(1) == number for rx in (_ZH_MARK, _EN_MARK) for m in rx.finditer(text[-_MARK_WINDOW:]))


def plaintext_blocks(text: str) -> tuple[list[Block], set[str]]:
    """Cut plain text into blocks (see the module docstring for the rules); also return the
    footnote numbers found, for :func:`plain_cleaner`."""
    lines = _drop_furniture(_prepare(text))
    footnote_at = _find_footnotes(lines)
    builder = _BlockBuilder(lines)
    i = 0
    while i < len(lines):
        if i in footnote_at:
            i = builder.footnote(i, footnote_at)
        else:
            builder.line(i)
            i += 1
    builder.close()
    return builder.blocks, set(footnote_at.values())


class _BlockBuilder:
    """Groups lines into blocks, one line at a time."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.last_number: int | None = None
        self.pending: tuple[str, int] | None = None  # (number, line) of a number alone
        self.section_number: tuple[str, int] | None = None  # ("1.", line) before a heading
        self._earlier = ""  # see _earlier_text
        self._earlier_blocks = 0

    def close(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None

    def next_text(self, i: int) -> str:
        return next((ln.text for ln in self.lines[i + 1:] if ln.text), "")

    def footnote(self, i: int, footnote_at: dict[int, str]) -> int:
        """Read the footnote opening at line ``i``; return the index after it."""
        self.close()
        m = _FOOTNOTE_LINE.match(self.lines[i].text) or _STAR_FOOTNOTE_LINE.match(self.lines[i].text)
        assert m is not None
        block = Block("footnote", [m.group(2)], self.lines[i].number, self.lines[i].number, number=footnote_at[i])
        j = i + 1
        # A footnote runs on until it ends a sentence, the page ends or the next one starts.
        while (j < len(self.lines) and self.lines[j].text and j not in footnote_at
               and not block.lines[-1].endswith(_SENTENCE_END) and not _NUMBER_START.match(self.lines[j].text)):
            block.lines.append(self.lines[j].text)
            block.line_end = self.lines[j].number
            j += 1
        self.blocks.append(block)
        return j

    def line(self, i: int) -> None:
        ln = self.lines[i]
        s = ln.text
        if not s:
            if self.pending is None:
                self.close()
            return
        first_line = ln.number
        if self.pending is not None:
            number, first_line = self.pending
            s = f"{number}. {s}"
            self.pending = None
        if is_closing_line(s):
            self.close()  # the closing date and meeting, each on its own
            self.blocks.append(Block("text", [s], ln.number, ln.number))
            return
        alone = _NUMBER_ALONE.match(s)
        if alone:
            n = int(alone.group("num"))
            self.close()
            if not _follows(alone, self.last_number) and not alone.group("suffix") \
                    and _heading_like(self.next_text(i)):
                self.section_number = (f"{n}.", ln.number)  # "1." alone, then its heading
            else:
                suffix = f" {alone.group('suffix').strip().lower()}" if alone.group("suffix") else ""
                self.pending = (f"{n}{suffix}", ln.number)  # "2 bis." alone: text on the next line
                self.last_number = n
            return
        if self.section_number is not None:
            mark, first_line = self.section_number
            self.section_number = None
            self.heading(f"{mark} {s}", first_line, ln.number)
            return
        numbered = _NUMBER_START.match(s)
        prev = self.current.lines[-1] if self.current is not None else ""
        if mh.is_annex_label(s) and (self.current is None or _ends_sentence(prev)):
            # "Annex" alone over an annexed text's title: a heading of its own (the
            # interpreter joins the title heading after it).
            self.heading(s, ln.number, ln.number)
            return
        if numbered:
            n = int(numbered.group("num"))
            if not _follows(numbered, self.last_number) and _heading_like(s[numbered.end():]) \
                    and self._next_is_number(i):
                # "1. Information and communications technology for development"
                self.heading(s, ln.number, ln.number)
                return
            # The first number opens a paragraph wherever it stands; later ones must follow
            # the sequence or a finished sentence (else "12." inside a sentence would cut it).
            if self.current is None or _follows(numbered, self.last_number) or _ends_sentence(prev):
                self.close()
                self.last_number = n
                self.current = Block("text", [s], first_line, ln.number)
                return
        elif self.current is None and self._annex_title(s):
            # The annexed text's title under "Annex" (titles run longer than headings), on
            # one line or several.
            if mh.is_annex_label(self.blocks[-1].lines[0]):
                self.heading(s, ln.number, ln.number)
            else:
                self.blocks[-1].lines.append(s)
                self.blocks[-1].line_end = ln.number
            return
        elif _heading_like(s) and self._next_is_number(i) and (
                self.current is None or _ends_sentence(prev)
                or (self.last_number is None and not self._extends_earlier_text(s))):
            # Before paragraph 1 the line before may be an unpunctuated title: the line is
            # still a heading unless it carries on a title printed earlier.
            self.heading(s, ln.number, ln.number)
            return
        if self.current is not None and self.last_number is None and (
                is_masthead_line(s) or is_masthead_line(prev) or starts_new_preamble(prev, s)
                or prev.endswith((":", "：")) or self._repeats_front_text(s)):
            # Before the first numbered paragraph, every masthead line stands alone, and so do
            # the adopting formula (it ends in a colon) and a title printed a second time.
            self.close()
        if self.current is None:
            self.current = Block("text", [s], first_line, ln.number)
        else:
            self.current.lines.append(s)
            self.current.line_end = ln.number

    def _earlier_text(self) -> str:
        """The blocks closed so far joined as one paragraph. Blocks are only ever appended, so
        the text is extended, not rebuilt: rebuilding it for every line made a long text
        without paragraph numbers quadratic to read."""
        if self._earlier_blocks < len(self.blocks):
            new = [Inline(ln) for b in self.blocks[self._earlier_blocks:] for ln in b.lines]
            self._earlier = join_inline([Inline(self._earlier), *new]).text
            self._earlier_blocks = len(self.blocks)
        return self._earlier

    def _extends_earlier_text(self, line: str) -> bool:
        if self.current is None:
            return False
        return join_inline([Inline(ln) for ln in [*self.current.lines, line]]).text in self._earlier_text()

    def _repeats_front_text(self, line: str) -> bool:
        """Does the block so far repeat a title printed earlier (an outcome document's own title
        after the resolution's title line), and ``line`` not? Then the preamble starts there."""
        if self.current is None or sum(map(len, self.current.lines)) > _TITLE_MAX:
            return False
        text = join_inline([Inline(ln) for ln in self.current.lines]).text
        if len(text) < 8 or _ends_sentence(text):
            return False
        earlier = self._earlier_text()
        longer = join_inline([Inline(ln) for ln in [*self.current.lines, line]]).text
        return text in earlier and longer not in earlier

    def _annex_title(self, line: str) -> bool:
        """Is ``line`` (no block open) the annexed text's title, or a line of it: unpunctuated,
        after the annex label or after the title's first lines under it?"""
        # A title may end with a closing quote (``... Social Development”``), a sentence not.
        if not self.blocks or self.blocks[-1].kind != "heading" or ends_clause(line, closers=False):
            return False
        last = self.blocks[-1]
        under_label = len(self.blocks) > 1 and self.blocks[-2].kind == "heading" \
            and mh.is_annex_label(self.blocks[-2].lines[0])
        return (mh.is_annex_label(last.lines[0]) or under_label) \
            and sum(map(len, last.lines)) + len(line) <= _TITLE_MAX

    def heading(self, text: str, start: int, end: int) -> None:
        self.close()
        self.blocks.append(Block("heading", [text], start, end))

    def _next_is_number(self, i: int) -> bool:
        nxt = self.next_text(i)
        m = _NUMBER_START.match(nxt) or _NUMBER_ALONE.match(nxt)
        return m is not None and _follows(m, self.last_number)


def parse_plaintext(text: str, path: str | Path, sha256: str | None = None) -> Document:
    """Read plain text (the text of the file at ``path``) into a Document."""
    source = Source(path=str(path), kind="text", sha256=sha256)
    blocks, footnote_numbers = plaintext_blocks(text)
    return build_document(blocks, plain_cleaner(footnote_numbers), source)
