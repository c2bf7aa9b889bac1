"""Plain-text reader: real excerpts (tests/data/reference) and PDF-text-layer-like samples.

Expected texts were checked by eye against the input lines.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.model.document import Document
from lineage.read import read_document
from lineage.read.plaintext import parse_plaintext, plaintext_blocks

REFERENCE = Path(__file__).parent / "data" / "reference"


@pytest.fixture(scope="module")
def res70() -> Document:
    return read_document(REFERENCE / "a_res_70_125_en_pdfpage4_excerpt.txt")


@pytest.fixture(scope="module")
def tunis() -> Document:
    return read_document(REFERENCE / "tunis_agenda_zh_excerpt.txt")


def test_pdf_text_layer_page(res70: Document) -> None:
    assert res70.source.kind == "text"
    assert res70.symbol == "A/RES/70/125"
    assert res70.session == "70"
    assert res70.language == "en"
    # The running header's title, joined across its two lines.
    assert res70.title == (
        "Outcome document of the high-level meeting of the General Assembly on the overall review "
        "of the implementation of the outcomes of the World Summit on the Information Society"
    )
    assert res70.preamble == []
    assert [p.id for p in res70.paragraphs] == ["8", "9", "10", "11", "12"]


def test_number_alone_on_its_line_joins_its_text(res70: Document) -> None:
    p8 = res70.paragraph("8")
    assert p8.text == (
        "We reaffirm that Internet governance should continue to follow the provisions set forth "
        "in the outcomes of the summits held in Geneva and Tunis."
    )
    assert [(s.line_start, s.line_end) for s in p8.spans] == [(7, 9)]  # "8." is line 7


def test_english_lines_joined_with_a_space(res70: Document) -> None:
    p9 = res70.paragraph("9").text
    assert p9.startswith("We reaffirm, moreover, that the same rights that people have offline must also be protected online.")
    assert "the spreading of information and communications technologies but also" in p9
    assert p9.endswith("realization of human rights and fundamental freedoms.")
    assert "\n" not in p9 and "  " not in p9


def test_section_number_and_heading(res70: Document) -> None:
    # "1." alone (out of sequence after 11) is the number of the section whose heading follows.
    assert [(h.text, h.before) for h in res70.headings] == [
        ("1. Information and communications technology for development", "12")]
    assert res70.paragraph("12").section == "1. Information and communications technology for development"
    assert res70.paragraph("11").section is None
    assert res70.paragraph("12").text.endswith("and other internationa")  # the excerpt stops there


def test_excerpt_warnings(res70: Document) -> None:
    codes = [w.code for w in res70.warnings]
    assert codes == ["leading-fragment", "paragraph-sequence"]
    assert all("refugees" not in p.text for p in res70.all_paragraphs())


def test_web_page_text_in_chinese(tunis: Document) -> None:
    assert tunis.language == "zh"
    assert tunis.title == "信息社会突尼斯议程"
    assert tunis.preamble == []
    assert [p.id for p in tunis.paragraphs] == [str(i) for i in range(1, 9)]
    assert [(h.text, h.before) for h in tunis.headings] == [
        ("引言", "1"), ("应对信息通信技术促发展挑战的融资机制", "3")]
    # Kept as printed: the ASCII commas and brackets of the web page.
    assert tunis.paragraph("1").text.startswith("我们认识到,考虑到落实《日内瓦行动计划》中已完成的工作,")
    assert "(TFFM)" in tunis.paragraph("3").text
    assert tunis.paragraph("8").text.endswith("提供充足和持续的投资。")
    # The provenance comment is not content.
    assert all("source" not in p.text for p in tunis.all_paragraphs())


PDF_LIKE_ZH = """联合国
A/RES/79/888
大 会
Distr.: General
3 January 2025
第七十九届会议
议程项目 20
2024 年 12 月 19 日大会决议
79/888. 测试决议：关于信息和通信技术促进
可持续发展的决议
大会，
回顾其第 70/125 号决议，
又回顾《全球数字契约》，其中确认
需要弥合数字鸿沟，
1.
决定加强数字合作，并请秘书长就此提出
报告。
2. 请秘书长在第八十届会议上提
24-12345 (C)
2/3
A/RES/79/888
交报告。
信息和通信技术
3. 强调需要弥合数字鸿沟：
(a) 在国家之间；
(b) 在国家内部。
2024 年 12 月 19 日
第 50 次全体会议
"""


def test_chinese_text_layer_with_page_furniture() -> None:
    doc = parse_plaintext(PDF_LIKE_ZH, "mem.txt")
    assert (doc.symbol, doc.date, doc.session, doc.agenda_items, doc.distribution, doc.language) == (
        "A/RES/79/888", "2024-12-19", "79", ["20"], "General", "zh")
    assert doc.title == "测试决议：关于信息和通信技术促进可持续发展的决议"  # wrapped title joined
    assert [p.text for p in doc.preamble] == ["回顾其第 70/125 号决议，", "又回顾《全球数字契约》，其中确认需要弥合数字鸿沟，"]
    assert [p.text for p in doc.paragraphs] == [
        "决定加强数字合作，并请秘书长就此提出报告。",  # Chinese lines join with nothing between
        "请秘书长在第八十届会议上提交报告。",  # job number, page mark and running header dropped
        "强调需要弥合数字鸿沟：\n(a) 在国家之间；\n(b) 在国家内部。",  # sub-items on their own lines
    ]
    assert [(h.text, h.before) for h in doc.headings] == [("信息和通信技术", "3")]
    assert doc.warnings == []


PDF_LIKE_EN = """A/80/L.99
General Assembly
Distr.: Limited
2 December 2025
Eightieth session
Agenda item 15
Information and communications technologies for sustainable development
Draft resolution submitted by the President of the General Assembly
Test outcome document
The General Assembly,
Recalling its resolution 70/125 of 16 December 2015, in which it decided to hold a
high-level meeting in 2025,
Reaffirming the importance of multi-
stakeholder cooperation,
1. Decides to convene a meeting in 2035, with the participa-
tion of all stakeholders;
2. Requests the Secretary-General to report on progress.
"""


def test_english_text_layer_draft() -> None:
    doc = parse_plaintext(PDF_LIKE_EN, "mem.txt")
    assert (doc.symbol, doc.date, doc.session, doc.agenda_items, doc.distribution, doc.language) == (
        "A/80/L.99", "2025-12-02", "80", ["15"], "Limited", "en")
    assert doc.title == "Test outcome document"
    assert [p.text for p in doc.preamble] == [
        "Recalling its resolution 70/125 of 16 December 2015, in which it decided to hold a high-level meeting in 2025,",
        # "multi-|stakeholder" at a line end: the hyphen stays (the one hyphen policy: no
        # evidence that hyphenation put it there; "multistakeholder" is in no word list).
        "Reaffirming the importance of multi-stakeholder cooperation,",
    ]
    assert doc.paragraph("1").text == (
        "Decides to convene a meeting in 2035, with the participation of all stakeholders;")
    assert doc.paragraph("2").text == "Requests the Secretary-General to report on progress."


def test_blocks_keep_line_numbers() -> None:
    blocks, footnotes = plaintext_blocks("# comment\n\nTitle\n\n1. First.\n\n2. Second\ncontinued.\n")
    assert footnotes == set()
    assert [(b.kind, b.line_start, b.line_end) for b in blocks] == [
        ("heading", 3, 3), ("text", 5, 5), ("text", 7, 8)]  # a short line before "1." heads it


_DRAFT_BODY = """

Draft resolution

Information and communications technologies for sustainable development

The General Assembly,

Recalling its resolution 70/125 of 16 December 2015,

1. Decides to continue the work;
"""


@pytest.mark.parametrize("masthead", [
    # A text layer that merged the top-right corner into one line: the date was lost.
    "A/80/L.41\nDistr.: Limited 5 December 2025 Original: English\nEightieth session\nAgenda item 15",
    # ... or the distribution and the symbol: the symbol was lost.
    "United Nations\nDistr.: Limited A/80/L.41\n5 December 2025\nEightieth session\nAgenda item 15",
])
def test_masthead_lines_merged_with_the_distribution(masthead: str) -> None:
    doc = parse_plaintext(masthead + _DRAFT_BODY, "draft.txt")
    assert (doc.symbol, doc.date, doc.distribution, doc.session, doc.agenda_items) == (
        "A/80/L.41", "2025-12-05", "Limited", "80", ["15"])
    assert doc.title == "Information and communications technologies for sustainable development"
    assert [p.text for p in doc.preamble] == ["Recalling its resolution 70/125 of 16 December 2015,"]


def test_long_text_without_paragraph_numbers_is_read_in_linear_work(monkeypatch) -> None:
    # Before the first numbered paragraph every line checked whether the block so far repeats
    # the title, re-joining all the text read so far each time: a text without numbers took
    # minutes. Counted in characters joined, not timed.
    import lineage.read.plaintext as plaintext

    joined = 0
    real_join = plaintext.join_inline

    def counting_join(parts):
        nonlocal joined
        joined += sum(len(p.text) for p in parts)
        return real_join(parts)

    monkeypatch.setattr(plaintext, "join_inline", counting_join)
    lines = [f"Recalling its resolution {i} of the assembly and the commitments made" for i in range(2000)]
    text = "\n".join(lines)
    doc = parse_plaintext(text, "long.txt")
    assert doc.preamble and doc.paragraphs == []
    assert joined < 20 * len(text), joined


# A draft whose running header prints the symbol beside the title's tail, the symbol as a
# Chinese text layer may give it: full-width (``Ａ／８０／Ｌ.４１``) or spaced (``A /80/ L.41``).
DRAFT_ZH = """联合国
A/80/L.41
大 会
Distr.: Limited
2 December 2025
第八十届会议
议程项目 15
信息和通信技术促进可持续发展
决议草案
信息和通信技术促进可持续发展
大会，
回顾其第 70/125 号决议，
1. 决定加强数字合作，并请秘书长就此提出
报告。
2. 请秘书长在第八十届会议上提
25-21063 (C)
2/3
{header}
交报告。
3. 强调需要弥合数字鸿沟。
"""


@pytest.mark.parametrize("symbol", ["Ａ／８０／Ｌ.４１", "A /80/ L.41", "A/80/L.41"],
                         ids=["full-width", "spaced", "ascii"])
def test_running_header_with_the_symbol_as_printed_is_dropped(symbol: str) -> None:
    doc = parse_plaintext(DRAFT_ZH.format(header=f"{symbol} 信息和通信技术促进可持续发展"), "mem.txt")
    assert doc.symbol == "A/80/L.41"
    assert doc.paragraph("2").text == "请秘书长在第八十届会议上提交报告。"
    assert [p.id for p in doc.paragraphs] == ["1", "2", "3"]
