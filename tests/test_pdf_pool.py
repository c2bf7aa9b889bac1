"""What the gold-free check over the session's 543 PDFs found (benchmarks/pool_check.py,
issue 10), each fix on hand-made records and on a real page.

The real pages are the two organization-of-work notes in ``tests/pdfs/real/pool/``
(provenance in its ``PROVENANCE.tsv``): a timetable annexed to three pages of paragraphs.
Expected values come from poppler's ``pdftotext`` of those PDFs and from the rendered pages
(``pdftoppm -r 60``), read by eye (pdftotext's ``Thir d`` and ``discussio ns`` are one word
on the page), never from the extractor.
"""
from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from lineage.model.document import Document, FootnoteRef, Heading, Source
from lineage.read.assemble import build_document
from lineage.read.pdf import extract_pdf
from lineage.read.pdf.blocks import Column, measure_column, segment
from lineage.read.pdf.footnotes import split_footnote_area
from lineage.read.pdf.furniture import find_furniture
from lineage.read.pdf.records import Line, Mark, Rule
from lineage.read.textjoin import Block, Inline

POOL = Path(__file__).parent / "pdfs" / "real" / "pool"


def mk(page: int, text: str, top: float, x0: float = 123.0, x1: float = 488.0, size: float = 10.0,
       bold: bool = False, pieces: tuple[str, ...] | None = None) -> Line:
    return Line(page, text, x0, x1, top, top + size, size, bold, (), pieces or (text,))


def _doc(blocks: list[tuple[str, str]], keep: bool, refs: dict[str, list[FootnoteRef]] | None = None) -> Document:
    bs = [Block(kind, [text], i + 1, i + 1, number=number)
          for i, (kind, text, number) in enumerate((k, t, t.split(" ", 1)[0] if k == "footnote" else None)
                                                   for k, t in blocks)]
    refs = refs or {}

    def clean(s: str) -> Inline:
        return Inline(s, list(refs.get(s, [])))

    return build_document(bs, clean, Source("x.pdf", "pdf"), keep_stray=keep, metadata=keep)


# --- a timetable's repeated rows are text, each row a line -------------------------------------

_TIMETABLE = [("text", "1. The programme of work is annexed."), ("heading", "Annex"),
              ("heading", "Monday, 6 October"), ("text", "10 a.m.–1 p.m."), ("text", "General debate (continued)"),
              ("heading", "Tuesday, 7 October"), ("text", "10 a.m.–1 p.m."), ("text", "General debate (continued)"),
              ("heading", "Wednesday, 8 October"), ("text", "10 a.m.–1 p.m."), ("text", "General debate (continued)")]


def test_repeated_short_blocks_are_kept_in_the_pdf_route_each_on_its_own_line() -> None:
    doc = _doc(_TIMETABLE, keep=True)
    assert doc.paragraph("1").text == (
        "The programme of work is annexed.\n"
        + "\n".join(["10 a.m.–1 p.m.", "General debate (continued)"] * 3))
    assert {w.code for w in doc.warnings} == {"stray-text"}
    # The text readers still drop a short line repeated three times as page furniture and
    # leave an annex out (docs/readers.md).
    text_route = _doc(_TIMETABLE, keep=False)
    assert text_route.paragraph("1").text == "The programme of work is annexed."


def test_a_footnote_mark_in_a_heading_is_kept_and_references_its_note() -> None:
    blocks = [("text", "1. Decides to hold a dialogue."), ("heading", "Dialogue with the Executive Secretaries"),
              ("text", "2. Requests a report."), ("footnote", "3 A concept note will be made available.")]
    doc = _doc(blocks, keep=True, refs={"Dialogue with the Executive Secretaries": [FootnoteRef("3", 39)]})
    assert doc.headings[0].footnote_refs == [FootnoteRef("3", 39)]
    assert not [w for w in doc.warnings if w.code == "footnote-unreferenced"]
    # In the JSON only when present, and read back.
    d = doc.headings[0].to_dict()
    assert d["footnote_refs"] == [{"number": "3", "offset": 39}]
    assert Heading.from_dict(d) == doc.headings[0]
    assert "footnote_refs" not in Heading("Annex", "1").to_dict()


# --- the column is where the justified prose is ---------------------------------------------------

def _note_with_a_timetable() -> list[Line]:
    lines: list[Line] = []
    for page in (1, 2, 3):  # paragraphs: justified lines from 123 to 488, the last one short
        for k in range(30):
            lines.append(mk(page, f"justified line {k} of the note's paragraphs on page {page}", 80 + 12 * k,
                            x1=488.0 if k % 6 != 5 else 300.0))
    for page in range(4, 11):  # a timetable: dates and times at the page margin, cells ragged
        for k in range(12):
            top = 80 + 48 * k
            lines.append(mk(page, f"Day {k}, October", top, x0=60.0, x1=130.0 + 4 * k, bold=True))
            lines.append(mk(page, "10 a.m. General debate (continued)", top + 12, x0=60.0, x1=350.0 + 7 * k,
                            pieces=("10 a.m.", "General debate (continued)")))
            lines.append(mk(page, f"Item {k} of the agenda and its sub-items", top + 24, x0=243.0, x1=400.0 + 5 * k))
    return lines


def test_the_column_is_measured_on_the_justified_prose_not_on_a_table() -> None:
    lines = _note_with_a_timetable()
    col = measure_column(lines)
    assert abs(col.left - 123.0) < 1 and abs(col.right - 488.0) < 1
    prose = [ln for ln in lines if ln.page <= 3]
    # Before, the column was the table's (60-532 in A/C.3/80/L.1) and the justified lines
    # stood in its middle: read as centred headings.
    assert all(b.kind == "text" for b in segment(prose, col))


# --- the real notes -----------------------------------------------------------------------------


@functools.cache
def _real(name: str) -> Document:
    return extract_pdf(POOL / name)


def _all_text(doc: Document) -> str:
    return "\n".join([p.text for p in doc.all_paragraphs()] + [h.text for h in doc.headings])


def test_c2_l1_timetable_rows_are_all_kept() -> None:
    doc = _real("A-C.2-80-L.1.en.pdf")
    text = _all_text(doc)
    # pdftotext of the PDF prints these so many times (the rendered pages agree).
    for row, times in [("10 a.m.–1 p.m.", 12), ("3–6 p.m.", 9), ("General debate (continued)", 2),
                       ("General debate (concluded)", 1)]:
        assert text.count(row) == times, row
    lines = doc.paragraph("13").text.split("\n")
    assert lines[0].startswith("Bearing in mind the number of meetings available to the Second Committee")
    # Page 4 of the PDF, Monday 6 October: each row on its own line.
    at = lines.index("Keynote address")
    assert lines[at - 1: at + 4] == ["10 a.m.–1 p.m.", "Keynote address", "Opening of the general debate",
                                     "3–6 p.m.", "General debate (continued)"]


def test_c2_l1_footnote_mark_in_a_bold_line_of_the_timetable() -> None:
    doc = _real("A-C.2-80-L.1.en.pdf")
    heading = next(h for h in doc.headings if h.text.startswith("Dialogue with the Executive Secretaries"))
    assert heading.text == "Dialogue with the Executive Secretaries of the regional commissions"
    assert heading.footnote_refs == [FootnoteRef("3", len(heading.text))]
    assert next(f for f in doc.footnotes if f.number == "3").text == (
        "A concept note will be made available on the iGov portal.")
    assert not [w for w in doc.warnings if w.code == "footnote-unreferenced"]


def test_c3_l1_paragraphs_are_not_read_as_centred_headings() -> None:
    doc = _real("A-C.3-80-L.1.en.pdf")
    assert [p.id for p in doc.paragraphs] == [str(n) for n in range(1, 16)]
    assert doc.paragraph("2").text == (
        "The draft programme of work (see annex) has been prepared bearing in mind paragraph (b) of rule 99 of "
        "the rules of procedure of the General Assembly, Assembly decision 79/540 on the programme of work of the "
        "Third Committee for the eightieth session, the provisional agenda of the eightieth session (A/80/150) and "
        "relevant resolutions and decisions adopted by the Assembly on the rationalization of its work and that of "
        "the Committee, as well as past experience in the utilization of conference services. The modalities on "
        "the arrangements for the work of the Third Committee at the eightieth session have been revised pursuant "
        "to the proposal submitted by the Bureau, taking into account the continued limitations arising from the "
        "liquidity crisis. These arrangements are exceptional and will not constitute a precedent for the "
        "programme of work of the eighty-first or any future session, irrespective of meeting entitlements or "
        "liquidity constraints. The Bureau remains committed to exploring all options thoroughly and to restore "
        "the traditional format of general discussions on individual items or clusters, alongside interactive "
        "dialogues, in its recommendation for the programme of work of the eighty-first session.")
    # The bold headings of pages 1-3 (rendered pages, pdftotext), each before its paragraph.
    assert [(h.before, h.text) for h in doc.headings if h.before in {str(n) for n in range(1, 16)}] == [
        ("1", "Note by the Secretariat"), ("1", "Allocation of items"), ("2", "Programme of work"),
        ("3", "Question time and interactive dialogues"), ("4", "General debate"),
        ("5", "Statements by delegations"), ("8", "List of documents"),
        ("9", "Conference facilities and meeting arrangements"),
        ("10", "Deadlines and sponsorship of draft resolutions and proposals"),
        ("12", "Introduction of draft resolutions"), ("13", "Report of the Economic and Social Council"),
        ("14", "Report of the Human Rights Council"), ("15", "Conclusion of the work of the Committee")]


def test_c3_l1_timetable_rows_are_all_kept() -> None:
    text = _all_text(_real("A-C.3-80-L.1.en.pdf"))
    for row, times in [("10 a.m. and 3 p.m.", 15), ("General debate (continued)", 4),
                       ("Introductory statements and interactive dialogue on:", 4), ("No formal meeting", 14)]:
        assert text.count(row) == times, row


# --- a bold block after the text is a heading, not the title ---------------------------------------

def test_a_bold_block_after_free_text_is_a_heading_and_nothing_before_it_is_lost() -> None:
    blocks = [("text", "Draft decision submitted by the Chair of the Committee"),
              ("bold", "Draft programme of work of the Committee"),
              ("text", "The General Assembly approves the draft programme of work set out below."),
              ("heading", "Draft programme of work"), ("text", "Item 1. Social development."),
              ("bold", "Declaration and Programme of Action."), ("text", "Item 2. Programme planning.")]
    bs = [Block(kind, [text], i + 1, i + 1) for i, (kind, text) in enumerate(blocks)]
    for keep in (False, True):
        doc = build_document(bs, lambda s: Inline(s), Source("x.pdf", "pdf"), keep_stray=keep, metadata=keep)
        # Before, the last bold block was taken for the title and every block before it left out.
        assert doc.title == "Draft programme of work of the Committee"
        assert [p.text for p in doc.preamble] == [
            "The General Assembly approves the draft programme of work set out below.",
            "Item 1. Social development.", "Item 2. Programme planning."]
        assert [h.text for h in doc.headings] == ["Draft programme of work", "Declaration and Programme of Action."]


def test_c3_l60_a_draft_decision_without_numbers_keeps_its_text() -> None:
    doc = _real("A-C.3-80-L.60.en.pdf")
    assert doc.title == ("Draft programme of work of the Third Committee for the eighty-first session of the "
                         "General Assembly")
    text = "\n".join(p.text for p in doc.all_paragraphs())
    assert doc.preamble[0].text == (
        "The General Assembly approves, subject to any subsequent decision by the Assembly, the draft programme of "
        "work of the Third Committee for the eighty-first session of the Assembly as set out below. The Assembly "
        "further invites the Bureau of the Third Committee at the eighty-first session, in preparing the draft "
        "programme of work and timetable of the Committee for the eighty-first session, to take into account the "
        "draft provisional programme of work and timetable of the Committee as contained in document "
        "A/C.3/80/CRP.2.")
    # The thirteen items of the list (pdftotext; pages 1-2), in order.
    at = [text.find(f"Item {n}. ") for n in range(1, 14)]
    assert -1 not in at and at == sorted(at)


# --- a table in small type at the foot of a page is neither footer nor footnotes ------------------

def _budget_page(page: int, rows: list[tuple[str, ...]]) -> list[Line]:
    lines = [mk(page, f"text of page {page} before the table: " + "words " * page, 400 + page)]
    top = 622.0
    for row in rows:
        lines.append(mk(page, " ".join(row), top, x1=552.0, size=8.5, pieces=row))
        top += 20
    mark = f"{page}/5 25-21164" if page % 2 == 0 else f"25-21164 {page}/5"
    lines.append(mk(page, mark, 748, size=7.0, pieces=tuple(mark.split(" "))))
    return lines


def test_budget_rows_at_the_foot_of_pages_are_no_furniture_and_no_footnotes() -> None:
    # A/C.5/80/L.6, pages 1-2: the table runs to the foot of the page, its last rows in the
    # bottom band; each ends with an amount, as the page mark repeats there.
    pages = [
        _budget_page(1, [("7", "International Court of Justice", "39 381 400"), ("8", "Legal affairs", "62 281 400"),
                         ("Subtotal, part III", "101 662 800"), ("9", "Economic and social affairs", "94 409 800"),
                         ("Subtotal, part IV", "287 350 400"), ("29F", "Administration, Vienna", "21 790 300")]),
        _budget_page(2, [("29E", "Administration, Geneva", "82 287 600"), ("Subtotal, part VIII", "343 744 500"),
                         ("Part IX. Internal oversight",), ("30", "Internal oversight", "23 665 200"),
                         ("Subtotal, part IX", "23 665 200"), ("31", "Jointly financed activities", "9 116 700")]),
        _budget_page(3, [("Total", "312 115 000")]), _budget_page(4, []), _budget_page(5, []),
    ]
    hits = find_furniture(pages, [792.0] * 5)
    for lines, hit in zip(pages, hits):
        # Only the page mark with the job number (before: the rows ending in an amount and
        # those starting with a bare number too).
        assert [lines[i].text for i in sorted(hit)] == [lines[-1].text]
    body = [ln for ln in pages[0] if ln.size != 7.0]
    # No separator rule on the page: the trailing small lines start with a number, but they are
    # rows of three pieces, not footnotes.
    assert split_footnote_area(body, (), 10.0, 123.0, 488.0) == len(body)
    # A row border drawn a stroke per cell: its middle stroke alone (141-486 pt) would pass
    # for Word's full-width continuation separator over the small rows under it.
    border = (Rule(123.4, 141.0, 666.8, 667.3), Rule(141.4, 486.3, 666.8, 667.3), Rule(486.8, 552.5, 666.8, 667.3))
    assert split_footnote_area(body, border, 10.0, 123.0, 488.0) == len(body)


def test_c5_l6_the_whole_budget_table_is_kept() -> None:
    doc = _real("A-C.5-80-L.6.en.pdf")
    text = _all_text(doc)
    # The last rows of pages 1 and 2 (pdftotext -layout, rendered pages).
    for row in ["Subtotal, part III 101 662 800", "30 Internal oversight 23 665 200", "Subtotal, part IX 23 665 200",
                "7 International Court of Justice 39 381 400", "8 Legal affairs 62 281 400"]:
        assert row in text, row
    assert [f.number for f in doc.footnotes if not f.number.isdigit() or int(f.number) > 6] == []


# --- a one-page resolution's footnote ending above the bottom band -------------------------------

def test_one_page_footnote_above_the_band_and_the_job_number_under_it() -> None:
    page = [mk(1, "Having considered the recommendations contained in the report of the Council,", 565),
            mk(1, "Takes note of the report of the Human Rights Council.", 577),
            mk(1, "62nd plenary meeting", 601, x0=380.0), mk(1, "15 December 2025", 613, x0=390.0),
            Line(1, "Official Records of the General Assembly, Eightieth Session, Supplement No. 53; and", 123, 488,
                 686, 695, 8.5, False, (Mark("1", 0),), ("Official Records ...",)),
            mk(1, "ibid., Supplement No. 53A (A/80/53/Add.1).", 697, size=8.0),
            mk(1, "25-20887 (E)", 741), mk(1, "*2520887*", 753, size=12.0)]
    hit = find_furniture([page], [792.0])[0]
    # Before, the job number (larger than the note above it) was skipped and stayed a line
    # of the page: the footnote area then held a body-size line and was not taken.
    assert {page[i].text for i in hit} == {"25-20887 (E)", "*2520887*"}


def test_res_80_189_its_footnote_is_a_footnote() -> None:
    doc = _real("A-RES-80-189.en.pdf")
    # The rendered page and pdftotext: one note under the typed separator.
    assert [(f.number, f.text) for f in doc.footnotes] == [(
        "1", "Official Records of the General Assembly, Eightieth Session, Supplement No. 53 (A/80/53); and ibid., "
        "Supplement No. 53A (A/80/53/Add.1).")]
    assert doc.all_paragraphs()[-1].text == (
        "Takes note of the report of the Human Rights Council, including the addendum thereto, and its "
        "recommendations.")
    assert not doc.warnings


def test_a_glyph_mapped_to_another_letter_gets_its_own_width_not_a_space() -> None:
    # A/C.3/80/L.17, page 10: the font prints the K of "Kunming-Montreal" from a glyph whose
    # Unicode value is "u" (pdftotext: "the uunming-Montreal"). pdfium's width by Unicode value
    # was the real u's, 2.5 pt narrower than the K drawn: the gap read as a space, "u unming".
    # Both engines must read the text layer as it is, without inventing that space.
    for engine in ("pdfium", "pdfplumber"):
        doc = extract_pdf(POOL / "A-C.3-80-L.17.p10.en.pdf", engine=engine)
        text = _all_text(doc)
        assert "the uunming-Montreal Biodiversity Framework" in text, engine
        assert "u unming" not in text, engine


# --- a divider of asterisks is structure, not text ---------------------------------------------

def test_a_divider_of_asterisks_is_a_heading_not_text() -> None:
    # One line of three to five asterisks between paragraphs (UN texts set "* * *" centred
    # where a group of paragraphs ends without a new title) closes the section before it.
    doc = _doc([("text", "Recalling its resolution 78/149,"), ("text", "Stressing the importance of connectivity,"),
                ("text", "* * *"), ("text", "Recognizing the role of energy hubs,"),
                ("text", "1. Encourages efforts;"), ("text", "***"), ("text", "2. Invites the Secretary-General;")],
               keep=True)
    assert [p.text for p in doc.preamble] == [
        "Recalling its resolution 78/149,", "Stressing the importance of connectivity,",
        "Recognizing the role of energy hubs,"]
    assert [(h.text, h.before) for h in doc.headings] == [("* * *", "pp3"), ("***", "2")]
    assert doc.paragraph("2").section == "***"


def test_a_line_with_fewer_asterisks_or_with_words_stays_text() -> None:
    doc = _doc([("text", "Recalling its resolution 78/149,"), ("text", "* *"),
                ("text", "1. Encourages efforts *** in the region;")], keep=True)
    assert not doc.headings
    assert [p.text for p in doc.all_paragraphs()] == [
        "Recalling its resolution 78/149,", "* *", "Encourages efforts *** in the region;"]


def test_res_80_131_the_divider_closes_the_preamble_section() -> None:
    # pdftotext -layout of page 2: "Countries in special situations" (left, above
    # "Underlining that, without stable, ..."), then three paragraphs, then "***" centred
    # (pdftotext -bbox: three words "*" at x 295-317 on a column 123-488), then
    # "Recognizing the important role of energy transportation hubs ...".
    doc = extract_pdf(POOL / "A-RES-80-131.en.pdf")
    assert [(h.text, h.before) for h in doc.headings] == [
        ("Countries in special situations", "pp10"), ("* * *", "pp13")]
    assert doc.paragraph("pp12").text.endswith("maritime and multimodal transport and economic corridors,")
    assert doc.paragraph("pp13").text == (
        "Recognizing the important role of energy transportation hubs in the reliable and stable "
        "transit of energy to international markets,")
    assert [len(doc.preamble), len(doc.paragraphs)] == [17, 4]


# --- a paragraph number printed without its full stop ------------------------------------------

def test_a_number_without_its_stop_opens_the_next_paragraph_only() -> None:
    doc = _doc([("text", "1. Recalls its resolution 78/149;"), ("text", "2 Condemns any denial of the Holocaust;"),
                ("text", "5 States have ratified the Convention;"), ("text", "3. Requests a report;")], keep=True)
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        ("1", "Recalls its resolution 78/149;"),
        # "2" is the next number: a paragraph; "5" is not: the text goes on (as before).
        ("2", "Condemns any denial of the Holocaust; 5 States have ratified the Convention;"),
        ("3", "Requests a report;")]
    assert [(w.code, w.message) for w in doc.warnings] == [
        ("number-without-stop", "paragraph 2 at line 2 is numbered without a full stop ('2')")]


def test_c3_l2_paragraphs_25_and_26_printed_without_their_stops() -> None:
    # pdftotext -layout of page 6: "24. Recalls the recommendation ... “pure” nations; 14",
    # then "25 Condemns without reservation any denial ... or religious belief;" and
    # "26 Affirms its deep commitment ... Holocaust denial; 15", then "27. Recalls the
    # conclusions ..."; the draft's paragraphs run to 74 (A/RES/80/192 has 75: one inserted).
    doc = extract_pdf(POOL / "A-C.3-80-L.2.en.pdf")
    assert [p.number for p in doc.paragraphs] == [str(n) for n in range(1, 75)]
    assert doc.paragraph("24").text.endswith("ethnonationalist myths of racially or ethnically “pure” nations;")
    assert doc.paragraph("25").text == (
        "Condemns without reservation any denial of or attempt to deny the Holocaust, as well as any "
        "manifestation of religious intolerance, incitement, harassment or violence against persons or "
        "communities, on the basis of ethnic origin or religious belief;")
    assert doc.paragraph("26").text.startswith("Affirms its deep commitment to the duty of remembrance")
    assert doc.paragraph("26").text.endswith("to put an end to all forms of Holocaust denial;")
    assert [(w.code, w.page) for w in doc.warnings if w.code == "number-without-stop"] == [
        ("number-without-stop", 6), ("number-without-stop", 6)]


def test_a_closing_date_after_the_paragraphs_is_no_paragraph_number() -> None:
    # A/RES/80/155 (tests/pdfs/real): paragraph 14, then the adoption date "15 December 2025"
    # and the meeting: 15 is the next number, but the line is a date.
    doc = _doc([("text", "13. Invites the Secretary-General to report;"), ("text", "14. Decides to remain seized."),
                ("text", "15 December 2025"), ("text", "60th plenary meeting")], keep=True)
    assert [p.number for p in doc.paragraphs] == ["13", "14"]
    assert doc.meeting == "60th plenary meeting"
    assert not [w for w in doc.warnings if w.code == "number-without-stop"]


# --- an italic subheading over a boxed heading -------------------------------------------------

def _italic(line: Line) -> Line:
    return dataclasses.replace(line, italic=True)


def test_an_italic_line_between_a_finished_paragraph_and_a_heading_is_a_heading() -> None:
    lines = [mk(1, "11. Decisions should take account of the individuals concerned at that point", 100),
             mk(1, "in time.", 112, x1=160),
             _italic(mk(1, "Assessments", 140, x1=190)),
             mk(1, "Model strategy No. 1", 168, x0=147, x1=250, bold=True),
             mk(1, "12. Decisions regarding individual offenders should exhibit a clear basis in the", 196)]
    col = measure_column(lines)
    assert [(b.kind, b.lines[0].text) for b in segment(lines, col)] == [
        ("text", lines[0].text), ("heading", "Assessments"), ("heading", "Model strategy No. 1"),
        ("text", lines[4].text)]
    # Upright, or after a line that does not finish a clause (the second line of a table
    # cell, "Report of the Advisory Committee on" / "Administrative and Budgetary Questions"
    # in A/C.5/80/L.1), it stays text.
    upright = [*lines[:2], mk(1, "Assessments", 140, x1=190), *lines[3:]]
    assert segment(upright, col)[1].kind == "text"
    unfinished = [lines[0], mk(1, "in time, and", 112, x1=170), *lines[2:]]
    assert segment(unfinished, col)[1].kind == "text"


def test_c3_l8_p5_the_subheading_assessments_is_no_part_of_paragraph_11() -> None:
    # pdftotext -layout of page 5: "where feasible, ... at that point in time. 7" (the end of
    # paragraph 11), "Assessments" (italic on the rendered page), the box "Model strategy
    # No. 1 / States should base their decisions ...", then "12. Decisions regarding ...".
    doc = extract_pdf(POOL / "A-C.3-80-L.8.p5.en.pdf")
    assert doc.preamble[0].text.endswith("take account of the individuals concerned and their specific "
                                         "situation at that point in time.")
    assert [(h.text, h.before) for h in doc.headings][:2] == [("Assessments", "12"), ("Model strategy No. 1", "12")]
    assert doc.paragraph("12").text.startswith("Decisions regarding individual offenders should exhibit")


# --- sub-items of a preambular paragraph stay in it ---------------------------------------------

def test_sub_items_of_a_preambular_paragraph_stay_in_it() -> None:
    doc = _doc([("text", "Recalling the Awaza Programme of Action, in its six priority areas:"),
                ("text", "(a) Structural transformation and science, technology and innovation;"),
                ("text", "(b) Trade, trade facilitation and regional integration,"),
                ("text", "Recognizing the importance of national-level implementation,"),
                ("text", "1. Calls for the implementation of the Programme;")], keep=True)
    assert [p.text for p in doc.preamble] == [
        "Recalling the Awaza Programme of Action, in its six priority areas:\n"
        "(a) Structural transformation and science, technology and innovation;\n"
        "(b) Trade, trade facilitation and regional integration,",
        "Recognizing the importance of national-level implementation,"]
    assert [p.id for p in doc.paragraphs] == ["1"]


def test_c4_l3_the_decision_keeps_its_lettered_items() -> None:
    # pdftotext -layout: "The General Assembly, recalling its decision 79/521 of 4 December
    # 2024:" then "(a) Urges the Governments of Spain ..." to "(d) Welcomes the efforts ...
    # dialogue and cooperation."; no numbered paragraph.
    doc = extract_pdf(POOL / "A-C.4-80-L.3.en.pdf")
    assert not doc.paragraphs
    assert len(doc.preamble) == 1
    text = doc.preamble[0].text
    assert text.startswith("The General Assembly, recalling its decision 79/521 of 4 December 2024:\n(a) Urges")
    assert [line[:3] for line in text.split("\n")[1:]] == ["(a)", "(b)", "(c)", "(d)"]
    assert text.endswith("towards a relationship based on dialogue and cooperation.")


def test_c3_l1_masthead_date_merged_with_the_language_note() -> None:
    # pdftotext -layout of page 1: "Distr.: Limited" over "4 September 2025" over "Original:
    # English" in the top-right corner; the text layer gives the last two as one line, "4
    # September 2025 Original: English", whose date was not read (the only document of the
    # session's 543 without a date).
    doc = _real("A-C.3-80-L.1.en.pdf")
    assert (doc.date, doc.distribution, doc.symbol) == ("2025-09-04", "Limited", "A/C.3/80/L.1")


def test_a_date_line_with_the_language_note_beside_it_is_the_masthead_date() -> None:
    doc = _doc([("text", "A/C.3/80/L.9"), ("text", "Distr.: Limited"), ("text", "4 September 2025 Original: English"),
                ("text", "1. Decides to hold a meeting;")], keep=True)
    assert doc.date == "2025-09-04"
    assert [p.text for p in doc.all_paragraphs()] == ["Decides to hold a meeting;"]


def test_a_row_border_over_the_last_rows_of_a_table_is_no_continuation_separator() -> None:
    # A/C.5/80/L.13, page 3 (annex II, pdftotext -layout): the table ends with "Total credits
    # reported in the financial" / "performance report for 2024   8 898 000   9 756 600" in
    # small type under a row border drawn across the column; those rows were read as the
    # rest of footnote 4 of page 2 (Word's full-width continuation separator looks the same).
    body = [mk(3, "budget for the year 2024 (4 000) (862 600)", 190, size=8.5,
               pieces=("budget for the year 2024", "(4 000)", "(862 600)")),
            mk(3, "Total credits reported in the financial", 215, size=8.5),
            mk(3, "performance report for 2024 8 898 000 9 756 600", 226, size=8.5,
               pieces=("performance report for 2024", "8 898 000", "9 756 600"))]
    border = (Rule(123.4, 337.9, 209.9, 210.4), Rule(338.4, 412.6, 209.9, 210.4), Rule(413.1, 489.2, 209.9, 210.4))
    assert split_footnote_area(body, border, 10.0, 123.0, 488.0) == len(body)
    # The same rule over prose that continues a footnote still opens the footnote area.
    prose = [body[0], mk(3, "Official Records of the General Assembly, Eightieth Session,", 215, size=8.5),
             mk(3, "Supplement No. 5 (A/80/5).", 226, size=8.5)]
    assert split_footnote_area(prose, border, 10.0, 123.0, 488.0) == 1


# --- a label brought to a line start by the wrap of a run-in list ------------------------------

def test_a_label_at_a_line_start_in_a_run_in_list_continues_the_paragraph() -> None:
    # A/80/L.34 paragraph 13 (pdftotext -layout): "... who are exposed to second-hand smoke;" /
    # "(b) 2.6 million deaths each year attributable to alcohol consumption; (c) 35 million",
    # both lines at the left edge: one paragraph whose list runs in, "(b)" where the line broke.
    lines = [mk(1, "13. Emphasize with concern that, globally, there are: (a) 1.3 billion tobacco", 100, x0=146.0),
             mk(1, "users and more than 7 million tobacco-related deaths each year, including an", 112),
             mk(1, "estimated 1.6 million non-smokers who are exposed to second-hand smoke;", 124),
             mk(1, "(b) 2.6 million deaths each year attributable to alcohol consumption; (c) 35 million", 136),
             mk(1, "children under 5 years of age currently overweight.", 148, x1=350.0)]
    col = measure_column(lines)
    assert [len(b.lines) for b in segment(lines, col)] == [5]
    # A list of one-line items, each label at the same left edge (A/C.2/80/L.60's programme:
    # "(a) Operational activities ... system;" / "(b) South-South cooperation ..."): each
    # item its own block, as before.
    items = [mk(1, "9. Operational activities for development:", 100, x0=123.0, x1=316.0),
             mk(1, "(a) Operational activities for development of the United Nations system;", 112, x0=147.0, x1=468.0),
             mk(1, "(b) South-South cooperation for development.", 124, x0=147.0, x1=354.0)]
    col = Column(left=147.0, right=482.0, size=10.0, outer=123.0)
    assert [b.lines[0].text[:3] for b in segment(items, col)] == ["9. ", "(a)", "(b)"]
