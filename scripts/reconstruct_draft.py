"""Reconstruct an EARLIER DRAFT of A/RES/80/173 for the bundled comparison. NOT an official text.

    .venv/bin/python scripts/reconstruct_draft.py [--corpus DIR] [--force] [--json FILE]

No informal draft of the WSIS+20 outcome is in the corpus, yet the toolkit's main job is to
compare two versions of a resolution. So this script makes a stand-in: it takes the adopted
Chinese text of A/RES/80/173 from the corpus and *reverts* the explicit list of negotiated
edits in :data:`EDITS` below, the kind published commentary on the drafts describes (wording
strengthened or softened, a sentence dropped, a paragraph added and one removed, one moved, one
split, a heading renamed). Each edit says what the final text has, what the draft is assumed to
have had, and why that is a plausible negotiating move. The edits were chosen and reviewed by
hand; the draft-only wording is invented for this purpose.

The result is written into the corpus with ``lineage.corpus.store.add_document`` as an
``informal-draft`` with ``origin = "reconstructed"``; its symbol field carries the name
:data:`DRAFT_NAME` (informal drafts have no UN symbol, and ``A/80/L.41`` is a real document this
is not), and its header says ``origin-kind: reconstructed``, so no one mistakes it for an
official text. Running the script again gives the same bytes (use ``--force`` to rewrite).

    lineage diff corpora/texts/WSIS+20_outcome_draft-reconstructed.zh.txt \\
                 corpora/texts/A-RES-80-173.zh.txt
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.corpus import load_entry_document  # noqa: E402
from lineage.corpus.manifest import load_manifest  # noqa: E402
from lineage.corpus.store import add_document, register_entry  # noqa: E402
from lineage.model.document import Document, FootnoteRef, Heading, Paragraph, Source  # noqa: E402

FINAL_SYMBOL = "A/RES/80/173"
DRAFT_NAME = "WSIS+20 outcome draft (reconstructed)"
DRAFT_TITLE = "关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件（重构的早期草案，非正式文本）"
NOTES = ("RECONSTRUCTED, NOT AN OFFICIAL TEXT: an earlier draft of A/RES/80/173 rebuilt by "
         "scripts/reconstruct_draft.py, which reverts a reviewed list of plausible negotiated "
         "edits; the draft-only wording is invented. Used for the bundled comparison.")
# Informal WSIS+20 drafts circulated from August to December 2025; a month is all we claim.
DRAFT_DATE = "2025-11"
# The draft stands before the L-document in the chain, so the L-document revises it.
NEXT_SYMBOL = "A/80/L.41"


@dataclass(frozen=True)
class DraftEdit:
    """One negotiated edit, stated from the draft to the final text.

    ``kind``:
    - ``wording``: in final paragraph ``where``, ``final`` (once) stood as ``draft``;
    - ``heading``: the heading ``final`` was ``draft``;
    - ``added``: final paragraph ``where`` was added late (absent from the draft);
    - ``removed``: the draft had paragraph ``draft`` right after final paragraph ``where``;
    - ``moved``: final paragraph ``where`` stood in the draft right after final paragraph
      ``draft``;
    - ``split``: final paragraphs ``where`` and ``final`` were one paragraph in the draft.
    """

    kind: str
    where: str
    final: str
    draft: str
    why: str


EDITS: tuple[DraftEdit, ...] = (
    DraftEdit("wording", "pp4", "欢迎", "注意到",
              "preamble: 'notes' strengthened to 'welcomes' the Summit of the Future"),
    DraftEdit("wording", "4", "公平、有意义的参与", "公平参与",
              "'equitable' became 'equitable and meaningful' participation"),
    DraftEdit("wording", "17",
              "并认识到需要在所有利益攸关方的参与下增加对其成功发展的投资。",
              "并认识到需要在所有利益攸关方的参与下增加对其成功发展的投资。我们鼓励各国制定关于数字公共基础设施的共同原则，并在联合国框架内分享相关经验。",
              "a sentence on common principles for digital public infrastructure was dropped"),
    DraftEdit("wording", "45", "我们促请所有利益攸关方改进数据收集", "我们鼓励所有利益攸关方改进数据收集",
              "'encourage' strengthened to 'urge' on e-waste data"),
    DraftEdit("wording", "50", "应请求向发展中国家提供技术援助", "向发展中国家提供技术援助",
              "technical assistance softened to 'upon request'"),
    DraftEdit("wording", "99",
              "其续设的秘书处将由秘书处经济和社会事务部根据联合国预算程序以稳定可持续的方式承担，并配备适当人员和资源。",
              "其秘书处将由秘书处经济和社会事务部承担。",
              "budget language on the permanent IGF's secretariat added at the end"),
    DraftEdit("heading", "", "弥合所有数字鸿沟", "弥合数字鸿沟",
              "section title: 'bridging digital divides' became 'bridging all digital divides'"),
    DraftEdit("added", "86", "", "",
              "paragraph on the inter-agency working group on AI added late"),
    DraftEdit("removed", "98", "",
              "我们请互联网治理论坛在其年度会议上专门讨论人工智能治理问题，并向委员会报告讨论结果。",
              "a paragraph asking the IGF to hold a dedicated AI governance session was dropped"),
    DraftEdit("moved", "65", "", "7",
              "the Sevilla Commitment paragraph moved from the introduction to financing"),
    DraftEdit("split", "30", "31", "",
              "one long paragraph on the digital economy split into two"),
)


class EditError(Exception):
    """An edit does not fit the final text (the corpus text changed): review EDITS."""


@dataclass
class _Slot:
    """A paragraph of the draft being built, with the headings printed before it."""

    paragraph: Paragraph
    headings: list[Heading]


def _replace_once(p: Paragraph, final: str, draft: str) -> Paragraph:
    count = p.text.count(final)
    if count != 1:
        raise EditError(f"paragraph {p.id}: {final!r} occurs {count} times, expected once")
    at = p.text.index(final)
    shift = len(draft) - len(final)
    refs = [r if r.offset <= at else FootnoteRef(r.number, r.offset + shift)
            for r in p.footnote_refs]
    if any(at < r.offset < at + len(final) for r in p.footnote_refs):
        raise EditError(f"paragraph {p.id}: the edit would cut a footnote mark")
    return dataclasses.replace(p, text=p.text.replace(final, draft), footnote_refs=refs)


def reconstruct(final: Document, edits: tuple[DraftEdit, ...] = EDITS) -> Document:
    """The draft: ``final`` with ``edits`` reverted, renumbered as drafts are (1, 2, ...)."""
    before: dict[str | None, list[Heading]] = {}
    for h in final.headings:
        before.setdefault(h.before, []).append(h)
    slots = [_Slot(p, list(before.get(p.id, []))) for p in final.all_paragraphs()]
    trailing = list(before.get(None, []))

    def find(pid: str) -> _Slot:
        for s in slots:
            if s.paragraph.id == pid:
                return s
        raise EditError(f"no paragraph {pid} in {final.symbol}")

    for e in edits:
        if e.kind == "wording":
            s = find(e.where)
            s.paragraph = _replace_once(s.paragraph, e.final, e.draft)
        elif e.kind == "heading":
            hits = [(s, k) for s in slots for k, h in enumerate(s.headings) if h.text == e.final]
            if len(hits) != 1:
                raise EditError(f"heading {e.final!r} found {len(hits)} times")
            s, k = hits[0]
            s.headings[k] = dataclasses.replace(s.headings[k], text=e.draft)
        elif e.kind == "added":
            s = find(e.where)
            k = slots.index(s)
            slots.remove(s)
            if s.headings:  # its headings stay in place, before the next paragraph
                slots[k].headings[:0] = s.headings
        elif e.kind == "removed":
            s = find(e.where)
            extra = Paragraph(id="draft-extra", number="draft-extra", text=e.draft,
                              section=s.paragraph.section)
            slots.insert(slots.index(s) + 1, _Slot(extra, []))
        elif e.kind == "moved":
            s, anchor = find(e.where), find(e.draft)
            k = slots.index(s)
            slots.remove(s)
            if s.headings:
                slots[k].headings[:0] = s.headings
                s.headings = []
            slots.insert(slots.index(anchor) + 1, s)
        elif e.kind == "split":
            first, second = find(e.where), find(e.final)
            if slots.index(second) != slots.index(first) + 1 or second.headings:
                raise EditError(f"paragraphs {e.where} and {e.final} are not neighbours")
            a, b = first.paragraph, second.paragraph
            refs = a.footnote_refs + [FootnoteRef(r.number, r.offset + len(a.text))
                                      for r in b.footnote_refs]
            first.paragraph = dataclasses.replace(a, text=a.text + b.text, footnote_refs=refs,
                                                  pages=sorted(set(a.pages + b.pages)))
            slots.remove(second)
        else:
            raise EditError(f"unknown edit kind {e.kind!r}")
    return _renumber(final, slots, trailing)


def _renumber(final: Document, slots: list[_Slot], trailing: list[Heading]) -> Document:
    preamble: list[Paragraph] = []
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    for s in slots:
        p = s.paragraph
        # Line spans point into the final text's source file: they do not hold for the draft.
        if p.is_preambular:
            pid = f"pp{len(preamble) + 1}"
            preamble.append(dataclasses.replace(p, id=pid, spans=[]))
        else:
            pid = str(len(paragraphs) + 1)
            section = s.headings[-1].text if s.headings else (
                paragraphs[-1].section if paragraphs else None)
            paragraphs.append(dataclasses.replace(p, id=pid, number=pid, section=section,
                                                  spans=[]))
        headings.extend(dataclasses.replace(h, before=pid) for h in s.headings)
    headings.extend(dataclasses.replace(h, before=None) for h in trailing)
    return dataclasses.replace(
        final,
        symbol=DRAFT_NAME,
        date=DRAFT_DATE,
        distribution=None,
        title=DRAFT_TITLE,
        source=Source(path="scripts/reconstruct_draft.py", kind="reconstructed"),
        preamble=preamble,
        paragraphs=paragraphs,
        headings=headings,
        warnings=[],
    )


def link_next_version(corpus: Path, draft_symbol: str) -> None:
    """Make the L-document (an entry without text) revise the draft, so that graph, history,
    blame and the demo see draft -> A/80/L.41 -> A/RES/80/173."""
    for entry in load_manifest(corpus).by_symbol(NEXT_SYMBOL):
        if entry.has_text or draft_symbol in entry.revises:
            continue
        register_entry(corpus, dataclasses.replace(entry, revises=(*entry.revises, draft_symbol)),
                       force=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reconstruct an earlier draft of A/RES/80/173 "
                                     "(NOT an official text) and add it to the corpus.")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: "
                        "LINEAGE_CORPUS or the repository's corpora/)")
    parser.add_argument("--force", action="store_true", help="replace the draft if present")
    parser.add_argument("--json", type=Path, default=None,
                        help="also write the draft's Document JSON to this file")
    args = parser.parse_args(argv)
    # a checkout's tool: the repository's corpus unless told otherwise
    corpus = args.corpus or Path(os.environ.get("LINEAGE_CORPUS") or REPO / "corpora")
    entry = load_manifest(corpus).find(FINAL_SYMBOL, "zh")
    if entry is None or not entry.has_text:
        print(f"reconstruct_draft: {corpus}: no text of {FINAL_SYMBOL} (zh)", file=sys.stderr)
        return 2
    try:
        draft = reconstruct(load_entry_document(corpus, entry))
    except EditError as exc:
        print(f"reconstruct_draft: {exc}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(draft.to_json(), encoding="utf-8")
    added = add_document(corpus, draft, kind="informal-draft", origin="reconstructed",
                         title=DRAFT_TITLE, date=DRAFT_DATE, notes=NOTES, force=args.force)
    link_next_version(corpus, added.symbol)
    print(f"{added.label}: {corpus / added.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
