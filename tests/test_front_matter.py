"""Front and closing matter read the same way by every input route (issue 10, item 4): a
resolution whose one paragraph adopts the text printed after it ("Adopts the Doha Political
Declaration ..., as contained in the annex to the present resolution."), its closing block
(meeting, date) printed before the annex, then ``Annex`` and the declaration's title.

The texts are A/RES/80/5 (tests/pdfs/real/A-RES-80-5.en.pdf, page 1) typed from the rendered
page, cut after two paragraphs of the declaration plus a constructed section heading and
paragraph 3; the expected structure is the page's: the adopting paragraph and the closing
lines are no paragraph, ``Annex`` and the title are one heading before paragraph 1 that opens
no section."""
from __future__ import annotations

import pytest

from lineage.model.document import Document, Source
from lineage.read.assemble import build_document
from lineage.read.markdown import parse_markdown
from lineage.read.plaintext import parse_plaintext, plain_cleaner, plaintext_blocks

TITLE = ("Doha Political Declaration of the “World Social Summit” under the title “the Second World "
         "Summit for Social Development”")
FORMULA = f"Adopts the {TITLE}, as contained in the annex to the present resolution."
P1 = ("We, Heads of State and Government and high representatives, have gathered in Doha from 4 to "
      "6 November 2025 at the Second World Summit for Social Development.")
P2 = "We acknowledge the urgent need to address profound social challenges."
P3 = "We commit to act."

PLAIN = f"""United Nations
General Assembly

A/RES/80/5

Distr.: General
4 November 2025

Eightieth session
Agenda item 25 (b)

Resolution adopted by the General Assembly on 4 November 2025

[without reference to a Main Committee (A/80/L.5)]

80/5. {TITLE}

The General Assembly

{FORMULA}

28th plenary meeting
4 November 2025

Annex
Doha Political Declaration of the “World Social Summit” under the title “the
Second World Summit for Social Development”

1. {P1}

2. {P2}

A call to action

3. {P3}
"""

MARKDOWN = f"""United Nations — General Assembly

A/RES/80/5

Distr.: General
4 November 2025

Eightieth session
Agenda item 25 (b)

Resolution adopted by the General Assembly on 4 November 2025

[without reference to a Main Committee (A/80/L.5)]

80/5. {TITLE}

*The General Assembly*

*Adopts* {FORMULA[len("Adopts "):]}

*28th plenary meeting*
*4 November 2025*

## Annex

## {TITLE}

1. {P1}

2. {P2}

## A call to action

3. {P3}
"""


def _structure(doc: Document) -> tuple:
    return ([p.id for p in doc.preamble], [(p.id, p.section, p.text) for p in doc.paragraphs],
            [(h.text, h.before) for h in doc.headings])


EXPECTED = ([], [("1", None, P1), ("2", None, P2), ("3", "A call to action", P3)],
            [(f"Annex {TITLE}", "1"), ("A call to action", "3")])


def test_formula_is_what_the_page_prints() -> None:
    assert FORMULA == ("Adopts the Doha Political Declaration of the “World Social Summit” under the title "
                       "“the Second World Summit for Social Development”, as contained in the annex to "
                       "the present resolution.")


@pytest.mark.parametrize("route", ["plain", "markdown"])
def test_adopting_paragraph_and_closing_block_are_no_paragraphs(route: str) -> None:
    doc = (parse_plaintext(PLAIN, "res5.txt") if route == "plain" else parse_markdown(MARKDOWN, "res5.md"))
    assert _structure(doc) == EXPECTED
    assert (doc.symbol, doc.date) == ("A/RES/80/5", "2025-11-04")
    joined = " ".join(p.text for p in doc.all_paragraphs())
    assert "Adopts" not in joined and "plenary meeting" not in joined


def test_the_interpreter_keeps_formula_meeting_and_both_dates_as_metadata() -> None:
    # What the PDF reader asks of the shared interpreter (metadata=True), on the text's blocks.
    blocks, notes = plaintext_blocks(PLAIN)
    doc = build_document(blocks, plain_cleaner(notes), Source(path="res5.txt", kind="text"), metadata=True)
    assert _structure(doc) == EXPECTED
    assert (doc.formula, doc.meeting, doc.date) == (FORMULA, "28th plenary meeting", "2025-11-04")
    assert doc.issued == "2025-11-04"  # masthead date, kept beside the adoption date


def test_preambular_paragraphs_before_an_adopting_paragraph_stay() -> None:
    # The adopting paragraph may follow a preamble: the preamble is text, the formula is not.
    text = PLAIN.replace("The General Assembly\n\n", "The General Assembly,\n\nRecalling its resolution 79/1,\n\n"
                         "Noting the report of the Summit,\n\n")
    blocks, notes = plaintext_blocks(text)
    doc = build_document(blocks, plain_cleaner(notes), Source(path="res5.txt", kind="text"), metadata=True)
    assert [(p.id, p.text) for p in doc.preamble] == [("pp1", "Recalling its resolution 79/1,"),
                                                     ("pp2", "Noting the report of the Summit,")]
    assert doc.formula == FORMULA
    assert [(h.text, h.before) for h in doc.headings] == [(f"Annex {TITLE}", "1"), ("A call to action", "3")]
    assert doc.paragraph("1").section is None


def test_a_lone_unnumbered_operative_paragraph_stays_text() -> None:
    # With no numbered paragraphs after it, "Adopts ... annex" is the resolution's only text:
    # kept as a paragraph, never hidden in metadata.
    text = PLAIN.split("28th plenary meeting")[0]
    doc = parse_plaintext(text, "res.txt")
    assert [p.text for p in doc.all_paragraphs()] == [FORMULA]
    assert doc.formula is None


def test_a_preambular_paragraph_that_mentions_an_annex_stays_text() -> None:
    # Only an adopting verb opens an adopting paragraph.
    text = PLAIN.replace(FORMULA, "Recalling the annex to its resolution 79/1,")
    doc = parse_plaintext(text, "res.txt")
    assert [(p.id, p.text) for p in doc.preamble] == [("pp1", "Recalling the annex to its resolution 79/1,")]


def test_annex_label_then_a_numbered_section_heading_stay_two_headings() -> None:
    text = PLAIN.replace("Doha Political Declaration of the “World Social Summit” under the title “the\n"
                         "Second World Summit for Social Development”\n", "I. Introduction\n")
    doc = parse_plaintext(text, "res.txt")
    assert [(h.text, h.before) for h in doc.headings][:2] == [("Annex", "1"), ("I. Introduction", "1")]
    assert doc.paragraph("1").section == "I. Introduction"


def test_an_adopting_paragraph_before_an_annex_with_its_own_preamble() -> None:
    # A/RES/80/117 (page 1): "Adopts the following political declaration, ...", the closing
    # lines, "Annex" and the declaration's title, then the declaration's own unnumbered
    # preamble before its paragraph 1: the adopting paragraph is metadata, the preamble text.
    adopts = ("Adopts the following political declaration, as the outcome of intergovernmental "
              "negotiations in advance of and considered by the fourth high-level meeting of the General "
              "Assembly on the prevention and control of noncommunicable diseases and the promotion of "
              "mental health and well-being, held on 25 September 2025.")
    we = ("We, Heads of State and Government and representatives of States and Governments, assembled at "
          "the United Nations on 25 September 2025, commit to accelerating the implementation of a priority "
          "set of actions, and in this regard we:")
    text = PLAIN.replace(FORMULA, adopts).replace("\n1. ", f"\n{we}\n\n1. ", 1)
    blocks, notes = plaintext_blocks(text)
    doc = build_document(blocks, plain_cleaner(notes), Source(path="res.txt", kind="text"), metadata=True)
    assert [(p.id, p.text) for p in doc.preamble] == [("pp1", we)]
    assert (doc.formula, doc.meeting) == (adopts, "28th plenary meeting")
    assert [(h.text, h.before) for h in doc.headings] == [(f"Annex {TITLE}", "pp1"), ("A call to action", "3")]
    assert parse_plaintext(text, "res.txt").preamble == doc.preamble


def test_chinese_adopting_paragraph_and_annex() -> None:
    # Constructed on the pattern of the Chinese resolutions (大会， / 通过本决议附件所载的《…》。 /
    # closing lines / 附件 / title): the same structure as the English.
    title = "“世界社会峰会”暨第二届社会发展问题世界首脑会议多哈政治宣言"
    adopts = f"通过本决议附件所载的《{title}》。"
    text = (f"联合国\n大 会\n\nA/RES/80/5\n\nDistr.: General\n2025 年 11 月 4 日\n\n第八十届会议\n\n"
            f"2025 年 11 月 4 日大会决议\n\n80/5. {title}\n\n大会，\n\n{adopts}\n\n"
            f"2025 年 11 月 4 日\n第 28 次全体会议\n\n附件\n\n{title}\n\n"
            "1. 我们齐聚多哈。\n\n2. 我们承认迫切需要应对严峻的社会挑战。\n")
    blocks, notes = plaintext_blocks(text)
    doc = build_document(blocks, plain_cleaner(notes), Source(path="zh.txt", kind="text"), metadata=True)
    assert (doc.preamble, [p.id for p in doc.paragraphs]) == ([], ["1", "2"])
    assert [(h.text, h.before) for h in doc.headings] == [(f"附件{title}", "1")]
    assert doc.paragraph("1").section is None
    assert (doc.formula, doc.meeting) == (adopts, "第 28 次全体会议")
