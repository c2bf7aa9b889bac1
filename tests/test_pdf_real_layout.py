"""Layout analysis on what official UN PDFs have (issue 10): text never left out, typed
footnote separators, star footnotes, running headers of several title lines, the closing
block and the masthead date as metadata, one-line clauses, scans.

Small hand-made cases first (each fails if its fix is undone), then the official PDFs of
``tests/pdfs/real/`` (provenance in ``PROVENANCE.tsv``). Expected values come from reading the
rendered pages (``pdftoppm``) and ``pdftotext``, not from the extractor.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lineage.errors import PdfError, ScannedPdfError
from lineage.model.document import Source
from lineage.read import masthead as mh
from lineage.read.assemble import build_document
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.analyse import PageLines, analyse_pages
from lineage.read.pdf.blocks import Column, segment
from lineage.read.pdf.footnotes import parse_footnotes
from lineage.read.pdf.furniture import find_furniture
from lineage.read.pdf.records import Line, Mark
from lineage.read.textjoin import Block, Inline
from lineage.script.lines import line_separator

REAL = Path(__file__).parent / "pdfs" / "real"


def mk(page: int, text: str, top: float, size: float = 10.0, x0: float = 123.0, x1: float = 488.0,
       pieces: tuple[str, ...] | None = None, marks: tuple[Mark, ...] = (), bold: bool = False) -> Line:
    return Line(page, text, x0, x1, top, top + size, size, bold, marks, pieces or (text,))


# --- never leave text out -----------------------------------------------------------------------

def _doc(blocks: list[tuple[str, str]], keep: bool):
    bs = [Block(kind, [text], i + 1, i + 1) for i, (kind, text) in enumerate(blocks)]
    return build_document(bs, lambda s: Inline(s), Source("x.pdf", "pdf"), keep_stray=keep, metadata=keep)


def test_sub_items_after_a_misread_heading_stay_in_their_paragraph() -> None:
    # A/RES/80/1: op 1 (a) ends a page with ";", a line the layout misread as a heading
    # follows, then (b) and (c) on the next page: they are op 1's, in any reader.
    blocks = [("text", "1. Decides that:"), ("text", "(a) The first;"), ("heading", "_____"),
              ("text", "(b) The second;"), ("text", "(c) The third;"), ("text", "2. Also decides.")]
    for keep in (False, True):
        doc = _doc(blocks, keep)
        assert doc.paragraph("1").text == "Decides that:\n(a) The first;\n(b) The second;\n(c) The third;"
        assert not [w for w in doc.warnings if w.code == "stray-text"]


def test_unplaceable_text_is_kept_with_a_warning_in_the_pdf_route() -> None:
    blocks = [("text", "1. Decides to act."), ("heading", "Follow-up"),
              ("text", "In order to ensure adequate follow-up, we:"), ("text", "2. Request a report.")]
    kept = _doc(blocks, keep=True)
    assert "In order to ensure adequate follow-up, we:" in kept.paragraph("1").text
    assert [w.code for w in kept.warnings] == ["stray-text"]
    assert "kept in paragraph 1" in kept.warnings[0].message
    # The text readers leave an annex out, as before (docs/readers.md).
    dropped = _doc(blocks, keep=False)
    assert "follow-up, we" not in dropped.paragraph("1").text
    assert "left out" in dropped.warnings[0].message


def test_text_after_the_closing_lines_is_kept_in_the_pdf_route() -> None:
    blocks = [("text", "1. Decides to act."), ("text", "68th plenary meeting"),
              ("text", "Annex text without a number.")]
    doc = _doc(blocks, keep=True)
    assert doc.paragraph("1").text.endswith("Annex text without a number.")
    assert doc.meeting == "68th plenary meeting"
    assert "after the closing lines" in doc.warnings[0].message


# --- footnote separator typed as text, star footnotes -------------------------------------------

def test_a_typed_separator_line_is_a_rule_not_a_heading() -> None:
    lines = [
        mk(1, "Recalling its resolution 72/249, in which it decided to convene a conference", 600),
        mk(1, "on the conservation of marine biological diversity", 612),
        mk(1, "_______________", 650, 9.0, x0=99.6, x1=167.1, bold=True),
        mk(1, "Any changes to the list of sponsors will be reflected in the record.", 665, 8.5, x0=117),
        mk(1, "United Nations, Treaty Series, vol. 1833, No. 31363.", 676, 8.5, x0=117, marks=(Mark("1", 0),)),
    ]
    lines[3] = mk(1, "* Any changes to the list of sponsors will be reflected in the record.", 665, 8.5, x0=117)
    a = analyse_pages([PageLines(1, 792.0, lines)])
    assert [b.kind for b in a.blocks] == ["text"]
    assert all("___" not in ln.text for b in a.blocks for ln in b.lines)
    assert [(f.number, f.builder.text) for f in a.footnotes] == [
        ("*", "Any changes to the list of sponsors will be reflected in the record."),
        ("1", "United Nations, Treaty Series, vol. 1833, No. 31363.")]


def test_star_footnotes_are_numbered_by_their_asterisks() -> None:
    started, _ = parse_footnotes([mk(1, "* On behalf of the Group of 77 and China.", 700, 8.5),
                                  mk(1, "** Reissued for technical reasons.", 710, 8.5)], None, set())
    assert [f.number for f in started] == ["*", "**"]


def test_star_footnote_of_a_one_page_draft_is_no_footer() -> None:
    page = [mk(1, "1. Replace the title.", 400), mk(1, "2. Delete paragraph 5.", 412),
            mk(1, "* Any changes to the list of sponsors will be reflected in the record.", 715, 8.5),
            mk(1, "25-20156 (E) 091225", 740, 10.0, pieces=("25-20156 (E)", "091225")),
            mk(1, "*2520156*", 750, 12.0)]
    hit = find_furniture([page], [792.0])[0]
    # Before, the gap above made the note a footer and it was dropped; then the job number
    # under it stayed in the text (A/80/L.37).
    assert {page[i].text for i in hit} == {"25-20156 (E) 091225", "*2520156*"}


# --- running header of several title lines ------------------------------------------------------

def test_a_running_title_of_four_lines_over_the_symbol_is_furniture() -> None:
    pages = []
    for n in range(1, 7):
        lines = []
        if n > 1:
            title = ["Sustainable fisheries, including through the 1995 Agreement for the",
                     "Implementation of the Provisions of the United Nations Convention on the Law of",
                     "the Sea of 10 December 1982 relating to the Conservation and Management of"]
            lines += [mk(n, t, 23 + 9.7 * k, 8.5, bold=True) for k, t in enumerate(title)]
            lines.append(mk(n, "A/RES/80/109 Straddling Fish Stocks and related instruments", 52, 8.5, bold=True,
                            pieces=("A/RES/80/109", "Straddling Fish Stocks and related instruments")))
        words = ["oceans", "fisheries", "stocks", "vessels", "States", "science", "capacity"]
        lines += [mk(n, f"the {words[n]} and the {words[n - 1]} in the text of the page", 78),
                  mk(n, f"more about {words[n]}", 90)]
        lines.append(mk(n, f"{n}/6 25-20235", 748, 7.0, pieces=(f"{n}/6", "25-20235")))
        pages.append(lines)
    hits = find_furniture(pages, [792.0] * 6)
    for lines, hit in zip(pages[1:], hits[1:]):
        assert [lines[i].text[:12] for i in sorted(hit)] == [
            "Sustainable ", "Implementati", "the Sea of 1", "A/RES/80/109", lines[-1].text[:12]]


# --- headings, quotes, dates --------------------------------------------------------------------

def test_a_one_line_clause_near_the_middle_is_no_centred_heading() -> None:
    col = Column(left=123.1, right=488.0, size=10.0, outer=60.0)
    lines = [mk(3, "Stressing the importance of regional ties for the development of a small island", 384,
                x0=146.9),
             mk(3, "Territory,", 396, x1=163.2),
             mk(3, "Recalling the general election that was held in October 2021,", 414, x0=146.9, x1=413.9),
             mk(3, "Recalling also the introduction of a ministerial system of government on the", 432,
                x0=146.9)]
    assert [b.kind for b in segment(lines, col)] == ["text", "text", "text"]


def test_curly_quotes_at_a_line_break_follow_the_script_beside_them() -> None:
    assert line_separator("resolution 70/1, entitled", "“Transforming our world”") == " "
    assert line_separator("“Transforming our world”", "and") == " "
    assert line_separator("题为", "“变革我们的世界”") == ""


def test_the_adoption_date_comes_from_the_heading_line_only() -> None:
    assert mh.parse_adoption_date(
        "including the first resolution adopted by the General Assembly on 24 January 1946,") is None
    assert mh.parse_adoption_date("Resolution adopted by the General Assembly on 15 December 2025") == "2025-12-15"


# --- the official PDFs --------------------------------------------------------------------------

def test_the_scan_is_refused_with_one_typed_error() -> None:
    with pytest.raises(ScannedPdfError) as exc:
        extract_pdf(REAL / "A-L.632.en.scan.pdf")
    assert isinstance(exc.value, PdfError)
    assert "scan" in str(exc.value) and "OCR" in str(exc.value)
    assert "ocrmypdf" not in str(exc.value)  # it has OCR already: that advice would mislead


def test_the_cli_refuses_the_scan_with_exit_2_and_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    r = subprocess.run([sys.executable, "-c", "import sys; from lineage.cli.main import main; sys.exit(main())",
                        "extract", str(REAL / "A-L.632.en.scan.pdf"), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "a scan" in r.stderr
    assert not out.exists()


def test_res_80_155_metadata_masthead_adoption_and_meeting() -> None:
    doc = extract_pdf(REAL / "A-RES-80-155.en.pdf")
    # Masthead "18 December 2025"; "Resolution adopted by the General Assembly on 15 December
    # 2025"; closing "64th plenary meeting / 15 December 2025" (page 4).
    assert (doc.date, doc.issued, doc.meeting) == ("2025-12-15", "2025-12-18", "64th plenary meeting")
    assert not doc.warnings


def test_res_80_5_closing_block_before_the_annex_is_metadata() -> None:
    doc = extract_pdf(REAL / "A-RES-80-5.en.pdf")
    # Page 1: one adopting paragraph, then "28th plenary meeting", then the annexed
    # declaration (paragraphs 1-44). The adopting paragraph is metadata too (issue 10, item 4;
    # it was read as pp1 before): the declaration has no preamble.
    assert [p.id for p in doc.preamble] == []
    assert doc.formula and doc.formula.startswith("Adopts the Doha Political Declaration")
    assert doc.meeting == "28th plenary meeting" and doc.date == "2025-11-04"
    assert [p.id for p in doc.paragraphs] == [str(n) for n in range(1, 45)]


def test_l13_star_footnote_and_paragraph_cut_by_the_footnotes() -> None:
    doc = extract_pdf(REAL / "A-80-L.13.en.pdf")
    # pp1 runs from page 1 ("Recalling its resolution 72/249") to page 2 ("... of the
    # conference,"), under the typed separator and the sponsors' star footnote.
    assert len(doc.preamble) == 6
    assert doc.preamble[0].text.startswith("Recalling its resolution 72/249 of 24 December 2017")
    assert doc.preamble[0].text.endswith("convening of sessions of the conference,")
    assert doc.preamble[0].pages == [1, 2]
    assert doc.footnote("*").text == "Any changes to the list of sponsors will be reflected in the official record of the meeting."
    assert [h.text for h in doc.headings] == []
    assert doc.sponsors and doc.sponsors.startswith("Albania, Antigua and Barbuda") and doc.sponsors.endswith("Zambia")
    assert [p.id for p in doc.paragraphs] == [str(n) for n in range(1, 13)]


@pytest.mark.slow
def test_res_80_109_paragraph_across_a_page_under_a_four_line_running_header() -> None:
    doc = extract_pdf(REAL / "A-RES-80-109.en.pdf")
    pp3 = doc.paragraph("pp3")
    assert pp3.text.startswith("Welcoming ratifications of and accessions to the Agreement")
    assert "have taken measures, as appropriate, towards the implementation of the provisions" in pp3.text
    assert pp3.pages == [1, 2]
    assert not any(h.text.startswith(("A/RES/80/109", "Sustainable fisheries, including")) for h in doc.headings)
    assert not [w for w in doc.warnings if w.code == "stray-text"]


def test_paragraphs_past_999_are_read_and_a_year_is_no_number() -> None:
    blocks = [("text", "998. Notes a."), ("text", "999. Notes b."), ("text", "1000. Notes c."),
              ("text", "1001. Notes d, for"), ("text", "2030. and beyond."), ("text", "1002. Notes e.")]
    doc = _doc(blocks, keep=True)
    assert [p.id for p in doc.paragraphs] == ["998", "999", "1000", "1001", "1002"]
    assert doc.paragraph("1001").text == "Notes d, for 2030. and beyond."


def test_the_end_of_a_footnote_at_the_foot_of_a_page_is_no_page_mark() -> None:
    # A/C.2/80/L.17 page 1: footnote 2 ends "2023/3 and 2024/13." just above the job number;
    # the page marks ``2/18``, ``3/18`` ... must not make it furniture by beginning its shape.
    pages = []
    for n in range(1, 6):
        lines = [mk(n, f"body line {'abcde'[n - 1]}", 400),
                 mk(n, "Economic and Social Council resolutions 2006/46, 2008/3", 704, 8.5, marks=(Mark("2", 0),)),
                 mk(n, "2023/3 and 2024/13.", 725, 8.5) if n == 1 else mk(n, "See also the report.", 725, 8.5),
                 mk(n, f"{n}/5 25-16621", 748, 7.0, pieces=(f"{n}/5", "25-16621"))]
        pages.append(lines)
    hits = find_furniture(pages, [792.0] * 5)
    assert 2 not in hits[0] and 3 in hits[0]


def test_a_footnote_line_starting_with_a_number_continues_it() -> None:
    # A/C.2/80/L.47 footnote 16 goes on "17 March 2022, and Doha, 5–9 March 2023"; A/C.2/80/L.40
    # footnote 2 goes on "3–14 June 1992": neither starts footnote 17 or 3.
    lines = [mk(1, "Report of the Fifth Conference, Doha, 23 January 2022 and", 700, 8.5, marks=(Mark("16", 0),)),
             mk(1, "17 March 2022, and Doha, 5–9 March 2023.", 710, 8.5),
             mk(1, "Resolution 78/317, annex.", 720, 8.5, marks=(Mark("17", 0),)),
             mk(1, "Report of the Conference on Environment, Rio de Janeiro,", 730, 8.5, marks=(Mark("18", 0),)),
             mk(1, "19–14 June 1992.", 740, 8.5)]
    started, _ = parse_footnotes(lines, None, set())
    assert [f.number for f in started] == ["16", "17", "18"]
    assert started[0].builder.text.endswith("and 17 March 2022, and Doha, 5–9 March 2023.")


def test_annex_over_the_annexed_title_is_a_heading_of_its_own() -> None:
    # A/RES/80/117 prints "Annex" and the declaration's title one line apart, A/80/L.34 further
    # apart: both must give the same two headings.
    col = Column(left=123.1, right=488.0, size=10.0, outer=60.0)
    for step in (12.0, 24.0):
        lines = [mk(1, "Annex", 100, bold=True, x0=123.1, x1=150.0),
                 mk(1, "Political declaration of the fourth high-level meeting", 100 + step, bold=True),
                 mk(1, "We, Heads of State and Government, assembled at the United Nations,", 100 + step + 20)]
        assert [[ln.text for ln in b.lines] for b in segment(lines, col)][:2] == [
            ["Annex"], ["Political declaration of the fourth high-level meeting"]]


def test_res_80_173_english_structure_and_metadata() -> None:
    # The WSIS+20 outcome in English (20 pages): 8 preambular and 127 operative paragraphs,
    # 12 footnotes; the formula "Adopts the following outcome document ...:" is metadata and
    # the outcome document's title a heading; masthead 19 December, adopted 17 December, 68th
    # plenary meeting (page 20).
    doc = extract_pdf(REAL / "A-RES-80-173.en.pdf")
    assert len(doc.preamble) == 8
    assert [p.id for p in doc.paragraphs] == [str(n) for n in range(1, 128)]
    assert [f.number for f in doc.footnotes] == [str(n) for n in range(1, 13)]
    assert doc.formula and doc.formula.startswith("Adopts the following outcome document") and doc.formula.endswith(":")
    assert doc.headings[0].text.startswith("Outcome document of the high-level meeting") and doc.headings[0].before == "pp1"
    assert (doc.issued, doc.date, doc.meeting) == ("2025-12-19", "2025-12-17", "68th plenary meeting")
    # Paragraphs 100 and above: the number and one space, then the text.
    assert doc.paragraph("100").text.startswith("We call upon the Forum to report on outcomes")
    assert all(not p.text[:1].isspace() and "  " not in p.text for p in doc.all_paragraphs())
    assert not doc.warnings


def test_job_number_under_numbered_footnotes_of_a_one_page_draft_is_furniture() -> None:
    # A/C.3/80/L.24: separator, star note (two lines), footnote 1 (two lines), job number,
    # barcode; the job number is larger than the footnote line above it and close to it.
    body = [mk(1, "Recalling its resolutions on the organization of the work of the Third Committee and on", 500 + 12 * k)
            for k in range(6)]
    page = [*body, mk(1, "2. Encourages Member States to streamline requests.", 571),
            mk(1, "_______________", 680, 8.0, x0=99.6, x1=171.7, bold=True),
            mk(1, "* On behalf of the States Members of the United Nations that are members of the Group of", 694, 8.5),
            mk(1, "African States.", 704.8, 8.5),
            mk(1, "Official Records of the General Assembly, Eightieth Session, Supplement No. 53", 715, 8.5,
               marks=(Mark("1", 0),)),
            mk(1, "ibid., Supplement No. 53A (A/80/53/Add.1).", 725.8, 8.5),
            mk(1, "25-17595 (E) 071125", 739.8, 10.0, pieces=("25-17595 (E)", "071125")),
            mk(1, "*2517595*", 750.2, 12.0)]
    a = analyse_pages([PageLines(1, 792.0, page)])
    assert [f.number for f in a.footnotes] == ["*", "1"]
    assert a.footnotes[0].builder.text.endswith("members of the Group of African States.")
    assert all(b.kind == "text" for b in a.blocks)
    assert not any("25-17595" in ln.text for b in a.blocks for ln in b.lines)


def test_two_raised_numbers_with_a_comma_are_two_marks() -> None:
    # A/80/L.18: "in a single conflict,10,11" with "10,11" raised: footnotes 10 and 11.
    from lineage.read.pdf.lines import build_line
    from lineage.read.pdf.records import Char

    chars, x = [], 72.0
    for ch in "conflict,":
        chars.append(Char(ch, x, x + 5, 100.0, 112.0, 12.0, "Times"))
        x += 5
    for ch in "10,11":
        chars.append(Char(ch, x, x + 3.5, 96.0, 104.0, 7.0, "Times"))
        x += 3.5
    chars.append(Char(" ", x, x + 3, 100.0, 112.0, 12.0, "Times"))
    x += 3
    for ch in "and":
        chars.append(Char(ch, x, x + 5, 100.0, 112.0, 12.0, "Times"))
        x += 5
    line = build_line(chars, 1)
    assert line.text == "conflict, and"
    assert line.marks == (Mark("10", 9), Mark("11", 9))
