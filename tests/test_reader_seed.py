"""The seed (A/RES/80/173 in Chinese, as a Markdown converter left it) read paragraph by paragraph.

Every expected string below was checked by eye against the seed file
(corpora/sources/000_cb2b676f44ca9b86.txt); line numbers are the file's, 1-based.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from lineage.model.document import Document
from lineage.read import read_document
from lineage.read.markdown import parse_markdown

SEED = Path(__file__).parent.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(SEED)


def test_metadata(doc: Document) -> None:
    assert doc.symbol == "A/RES/80/173"  # from the "80/173." line
    assert doc.date == "2025-12-17"  # adoption date, not the masthead's 19 December 2025
    assert doc.session == "80"
    assert doc.agenda_items == ["15"]
    assert doc.distribution == "General"
    assert doc.language == "zh"
    assert doc.title == "关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件"
    assert doc.source.kind == "markdown"
    assert doc.source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert doc.warnings == []


def test_parse_markdown_directly_gives_the_same_paragraphs(doc: Document) -> None:
    direct = parse_markdown(SEED.read_text(encoding="utf-8"), SEED)
    assert [p.to_dict() for p in direct.all_paragraphs()] == [p.to_dict() for p in doc.all_paragraphs()]


PREAMBLE_STARTS = [
    "我们，参加 2025 年 12 月 16 日至 17 日在纽约举行的",
    "回顾大会 2015 年 12 月 16 日第 70/125 号决议通过的",
    "重申大会题为“变革我们的世界：2030 年可持续发展议程”",
    "欢迎 2024 年 9 月 22 日至 23 日在纽约联合国总部召开未来峰会",
    "回顾 2025 年 3 月 27 日大会通过的第 79/277 号决议",
    "又回顾第四次发展筹资问题国际会议及其成果《塞维利亚承诺》，该承诺",
    "欢迎各国政府、私营部门、民间社会、国际组织",
    "在科学和技术促进发展委员会 2025 年 4 月编写的 20 周年审查报告",
]


def test_preamble_in_order(doc: Document) -> None:
    assert [p.id for p in doc.preamble] == [f"pp{i}" for i in range(1, 9)]
    for p, start in zip(doc.preamble, PREAMBLE_STARTS):
        assert p.text.startswith(start), p.id
        assert p.number is None and p.text.endswith("，")
    # Neither the adopting formula nor the titles are preambular paragraphs.
    joined = "".join(p.text for p in doc.preamble)
    assert "在其第八十届会议上通过了" not in joined
    assert all(not p.text.startswith(("关于信息社会", "大会")) for p in doc.preamble)
    assert doc.preamble[0].spans[0].line_start == 29


def test_operative_paragraphs_numbered_1_to_127(doc: Document) -> None:
    assert [p.id for p in doc.paragraphs] == [str(i) for i in range(1, 128)]
    assert [p.number for p in doc.paragraphs] == [str(i) for i in range(1, 128)]
    for p in doc.paragraphs:
        assert not re.match(r"^\d+\.", p.text), p.id  # number taken off the text
        assert p.text.endswith("。"), p.id


def test_paragraph_5_whole_without_footnote_text(doc: Document) -> None:
    p = doc.paragraph("5")
    assert p.text.startswith("我们认识到，由于资金、技术和体制限制")
    assert p.text.endswith("…和受自然灾害影响的国家所面临的独特和新出现的信息和通信技术挑战。"[1:])
    assert "特别是发展中国家，包括非洲国家" in p.text  # the two halves, joined with nothing between
    for footnote_text in ("79/323", "217 A", "A/C.2/59/3", "同上", "A/60/687"):
        assert footnote_text not in p.text
    assert [(s.line_start, s.line_end) for s in p.spans] == [(57, 57), (69, 69)]
    assert p.footnote_refs == []


@pytest.mark.parametrize(
    "pid, join, lines",
    [
        ("14", "一个可预测和透明的有利环境，包括要有政策", [87, 89]),
        ("50", "我们支持在国际、区域和国家各级努力", [179, 181]),
        ("59", "以推动信息和通信技术应用促进发展并从中受益", [203, 205]),
        ("98", "加强与其他数字讨论论坛的联系，并推动", [303, 305]),
        ("107", "为支持落实世界首脑会议成果所作的努力。我们赞赏", [325, 327]),
    ],
)
def test_paragraphs_cut_by_page_breaks_are_whole(doc: Document, pid: str, join: str, lines: list[int]) -> None:
    p = doc.paragraph(pid)
    assert join in p.text
    assert [s.line_start for s in p.spans] == lines


def test_every_other_paragraph_is_one_block(doc: Document) -> None:
    cut = {"5", "14", "50", "59", "98", "107"}
    for p in doc.paragraphs:
        assert (len(p.spans) > 1) == (p.id in cut), p.id


def test_text_kept_as_printed(doc: Document) -> None:
    assert "中小微型企業" in doc.paragraph("85").text  # traditional 業 as printed
    assert "2025 年 12 月 16 日" in doc.preamble[0].text  # layout spaces are the normaliser's job
    assert "《2030年可持续发展议程》" in doc.paragraph("18").text
    assert "第 79/277 号决议" in doc.preamble[4].text  # [79/277](#) unwrapped
    assert "第 75/240 号决议" in doc.paragraph("56").text
    for p in doc.all_paragraphs():
        for artefact in ("<sup>", "</sup>", "](#)", "\\", "**", "[", "##"):
            assert artefact not in p.text, (p.id, artefact)
        assert "\n" not in p.text  # the seed has no sub-items


# (paragraph, footnote, text just before the mark, text just after); checked by eye.
REFS = [
    ("pp6", "1", "《塞维利亚承诺》，", "该承诺更新了"),
    ("1", "2", "《世界人权宣言》，", "在此社会中"),
    ("2", "3", "《日内瓦原则宣言》、", "《日内瓦行动计划》"),
    ("2", "4", "《日内瓦行动计划》、", "《突尼斯承诺》"),
    ("2", "5", "《信息社会突尼斯议程》", "的承诺和执行。"),
    ("18", "6", "《2030年可持续发展议程》。", ""),
    ("23", "7", "《残疾人权利公约》", "确认需要确保"),
    ("25", "8", "《全球数字契约》", "的目标和承诺"),
    ("69", "9", "《维也纳宣言和行动纲领》", "所载的包括发展权"),
    ("71", "10", "框架》。", ""),
    ("74", "11", "《公民及政治权利国际公约》", "第十七条的承诺"),
    ("80", "12", "《儿童权利公约》，", "加强法律和政策"),
]


def test_footnote_refs_at_their_offsets(doc: Document) -> None:
    found = [(p.id, r.number) for p in doc.all_paragraphs() for r in p.footnote_refs]
    assert found == [(pid, n) for pid, n, _, _ in REFS]
    for pid, number, before, after in REFS:
        p = doc.paragraph(pid)
        (ref,) = [r for r in p.footnote_refs if r.number == number]
        assert p.text[: ref.offset].endswith(before), (pid, number)
        assert p.text[ref.offset:].startswith(after), (pid, number)
        if not after:
            assert ref.offset == len(p.text)


def test_converter_spaces_around_marks_removed(doc: Document) -> None:
    assert doc.paragraph("2").text == (
        "我们进一步重申对《日内瓦原则宣言》、《日内瓦行动计划》、《突尼斯承诺》和《信息社会突尼斯议程》的承诺和执行。"
    )
    assert "《世界人权宣言》，在此社会中" in doc.paragraph("1").text


def test_footnotes(doc: Document) -> None:
    assert [f.number for f in doc.footnotes] == [str(i) for i in range(1, 13)]
    texts = {f.number: f.text for f in doc.footnotes}
    assert texts["1"] == "第 79/323 号决议，附件。"
    assert texts["2"] == "第 217 A (III)号决议。"  # \(III\) unescaped, link unwrapped
    assert texts["3"] == "见 A/C.2/59/3，附件。"
    assert texts["4"] == "同上。"
    assert texts["5"] == "见 A/60/687。"
    assert texts["9"] == "A/CONF.157/24 (Part I)和 A/CONF.157/24 (Part I)/Corr.1，第三章。"
    assert texts["12"] == "联合国，《条约汇编》，第 1577 卷，第 27531 号。"


HEADINGS = [
    ("导言", "1"),
    ("信息和通信技术促进发展", "15"),
    ("弥合所有数字鸿沟", "19"),
    ("数字经济", "29"),
    ("社会和经济发展", "35"),
    ("环境影响", "42"),
    ("促进数字发展的有利环境", "48"),
    ("建立使用信息和通信技术的信心和安全保障", "54"),
    ("能力建设", "59"),
    ("资金机制", "62"),
    ("信息社会的人权与道德伦理层面", "68"),
    ("数据治理", "81"),
    ("人工智能", "84"),
    ("互联网治理", "88"),
    ("信息社会世界首脑会议框架的发展", "104"),
    ("监测与衡量", "114"),
    ("后续行动和审查", "119"),
]


def test_headings_with_the_paragraph_they_precede(doc: Document) -> None:
    assert [(h.text, h.before) for h in doc.headings] == HEADINGS
    # Masthead lines the converter made headings of are not section headings.
    texts = {h.text for h in doc.headings}
    assert not texts & {"大 会", "大会", "第八十届会议", "2025 年 12 月 17 日大会决议"}


def test_sections_on_operative_paragraphs(doc: Document) -> None:
    bounds = [int(b) for _, b in HEADINGS] + [128]
    for (title, _), lo, hi in zip(HEADINGS, bounds, bounds[1:]):
        for n in range(lo, hi):
            assert doc.paragraph(str(n)).section == title, n
    assert all(p.section is None for p in doc.preamble)


def test_closing_lines_are_not_text(doc: Document) -> None:
    last = doc.paragraph("127")
    assert last.text.endswith("找出需要继续关注的领域。")
    assert "全体会议" not in last.text[-20:]
    assert [(s.line_start, s.line_end) for s in last.spans] == [(371, 371)]


def test_json_round_trip(doc: Document) -> None:
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()
