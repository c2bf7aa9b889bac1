"""``extract_pdf`` and ``lineage extract`` on small PDFs made here with fpdf2 (core fonts, no
font files needed) and on the committed fixtures."""
from __future__ import annotations

import json
from pathlib import Path

import fpdf  # in the test extra: these PDFs are made at test time
import pytest

from lineage.errors import PdfError
from lineage.read.pdf import extract_pdf

PDFS = Path(__file__).parent / "pdfs"
WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()


def make_pdf(path: Path, blank_page: bool = False, drop_footnote: int | None = None) -> Path:
    """Three A4 pages in a UN layout: running header (symbol, alternating sides), footer with
    job number and page mark, one numbered paragraph per page with a superscript footnote mark,
    a footnote under a short rule; paragraph 3 carries on over the next page (or over an
    empty page when ``blank_page``), with a word hyphenated at a line end. ``drop_footnote``
    leaves that page's footnote text out (its mark stays)."""
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    n_pages = 4
    for p in range(1, n_pages + 1):
        pdf.add_page()
        if blank_page and p == 4:
            continue
        pdf.set_font("Times", "B", 9)
        pdf.text(72 if p % 2 else 460, 40, "A/RES/70/125")
        pdf.set_font("Times", size=8)
        pdf.text(72, 815, "15-21063 (E)")
        pdf.text(500, 815, f"{p}/{n_pages}")
        pdf.set_font("Times", size=11)
        if p == 4:
            pdf.text(108, 120, "second half of paragraph three.")
            continue
        pdf.text(72, 120, f"{p}.")
        first = f"We reaffirm the {WORDS[p]} commitment of page {p}"
        pdf.text(108, 120, first)
        w = pdf.get_string_width(first)
        pdf.set_font("Times", size=7)
        pdf.text(108 + w + 0.5, 116, str(p))
        pdf.set_font("Times", size=11)
        pdf.text(108, 134, "to the multi-stakeholder approach and to develop-")
        last = f"ment of {WORDS[p + 3]}." if p < 3 else f"ment of {WORDS[p + 3]} and the"
        pdf.text(108, 148, last)
        if p == drop_footnote:
            continue
        pdf.line(72, 740, 216, 740)
        pdf.set_font("Times", size=7)
        pdf.text(72, 752, str(p))
        pdf.set_font("Times", size=9)
        pdf.text(78, 755, f"See {WORDS[p + 5]} report A/60/{p}87.")
    out = path / f"small-{int(blank_page)}-{drop_footnote}.pdf"
    pdf.output(str(out))
    return out


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf"))


def test_english_paragraphs_footnotes_and_furniture(small):
    doc = extract_pdf(small)
    assert [p.id for p in doc.paragraphs] == ["1", "2", "3"]
    assert doc.paragraphs[0].text == (
        "We reaffirm the beta commitment of page 1 to the multi-stakeholder approach "
        "and to development of epsilon."
    )
    # Paragraph 3 continues on page 4 after its footnote: one paragraph, both pages.
    assert doc.paragraphs[2].text.endswith("development of eta and the second half of paragraph three.")
    assert doc.paragraphs[2].pages == [3, 4]
    assert [(f.number, f.text) for f in doc.footnotes] == [
        ("1", "See eta report A/60/187."),
        ("2", "See theta report A/60/287."),
        ("3", "See iota report A/60/387."),
    ]
    # The mark stood right after "page 1": a reference, not text.
    ref = doc.paragraphs[0].footnote_refs[0]
    assert ref.number == "1" and doc.paragraphs[0].text[:ref.offset].endswith("page 1")
    for p in doc.paragraphs:
        assert "15-21063" not in p.text and "A/RES/70/125" not in p.text and "/4" not in p.text
    assert doc.source.kind == "pdf" and doc.source.pages == 4 and len(doc.source.sha256) == 64
    assert doc.warnings == []


def test_page_without_text_is_a_warning(tmp_path):
    doc = extract_pdf(make_pdf(tmp_path, blank_page=True))
    assert any(w.code == "page-without-text" and w.page == 4 for w in doc.warnings)


def test_mark_without_footnote_text_is_a_warning(tmp_path):
    doc = extract_pdf(make_pdf(tmp_path, drop_footnote=2))
    assert [f.number for f in doc.footnotes] == ["1", "3"]
    assert [w.code for w in doc.warnings] == ["footnote-missing"]
    assert "2" in doc.warnings[0].message


def test_fixture_warnings(extracted_pdf):
    doc = extracted_pdf(PDFS / "a-res-70-125-en.pdf")
    codes = {w.code for w in doc.warnings}
    assert "footnote-missing" not in codes and "footnote-unreferenced" not in codes
    # The excerpt starts at paragraph 8: the extractor says so.
    assert "paragraph-sequence" in codes


def test_cli_json_text_md_and_output_file(run_cli, small, tmp_path):
    code, out, err = run_cli("extract", str(small))
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "lineage.document/1" and data["paragraphs"][0]["id"] == "1"
    code, out, _ = run_cli("extract", str(small), "--format", "text")
    assert code == 0 and "We reaffirm the beta commitment" in out
    code, out, _ = run_cli("extract", str(small), "--format", "md")
    assert code == 0 and "We reaffirm the beta commitment" in out
    target = tmp_path / "out.json"
    code, out, _ = run_cli("extract", str(small), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["pages"] == 4


def test_cli_bad_format_is_usage_error(run_cli, small):
    code, _, _ = run_cli("extract", str(small), "--format", "xml")
    assert code == 2


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(PdfError, match="no such file"):
        extract_pdf(tmp_path / "nope.pdf")
    with pytest.raises(PdfError, match="directory"):
        extract_pdf(tmp_path)


def test_permissions_only_encryption_extracts_like_the_plain_file(extracted_pdf):
    plain = extracted_pdf(PDFS / "a-80-l41-zh-limited.pdf")
    locked = extracted_pdf(PDFS / "a-80-l41-zh-owner-password.pdf")
    assert [p.text for p in locked.all_paragraphs()] == [p.text for p in plain.all_paragraphs()]


def test_output_is_deterministic(small):
    assert extract_pdf(small).to_json() == extract_pdf(small).to_json()


def test_a_pipe_is_refused_without_waiting(tmp_path):
    import os

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(PdfError, match="not a regular file"):
        extract_pdf(fifo)
