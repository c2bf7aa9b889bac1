"""The Markdown reader on documents other than the seed: a synthetic Chinese resolution with
other numbers, headings and footnotes (and deliberate defects), an English one, and the inline
cleaning rules. Expected values were written from the input files by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from lineage.model.document import Document, FootnoteRef
from lineage.read import read_document
from lineage.read.markdown import clean_markdown_inline, looks_like_markdown

DATA = Path(__file__).parent / "data" / "readers"


@pytest.fixture(scope="module")
def zh() -> Document:
    return read_document(DATA / "zh_resolution_79_999.md")


@pytest.fixture(scope="module")
def en() -> Document:
    return read_document(DATA / "en_resolution_70_125.md")


def test_zh_metadata(zh: Document) -> None:
    assert (zh.symbol, zh.date, zh.session, zh.agenda_items, zh.distribution, zh.language) == (
        "A/RES/79/999", "2024-12-20", "79", ["13", "117"], "General", "zh")
    assert zh.title == "测试决议：数字合作"
    assert zh.source.kind == "markdown"


def test_zh_paragraphs(zh: Document) -> None:
    assert [p.text for p in zh.preamble] == [
        "回顾其 2015 年 12 月 16 日第 70/125 号决议，并重申其中的承诺，",
        "又回顾《全球数字契约》，",
        "注意到秘书长的报告，",
    ]
    assert [p.id for p in zh.paragraphs] == ["1", "2", "3", "4", "6"]
    assert zh.paragraph("2").text == "请所有会员国：\n(a) 制定国家数字战略；\n(b) 分享最佳做法(包括开放数据)；"
    p3 = zh.paragraph("3")
    assert p3.text == "强调需要弥合数字鸿沟，特别是在发展中国家之间和内部的数字鸿沟。"
    assert [(s.line_start, s.line_end) for s in p3.spans] == [(41, 41), (47, 47)]
    assert p3.footnote_refs == [FootnoteRef("3", len(p3.text))]
    assert zh.paragraph("6").footnote_refs == [FootnoteRef("5", len("请秘书长提交报告，包括关于企業参与的信息"))]
    assert "企業" in zh.paragraph("6").text


def test_zh_refs_headings_footnotes(zh: Document) -> None:
    assert zh.preamble[0].footnote_refs == [FootnoteRef("1", len("回顾其 2015 年 12 月 16 日第 70/125 号决议，"))]
    assert zh.preamble[1].footnote_refs == [FootnoteRef("2", len("又回顾《全球数字契约》，"))]
    assert [(h.text, h.before) for h in zh.headings] == [("第一部分：总则", "1"), ("第二部分：后续行动", "4")]
    assert [p.section for p in zh.paragraphs] == ["第一部分：总则"] * 3 + ["第二部分：后续行动"] * 2
    assert [(f.number, f.text) for f in zh.footnotes] == [
        ("1", "见 A/70/PV.79。"), ("2", "第 79/1 号决议，附件一。"), ("3", "同上，第 12 段。"), ("4", "从未引用的脚注。")]


def test_zh_warnings(zh: Document) -> None:
    assert [w.code for w in zh.warnings] == ["paragraph-sequence", "footnote-missing", "footnote-unreferenced"]
    assert "6" in zh.warnings[0].message and "5" in zh.warnings[0].message
    assert "5" in zh.warnings[1].message
    assert "4" in zh.warnings[2].message


def test_en_document(en: Document) -> None:
    assert (en.symbol, en.date, en.session, en.agenda_items, en.distribution, en.language) == (
        "A/RES/70/125", "2015-12-16", "70", ["16"], "General", "en")
    assert en.title.startswith("Outcome document of the high-level meeting")
    assert [p.text[:20] for p in en.preamble] == ["We, the Ministers an", "Recalling the Geneva"]
    pp2 = en.preamble[1]
    assert pp2.text == ("Recalling the Geneva Declaration of Principles, the Geneva Plan of Action, "
                        "and the Tunis Agenda for the Information Society,")
    assert [r.number for r in pp2.footnote_refs] == ["1", "2", "3"]
    for ref, before in zip(pp2.footnote_refs, ["of Principles,", "Plan of Action,", "Information Society,"]):
        assert pp2.text[: ref.offset].endswith(before)
    p1 = en.paragraph("1")
    (ref,) = p1.footnote_refs
    assert p1.text[: ref.offset].endswith("Human Rights,") and p1.text[ref.offset:].startswith(" where everyone")
    # Cut by footnotes in the middle of a hyphenated word: joined and de-hyphenated.
    assert "cooperation of Governments, the private sector" in en.paragraph("2").text
    assert en.paragraph("3").text == "We recognize that:\n(a) connectivity matters;\n(b) affordability matters."
    assert [(h.text, h.before) for h in en.headings] == [
        ("Introduction", "1"), ("Information and communications technology for development", "3")]
    assert en.footnote("4").text == "Resolution 217 A (III)."
    assert en.warnings == []


@pytest.mark.parametrize(
    "raw, text, refs",
    [
        ("《世界人权宣言》，<sup>2</sup> 在此社会中", "《世界人权宣言》，在此社会中", [("2", 9)]),
        ("公约》<sup>11</sup> 第十七条", "公约》第十七条", [("11", 3)]),
        ("Human Rights,<sup>2</sup> where", "Human Rights, where", [("2", 13)]),
        ("Human Rights <sup>2</sup> where", "Human Rights where", [("2", 12)]),
        ("the Agenda.<sup>6</sup>", "the Agenda.", [("6", 11)]),
        ("第 [217 A \\(III\\)](#)号决议", "第 217 A (III)号决议", []),
        ("*Recalling* its resolution", "Recalling its resolution", []),
        ("**bold** and \\*star\\*", "bold and *star*", []),
        ("1<sup>st</sup> meeting", "1st meeting", []),
        ("see [^3] here", "see here", [("3", 3)]),
        ("a &amp; b", "a & b", []),
        ("- 80/173. 标题", "80/173. 标题", []),
    ],
)
def test_clean_inline(raw: str, text: str, refs: list[tuple[str, int]]) -> None:
    got = clean_markdown_inline(raw)
    assert got.text == text
    assert [(r.number, r.offset) for r in got.refs] == refs


def test_looks_like_markdown() -> None:
    assert looks_like_markdown((DATA / "zh_resolution_79_999.md").read_text(encoding="utf-8"))
    assert not looks_like_markdown("# source: somewhere\n1. We recall.\n2. We decide.\n")


FURNITURE_MD = """\
## 大 会

A/RES/79/777

Distr.: General  
5 January 2025

## 第七十九届会议

议程项目 9

- 79/777. 测试页眉页脚

## 大会，

回顾其以往的决议，

1. 决定第一件事。

2. 决定第二件事，并请秘书长

24-00001 (C)

2/4

A/RES/79/777

## 测试页眉页脚

在下届会议上提出报告。

3. 决定第三件事。

24-00001 (C)

3/4

## 测试页眉页脚

4. 决定第四件事。

4/4

## 测试页眉页脚

## 附件

一段没有编号的附件文字。
"""


def test_page_furniture_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "furniture.md"
    path.write_text(FURNITURE_MD, encoding="utf-8")
    doc = read_document(path)
    assert doc.symbol == "A/RES/79/777" and doc.title == "测试页眉页脚"
    assert [p.text for p in doc.preamble] == ["回顾其以往的决议，"]
    assert [p.text for p in doc.paragraphs] == [
        "决定第一件事。", "决定第二件事，并请秘书长在下届会议上提出报告。", "决定第三件事。", "决定第四件事。"]
    # The running title the converter made a heading of is furniture; the annex heading is not.
    assert [(h.text, h.before) for h in doc.headings] == [("附件", None)]
    # Annex text is not glued to paragraph 4: it is reported instead.
    assert [w.code for w in doc.warnings] == ["stray-text"]
    assert "一段没有编号的附件文字" in doc.warnings[0].message


def test_no_break_space_block_in_the_front_matter() -> None:
    # A converter's "&nbsp;" line is a block of white space only; it raised IndexError while
    # the front matter looked for a title.
    from lineage.read import parse_markdown

    text = "# 联合国\n\n# A/RES/80/173\n\n&nbsp;\n\n大会，\n\n回顾其决议，\n\n1. 决定继续。\n"
    doc = parse_markdown(text, "nbsp.md")
    assert doc.symbol == "A/RES/80/173"
    assert [p.text for p in doc.preamble] == ["回顾其决议，"]
    assert [p.text for p in doc.paragraphs] == ["决定继续。"]


def test_pandoc_style_footnotes_are_read_as_markdown(tmp_path):
    """Converters other than the seed's write ``[^1]`` marks and ``[^1]: text`` definitions."""
    from lineage.read import read_document

    path = tmp_path / "draft.md"
    path.write_text(
        "# Draft resolution\n\n"
        "*Recalling* its resolution 70/125 of 16 December 2015,[^1]\n\n"
        "1. *Decides* to hold a high-level meeting in 2025;\n\n"
        "2. *Requests* the Secretary-General to report.[^2]\n\n"
        "[^1]: See A/RES/70/125.\n[^2]: A/80/100.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.source.kind == "markdown"
    assert [p.text for p in doc.preamble] == ["Recalling its resolution 70/125 of 16 December 2015,"]
    assert [p.text for p in doc.paragraphs] == [
        "Decides to hold a high-level meeting in 2025;",
        "Requests the Secretary-General to report.",
    ]
    assert [(f.number, f.text) for f in doc.footnotes] == [("1", "See A/RES/70/125."), ("2", "A/80/100.")]
    assert doc.preamble[0].footnote_refs[0].offset == len(doc.preamble[0].text)
    assert doc.paragraphs[1].footnote_refs[0].number == "2"
