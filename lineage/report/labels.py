"""Words every renderer shares: the three diff renderers, history, topics and blame.

**Change words.** One word per kind of change, everywhere a reader sees one: the pair kinds
of ``lineage.diff/1`` (``unchanged``, ``modified``, ``moved``, ``split``, ``merged``,
``inserted``, ``deleted``), plus ``renumbered`` (a paragraph whose number changed) and
``renamed`` (a heading whose text changed: the contract's ``modified`` heading). A footnote,
a heading, a topic paragraph or a paragraph's history step that appears is ``inserted`` and
one that disappears ``deleted``, as a paragraph pair is; no other word (added, new, removed,
dropped) names those changes. ``old`` and ``new`` name the two *versions* of a comparison,
never a change.

**Figures.** Each score is labelled with the name of its measure
(:mod:`lineage.compare.similarity`): ``similarity`` for the aligner's paragraph similarity,
``reuse score`` for the topic pairing, ``containment`` for blame."""
from __future__ import annotations

from lineage.report.inline import shown_similarity
from lineage.report.model import (
    DocInfo,
    FootnoteChange,
    MovedFrom,
    PairView,
    Part,
    RenumberEntry,
    Report,
)

__all__ = [
    "UNCHANGED",
    "MODIFIED",
    "MOVED",
    "SPLIT",
    "MERGED",
    "INSERTED",
    "DELETED",
    "RENUMBERED",
    "RENAMED",
    "SIMILARITY",
    "REUSE_SCORE",
    "CONTAINMENT",
    "KIND_DESCRIPTIONS",
    "TOPIC_STATUS_WORDS",
    "SUMMARY_HEADERS",
    "HEADING_CHANGES",
    "summary_rows",
    "pair_title",
    "moved_note",
    "moved_from_note",
    "renumber_change",
    "doc_facts",
    "header_rows",
    "footnote_title",
    "part_label",
    "similarity_label",
    "UI_LANGUAGES",
    "ZH",
    "PHRASES",
    "phrase",
    "kind_word",
    "heading_change",
]

UNCHANGED = "unchanged"
MODIFIED = "modified"
MOVED = "moved"
SPLIT = "split"
MERGED = "merged"
INSERTED = "inserted"
DELETED = "deleted"
RENUMBERED = "renumbered"
RENAMED = "renamed"

SIMILARITY = "similarity"
"""Label of :func:`lineage.compare.similarity.paragraph_similarity` (diff, history)."""
REUSE_SCORE = "reuse score"
"""Label of :func:`lineage.compare.similarity.reuse_score` (topics)."""
CONTAINMENT = "containment"
"""Label of :func:`lineage.compare.similarity.ngram_containment` (blame)."""

KIND_DESCRIPTIONS = {
    UNCHANGED: "same text (renumbering and presentation-only differences ignored)",
    MODIFIED: "same paragraph, text modified",
    MOVED: "changed its place relative to its neighbours",
    SPLIT: "one old paragraph became several",
    MERGED: "several old paragraphs became one",
    INSERTED: "paragraph inserted",
    DELETED: "paragraph deleted",
}

TOPIC_STATUS_WORDS = {"new": INSERTED, MODIFIED: MODIFIED, UNCHANGED: UNCHANGED, "dropped": DELETED}
"""A topic paragraph's status (``lineage.topic/1`` keeps ``new`` and ``dropped`` in its JSON;
renaming them would take a ``lineage.topic/2``) in the change words, in the order of the
topic table's columns."""

SUMMARY_HEADERS = ("kind", "count", "meaning")

HEADING_CHANGES = {MODIFIED: f"heading {RENAMED}", INSERTED: f"heading {INSERTED}",
                   DELETED: f"heading {DELETED}", UNCHANGED: ""}


# The one line a report opens its summary with when nothing substantive differs (a draft
# adopted word for word): presentation-only differences are no change.
SAME_TEXT = ("Same text word for word: no paragraph, footnote or heading changed "
             "(only renumbering or presentation may differ).")


def verdict(report: Report) -> str | None:
    """``SAME_TEXT`` when the whole comparison (not only the selection shown) has no change."""
    return None if report.changed else SAME_TEXT


def summary_rows(report: Report) -> list[tuple[str, str, str]]:
    """(kind, count, meaning) rows of the summary table: pair kinds, then footnotes and
    headings (in the report's ``ui`` language)."""
    if report.ui == "zh":
        rows = [(ZH[kind], str(n), ZH_KIND_DESCRIPTIONS[kind]) for kind, n in report.summary]
        rows.append(("脚注", str(report.footnotes_changed), "新增、删除或修改的脚注"))
        rows.append(("标题", str(report.headings_changed), "更名、新增或删除的章节标题"))
        return rows
    rows = [(kind, str(n), KIND_DESCRIPTIONS[kind]) for kind, n in report.summary]
    rows.append(("footnotes", str(report.footnotes_changed),
                 f"footnotes {INSERTED}, {DELETED} or {MODIFIED}"))
    rows.append(("headings", str(report.headings_changed),
                 f"section headings {RENAMED}, {INSERTED} or {DELETED}"))
    return rows


def pair_title(view: PairView, ui: str = "en") -> str:
    """``¶ 4``, ``¶ 9 → 8``, ``¶ 5 → 5, 6``, ``¶ 3 (new)``, ``¶ 3 (old)``; in Chinese
    ``第 4 段``, ``原第 9 段 → 第 8 段``, ``第 3 段（新增）``, ``原第 3 段（删除）``."""
    if view.old and view.new:
        if view.old_ids == view.new_ids:
            return _title("paragraph", ui, new=view.new_label)
        return _title("paragraph renumbered", ui, old=view.old_label, new=view.new_label)
    if view.new:
        return _title("paragraph new", ui, new=view.new_label, kind=kind_word(INSERTED, ui))
    return _title("paragraph old", ui, old=view.old_label, kind=kind_word(DELETED, ui))


def moved_note(view: PairView, ui: str = "en") -> str:
    """Where a moved paragraph came from, in words."""
    if ui == "zh":
        where = (f"原在原第 {view.moved_from_after} 段之后" if view.moved_from_after
                 else "原在原文本开头")
        return f"移自原第 {view.old_label} 段（{where}）"
    where = (f"after old ¶ {view.moved_from_after}" if view.moved_from_after
             else "at the start of the old version")
    return f"moved here from old ¶ {view.old_label}, which stood {where}"


def moved_from_note(marker: MovedFrom, ui: str = "en") -> str:
    if ui == "zh":
        return f"原第 {marker.old_label} 段原在此处，已移至第 {marker.new_label} 段"
    return f"old ¶ {marker.old_label} stood here; it moved to ¶ {marker.new_label}"


def renumber_change(entry: RenumberEntry, ui: str = "en") -> str:
    if entry.change == RENUMBERED and entry.shift is not None:
        sign = "+" if entry.shift > 0 else "−"
        if ui == "zh":
            return f"{ZH[RENUMBERED]}（{sign}{abs(entry.shift)}）"
        return f"{RENUMBERED} ({sign}{abs(entry.shift)})"
    return kind_word(entry.change, ui)


def part_label(part: Part, ui: str = "en") -> str:
    """Label of one part of a split or merge: ``¶ 5`` (new side) or ``old ¶ 6``."""
    if ui == "zh":
        return f"原第 {part.ref.id} 段" if part.ref.side == "old" else f"第 {part.ref.id} 段"
    return f"old ¶ {part.ref.id}" if part.ref.side == "old" else f"¶ {part.ref.id}"


def footnote_title(change: FootnoteChange, ui: str = "en") -> str:
    """``footnote 3 inserted``, ``footnote 4 → 3 modified``; ``脚注 3（新增）``."""
    if change.change in (INSERTED, DELETED):
        number = change.new_number if change.change == INSERTED else change.old_number
        return _title("footnote", ui, number=number, kind=kind_word(change.change, ui))
    if change.old_number == change.new_number:
        return _title("footnote", ui, number=change.new_number, kind=kind_word(MODIFIED, ui))
    return _title("footnote renumbered", ui, old=change.old_number, new=change.new_number,
                  kind=kind_word(MODIFIED, ui))


# The titles of a paragraph pair and of a footnote change, by report language: one template a
# case, the change word filled in from ``kind_word``.
_TITLES: dict[str, dict[str, str]] = {
    "paragraph": {"en": "¶ {new}", "zh": "第 {new} 段"},
    "paragraph renumbered": {"en": "¶ {old} → {new}", "zh": "原第 {old} 段 → 第 {new} 段"},
    "paragraph new": {"en": "¶ {new} (new)", "zh": "第 {new} 段（{kind}）"},
    "paragraph old": {"en": "¶ {old} (old)", "zh": "原第 {old} 段（{kind}）"},
    "footnote": {"en": "footnote {number} {kind}", "zh": "脚注 {number}（{kind}）"},
    "footnote renumbered": {"en": "footnote {old} → {new} {kind}", "zh": "脚注 {old} → {new}（{kind}）"},
}


def _title(key: str, ui: str, **fields: object) -> str:
    forms = _TITLES[key]
    return forms.get(ui, forms["en"]).format(**fields)


def doc_facts(info: DocInfo, *, with_hash: bool = True, ui: str = "en") -> list[tuple[str, str]]:
    """(label, value) rows describing a document, empty facts left out."""
    rows = [
        ("symbol", info.symbol or "—"),
        ("title", info.title or ""),
        ("date", info.date or ""),
        ("distribution", info.distribution or ""),
        ("session", info.session or ""),
        ("agenda items", ", ".join(info.agenda_items)),
        ("language", info.language or ""),
        ("source", f"{info.source_path} ({info.source_kind})"),
        ("sha256", (info.sha256 or "") if with_hash else ""),
        ("note", info.note or ""),
    ]
    return [(ZH_FACTS.get(k, k) if ui == "zh" else k, v) for k, v in rows if v]


def header_rows(report: Report, *, with_hash: bool = True) -> list[tuple[str, str, str]]:
    """(label, old value, new value) for every fact either document has, in a fixed order."""
    old = dict(doc_facts(report.old, with_hash=with_hash, ui=report.ui))
    new = dict(doc_facts(report.new, with_hash=with_hash, ui=report.ui))
    order = [k for k, _ in doc_facts(_EVERYTHING, ui=report.ui)]
    return [(k, old.get(k, ""), new.get(k, "")) for k in order if k in old or k in new]


# A document with every fact set, to read the fixed order of the facts from doc_facts itself.
_EVERYTHING = DocInfo(symbol="x", title="x", date="x", distribution="x", session="x",
                      agenda_items=("x",), language="x", source_path="x", source_kind="x",
                      sha256="x", note="x")


def similarity_label(view: PairView, ui: str = "en", scores: bool = True) -> str | None:
    """``similarity 0.87`` for a changed pair; never ``1.00`` when the text did change (a
    bracket or a comma in a long paragraph rounds up to it, which reads as "no change").
    None when ``scores`` is off (a report for readers, not for checking the aligner)."""
    if not scores or view.similarity is None or view.kind == UNCHANGED:
        return None
    return f"{phrase(SIMILARITY, ui)} {shown_similarity(view.similarity, view.segments)}"


# --- Chinese labels (``--ui zh``) ---------------------------------------------------------------
# Keyed by the same keys as the English words above (the contract's kinds, the fact names), so
# that a renderer asks for a key and gets the word of the report's ``ui`` language.

UI_LANGUAGES = ("en", "zh")
"""The languages the reports' own words exist in (``--ui``)."""

ZH = {
    "unchanged": "未改", "modified": "修改", "moved": "移动", "split": "拆分", "merged": "合并",
    "inserted": "新增", "deleted": "删除", "renumbered": "重新编号", "renamed": "更名",
    "new": "新", "old": "原",
}
"""The change words in Chinese, keyed by the English ones."""

ZH_KIND_DESCRIPTIONS = {
    "unchanged": "文字相同（不计重新编号和仅属呈现方式的差别）",
    "modified": "同一段落，文字有修改",
    "moved": "相对于前后段落位置有变",
    "split": "原一段拆分为数段",
    "merged": "原数段合并为一段",
    "inserted": "新增段落",
    "deleted": "删除段落",
}

ZH_HEADING_CHANGES = {"modified": "标题更名", "inserted": "标题新增", "deleted": "标题删除", "unchanged": ""}

ZH_FACTS = {
    "symbol": "文号", "title": "标题", "date": "日期", "distribution": "分发", "session": "届会",
    "agenda items": "议程项目", "language": "语言", "source": "来源", "sha256": "sha256", "note": "说明",
}

PHRASES: dict[str, dict[str, str]] = {
    "similarity": {"en": "similarity", "zh": "相似度"},
    "summary": {"en": "Summary", "zh": "摘要"},
    "renumbering": {"en": "Renumbering (old → new)", "zh": "重新编号（原 → 新）"},
    "renumbering none": {"en": "Renumbering: none (every paragraph kept its number and place)",
                         "zh": "重新编号：无（各段均保留原编号和位置）"},
    "changes": {"en": "Changes", "zh": "改动"},
    "all paragraphs": {"en": "all paragraphs", "zh": "全部段落"},
    "markers": {"en": "deletions [-…-], insertions {+…+}", "zh": "删除 [-…-]，插入 {+…+}"},
    "nothing to show": {"en": "(no paragraph to show)", "zh": "（无可显示的段落）"},
    "unchanged run": {"en": "= unchanged: ¶ {ids}", "zh": "= 未改：第 {ids} 段"},
    "old": {"en": "old", "zh": "原"},
    "new": {"en": "new", "zh": "新"},
    "change": {"en": "change", "zh": "改动"},
    "kind": {"en": "kind", "zh": "类别"},
    "count": {"en": "count", "zh": "数量"},
    "meaning": {"en": "meaning", "zh": "含义"},
    "old version": {"en": "old version", "zh": "原文本"},
    "new version": {"en": "new version", "zh": "新文本"},
    "not in old": {"en": "(not in the old version)", "zh": "（原文本中没有）"},
    "not in new": {"en": "(not in the new version)", "zh": "（新文本中没有）"},
    "redline": {"en": "Redline", "zh": "修订对照"},
    "legend": {"en": "Deletions are <del>struck through in red</del>, insertions <ins>underlined in "
                     "blue</ins>. Differences of presentation only (spacing, width, script slips, "
                     "renumbering) are not marked.",
               "zh": "删除的文字<del>以红色删除线标出</del>，插入的文字<ins>以蓝色下划线标出</ins>。"
                     "仅属呈现方式的差别（空格、全半角、繁简、重新编号）不予标出。"},
    "view": {"en": "View", "zh": "视图"},
    "inline": {"en": "Inline", "zh": "合并视图"},
    "side by side": {"en": "Side by side", "zh": "左右对照"},
    "text": {"en": "Text", "zh": "正文"},
    "nothing changed": {"en": "Nothing changed.", "zh": "没有改动。"},
    "see where it stood": {"en": "see where it stood", "zh": "查看原位置"},
    "go there": {"en": "go there", "zh": "前往"},
}
"""The reports' other words, by key and language."""


def phrase(key: str, ui: str = "en") -> str:
    """The phrase ``key`` in the report language ``ui`` (English when it has no translation)."""
    forms = PHRASES[key]
    return forms.get(ui, forms["en"])


def kind_word(kind: str, ui: str = "en") -> str:
    """A change word (``modified``) in the report language ``ui`` (``修改``)."""
    return ZH.get(kind, kind) if ui == "zh" else kind


def heading_change(kind: str, ui: str = "en") -> str:
    """``heading renamed`` / ``标题更名`` for a heading pair's kind."""
    return ZH_HEADING_CHANGES[kind] if ui == "zh" else HEADING_CHANGES[kind]
