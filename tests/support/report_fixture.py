"""A hand-made comparison for the report tests: two small versions of a resolution.

Written by hand (not produced by the aligner) so that the renderers can be tested before and
independently of alignment, and so that every case a report must show is present once:

- every pair kind: unchanged (one only renumbered, one only changed in presentation),
  modified, moved (and edited), split, merged, inserted, deleted;
- Chinese and English paragraphs; sub-items on their own lines;
- footnote changes: a footnote whose text changed, a footnote added;
- headings: unchanged, renamed (互联网治理 → 互联网治理与数字合作), inserted;
- hostile text in a paragraph, a section title, a document title and a footnote:
  ``<script>alert(1)</script>`` and ``"><img src=x onerror=alert(1)>``.

The ops of every pair rebuild both texts exactly (``tests/test_report_model.py`` checks it).
"""
from __future__ import annotations

from lineage.model.comparison import Comparison, DocRef, HeadingPair, Op, Pair
from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

__all__ = ["SCRIPT", "IMG", "old_document", "new_document", "comparison", "fixture"]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

S_INTRO = "导言"
S_RIGHTS = "人权<i>与</i>网络"
S_IG = "互联网治理"
S_IG_NEW = "互联网治理与数字合作"
S_FOLLOW = "后续行动"


def _p(pid: str, text: str, section: str | None = None, refs: tuple[tuple[str, int], ...] = ()) -> Paragraph:
    number = None if pid.startswith("pp") else pid
    return Paragraph(id=pid, text=text, number=number, section=section,
                     footnote_refs=[FootnoteRef(n, o) for n, o in refs])


def old_document() -> Document:
    return Document(
        symbol="A/80/L.41",
        language="zh",
        source=Source(path="drafts/A_80_L.41.zh.md", kind="markdown", sha256="0" * 64),
        date="2025-12-10",
        distribution="Limited",
        session="80",
        agenda_items=["15"],
        title=f"信息社会世界首脑会议成果文件执行情况全面审查{SCRIPT}",
        preamble=[
            _p("pp1", "回顾大会第70/125号决议，"),
            _p("pp2", "Welcoming the contributions of all stakeholders,"),
        ],
        paragraphs=[
            _p("1", "我们重申对信息社会世界首脑会议愿景的承诺。", S_INTRO),
            _p("2", "我们承诺弥合数字鸿沟，包括连通性方面的鸿沟。", S_INTRO),
            _p("3", "我们注意到人工智能的迅速发展。", S_INTRO),
            _p("4", f"我们注意到{SCRIPT}带来的风险。", S_RIGHTS),
            _p("5", "我们重申人权在网上和网下同样适用。我们强调隐私权的重要性。", S_RIGHTS),
            _p("6", "The Internet Governance Forum shall continue its work.", S_IG),
            _p("7", "Its mandate is extended by ten years.", S_IG),
            _p("8", "我们请秘书长报告执行情况。", S_IG),
            _p("9", "互联网治理论坛成为常设论坛。", S_IG, refs=(("1", 14),)),
            _p("10", "Data governance requires international cooperation.", S_IG),
        ],
        headings=[Heading(S_INTRO, "1"), Heading(S_RIGHTS, "4"), Heading(S_IG, "6")],
        footnotes=[Footnote("1", "第 70/125 号决议。")],
    )


def new_document() -> Document:
    return Document(
        symbol="A/RES/80/173",
        language="zh",
        source=Source(path="corpora/texts/a-res-80-173.zh.txt", kind="corpus", sha256="f" * 64),
        date="2025-12-17",
        distribution="General",
        session="80",
        agenda_items=["15"],
        title="关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件",
        preamble=[
            _p("pp1", "回顾大会第 70/125 号决议，"),
            _p("pp2", "Welcoming the many contributions of Governments and all stakeholders,"),
        ],
        paragraphs=[
            _p("1", "我们重申对信息社会世界首脑会议愿景的承诺。", S_INTRO),
            _p("2", "我们承诺弥合所有数字鸿沟，包括可负担的连通性方面的鸿沟。", S_INTRO),
            _p("3", "我们欢迎设立数据治理工作组，其任务是：\n(a) 审查数据治理原则；\n(b) 提出建议。", S_INTRO),
            _p("4", f"我们注意到{IMG}带来的严重风险。", S_RIGHTS),
            _p("5", "我们重申人权在网上和网下同样适用。", S_RIGHTS),
            _p("6", "我们强调隐私权和言论自由的重要性。", S_RIGHTS),
            _p("7", "The Internet Governance Forum shall continue its work, and its mandate is "
                    "extended by ten years.", S_IG_NEW),
            _p("8", "互联网治理论坛成为常设论坛。", S_IG_NEW, refs=(("1", 14),)),
            _p("9", "Data governance requires international cooperation.", S_IG_NEW, refs=(("2", 51),)),
            _p("10", "我们请秘书长每年报告执行情况。", S_FOLLOW),
        ],
        headings=[Heading(S_INTRO, "1"), Heading(S_RIGHTS, "4"), Heading(S_IG_NEW, "7"),
                  Heading(S_FOLLOW, "10")],
        footnotes=[Footnote("1", "第 70/125 号决议，第 63 段。"),
                   Footnote("2", f"See resolution 79/1, {SCRIPT}.")],
    )


def _ops(*runs: tuple[str, str]) -> list[Op]:
    return [Op(op, text) for op, text in runs]


def comparison() -> Comparison:
    e, i, d = "equal", "insert", "delete"
    pairs = [
        Pair(["pp1"], ["pp1"], "unchanged", 1.0, []),
        Pair(["pp2"], ["pp2"], "modified", 0.82, _ops(
            (e, "Welcoming the "), (i, "many "), (e, "contributions of "), (i, "Governments and "),
            (e, "all stakeholders,"))),
        Pair(["1"], ["1"], "unchanged", 1.0, []),
        Pair(["2"], ["2"], "modified", 0.86, _ops(
            (e, "我们承诺弥合"), (i, "所有"), (e, "数字鸿沟，包括"), (i, "可负担的"), (e, "连通性方面的鸿沟。"))),
        Pair(["3"], [], "deleted"),
        Pair([], ["3"], "inserted"),
        Pair(["4"], ["4"], "modified", 0.61, _ops(
            (e, "我们注意到"), (d, SCRIPT), (i, IMG), (e, "带来的"), (i, "严重"), (e, "风险。"))),
        # Joined texts of a split: concatenated with no separator (Chinese).
        Pair(["5"], ["5", "6"], "split", 0.93, _ops(
            (e, "我们重申人权在网上和网下同样适用。我们强调隐私权"), (i, "和言论自由"), (e, "的重要性。"))),
        # Joined texts of a merge: separated by one space (English).
        Pair(["6", "7"], ["7"], "merged", 0.9, _ops(
            (e, "The Internet Governance Forum shall continue its work"), (d, ". Its"),
            (i, ", and its"), (e, " mandate is extended by ten years."))),
        Pair(["9"], ["8"], "unchanged", 1.0, []),
        Pair(["10"], ["9"], "unchanged", 1.0, []),
        Pair(["8"], ["10"], "moved", 0.9, _ops(
            (e, "我们请秘书长"), (i, "每年"), (e, "报告执行情况。"))),
    ]
    headings = [
        HeadingPair(S_INTRO, S_INTRO, "unchanged", "1", "1", 1.0, []),
        HeadingPair(S_RIGHTS, S_RIGHTS, "unchanged", "4", "4", 1.0, []),
        HeadingPair(S_IG, S_IG_NEW, "modified", "6", "7", 0.7, _ops((e, S_IG), (i, "与数字合作"))),
        HeadingPair(None, S_FOLLOW, "inserted", None, "10"),
    ]
    return Comparison(
        old=DocRef("A/80/L.41", "drafts/A_80_L.41.zh.md"),
        new=DocRef("A/RES/80/173", "corpora/texts/a-res-80-173.zh.txt"),
        pairs=pairs,
        headings=headings,
    )


def fixture() -> tuple[Comparison, Document, Document]:
    return comparison(), old_document(), new_document()
