"""Build a :class:`~lineage.model.document.Document` from the blocks a text reader found.

The Markdown and plain-text readers differ only in how they cut a file into blocks and how
they clean a block's inline markup; what a block *means* is decided here, the same way for
both: the front matter (:mod:`lineage.read.front`), preambular paragraphs, operative
paragraphs and the continuations of those cut by a page break or by footnote blocks, section
headings, footnotes, the closing date and meeting, and page furniture to drop.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

from lineage.model.document import (
    Document,
    ExtractionWarning,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
    SourceSpan,
)
from lineage.read import masthead as mh
from lineage.read.front import Front, is_closing_line, is_furniture_line, read_front
from lineage.read.textjoin import (
    SUBITEM_LABEL,
    Block,
    Cleaner,
    Inline,
    block_inline,
    join_inline,
    preamble_label_length,
    split_number,
    with_words,
)
from lineage.script.chars import HAN
from lineage.script.language import guess_language
from lineage.script.punctuation import ends_clause

__all__ = ["build_document"]


class _ParagraphBuilder:
    """A paragraph being collected from one or more source blocks."""

    def __init__(self, pid: str, number: str | None, section: str | None) -> None:
        self.id = pid
        self.number = number
        self.section = section
        self.parts: list[Inline] = []
        self.spans: list[SourceSpan] = []

    def add(self, inline: Inline, b: Block) -> None:
        self.parts.append(inline)
        self.spans.append(SourceSpan(line_start=b.line_start, line_end=b.line_end))

    def ends_complete(self) -> bool:
        return ends_clause(join_inline(self.parts).text)

    def build(self) -> Paragraph:
        joined = join_inline(self.parts)
        return Paragraph(
            id=self.id,
            number=self.number,
            text=joined.text,
            section=self.section,
            footnote_refs=joined.refs,
            spans=self.spans,
        )


def build_document(blocks: list[Block], clean: Cleaner, source: Source, keep_stray: bool = False,
                   metadata: bool = False) -> Document:
    """Interpret ``blocks`` (in file order) as a UN resolution, draft or outcome document.

    ``keep_stray``: text that cannot be placed (unnumbered text after a finished paragraph
    and a heading, after the closing lines, or before the first paragraph) is kept in the
    paragraph it most likely continues, with a warning, instead of being left out. The PDF
    reader asks for it: its blocks come from a layout analysis that can be wrong about a
    heading or a page break, and a redline must never lose printed text. The text readers
    leave such text out (a converter's annex or excerpt), as docs/readers.md says.

    ``metadata``: fill the front and closing matter fields (``issued``, ``formula``,
    ``sponsors``, ``meeting``); the PDF reader does, the text readers not yet (the corpus
    text format does not carry them, and a corpus text must read back as its source)."""
    warnings: list[ExtractionWarning] = []
    clean = with_words(clean, blocks)
    footnotes = _footnotes(blocks, clean, warnings)
    body = [b for b in blocks if b.kind not in ("footnote", "rule")]

    first_op = next(
        (i for i, b in enumerate(body) if b.kind == "text" and split_number(block_inline(b, clean).text)),
        len(body),
    )
    front, preamble_blocks = read_front(body[:first_op], clean, first_op < len(body))
    furniture = _furniture(body, clean, repeated=not keep_stray)
    preamble_blocks = [b for b in preamble_blocks if id(b) not in furniture]
    headings: list[Heading] = []
    meeting: list[str] = []
    preamble, pending = _read_preamble(preamble_blocks, clean, headings, warnings, keep_stray, front, meeting)
    operative = _read_operative(
        [b for b in body[first_op:] if id(b) not in furniture], clean, front, headings, pending, warnings,
        keep_stray, meeting, first=not preamble or front.formula is not None)

    preamble_pars = [p.build() for p in preamble]
    paragraphs = [p.build() for p in operative]
    _check_footnotes(preamble_pars + paragraphs, headings, footnotes, warnings)
    return Document(
        symbol=front.symbol,
        language=guess_language("".join(p.text for p in preamble_pars + paragraphs)),
        source=source,
        date=front.adopted or front.date,
        issued=front.date if metadata and front.adopted and front.date else None,
        formula=front.formula if metadata else None,
        sponsors=front.sponsors if metadata else None,
        meeting=meeting[0] if metadata and meeting else None,
        distribution=front.distribution,
        session=front.session or _session_from_symbol(front.symbol),
        agenda_items=front.agenda,
        title=front.title,
        preamble=preamble_pars,
        paragraphs=paragraphs,
        headings=headings,
        footnotes=footnotes,
        warnings=warnings,
    )


# A line of three to five asterisks (``* * *``) divides a text where no title does: between
# groups of preambular paragraphs, before an annexed text. It is printed structure, so it is
# kept as a heading: it closes the section before it and never joins the paragraph after it.
_DIVIDER = re.compile(r"\s*\*(?:\s*\*){2,4}\s*")


def _is_heading(b: Block, inline: Inline) -> bool:
    """A heading block, or a divider (``inline``: the block's clean text, which the callers
    have made already)."""
    return b.kind == "heading" or (b.kind == "text" and len(b.lines) == 1
                                   and _DIVIDER.fullmatch(inline.text) is not None)


def _footnotes(blocks: list[Block], clean: Cleaner, warnings: list[ExtractionWarning]) -> list[Footnote]:
    out: list[Footnote] = []
    for b in blocks:
        if b.kind != "footnote":
            continue
        if b.number and any(f.number == b.number for f in out):
            warnings.append(ExtractionWarning(
                "footnote-duplicate", f"footnote {b.number} appears again at line {b.line_start}"))
        out.append(Footnote(number=b.number or "?", text=block_inline(b, clean).text))
    return out


def _furniture(body: list[Block], clean: Cleaner, repeated: bool = True) -> set[int]:
    """Ids of the blocks after the masthead that are page furniture: job numbers, page marks,
    the symbol alone (running header), and (``repeated``) short lines repeated on three pages
    or more. The PDF reader has found the furniture by position already and asks for no
    ``repeated``: there a short repeated block is printed text (a timetable's ``10 a.m.``
    rows, ``General debate (continued)``), never to be dropped."""
    texts = {id(b): block_inline(b, clean).text.strip() for b in body}
    counts = Counter(t for t in texts.values() if t)
    out: set[int] = set()
    for b in body:
        t = texts[id(b)]
        if b.kind == "footnote" or not t:
            continue
        lines = [clean(ln).text.strip() for ln in b.lines if ln.strip()]
        if all(is_furniture_line(ln) or mh.is_symbol_line(ln) for ln in lines):
            out.add(id(b))
        elif repeated and counts[t] >= 3 and len(t) < 120 and not split_number(t) and not is_closing_line(t):
            out.add(id(b))
    return out


def _read_preamble(blocks: list[Block], clean: Cleaner, headings: list[Heading],
                   warnings: list[ExtractionWarning], keep_stray: bool = False,
                   front: Front | None = None, meeting: list[str] | None = None,
                   ) -> tuple[list[_ParagraphBuilder], list[Heading]]:
    """Preambular paragraphs (``pp1``...) and headings among them; returns the paragraphs and
    the headings still waiting for the paragraph they precede."""
    preamble: list[_ParagraphBuilder] = []
    pending: list[Heading] = []
    for b in blocks:
        inline = block_inline(b, clean)
        if _is_heading(b, inline):
            _add_heading(inline, headings, pending)
            continue
        if front is not None and _closing_block(b, clean, front, meeting):
            # A resolution that adopts an annexed text closes (meeting, date) before the
            # annex's numbered paragraphs: metadata, not a preambular paragraph.
            continue
        if not preamble and _starts_lowercase(inline.text):
            # The tail of a paragraph whose start is not in this text (an excerpt).
            if not keep_stray:
                warnings.append(ExtractionWarning(
                    "leading-fragment",
                    f"text at lines {b.line_start}-{b.line_end} continues a paragraph that is not in the file; left out"))
                continue
            warnings.append(ExtractionWarning(
                "leading-fragment",
                f"text at lines {b.line_start}-{b.line_end} starts inside a paragraph; kept as the first one"))
        label = preamble_label_length(inline.text)
        if label:
            # "PP3 Recalling ...": an informal draft's label opens a paragraph, and is no text.
            inline = Inline(inline.text[label:],
                            [FootnoteRef(r.number, max(r.offset - label, 0)) for r in inline.refs])
        elif preamble and (SUBITEM_LABEL.match(inline.text) or not pending and not preamble[-1].ends_complete()):
            # Cut by a page break or footnotes; or a sub-item (``(b) Trade, ...``) of a
            # preambular paragraph, which stays in it as in an operative one.
            preamble[-1].add(inline, b)
            continue
        pb = _ParagraphBuilder(f"pp{len(preamble) + 1}", None, None)
        pb.add(inline, b)
        preamble.append(pb)
        _anchor(headings, pending, pb.id)
        pending = []
    return preamble, pending


def _read_operative(blocks: list[Block], clean: Cleaner, front: Front, headings: list[Heading],
                    pending: list[Heading], warnings: list[ExtractionWarning],
                    keep_stray: bool = False, meeting: list[str] | None = None,
                    first: bool = False) -> list[_ParagraphBuilder]:
    """Numbered paragraphs, their continuations, section headings and the closing lines.
    ``first``: these paragraphs open the document, or the text its adopting paragraph adopts
    (then a heading before them that titles that text opens no section)."""
    operative: list[_ParagraphBuilder] = []
    # Headings before the first paragraph of all that title the document (its own title,
    # an annex label with the annexed text's title) open no section.
    opening = [h for h in pending if not (first and _titles_document(h.text, front))]
    section = opening[-1].text if opening else None
    seen: dict[str, int] = {}
    closing_seen = False
    # Once text the layout could not place went into a paragraph, every block after it until
    # the next numbered paragraph is more of the same (the rows of a timetable): each on a
    # line of its own.
    placing_stray = False
    for b in blocks:
        inline = block_inline(b, clean)
        if _is_heading(b, inline):
            h = _add_heading(inline, headings, pending)
            if not (first and not operative and _titles_document(h.text, front)):
                section = h.text
            continue
        numbered = split_number(inline.text) if b.kind == "text" else None
        if not numbered and b.kind == "text":
            numbered = _next_in_sequence(inline.text, operative, b, warnings)
        if numbered:
            number = numbered[0]
            _check_sequence(operative, number, b, warnings)
            pid = _unique_id(number, seen, b, warnings)
            pb = _ParagraphBuilder(pid, number, section)
            pb.add(_strip_number(inline, numbered[1]), b)
            operative.append(pb)
            _anchor(headings, pending, pid)
            pending = []
            closing_seen = False
            placing_stray = False
            continue
        if _closing_block(b, clean, front, meeting):
            closing_seen = True
            continue
        if not inline.text.strip():
            continue
        subitem = bool(SUBITEM_LABEL.match(inline.text))
        # A sub-item (``(b)``) after a heading continues its paragraph: the heading was a
        # misreading (a separator line, a running title) or a sub-item chapeau.
        if not operative or closing_seen or (pending and operative[-1].ends_complete() and not subitem):
            # Unnumbered text after the closing lines, or after a heading that follows a
            # finished paragraph (an annex, a note): not part of any operative paragraph.
            if not (keep_stray and operative):
                warnings.append(ExtractionWarning(
                    "stray-text",
                    f"unnumbered text at lines {b.line_start}-{b.line_end} left out: {inline.text[:60]!r}"))
                continue
            where = "after the closing lines" if closing_seen else "after a heading"
            warnings.append(ExtractionWarning(
                "stray-text",
                f"unnumbered text at lines {b.line_start}-{b.line_end} {where} kept in paragraph "
                f"{operative[-1].id}: {inline.text[:60]!r}"))
            placing_stray = True
        if placing_stray:
            # On a line of its own: a block the layout could not place (a table row, an
            # annex's note) is no continuation of the sentence before it.
            inline = dataclasses.replace(inline, newline=True)
        operative[-1].add(inline, b)  # the rest of a paragraph cut by a page break or footnotes
    return operative


_LONG_NUMBER = re.compile(r"^\s*(\d{4})\s*[.．](?!\d)\s*(?=\S)")
# A number printed without its full stop, before the capital of the paragraph's first word.
_BARE_NUMBER = re.compile(rf"^\s*(\d{{1,4}})[ \t\u00a0]+(?=[A-Z{HAN}])")


def _next_in_sequence(text: str, operative: list[_ParagraphBuilder], b: Block,
                      warnings: list[ExtractionWarning]) -> tuple[str, str] | None:
    """Numbers the plain pattern does not take open a paragraph only where the previous
    paragraph's number says it is the next: paragraph 1000 and on (a four-digit number could
    be a year, ``2030. ...``), and a number whose full stop the document left out
    (``25 Condemns ...`` after paragraph 24, A/C.3/80/L.2), reported as a warning."""
    prev = next((p.number for p in reversed(operative) if p.number), None)
    if not prev or not prev.split()[0].isdigit():
        return None
    expected = int(prev.split()[0]) + 1
    m = _LONG_NUMBER.match(text)
    if m and int(m.group(1)) == expected:
        return m.group(1), text[m.end():]
    m = _BARE_NUMBER.match(text)
    # ``15 December 2025`` under the last paragraph is the adoption date, not paragraph 15.
    if m and int(m.group(1)) == expected and not is_closing_line(text.strip()):
        warnings.append(ExtractionWarning(
            "number-without-stop",
            f"paragraph {expected} at line {b.line_start} is numbered without a full stop ({text[:m.end()].strip()!r})"))
        return m.group(1), text[m.end():]
    return None


def _closing_block(b: Block, clean: Cleaner, front: Front, meeting: list[str] | None) -> bool:
    """Is ``b`` the closing block (meeting, adoption date)? If so, record what it says."""
    line_texts = [t for t in (clean(line).text.strip() for line in b.lines) if t]
    kinds = [is_closing_line(t) for t in line_texts]
    if not kinds or not all(kinds):
        return False
    if "meeting" not in kinds and not meeting and not (front.adopted or front.number_title):
        # A date alone, with no meeting line and in no resolution: a cell of a table (the
        # annex of a note, A/C.5/80/L.1), not an adoption date.
        return False
    for t, kind in zip(line_texts, kinds):
        if kind == "date" and not front.adopted:
            front.adopted = mh.parse_date(t)
        if kind == "meeting" and meeting is not None and not meeting:
            meeting.append(t)
    return True


# A numbered section heading ("I. Introduction", "II Follow-up", "A. ...", "第一章"): never the
# title of an annexed text.
_NUMBERED_HEADING = re.compile(r"^\s*(?:(?:[IVXL]{1,5}|\d{1,2})[.．]?\s|[A-Z][.．]\s|第\S{1,3}[章节部分编])")


def _anchor(headings: list[Heading], pending: list[Heading], pid: str) -> None:
    """The headings of ``pending`` (all in ``headings``) stand before paragraph ``pid``:
    each is replaced in ``headings`` by its copy saying so."""
    if pending:
        waiting = {id(h) for h in pending}
        headings[:] = [dataclasses.replace(h, before=pid) if id(h) in waiting else h for h in headings]


def _add_heading(inline: Inline, headings: list[Heading], pending: list[Heading]) -> Heading:
    """Record the heading ``inline`` (its text and footnote marks). An annex label (``Annex``)
    straight before it, with no paragraph between, joins it as one heading (``Annex Doha
    Political Declaration ...``): the label and the annexed text's title name one thing,
    printed on one line or two."""
    text = inline.text
    if pending and pending[-1] is headings[-1] and mh.is_annex_label(pending[-1].text) \
            and not _NUMBERED_HEADING.match(text) and not mh.is_annex_label(text):
        label = pending[-1]
        joined = join_inline([Inline(label.text, list(label.footnote_refs)), inline])
        h = dataclasses.replace(label, text=joined.text, footnote_refs=list(joined.refs))
        headings[-1] = pending[-1] = h
        return h
    h = Heading(text=text, before=None, footnote_refs=list(inline.refs))
    headings.append(h)
    pending.append(h)
    return h


def _titles_document(text: str, front: Front) -> bool:
    """Does the heading ``text`` title the whole document (printed before its first
    paragraph): an annex label, alone or with the annexed text's title, or the document's
    own title?"""
    label = text.split(None, 1)[0] if text.split() else ""
    if mh.is_annex_label(text) or mh.is_annex_label(label) or re.match(r"^附件", text):
        return True
    return bool(front.title) and "".join(text.split()) == "".join((front.title or "").split())


def _unique_id(number: str, seen: dict[str, int], b: Block, warnings: list[ExtractionWarning]) -> str:
    """``number``, or ``number#k`` with the first free k when it was used before. ``seen``
    maps each id used to the next k to try for it, so that a number repeated n times costs n
    steps, not n²/2 (hostile text: one number on every line)."""
    pid = number
    k = seen.get(number, 2)
    while pid in seen:
        pid = f"{number}#{k}"
        k += 1
    if pid != number:
        seen[number] = k
    if pid != number:
        warnings.append(ExtractionWarning(
            "paragraph-duplicate", f"paragraph number {number} appears again at line {b.line_start}; kept as {pid}"))
    seen.setdefault(pid, 2)
    return pid


def _starts_lowercase(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and s[0].isalpha() and s[0].islower()


def _strip_number(inline: Inline, rest: str) -> Inline:
    cut = len(inline.text) - len(rest)
    return Inline(rest, [FootnoteRef(r.number, max(r.offset - cut, 0)) for r in inline.refs])


def _session_from_symbol(symbol: str | None) -> str | None:
    m = re.match(r"^A/(?:RES/|C\.\d/|ES-\d+/)?(\d{1,3})/", symbol or "")
    return str(int(m.group(1))) if m else None


def _check_sequence(operative: list[_ParagraphBuilder], number: str, b: Block,
                    warnings: list[ExtractionWarning]) -> None:
    if not number.isdigit():
        return  # "5 bis" and the like follow their base number
    prev = next((p.number for p in reversed(operative) if p.number), None)
    expected = 1 if prev is None else int(prev.split()[0]) + 1
    if int(number) != expected:
        warnings.append(ExtractionWarning(
            "paragraph-sequence",
            f"paragraph {number} at line {b.line_start} follows {prev or 'the start'}; expected {expected}"))


def _check_footnotes(paragraphs: list[Paragraph], headings: list[Heading], footnotes: list[Footnote],
                     warnings: list[ExtractionWarning]) -> None:
    known = {f.number for f in footnotes}
    referenced: set[str] = set()
    marked = [(f"paragraph {p.id}", p.footnote_refs) for p in paragraphs]
    marked += [(f"heading {h.text[:40]!r}", h.footnote_refs) for h in headings]
    for where, refs in marked:
        for r in refs:
            referenced.add(r.number)
            if r.number not in known:
                warnings.append(ExtractionWarning(
                    "footnote-missing", f"{where} has footnote mark {r.number} but no footnote text"))
    for f in footnotes:
        # A star footnote annotates the masthead (the sponsors of a draft, a reissue), whose
        # mark stands in a title line, not in a paragraph.
        if f.number not in referenced and f.number.isdigit():
            warnings.append(ExtractionWarning("footnote-unreferenced", f"footnote {f.number} is never referenced"))
