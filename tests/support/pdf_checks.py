"""The extraction accuracy checks shared by ``test_pdf_accuracy.py`` (the generated fixtures
of ``tests/pdfs/index.toml``) and ``test_pdf_independent.py`` (PDFs from other producers):
plain functions over the extracted and the gold :class:`~lineage.model.document.Document`, each
failing with an ``assert`` that names the paragraph, footnote or token at fault. Each test
file keeps its own fixtures, parametrisation and special tests and calls these."""
from __future__ import annotations

from pathlib import Path

from lineage.model.document import Document
from support.accuracy import Accuracy, compare_to_gold, squash

__all__ = [
    "furniture_tokens",
    "check_paragraph_ids_in_order",
    "check_paragraph_text_exact",
    "check_footnotes_separated_and_exact",
    "check_every_reference_placed",
    "check_no_furniture",
    "check_masthead_metadata_and_structure",
]


def furniture_tokens(pdf: Path, band: float) -> tuple[str, ...]:
    """The tokens (3 characters or more) printed in the top and bottom ``band`` points of
    every page (running header, job number, page mark), read with bare pdfplumber,
    independently of the extractor. Page 1 has the masthead at the top, so only its
    bottom band (the footer with the job number) is read."""
    import pdfplumber

    tokens: set[str] = set()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            boxes = [(0, page.height - band, page.width, page.height)]
            if page.page_number > 1:
                boxes.append((0, 0, page.width, band))
            for box in boxes:
                text = page.crop(box).extract_text() or ""
                tokens.update(t for t in text.split() if len(t) >= 3)
    return tuple(sorted(tokens))


def check_paragraph_ids_in_order(got: Document, want: Document) -> None:
    assert [p.id for p in got.all_paragraphs()] == [p.id for p in want.all_paragraphs()]


def check_paragraph_text_exact(got: Document, want: Document) -> None:
    """Character error rate 0 paragraph by paragraph, whitespace removed."""
    mine = {p.id: p for p in got.all_paragraphs()}
    for p in want.all_paragraphs():
        assert p.id in mine, f"paragraph {p.id} missing"
        assert squash(mine[p.id].text) == squash(p.text), f"paragraph {p.id} differs"
    assert compare_to_gold(got, want).paragraph_cer == 0.0


def check_footnotes_separated_and_exact(got: Document, want: Document) -> None:
    assert [f.number for f in got.footnotes] == [f.number for f in want.footnotes]
    for f, g in zip(got.footnotes, want.footnotes):
        assert squash(f.text) == squash(g.text), f"footnote {g.number} differs"
        assert f.pages == g.pages, f"footnote {g.number} pages"


def check_every_reference_placed(got: Document, want: Document) -> Accuracy:
    """Every footnote reference of the gold at the gold's offset (whitespace removed);
    returns the figures so a caller can check more of them."""
    acc = compare_to_gold(got, want)
    assert acc.refs_placed == acc.refs_expected
    return acc


def check_no_furniture(got: Document, want: Document, furniture: tuple[str, ...]) -> None:
    """No running header, footer or page mark inside a paragraph, and none in the footnotes
    more often than the gold has it there."""
    assert any(ch.isdigit() for t in furniture for ch in t)  # job number found: the check bites
    assert compare_to_gold(got, want, furniture).furniture_leaks == 0
    mine = "".join(squash(f.text) for f in got.footnotes)
    theirs = "".join(squash(f.text) for f in want.footnotes)
    for token in furniture:
        assert mine.count(squash(token)) <= theirs.count(squash(token)), token


def check_masthead_metadata_and_structure(got: Document, want: Document) -> None:
    for attr in ("symbol", "language", "date", "distribution", "session", "agenda_items", "title"):
        assert getattr(got, attr) == getattr(want, attr), attr
    assert [(h.text, h.before) for h in got.headings] == [(h.text, h.before) for h in want.headings]
    assert [(p.id, p.section, p.pages) for p in got.all_paragraphs()] == [
        (p.id, p.section, p.pages) for p in want.all_paragraphs()
    ]
