"""Extraction held to official UN PDFs (``tests/pdfs/real/``, see its README and the section
"Real UN PDFs" of ``docs/fixtures.md``): ten born-digital Word PDFs of the 80th session with
gold documents made independently of the extractor (poppler's words read by
``tools/make_real_gold.py``, then checked by eye against the rendered pages), and one 1971
scan with an OCR text layer.

For each gold: the same paragraph ids in the same order; character error rate 0 paragraph by
paragraph and footnote by footnote (whitespace removed); every sub-item ``(a)``, ``(i)`` inside
its own paragraph; every footnote reference at the gold offset; no running header, page mark
or job number inside a paragraph; masthead metadata, headings, sections and pages.

Checks today's extractor fails are marked ``xfail(strict=True)`` with the precise fault in
``KNOWN``: that table is the work list; when a fix lands, the strict xfail turns into a failure
and the entry must go.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

import support.pdf_checks as checks
from lineage.errors import LineageError
from lineage.model.document import Document
from lineage.read.pdf import extract_pdf
from support.accuracy import compare_to_gold, squash

HERE = Path(__file__).parent / "pdfs" / "real"
NAMES = sorted(p.name[: -len(".gold.json")] for p in HERE.glob("*.gold.json"))
SCAN = "A-L.632.en.scan"
# 52 and 51 pages: about a minute each to extract today
SLOW = {"A-80-L.17.en", "A-RES-80-109.en"}

# (file, check) -> what today's extractor gets wrong there. Checks: ids, text, subitems,
# footnotes, refs, furniture, structure, metadata. Empty: every check of every file passes.
KNOWN: dict[tuple[str, str], str] = {}


@cache
def _extract(name: str) -> Document | LineageError:
    # Once per session per file (extraction takes seconds); an error is kept and re-raised.
    try:
        return extract_pdf(HERE / f"{name}.pdf")
    except LineageError as exc:
        return exc


def extracted(name: str) -> Document:
    got = _extract(name)
    if isinstance(got, LineageError):
        raise got
    return got


@cache
def gold(name: str) -> Document:
    return Document.from_json((HERE / f"{name}.gold.json").read_text(encoding="utf-8"))


def cases(check: str) -> list:
    out = []
    for name in NAMES:
        marks = [pytest.mark.slow] if name in SLOW else []
        if (name, check) in KNOWN:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[(name, check)]))
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def test_the_eleven_pdfs_are_here_with_their_provenance():
    rows = (HERE / "PROVENANCE.tsv").read_text(encoding="utf-8").splitlines()[1:]
    listed = {r.split("\t")[0] for r in rows if r.strip()}
    on_disk = {p.name for p in HERE.glob("*.pdf")}
    assert len(on_disk) == 11 and listed == on_disk
    assert set(NAMES) == {n[: -len(".pdf")] for n in on_disk} - {SCAN}


def test_gold_is_consistent():
    for name in NAMES:
        g = gold(name)
        ids = [p.id for p in g.all_paragraphs()]
        assert len(ids) == len(set(ids)), name
        numbers = [p.number for p in g.paragraphs]
        assert numbers == [str(i) for i in range(1, len(numbers) + 1)], name
        notes = {f.number for f in g.footnotes}
        refs = [r.number for p in g.all_paragraphs() for r in p.footnote_refs]
        assert set(refs) == notes, name  # every note has its mark and every mark its note
        for p in g.all_paragraphs():
            for r in p.footnote_refs:
                assert 0 <= r.offset <= len(p.text), (name, p.id)
            assert "  " not in p.text and p.text == p.text.strip(), (name, p.id)


@pytest.mark.parametrize("name", cases("ids"))
def test_paragraph_ids_in_order(name):
    checks.check_paragraph_ids_in_order(extracted(name), gold(name))


@pytest.mark.parametrize("name", cases("text"))
def test_character_error_rate_is_zero_paragraph_by_paragraph(name):
    got, want = extracted(name), gold(name)
    differing = [i for i in compare_to_gold(got, want).differing if not i.startswith("fn")]
    assert not differing, f"paragraphs that differ: {differing}"
    checks.check_paragraph_text_exact(got, want)


_SUB = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]+)\)")


@pytest.mark.parametrize("name", cases("subitems"))
def test_every_sub_item_in_its_paragraph(name):
    got = {p.id: squash(p.text) for p in extracted(name).all_paragraphs()}
    for p in gold(name).all_paragraphs():
        for line in p.text.split("\n")[1:]:
            assert _SUB.match(line), (p.id, line[:20])
            label = _SUB.match(line).group(0)
            # its label and first words, so that a wrong word further on is the text test's
            assert squash(line)[:40] in got.get(p.id, ""), f"sub-item {label} of {p.id}"


def _numbered_notes(doc: Document) -> Document:
    # The `*` note of a draft belongs to its sponsors line (front matter, no contract field):
    # the gold leaves it out; an extraction may keep it as note "*" or drop it.
    return replace(doc, footnotes=[f for f in doc.footnotes if f.number != "*"])


@pytest.mark.parametrize("name", cases("footnotes"))
def test_footnotes_separated_and_exact(name):
    got, want = _numbered_notes(extracted(name)), gold(name)
    differing = [i for i in compare_to_gold(got, want).differing if i.startswith("fn")]
    assert not differing, f"footnotes that differ: {differing}"
    checks.check_footnotes_separated_and_exact(got, want)


@pytest.mark.parametrize("name", cases("refs"))
def test_every_footnote_mark_placed_at_the_gold_offset(name):
    acc = checks.check_every_reference_placed(extracted(name), gold(name))
    assert acc.refs_expected == len(gold(name).footnotes)


@cache
def furniture(name: str) -> tuple[str, ...]:
    return checks.furniture_tokens(HERE / f"{name}.pdf", 60)


@pytest.mark.parametrize("name", cases("furniture"))
def test_no_header_footer_or_job_number_inside_paragraphs(name):
    # The `*` note's own words ("the", "of") are no leak: the gold leaves the note out.
    checks.check_no_furniture(_numbered_notes(extracted(name)), gold(name), furniture(name))


@pytest.mark.parametrize("name", cases("structure"))
def test_masthead_metadata_headings_sections_and_pages(name):
    checks.check_masthead_metadata_and_structure(extracted(name), gold(name))


@pytest.mark.parametrize("name", cases("metadata"))
def test_front_and_closing_matter_kept_as_metadata(name):
    # Issue 10, item 4: the adopting formula, a draft's sponsors and the closing meeting are
    # metadata (never a paragraph); a resolution keeps both its masthead date (`issued`) and
    # its adoption date (`date`).
    got, want = extracted(name), gold(name)
    for attr in ("date", "issued", "formula", "sponsors", "meeting"):
        assert getattr(got, attr) == getattr(want, attr), attr


# The `*` note of each draft, typed from its rendered first page: kept as footnote `*`.
STAR_NOTES = {
    "A-C.2-80-L.3.en": "On behalf of the States that are members of the Group of 77 and China, taking "
                       "into account also the provisions of General Assembly resolution ES-10/23 of "
                       "10 May 2024.",
    "A-80-L.13.en": "Any changes to the list of sponsors will be reflected in the official record of the meeting.",
    "A-80-L.17.en": "Any changes to the list of sponsors will be reflected in the official record of the meeting.",
}


@pytest.mark.parametrize("name", cases("star"))
def test_a_drafts_star_note_is_footnote_star_and_nothing_else(name):
    got = extracted(name)
    stars = [(f.number, f.text, f.pages) for f in got.footnotes if not f.number.isdigit()]
    assert stars == ([("*", STAR_NOTES[name], [1])] if name in STAR_NOTES else [])
    # its words are in no paragraph and no heading
    note = squash(STAR_NOTES.get(name, "")) or "\0"
    assert all(note not in squash(t) for t in [p.text for p in got.all_paragraphs()] + [h.text for h in got.headings])


def test_a_scan_is_refused_or_read_with_a_warning_on_every_page():
    """A/L.632 (1971) is a scanned typescript with Acrobat's OCR layer. Documented behaviour
    (issue 10, item 5): refuse it with one clear error that says it is a scan, or read it
    with a warning on every page. Quietly returning OCR text as if it were born-digital
    (no warning) is the one thing not allowed."""
    got = _extract(SCAN)
    if isinstance(got, LineageError):
        message = str(got)
        assert "\n" not in message.strip() and "A-L.632" in message
        assert re.search(r"scan|OCR|image", message, re.IGNORECASE), message
        return
    pages = got.source.pages or 1
    warned = {w.page for w in got.warnings if re.search(r"scan|OCR|image", w.message, re.IGNORECASE)}
    assert warned >= set(range(1, pages + 1)), f"scan read without a warning on pages {set(range(1, pages + 1)) - warned}"
