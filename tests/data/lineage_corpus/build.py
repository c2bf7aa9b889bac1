"""Rebuild the lineage test corpus (this folder) from the real seed text.

    .venv/bin/python tests/data/lineage_corpus/build.py

A small multi-document corpus for graph, history, blame and topic tests. Everything but
A/RES/80/173 is GENERATED (marked ``origin = "reconstructed"`` with a note): the drafts are the
seed's paragraphs with hand-made edits, and "A/RES/70/125" is a few short paragraphs written
for the tests, NOT the real resolution. The edits, so tests can check what the tools find:

- A/80/L.41 (2025-12-01): para 4 says "公平的参与" (Rev.1 adds "有意义的"); para 17 has an extra
  last sentence on digital public infrastructure (dropped in Rev.1); para 99 extends the IGF
  mandate by ten years; para 103 does not exist yet.
- A/80/L.41/Rev.1 (2025-12-10): para 99 makes the IGF a permanent forum but without the
  budget clause; para 103 added. No ``revises`` link: the graph infers it from the symbol.
- A/RES/80/173 (2025-12-17): the seed's paragraphs, adopted from Rev.1.
- A/RES/70/125 (2015-12-16): four generated paragraphs; two of their sentences recur in the
  seed (one verbatim, one as a close variant), which blame must trace back to 2015.
- A/RES/60/252: listed in the manifest without a text.
"""
from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from lineage.corpus.manifest import Entry  # noqa: E402
from lineage.corpus.store import add_document, register_entry  # noqa: E402
from lineage.model.document import Document, Paragraph, Source  # noqa: E402
from lineage.read import read_document  # noqa: E402

SEED = REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"
KEEP = {str(n) for n in [*range(1, 21), *range(68, 81), *range(88, 104), *range(119, 128)]}
GENERATED = "Generated test fixture (tests/data/lineage_corpus/build.py): not a real UN text."

RES_70_125 = [
    ("pp1", None, "回顾大会 2006 年 3 月 27 日第 60/252 号决议，"),
    ("1", "1", "我们重申承诺，即人们在网下享有的权利在网上也须受到保护。我们呼吁各国尊重隐私权。"),
    ("2", "2", "我们对国家之间和国家内部在数字技术的开发、获取和使用方面存在严重的数字鸿沟感到担忧，这些鸿沟限制了首脑会议目标的实现。"),
    ("3", "3", "我们确认互联网治理论坛的作用，决定将其任务期限再延长 10 年。论坛应在工作方式上取得进展。"),
    ("4", "4", "我们请大会在 2025 年举行一次高级别会议。"),
]


def _subset(seed: Document, symbol: str, date: str) -> Document:
    paras = [dataclasses.replace(p) for p in seed.paragraphs if p.id in KEEP]
    return dataclasses.replace(
        seed,
        symbol=symbol,
        date=date,
        preamble=[dataclasses.replace(p) for p in seed.preamble],
        paragraphs=paras,
        headings=[h for h in seed.headings if h.before is None or h.before in KEEP or h.before.startswith("pp")],
        footnotes=[],
        warnings=[],
    )


def _strip_refs(doc: Document) -> Document:
    return dataclasses.replace(doc, preamble=[dataclasses.replace(p, footnote_refs=[]) for p in doc.preamble],
                               paragraphs=[dataclasses.replace(p, footnote_refs=[]) for p in doc.paragraphs])


def _edit(doc: Document, pid: str, text: str | None) -> Document:
    if text is None:
        return dataclasses.replace(doc, paragraphs=[p for p in doc.paragraphs if p.id != pid],
                                   headings=[h for h in doc.headings if h.before != pid])
    edit = [dataclasses.replace(p, text=text) if p.id == pid else p for p in doc.paragraphs]
    assert edit != doc.paragraphs, pid
    return dataclasses.replace(doc, paragraphs=edit)


def build(folder: Path = HERE) -> None:
    for sub in ("texts", "manifest.toml"):
        target = folder / sub
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    seed = _strip_refs(read_document(SEED))
    p4 = seed.paragraph("4").text
    p17 = seed.paragraph("17").text
    p99 = seed.paragraph("99").text
    assert "公平、有意义的参与" in p4 and "常设论坛" in p99

    l41 = _subset(seed, "A/80/L.41", "2025-12-01")
    l41 = _edit(l41, "4", p4.replace("公平、有意义的参与", "公平的参与"))
    l41 = _edit(l41, "17", p17 + "我们强调数字公共基础设施对于加快实现可持续发展目标的重要性。")
    l41 = _edit(l41, "99", "我们决定将互联网治理论坛的任务期限再延长 10 年，其秘书处将由秘书处经济和社会事务部承担。")
    l41 = _edit(l41, "103", None)

    rev1 = _subset(seed, "A/80/L.41/Rev.1", "2025-12-10")
    rev1 = _edit(rev1, "99", "我们决定将互联网治理论坛确立为联合国的一个常设论坛，其续设的秘书处将由秘书处经济和社会事务部承担。")

    res = _subset(seed, "A/RES/80/173", "2025-12-17")
    # Two sentences of the generated 2015 text stand in the seed already: para 70's first
    # sentence verbatim, para 10's first with "世界" added; nothing to edit.

    old = Document(
        symbol="A/RES/70/125", language="zh", date="2015-12-16",
        source=Source(path="generated", kind="text"),
        title="关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件",
        preamble=[Paragraph(id=i, text=t) for i, n, t in RES_70_125 if n is None],
        paragraphs=[Paragraph(id=i, number=n, text=t) for i, n, t in RES_70_125 if n is not None],
    )

    register_entry(folder, Entry(symbol="A/RES/60/252", kind="resolution", date="2006-03-27",
                                 title="World Summit on the Information Society"))
    add_document(folder, old, origin="reconstructed", builds_on=["A/RES/60/252"], notes=GENERATED)
    add_document(folder, l41, origin="reconstructed", builds_on=["A/RES/70/125"], notes=GENERATED)
    add_document(folder, rev1, origin="reconstructed", notes=GENERATED)
    add_document(folder, res, origin="reconstructed", adopted_from=["A/80/L.41/Rev.1"],
                 builds_on=["A/RES/70/125"],
                 notes="Paragraphs of the real seed (pp1-pp8, 1-20, 68-80, 88-103, 119-127), without footnotes.")


if __name__ == "__main__":
    build()
    print(f"rebuilt {HERE}")
