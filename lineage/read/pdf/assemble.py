"""Blocks of a PDF to a :class:`~lineage.model.document.Document`.

What a block *means* (masthead line, title, preambular or operative paragraph, heading,
closing line) is decided by the shared interpreter of the text readers,
``lineage.read.assemble.build_document``, so a PDF and a text of the same resolution come
out with the same structure. This module only hands it blocks whose text is already joined
the PDF way (from positions, with footnote marks as offsets) and puts page numbers back on
the result.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from lineage.model.document import Document, ExtractionWarning, FootnoteRef, Paragraph, Source, SourceSpan
from lineage.read import masthead as mh
from lineage.read.assemble import Block, Inline, build_document
from lineage.read.front import is_masthead_line
from lineage.read.pdf.analyse import Analysis
from lineage.read.pdf.blocks import NUMBER_RE, Column, LayoutBlock
from lineage.read.pdf.joining import TextBuilder
from lineage.script.lines import Words

__all__ = ["block_text", "masthead_symbol", "to_document"]

_LINE_REF = re.compile(r"\blines? (\d+)(?:-(\d+))?")
# Summit documents print a language version letter after the symbol (``...(Rev.1)-C`` for
# the Chinese version); the document's symbol is the same for every language.
_LANGUAGE_SUFFIX = re.compile(r"(?<=[\d)])-[ACEFRS]$")


def masthead_symbol(analysis: Analysis) -> str | None:
    """The symbol printed in the page-1 masthead (with a label such as ``Document`` before
    it, which the line-level masthead parser does not take), without a language letter."""
    for b in analysis.front:
        for ln in b.lines:
            sym = mh.find_symbol(ln.text)
            if sym:
                return _LANGUAGE_SUFFIX.sub("", sym)
    return None


def _page_ref(m: re.Match[str]) -> str:
    first, last = m.group(1), m.group(2)
    return f"page {first}" if last is None or last == first else f"pages {first}-{last}"


def block_text(block: LayoutBlock, words: Words) -> Inline:
    """The block's lines joined (Chinese without spaces, English with, line-end hyphens by the one policy), with
    footnote marks at their offsets in the joined text."""
    tb = TextBuilder(words=words)
    for ln in block.lines:
        tb.add(ln.text, ln.marks)
    return Inline(tb.text, [FootnoteRef(m.number, m.offset) for m in tb.marks])


def _is_title(block: LayoutBlock, text: str, col: Column) -> bool:
    """A centred bold block that is not a masthead line reads as a title (the text readers'
    ``bold`` block), a left-aligned one as a section heading.

    Centred: every line leaves as much room on its left (from the outer edge, where hanging
    numbers stand) as on its right, and some line visibly stands in from the left. So a
    resolution number hanging at the margin with its title wrapped beside it is not centred,
    and a title as wide as the column that word processors centre is."""
    left = col.left if col.outer is None else col.outer
    centred = all(abs((ln.x0 - left) - (col.right - ln.x1)) < 1.5 * col.size for ln in block.lines) and any(
        ln.x0 > left + col.size for ln in block.lines
    )
    if not centred or len(text) <= 6:
        return False
    # "[without reference to a Main Committee (A/70/L.33)]": the bracketed adoption note
    # under the adoption line, centred too.
    if text.startswith("[") and text.rstrip().endswith("]"):
        return False
    # (A resolution number line, "80/2. Scale of assessments ...", is no title however centred
    # its wrapped title looks: the number is metadata, the title what follows it.)
    return not _masthead_text(text)


def _masthead_text(text: str) -> bool:
    return bool(
        mh.parse_adoption_date(text) or mh.session_line(text) or mh.is_date_line(text)
        or mh.is_symbol_line(text) or mh.agenda_line(text) or mh.parse_resolution_number(text)
    )


def _largest_heading(blocks: Sequence[LayoutBlock], texts: Sequence[str], col: Column) -> int | None:
    """The index of the heading set in the largest type, above the body size, before the
    first paragraph: a document without a draft line or resolution number (a note by the
    Secretariat, A/C.5/80/L.1) has its title there, left-aligned at the text column, above
    smaller headings ("Note by the Secretariat"). Masthead lines (the organ, the adoption line
    of a resolution, its number) are none; None when two headings share the largest size."""
    sizes: list[tuple[float, int]] = []
    # Only below the session line ("Eightieth session"): the organ's name above it is set
    # larger, and a layout that cuts "General Assembly" in two makes it no masthead line.
    below_session = False
    for i, (b, text) in enumerate(zip(blocks, texts)):
        if b.kind == "text" and (NUMBER_RE.match(text) or not is_masthead_line(text)):
            break
        below_session = below_session or bool(mh.session_line(text))
        if below_session and b.kind == "heading" and not is_masthead_line(text):
            sizes.append((min(ln.size for ln in b.lines), i))
    if not sizes:
        return None
    top = max(size for size, _ in sizes)
    at_top = [i for size, i in sizes if abs(size - top) < 0.5]
    if top < col.size + 1.5 or len(at_top) != 1:
        return None
    return at_top[0]


def to_document(analysis: Analysis, source: Source) -> Document:
    inlines: dict[str, Inline] = {}
    blocks: list[Block] = []

    def add(kind: str, inline: Inline, pages: Sequence[int], number: str | None = None) -> None:
        key = f"b{len(inlines)}"
        inlines[key] = inline
        first, last = min(pages), max(pages)
        blocks.append(Block(kind, [key], first, last, number=number))

    for b in analysis.front:
        add("text", block_text(b, analysis.words), b.pages)
    seen_numbered = False
    body = [block_text(b, analysis.words) for b in analysis.blocks]
    largest = _largest_heading(analysis.blocks, [t.text for t in body], analysis.column)
    for i, (b, inline) in enumerate(zip(analysis.blocks, body)):
        kind = b.kind
        if kind == "text" and NUMBER_RE.match(inline.text):
            seen_numbered = True
        if kind == "heading" and not seen_numbered and (i == largest or _is_title(b, inline.text, analysis.column)):
            kind = "bold"
        add(kind, inline, b.pages)
    for fn in analysis.footnotes:
        add("footnote", Inline(fn.builder.text, []), fn.pages, number=fn.number)

    doc = build_document(blocks, lambda key: inlines[key], source, keep_stray=True, metadata=True)
    fn_pages = {fn.number: fn.pages for fn in analysis.footnotes}
    warnings = list(analysis.warnings)
    for w in doc.warnings:
        m = _LINE_REF.search(w.message)
        page = int(m.group(1)) if m else w.page
        warnings.append(ExtractionWarning(w.code, _LINE_REF.sub(_page_ref, w.message), page))
    return replace(
        doc,
        symbol=doc.symbol if doc.symbol is not None else masthead_symbol(analysis),
        preamble=[_on_pages(p) for p in doc.preamble],
        paragraphs=[_on_pages(p) for p in doc.paragraphs],
        footnotes=[replace(f, pages=list(fn_pages.get(f.number, []))) for f in doc.footnotes],
        warnings=warnings,
    )


def _on_pages(p: Paragraph) -> Paragraph:
    """``p`` with its pages and spans in pages: the interpreter numbers source lines, and
    here each block's "line" is its page."""
    pages = sorted({pg for s in p.spans for pg in range(s.line_start or 0, (s.line_end or 0) + 1) if pg})
    return replace(p, pages=pages, spans=[SourceSpan(page=pg) for pg in pages])
