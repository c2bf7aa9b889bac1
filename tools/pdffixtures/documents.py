"""The Documents the fixtures render, and how each one is dressed (masthead, front matter,
closing lines, fonts).

The texts are real: the seed (A/RES/80/173, Chinese), the Tunis Agenda excerpt and the
A/RES/70/125 English excerpt under ``tests/data/reference/``. Where a fixture needs text the
repository does not have (the L-document's sub-items and sponsors), it is marked as
constructed in ``tests/pdfs/index.toml``.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

from .furniture import Furniture
from .layout import Block
from .masthead import UnMasthead, WsisMasthead

__all__ = ["Spec", "REPO", "SEED", "load_seed_document", "resolution_spec", "limited_spec",
           "wsis_spec", "english_spec", "blocks_for"]

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"
REFERENCE = REPO / "tests" / "data" / "reference"


@dataclass
class Spec:
    """One fixture to render: the gold Document and how it is dressed."""

    name: str
    doc: Document
    description: str
    furniture: Furniture
    front: list[Block] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    fonts: str = "embedded"  # or "cid"
    english: bool = False
    origin: str = "official text"
    leading: float | None = None  # line pitch, when the document is set looser than the default


def load_seed_document() -> Document:
    """The seed as the project's reader gives it (the definition of the gold text)."""
    from lineage.read import read_document

    return read_document(SEED)


def _para_blocks(p: Paragraph) -> list[Block]:
    """A paragraph, split at ``\\n`` into its intro and sub-items (each keeps its marks)."""
    marks = [(r.offset, r.number) for r in p.footnote_refs]
    parts = p.text.split("\n")
    out: list[Block] = []
    start = 0
    for k, part in enumerate(parts):
        end = start + len(part)
        pm = [(o - start, n) for o, n in marks if start <= o <= end]
        if k == 0:
            if p.number is None:
                out.append(Block("preamble", part, marks=pm, pid=p.id))
            else:
                out.append(Block("operative", part, label=f"{p.number}.", marks=pm, pid=p.id))
        else:
            m = re.match(r"^(\([a-z]+\)|（[a-z]+）)\s*(.*)$", part)
            label, body = (m.group(1), m.group(2)) if m else ("", part)
            shift = len(part) - len(body)
            out.append(Block("subitem", body, label=label, pid=p.id, space_before=3.0,
                             marks=[(o - shift, n) for o, n in pm]))
        start = end + 1
    return out


def blocks_for(spec: Spec) -> list[Block]:
    """Front matter, the Document's paragraphs with their headings, closing lines."""
    doc = spec.doc
    heads: dict[str | None, list[Heading]] = {}
    for h in doc.headings:
        heads.setdefault(h.before, []).append(h)
    blocks = list(spec.front)
    for p in doc.all_paragraphs():
        for h in heads.get(p.id, []):
            # A lettered or numbered heading ("A. 引言") hangs its label like a paragraph number.
            m = _HEADING_LABEL.match(h.text)
            label, text = (m.group(1) + ".", m.group(2)) if m else (None, h.text)
            kind = "center_bold" if (h.level == 1 and not label and not spec.english) else "heading"
            blocks.append(Block(kind, text, label=label, space_before=12.0))
        blocks.extend(_para_blocks(p))
    for h in heads.get(None, []):
        blocks.append(Block("heading", h.text, space_before=12.0))
    blocks.extend(spec.closing)
    return blocks


# ---------------------------------------------------------------------------------------------
RES_TITLE = "关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件"


def resolution_spec(name: str, fonts: str) -> Spec:
    # Front and closing matter the fixture prints (masthead date, adopting formula, meeting),
    # which the document model keeps as metadata (docs/extraction.md).
    doc = replace(load_seed_document(), issued="2025-12-19",
                  formula="在其第八十届会议上通过了关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件：",
                  meeting="第 68 次全体会议")
    furn = Furniture(
        symbol="A/RES/80/173", job="25-21063", lang_mark="(C)", header_title=RES_TITLE,
        masthead=UnMasthead("A/RES/80/173", "General", "19 December 2025",
                            [("第八十届会议", False), ("议程项目 15", False),
                             ("信息和通信技术促进可持续发展", True)]),
    )
    front = [
        Block("center_bold", "2025 年 12 月 17 日大会决议", space_before=0.0),
        Block("center", "[未经发交主要委员会而通过 (A/80/L.41)]", space_before=4.0),
        Block("heading", RES_TITLE, label="80/173.", space_before=10.0),
        Block("plain", "大会，", space_before=8.0),
        Block("preamble", "在其第八十届会议上通过了关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件：",
              space_before=4.0),
        Block("center_bold", RES_TITLE, space_before=12.0),
    ]
    closing = [
        Block("right", "2025 年 12 月 17 日", space_before=24.0),
        Block("right", "第 68 次全体会议", space_before=2.0),
    ]
    what = ("TrueType CJK font embedded as a subset with ToUnicode" if fonts == "embedded"
            else "non-embedded CID font STSong-Light (UniGB-UCS2-H) and non-embedded Times")
    return Spec(name, doc, f"A/RES/80/173 (Chinese), whole seed text; {what}", furn, front, closing,
                fonts=fonts)


# Text the repository does not have, written for the L-document fixture in the style of the
# seed (a draft's sub-items); marked "constructed" in tests/pdfs/index.toml.
_L41_SUBITEMS = Paragraph(
    id="12 bis", number="12 bis", section=None,
    text=("我们呼吁各国政府和其他利益攸关方：\n"
          "(a) 加强国际合作，支持发展中国家的数字能力建设；\n"
          "(b) 在 2030 年之前实现普遍和有意义的连通性；\n"
          "(c) 分享最佳做法，包括通过互联网治理论坛分享。"),
)


def limited_spec(name: str, first_paragraphs: int = 12) -> Spec:
    """A/80/L.41: the draft that became A/RES/80/173 (its first paragraphs), L masthead."""
    seed = load_seed_document()
    paras = [copy.deepcopy(p) for p in seed.paragraphs[:first_paragraphs]]
    extra = replace(_L41_SUBITEMS, section=paras[-1].section)
    paras.append(extra)
    keep = {p.id for p in paras}
    refs = {r.number for p in [*seed.preamble, *paras] for r in p.footnote_refs}
    doc = Document(
        symbol="A/80/L.41", language="zh", source=Source("", "pdf"), date="2025-12-08",
        distribution="Limited", session="80", agenda_items=["15"], title=RES_TITLE,
        preamble=[copy.deepcopy(p) for p in seed.preamble], paragraphs=paras,
        headings=[copy.deepcopy(h) for h in seed.headings if h.before in keep],
        footnotes=[copy.deepcopy(f) for f in seed.footnotes if f.number in refs],
        formula="决定通过以下关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件：",
    )
    furn = Furniture(
        symbol="A/80/L.41", job="25-20417", lang_mark="(C)", header_title=None,
        masthead=UnMasthead("A/80/L.41", "Limited", "8 December 2025",
                            [("第八十届会议", False), ("议程项目 15", False),
                             ("信息和通信技术促进可持续发展", True)],
                            lang=["Chinese", "Original: English"]),
    )
    front = [
        Block("plain", "大会主席提交的决议草案", space_before=0.0),
        Block("heading", RES_TITLE, space_before=10.0),
        Block("plain", "大会，", space_before=8.0),
        Block("preamble", "决定通过以下关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件：",
              space_before=4.0),
        Block("center_bold", RES_TITLE, space_before=12.0),
    ]
    return Spec(name, doc, "A/80/L.41 (Chinese draft resolution): L-document masthead "
                "(Distr.: Limited, Chinese / Original: English), sponsor line, preamble, "
                f"paragraphs 1-{first_paragraphs} of the seed and a constructed paragraph "
                "'12 bis' with sub-items (a)-(c); embedded TrueType subsets",
                furn, front, [], origin="seed paragraphs; masthead date, sponsor line and "
                "paragraph 12 bis constructed")


_HEADING_LABEL = re.compile(r"^([A-Z]|[IVX]+|\d+)\.\s+(.*)$")


# The summit documents are set with 1.5 line spacing (looser than GA resolutions).
WSIS_LEADING = 24.0


def wsis_spec(name: str) -> Spec:
    """Tunis Agenda paragraphs 1-8 (the reference excerpt) under lettered headings."""
    lines = (REFERENCE / "tunis_agenda_zh_excerpt.txt").read_text(encoding="utf-8").splitlines()
    body = [ln.strip() for ln in lines[1:] if ln.strip()]
    title = body[0]
    paras: list[Paragraph] = []
    headings: list[Heading] = []
    pending: str | None = None
    letters = iter("ABCDEFGH")
    for ln in body[1:]:
        m = re.match(r"^(\d+)\.\s*(.*)$", ln)
        if not m:
            pending = f"{next(letters)}. {ln}"
            continue
        # The web copy has ASCII commas and brackets; the official PDF prints full-width ones.
        text = m.group(2).replace(",", "，").replace("(", "（").replace(")", "）")
        p = Paragraph(id=m.group(1), number=m.group(1), text=text, section=pending)
        if pending and (not headings or headings[-1].text != pending):
            headings.append(Heading(pending, p.id))
        paras.append(p)
    doc = Document(
        symbol="WSIS-05/TUNIS/DOC/6(Rev.1)", language="zh", source=Source("", "pdf"),
        date="2005-11-18", distribution=None, session=None, agenda_items=[], title=title,
        paragraphs=paras, headings=headings,
    )
    furn = Furniture(
        symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-C", job="05-62012", lang_mark="(C)",
        masthead=WsisMasthead("Document WSIS-05/TUNIS/DOC/6(Rev.1)-C", "18 November 2005", "English"),
    )
    front = [Block("center_bold", title, space_before=0.0)]
    return Spec(name, doc, "Tunis Agenda (WSIS-05/TUNIS/DOC/6(Rev.1)-C), Chinese, paragraphs 1-8 "
                "under lettered headings A., B.; WSIS summit masthead; embedded TrueType subsets",
                furn, front, [], origin="excerpt (tests/data/reference/tunis_agenda_zh_excerpt.txt); "
                "ASCII commas and brackets printed full-width; heading letters A., B. added",
                leading=WSIS_LEADING)


# Where the stored excerpt stops ("other internationa"), the fixture completes paragraph 12
# minimally; the completion is this string, marked in index.toml.
EN_COMPLETION = "lly agreed development goals."
EN_TITLE = ("Outcome document of the high-level meeting of the General Assembly on the overall "
            "review of the implementation of the outcomes of the World Summit on the "
            "Information Society")


def english_spec(name: str) -> Spec:
    """A/RES/70/125 paragraphs 8-12 (the reference excerpt), English layout, one footnote."""
    lines = (REFERENCE / "a_res_70_125_en_pdfpage4_excerpt.txt").read_text(encoding="utf-8").splitlines()
    lines = lines[lines.index("A/RES/70/125") + 1:]
    # Drop the tail of paragraph 7 that opens the page; rebuild paragraphs from the lines.
    lines = lines[lines.index("8."):]
    paras: list[Paragraph] = []
    headings: list[Heading] = []
    section = None
    cur: list[str] = []
    num = None
    i = 0

    def flush() -> None:
        if num is not None:
            paras.append(Paragraph(id=num, number=num, text=" ".join(cur), section=section))

    while i < len(lines):
        ln = lines[i].strip()
        m = re.match(r"^(\d+)\.(?:\s+(.*))?$", ln)
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if m and not m.group(2) and nxt and not nxt[0].islower() and not nxt.startswith("We") \
                and not re.match(r"^\d", nxt) and len(nxt.split()) <= 8:
            flush()
            num, cur = None, []
            section = f"{m.group(1)}. {nxt}"
            headings.append(Heading(section, None))
            i += 2
            continue
        if m:
            flush()
            num, cur = m.group(1), ([m.group(2)] if m.group(2) else [])
        else:
            cur.append(ln)
        i += 1
    cur[-1] += EN_COMPLETION
    flush()
    headings = [replace(h, before=next(p.id for p in paras if p.section == h.text)) for h in headings]
    # Paragraph 11 names the Geneva Declaration of Principles: footnote as the resolution has.
    anchor = "Geneva Declaration of Principles"
    paras = [replace(p, footnote_refs=[FootnoteRef("1", p.text.index(anchor) + len(anchor))]) if p.id == "11" else p
             for p in paras]
    doc = Document(
        symbol="A/RES/70/125", language="en", source=Source("", "pdf"), date="2015-12-16",
        distribution="General", session="70", agenda_items=["13", "17"], title=EN_TITLE,
        paragraphs=paras, headings=headings,
        footnotes=[Footnote("1", "See A/C.2/59/3, annex.")],
        issued="2016-02-01", meeting="95th plenary meeting",
        formula="Adopts the following outcome document of the high-level meeting of the General Assembly on the "
                "overall review of the implementation of the outcomes of the World Summit on the Information Society:",
    )
    furn = Furniture(
        symbol="A/RES/70/125", job="15-14366", lang_mark="(E)", header_title=EN_TITLE,
        masthead=UnMasthead("A/RES/70/125", "General", "1 February 2016",
                            [("Seventieth session", False), ("Agenda items 13 and 17", False)],
                            body="General Assembly", english=True),
    )
    front = [
        Block("center_bold", "Resolution adopted by the General Assembly on 16 December 2015",
              space_before=0.0),
        Block("center", "[without reference to a Main Committee (A/70/L.33)]", space_before=4.0),
        Block("heading", EN_TITLE, label="70/125.", space_before=10.0),
        Block("plain", "The General Assembly", space_before=8.0),
        Block("preamble", "Adopts the following outcome document of the high-level meeting of the "
              "General Assembly on the overall review of the implementation of the outcomes of the "
              "World Summit on the Information Society:", space_before=4.0),
        Block("center_bold", EN_TITLE, space_before=12.0),
    ]
    closing = [
        Block("right", "95th plenary meeting", space_before=24.0),
        Block("right", "16 December 2015", space_before=2.0),
    ]
    return Spec(name, doc, "A/RES/70/125 (English), paragraphs 8-12: Times-metric Liberation Serif "
                "embedded, justified with stretched word spaces, hyphenated line breaks, a numbered "
                "heading, one footnote", furn, front, closing, english=True,
                origin="excerpt (tests/data/reference/a_res_70_125_en_pdfpage4_excerpt.txt); the end "
                f"of paragraph 12 completed with {EN_COMPLETION!r}; footnote 1, adopting formula "
                "and meeting number constructed")


def with_pages(doc: Document, para_pages: dict[str, list[int]], fn_pages: dict[str, list[int]],
               source: Source) -> Document:
    """A copy of ``doc`` with the pages the layout put each paragraph and footnote on."""
    out = copy.deepcopy(doc)

    def paged(ps: list[Paragraph]) -> list[Paragraph]:
        return [replace(p, pages=list(para_pages.get(p.id, [])), spans=[]) for p in ps]

    return replace(out, source=source, preamble=paged(out.preamble), paragraphs=paged(out.paragraphs),
                   footnotes=[Footnote(f.number, f.text, list(fn_pages.get(f.number, []))) for f in out.footnotes],
                   warnings=[])


