"""Titles and dates of real first pages (issue 10: a full ingest of the session's 543 PDFs
printed the resolution number in nine titles, cut two-line titles short, took the sponsors
line for a draft decision's title and an annexed table's date for a note's).

Expected values are typed from the rendered first pages (``pdftoppm -r 60 -f 1 -l 1``) read
by eye, checked against ``pdftotext -layout``; never from the extractor. Three of the PDFs are
committed under ``tests/pdfs/real/pool/`` (provenance in its ``PROVENANCE.tsv``); the others are
read from the session's pool when it is on the machine (``LINEAGE_POOL``, default
``/tmp/pool/pdfs``, as ``benchmarks/session_bench.py`` fetches it).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lineage.model.document import Source
from lineage.read.assemble import build_document
from lineage.read.front import read_front
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.blocks import Column, segment
from lineage.read.pdf.records import Line
from lineage.read.textjoin import Block, Inline

POOL = Path(__file__).parent / "pdfs" / "real" / "pool"
SESSION = Path(os.environ.get("LINEAGE_POOL", "/tmp/pool/pdfs"))

# (file, title, date): a resolution's date is its adoption date, any other document's the
# masthead's issue date.
COMMITTED = [
    ("A-RES-80-2.en.pdf",
     "Scale of assessments for the apportionment of the expenses of the United Nations: requests "
     "under Article 19 of the Charter", "2025-10-14"),
    ("A-C.1-80-L.39.en.pdf",
     "Treaty banning the production of fissile material for nuclear weapons or other nuclear "
     "explosive devices", "2025-10-14"),
    ("A-C.5-80-L.1.en.pdf",
     "Status of preparedness of documentation for the Fifth Committee during the main part of the "
     "eightieth session of the General Assembly", "2025-09-26"),
]

FROM_POOL = [
    ("A_RES_80_10.pdf", "International Day of the World’s Indigenous Women and Girls", "2025-11-26"),
    ("A_RES_80_29.pdf", "Conventional arms control at the regional and subregional levels", "2025-12-01"),
    ("A_RES_80_31.pdf", "Nuclear-weapon-free southern hemisphere and adjacent areas", "2025-12-01"),
    ("A_RES_80_59.pdf", "Convention on the Prohibition of the Use of Nuclear Weapons", "2025-12-01"),
    ("A_RES_80_85.pdf", "Information from Non-Self-Governing Territories transmitted under Article 73 e "
                        "of the Charter of the United Nations", "2025-12-05"),
    ("A_RES_80_168.pdf", "The scope and application of the principle of universal jurisdiction", "2025-12-15"),
    ("A_RES_80_170.pdf", "Strengthening and promoting the international treaty framework", "2025-12-15"),
    ("A_RES_80_196.pdf", "Universal realization of the right of peoples to self-determination", "2025-12-18"),
    ("A_80_L.1.pdf", "Endorsement of the New York Declaration on the Peaceful Settlement of the Question "
                     "of Palestine and the Implementation of the Two-State Solution", "2025-09-09"),
    ("A_C.1_80_L.13.pdf", "Observance of environmental norms in the drafting and implementation of "
                          "agreements on disarmament and arms control", "2025-10-10"),
    ("A_C.4_80_L.12.pdf", "Increase in the membership of the Committee on the Peaceful Uses of Outer Space",
     "2025-10-24"),
    ("A_80_L.37.pdf", "United Nations Pledging Conference for Development Activities", "2025-12-10"),
    # No title under the draft line: the outcome document's, after "Adopts the following ...:".
    ("A_80_L.41.pdf", "Outcome document of the high-level meeting of the General Assembly on the overall "
                      "review of the implementation of the outcomes of the World Summit on the Information "
                      "Society", "2025-12-16"),
    ("A_C.6_80_L.20.pdf", "Provisional programme of work of the Sixth Committee for the eighty-first session",
     "2025-11-14"),
    ("A_C.3_80_L.60.pdf", "Draft programme of work of the Third Committee for the eighty-first session of "
                          "the General Assembly", "2025-11-16"),
]


@pytest.mark.parametrize(("name", "title", "date"), COMMITTED, ids=[r[0] for r in COMMITTED])
def test_committed_first_pages(name: str, title: str, date: str) -> None:
    doc = extract_pdf(POOL / name)
    assert (doc.title, doc.date) == (title, date)


def test_resolution_keeps_its_issue_date_and_number_apart() -> None:
    doc = extract_pdf(POOL / "A-RES-80-2.en.pdf")
    assert doc.symbol == "A/RES/80/2"
    assert doc.issued == "2025-10-15"


def test_sponsors_line_is_metadata() -> None:
    doc = extract_pdf(POOL / "A-C.1-80-L.39.en.pdf")
    assert doc.sponsors == "Canada, Germany and Netherlands (Kingdom of the)"


@pytest.mark.skipif(not SESSION.is_dir(), reason="the session's pool of PDFs is not on this machine")
@pytest.mark.parametrize(("name", "title", "date"), FROM_POOL, ids=[r[0] for r in FROM_POOL])
def test_pool_first_pages(name: str, title: str, date: str) -> None:
    doc = extract_pdf(SESSION / name)
    assert (doc.title, doc.date) == (title, date)


# --- the rules on hand-made records ----------------------------------------------------------

def _line(text: str, top: float, size: float = 10.0, x1: float = 440.0) -> Line:
    return Line(1, text, 123.0, x1, top, top + size, size, True, (), (text,))


def test_title_lines_in_larger_type_at_their_own_leading_are_one_heading() -> None:
    col = Column(123.0, 488.0, 10.0, 60.0)
    body = [Line(1, "Recalling its resolution 79/1 and all its other resolutions on the", 123.0, 488.0,
                 400.0 + 11.6 * i, 410.0 + 11.6 * i, 10.0, False, (), ("x",)) for i in range(6)]
    # 12 pt title lines 13.5 pt apart (A/80/L.1); two 10 pt headings 13.5 pt apart are two.
    title = [_line("Endorsement of the New York Declaration on the Peaceful", 300.0, 12.0),
             _line("Settlement of the Question of Palestine and the", 313.5, 12.0)]
    small = [_line("Eightieth session", 200.0), _line("Question of Palestine", 213.5)]
    blocks = segment(small + title + body, col)
    assert [len(b.lines) for b in blocks if b.kind == "heading"] == [1, 1, 2]


def _front(texts: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    blocks = [Block(kind, [t], i + 1, i + 1) for i, (kind, t) in enumerate(texts)]
    front, _ = read_front(blocks, Inline)
    return front.title, front.sponsors


def test_a_bold_sponsors_line_is_not_the_title() -> None:
    assert _front([("bold", "Canada and Germany: draft decision"), ("heading", "Treaty banning fissile material"),
                   ("text", "The General Assembly, recalling its resolution 78/28, decides to include the item.")]) \
        == ("Treaty banning fissile material", "Canada and Germany")
    assert _front([("bold", "Draft decision submitted by the President of the General Assembly"),
                   ("bold", "United Nations Pledging Conference"),
                   ("text", "The General Assembly decides to convene the Conference.")])[0] \
        == "United Nations Pledging Conference"


def test_a_bold_resolution_number_line_gives_the_title_without_the_number() -> None:
    assert _front([("bold", "80/2. Scale of assessments"), ("text", "The General Assembly,"),
                   ("text", "Having considered the report,")])[0] == "Scale of assessments"


def test_a_lone_date_outside_a_resolution_is_no_adoption_date() -> None:
    def doc(tail: list[str]) -> str | None:
        blocks = [Block("text", ["26 September 2025"], 1, 1), Block("text", ["1. The annex lists the documents."], 2, 2),
                  Block("text", tail, 3, 3 + len(tail))]
        return build_document(blocks, Inline, Source("x.pdf", "pdf"), keep_stray=True, metadata=True).date

    assert doc(["31 December 2024"]) == "2025-09-26"
    # With the meeting line above it, it closes the document: the adoption date.
    assert doc(["3rd plenary meeting", "9 September 2025"]) == "2025-09-09"


def test_a_draft_without_its_own_title_takes_the_adopted_texts() -> None:
    title = _front([("heading", "Draft resolution submitted by the President of the General Assembly"),
                    ("text", "The General Assembly"),
                    ("text", "Adopts the following outcome document of the high-level meeting:"),
                    ("heading", "Outcome document of the high-level meeting"),
                    ("text", "We, the Ministers, reaffirm our commitment."), ("text", "1. We recognize the work.")])[0]
    assert title == "Outcome document of the high-level meeting"
