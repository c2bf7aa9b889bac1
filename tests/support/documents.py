"""Small documents several test modules use."""
from __future__ import annotations

from dataclasses import replace

from lineage.model.document import Document, Paragraph, Source

__all__ = ["english_doc", "with_text", "with_heading"]


def with_text(doc: Document, pid: str, text: str) -> Document:
    """``doc`` with paragraph ``pid``'s text replaced (records are frozen: a new document)."""
    if pid not in {p.id for p in doc.all_paragraphs()}:
        raise KeyError(pid)

    def edit(ps: list[Paragraph]) -> list[Paragraph]:
        return [replace(p, text=text) if p.id == pid else p for p in ps]

    return replace(doc, preamble=edit(doc.preamble), paragraphs=edit(doc.paragraphs))


def with_heading(doc: Document, old: str, new: str) -> Document:
    """``doc`` with every heading reading ``old`` renamed ``new``."""
    return replace(doc, headings=[replace(h, text=new) if h.text == old else h for h in doc.headings])


def english_doc() -> Document:
    texts = [
        "We reaffirm our commitment to the vision of the World Summit on the Information Society.",
        "We recognize that digital divides remain between and within countries; we encourage all States to support bridging them.",
        "We reaffirm that the same rights that people have offline must also be protected online.",
        "Building confidence and security in the use of information and communications technologies should remain a priority, especially given growing challenges.",
        "We call upon all stakeholders to strengthen cooperation, as set out in the outcomes of Geneva and Tunis. We note the role of the Internet Governance Forum.",
        "We decide to hold a high-level meeting on the overall review in 2035.",
        "We request the Secretary-General to report annually on progress; the report should include recommendations.",
        "We encourage equitable participation of developing countries in international forums.",
    ]
    paragraphs = [Paragraph(id=str(k + 1), number=str(k + 1), text=t) for k, t in enumerate(texts)]
    return Document(symbol="TEST/EN", language="en", source=Source("en.json", "text"),
                    paragraphs=paragraphs)
