"""Render one :class:`~lineage.model.document.Document` for people: plain text or Markdown.

Both show the metadata, the title, the preamble, the headings where they stand, the numbered
paragraphs (sub-items on their own lines) and the footnotes, with each footnote mark put back
where it stood (``[2]`` in text, ``[^2]`` in Markdown).
"""
from __future__ import annotations

import re
from pathlib import Path

from lineage.errors import UsageError
from lineage.model.document import Document, FootnoteRef, Paragraph
from lineage.script.width import display_width

__all__ = ["document_to_text", "document_to_markdown", "render_document", "FORMATS"]

FORMATS = ("text", "md", "json")


def _with_marks(p: Paragraph, mark: str) -> str:
    """``p.text`` with ``mark.format(n)`` inserted at each footnote offset."""
    text = p.text
    # From the end so earlier offsets stay valid; reversing a stable sort (rather than
    # sorting in reverse) keeps marks that share an offset in their order: [2][3], not [3][2].
    for ref in reversed(sorted(p.footnote_refs, key=lambda r: r.offset)):
        off = min(max(ref.offset, 0), len(text))
        text = text[:off] + mark.format(ref.number) + text[off:]
    return text


def _meta_pairs(doc: Document) -> list[tuple[str, str]]:
    pairs = [
        ("Symbol", doc.symbol or "(none)"),
        ("Language", doc.language or "?"),
        ("Date", doc.date or "?"),
        ("Distribution", doc.distribution or "?"),
        ("Session", doc.session or "?"),
        ("Agenda items", ", ".join(doc.agenda_items) or "?"),
        ("Source", f"{doc.source.path} ({doc.source.kind})"),
    ]
    if doc.source.sha256:
        pairs.append(("SHA-256", doc.source.sha256))
    pairs.append((
        "Contents",
        f"{len(doc.preamble)} preambular, {len(doc.paragraphs)} operative paragraphs, "
        f"{len(doc.headings)} headings, {len(doc.footnotes)} footnotes",
    ))
    return pairs


def _headings_before(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for h in doc.headings:
        if h.before is not None:
            out.setdefault(h.before, []).append(h.text)
    return out


def document_to_text(doc: Document) -> str:
    """A clean, readable text of the document."""
    lines: list[str] = []
    width = max(len(k) for k, _ in _meta_pairs(doc))
    for key, value in _meta_pairs(doc):
        lines.append(f"{key + ':':<{width + 1}} {value}")
    lines.append("")
    if doc.title:
        lines += [doc.title, ""]
    before = _headings_before(doc)
    for p in doc.all_paragraphs():
        for h in before.get(p.id, []):
            lines += [h, "-" * min(display_width(h), 72), ""]
        body = _with_marks(p, "[{}]")
        if p.number is not None:
            first, *rest = body.split("\n")
            lines.append(f"{p.number}. {first}")
            lines += [f"    {r}" for r in rest]
        else:
            lines.append(body)
        lines.append("")
    trailing = [h.text for h in doc.headings if h.before is None]
    for h in trailing:
        lines += [h, ""]
    if doc.footnotes:
        lines += ["Footnotes", "---------"]
        lines += [f"[{f.number}] {f.text}" for f in doc.footnotes]
        lines.append("")
    if doc.warnings:
        lines += ["Warnings", "--------"]
        lines += [f"{w.code}: {w.message}" for w in doc.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


_MD_SPECIAL = set("\\`*_[]<>")
_MD_LINE_START = re.compile(r"[ \t]*(?:[#+\-]|\d+[.)])")


def _md_escape_map(text: str) -> tuple[str, list[int]]:
    """Escape Markdown syntax in ``text``; also return where each original offset went."""
    out: list[str] = []
    offsets: list[int] = []
    length = 0
    # Offsets of characters that open a heading or list marker at a line start.
    marks: set[int] = set()
    for m in re.finditer(r"^", text, flags=re.M):
        lm = _MD_LINE_START.match(text, m.start())
        if lm:
            marks.add(lm.end() - 1)
    for i, ch in enumerate(text):
        offsets.append(length)
        piece = "\\" + ch if ch in _MD_SPECIAL or i in marks else ch
        out.append(piece)
        length += len(piece)
    offsets.append(length)
    return "".join(out), offsets


def _md_escape(text: str) -> str:
    return _md_escape_map(text)[0]


def document_to_markdown(doc: Document) -> str:
    """The document as Markdown: metadata table, headings as ``##``, numbered paragraphs in
    bold numbers (so no renderer renumbers them), footnotes as Markdown footnotes."""
    lines: list[str] = [f"# {_md_escape(doc.title or doc.symbol or Path(doc.source.path).name)}", ""]
    lines += ["| | |", "|---|---|"]
    for key, value in _meta_pairs(doc):
        lines.append(f"| {key} | {_md_escape(value).replace('|', '&#124;')} |")
    lines.append("")
    before = _headings_before(doc)
    for p in doc.all_paragraphs():
        for h in before.get(p.id, []):
            lines += [f"## {_md_escape(h)}", ""]
        # Escape first, then put the marks back at the shifted offsets, so they stay Markdown.
        escaped, offsets = _md_escape_map(p.text)
        shifted = Paragraph(id=p.id, text=escaped, footnote_refs=[
            FootnoteRef(r.number, offsets[min(max(r.offset, 0), len(p.text))]) for r in p.footnote_refs])
        body = _with_marks(shifted, "[^{}]").replace("\n", "  \n")
        lines.append(f"**{p.number}.** {body}" if p.number is not None else body)
        lines.append("")
    for h in doc.headings:
        if h.before is None:
            lines += [f"## {_md_escape(h.text)}", ""]
    for f in doc.footnotes:
        lines.append(f"[^{f.number}]: {_md_escape(f.text)}")
    if doc.footnotes:
        lines.append("")
    if doc.warnings:
        lines += ["## Extraction warnings", ""]
        lines += [f"- `{w.code}`: {_md_escape(w.message)}" for w in doc.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_document(doc: Document, fmt: str) -> str:
    """``fmt``: ``text``, ``md`` or ``json`` (the contract JSON)."""
    if fmt == "json":
        return doc.to_json()
    if fmt == "md":
        return document_to_markdown(doc)
    if fmt == "text":
        return document_to_text(doc)
    raise UsageError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
