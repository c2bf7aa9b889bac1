"""Extraction accuracy on PDFs made by other producers than the project's own fixture
generator (``tests/pdfs/independent/``, see its README): LibreOffice from flat ODT (the way
Word-made UN PDFs are built: a masthead table, header/footer fields, real footnotes, CJK
font subsets, autospacing, hyphenation) and Chromium from HTML.

The same measures as ``test_pdf_accuracy.py``: character error rate 0 paragraph by paragraph
and footnote by footnote after removing whitespace, the same ids in the same order, every
reference placed at the gold offset, no header/footer/page-mark text inside paragraphs;
plus: no space between two CJK characters anywhere in the output.

The gold documents were written from the sources (the content lists in
``tools/make_independent_pdfs.py``), not from the extractor's output."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Callable

import pytest

import support.pdf_checks as checks
from lineage.model.document import Document
from lineage.read.pdf.script import fold_lookalike

pytestmark = pytest.mark.slow  # every test extracts or reads PDFs

HERE = Path(__file__).parent / "pdfs" / "independent"
NAMES = sorted(p.name[: -len(".gold.json")] for p in HERE.glob("*.gold.json"))

# CJK ideographs, CJK/full-width punctuation and Chinese quotes, as the extractor's rule
# "never a space between two CJK characters" understands them.
_CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]"
_CJK_SPACE = re.compile(rf"{_CJK}[ \t\u3000]+{_CJK}")


@pytest.fixture
def extracted(extracted_pdf) -> Callable[[str], Document]:
    """The fixture ``name``'s document, extracted once per session (conftest)."""
    return lambda name: extracted_pdf(HERE / f"{name}.pdf")


def gold(name: str) -> Document:
    return Document.from_json((HERE / f"{name}.gold.json").read_text(encoding="utf-8"))


@cache
def furniture_strings(name: str) -> tuple[str, ...]:
    """Tokens of the running header and footer (top and bottom 60 pt of every page after
    the first, the footer band of page 1)."""
    return checks.furniture_tokens(HERE / f"{name}.pdf", 60)


def test_there_are_independent_fixtures():
    assert {"lo-zh", "lo-en", "docx-zh", "docx-en", "chromium-zh", "chromium-en"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_paragraph_ids_in_order(name, extracted):
    checks.check_paragraph_ids_in_order(extracted(name), gold(name))


@pytest.mark.parametrize("name", NAMES)
def test_character_error_rate_is_zero_paragraph_by_paragraph(name, extracted):
    checks.check_paragraph_text_exact(extracted(name), gold(name))


@pytest.mark.parametrize("name", NAMES)
def test_footnotes_separated_and_exact(name, extracted):
    checks.check_footnotes_separated_and_exact(extracted(name), gold(name))


# The Chromium fixture has no footnotes (Chromium cannot put them at the page bottom).
WITH_NOTES = [n for n in NAMES if gold(n).footnotes]


def test_most_fixtures_have_footnotes():
    assert {"lo-zh", "lo-en", "docx-zh"} <= set(WITH_NOTES)


@pytest.mark.parametrize("name", WITH_NOTES)
def test_every_reference_placed_at_the_gold_offset(name, extracted):
    acc = checks.check_every_reference_placed(extracted(name), gold(name))
    assert acc.refs_expected == len(gold(name).footnotes)


def test_two_digit_footnote_marks_are_read(extracted):
    assert {"10", "11", "12"} <= {f.number for f in extracted("docx-zh").footnotes}
    assert "10" in {f.number for f in extracted("lo-zh").footnotes}


def test_radical_lookalikes_read_as_ideographs(extracted):
    # Chromium's Type 3 CJK fonts map 民 and 门 to radicals (U+2EA0, U+2ED4) and 人 to the
    # Kangxi radical U+2F08: paragraph 26 of the Chromium fixture has all three.
    assert fold_lookalike("全\u2ea0、部\u2ed4、\u2f08口") == "全民、部门、人口"
    text = {p.id: p.text for p in extracted("chromium-zh").all_paragraphs()}["26"]
    assert "全民" in text and "部门" in text
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in text)


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_inside_paragraphs_or_footnotes(name, extracted):
    checks.check_no_furniture(extracted(name), gold(name), furniture_strings(name))


@pytest.mark.parametrize("name", NAMES)
def test_no_space_between_two_cjk_characters(name, extracted):
    got = extracted(name)
    texts = [p.text for p in got.all_paragraphs()] + [f.text for f in got.footnotes]
    texts += [h.text for h in got.headings] + [got.title or ""]
    for t in texts:
        assert not _CJK_SPACE.search(t), _CJK_SPACE.search(t).group(0)


@pytest.mark.parametrize("name", NAMES)
def test_masthead_metadata_headings_and_pages(name, extracted):
    checks.check_masthead_metadata_and_structure(extracted(name), gold(name))


def test_soft_and_non_breaking_hyphens_leave_no_trace(extracted):
    # chromium-en was typed with soft hyphens in every long word, non-breaking hyphens and
    # spaces (see tools/independent_html.py); Chromium prints a soft hyphen inside a line as a
    # space glyph with no advance, at a line end as U+2010. The text must be the plain one,
    # spaces included.
    got = {p.id: p.text for p in extracted("chromium-en").all_paragraphs()}
    for p in gold("chromium-en").all_paragraphs():
        assert got[p.id] == p.text, p.id
    assert "Secretary-General" in got["13"]
    assert fold_lookalike("Secretary\u2011General \u2010 tele\u00ad") == "Secretary-General - tele-"


# Word (not available on these machines) draws a full-width "continuation separator" over a
# footnote continued from the previous page; checked on hand-made records.

def _line(text, top, size, marks=()):
    from lineage.read.pdf.records import Line, Mark

    return Line(page=2, text=text, x0=57.0, x1=300.0, top=top, bottom=top + size, size=size,
                marks=tuple(Mark(n, o) for n, o in marks), pieces=(text,))


def test_full_width_continuation_separator_opens_the_footnote_area():
    from lineage.read.pdf.footnotes import FootnoteDraft, parse_footnotes, split_footnote_area
    from lineage.read.pdf.joining import TextBuilder
    from lineage.read.pdf.records import Rule

    lines = [_line("the last body line of the page", 680.0, 10.0),
             _line("and Development and the United Nations Development Programme.", 712.0, 8.0),
             _line("Resolution 217 A (III).", 722.0, 8.0, marks=[("3", 0)])]
    full_width = Rule(x0=57.0, x1=538.0, top=705.0, bottom=705.5)
    cut = split_footnote_area(lines, [full_width], 10.0, 57.0, 538.0)
    assert cut == 1
    carry = FootnoteDraft("2", TextBuilder(), [1])
    carry.builder.add("… co-organized by the United Nations Conference on Trade", [])
    started, last = parse_footnotes(lines[cut:], carry, set())
    assert [f.number for f in started] == ["3"]
    assert carry.builder.text.endswith("Trade and Development and the United Nations Development Programme.")
    assert carry.pages == [1, 2]

