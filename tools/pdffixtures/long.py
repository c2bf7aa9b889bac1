"""A long PDF for the extraction benchmark (memory and speed), generated when the benchmark
runs, never committed.

    from tools.pdffixtures.long import make_long_pdf
    pdf, gold = make_long_pdf(tmp_dir, pages=300)

The A/RES/80/173 text is repeated (paragraph numbers continue, footnotes renumbered) until the
layout reaches ``pages`` pages; the gold Document is returned too, so a benchmark can check the
extraction while it times it.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

__all__ = ["make_long_pdf"]


def _repeat(doc: Document, times: int) -> Document:
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    footnotes: list[Footnote] = []
    preamble = list(doc.preamble)
    heads = {h.before: h for h in doc.headings}
    n = 0
    for t in range(times):
        fn_map = {}
        for f in doc.footnotes:
            g = replace(f, number=str(len(footnotes) + 1), pages=list(f.pages))
            fn_map[f.number] = g.number
            footnotes.append(g)
        for p in doc.paragraphs:
            n += 1
            q = replace(p, id=str(n), number=str(n), pages=list(p.pages), spans=list(p.spans),
                        footnote_refs=[FootnoteRef(fn_map[r.number], r.offset) for r in p.footnote_refs])
            if p.id in heads:
                headings.append(Heading(heads[p.id].text, q.id, heads[p.id].level))
            paragraphs.append(q)
        if t == 0:
            preamble = [replace(p, footnote_refs=[FootnoteRef(fn_map[r.number], r.offset) for r in p.footnote_refs])
                        for p in doc.preamble]
    return replace(doc, preamble=preamble, paragraphs=paragraphs, headings=headings, footnotes=footnotes,
                   agenda_items=list(doc.agenda_items), warnings=list(doc.warnings))


def make_long_pdf(out_dir: str | Path, pages: int = 300, fonts: str = "embedded") -> tuple[Path, Document]:
    """Write ``long-<pages>.pdf`` (about ``pages`` pages, at least that many) into ``out_dir``."""
    from .documents import blocks_for, resolution_spec, with_pages
    from .layout import FootnoteSpec, layout_document
    from .render import draw_pdf, font_setup, measure

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec = resolution_spec(f"long-{pages}", fonts)
    base = spec.doc
    fonts_rec = font_setup(spec.fonts)
    times = max(1, round(pages / 20))
    while True:
        spec.doc = _repeat(base, times)
        laid = layout_document(blocks_for(spec), [FootnoteSpec(f.number, f.text) for f in spec.doc.footnotes],
                               fonts_rec, measure, spec.furniture)
        if len(laid.pages) >= pages:
            break
        times += max(1, (pages - len(laid.pages)) // 19)
    pdf = out_dir / f"long-{pages}.pdf"
    draw_pdf(laid, pdf, title=spec.doc.title or "", subject=spec.doc.symbol or "",
             initial_font=fonts_rec.latin)
    gold = with_pages(spec.doc, laid.para_pages, laid.footnote_pages,
                      Source(str(pdf), "pdf", None, len(laid.pages)))
    return pdf, gold
