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
    headings."""
    rows = [(kind, str(n), KIND_DESCRIPTIONS[kind]) for kind, n in report.summary]
    rows.append(("footnotes", str(report.footnotes_changed),
                 f"footnotes {INSERTED}, {DELETED} or {MODIFIED}"))
    rows.append(("headings", str(report.headings_changed),
                 f"section headings {RENAMED}, {INSERTED} or {DELETED}"))
    return rows


def pair_title(view: PairView) -> str:
    """``¶ 4``, ``¶ 9 → 8``, ``¶ 5 → 5, 6``, ``¶ 3 (new)``, ``¶ 3 (old)``."""
    if view.old and view.new:
        if view.old_ids == view.new_ids:
            return f"¶ {view.new_label}"
        return f"¶ {view.old_label} → {view.new_label}"
    if view.new:
        return f"¶ {view.new_label} (new)"
    return f"¶ {view.old_label} (old)"


def moved_note(view: PairView) -> str:
    """Where a moved paragraph came from, in words."""
    where = (f"after old ¶ {view.moved_from_after}" if view.moved_from_after
             else "at the start of the old version")
    return f"moved here from old ¶ {view.old_label}, which stood {where}"


def moved_from_note(marker: MovedFrom) -> str:
    return f"old ¶ {marker.old_label} stood here; it moved to ¶ {marker.new_label}"


def renumber_change(entry: RenumberEntry) -> str:
    if entry.change == RENUMBERED and entry.shift is not None:
        sign = "+" if entry.shift > 0 else "−"
        return f"{RENUMBERED} ({sign}{abs(entry.shift)})"
    return entry.change


def part_label(part: Part) -> str:
    """Label of one part of a split or merge: ``¶ 5`` (new side) or ``old ¶ 6``."""
    return f"old ¶ {part.ref.id}" if part.ref.side == "old" else f"¶ {part.ref.id}"


def footnote_title(change: FootnoteChange) -> str:
    if change.change == INSERTED:
        return f"footnote {change.new_number} {INSERTED}"
    if change.change == DELETED:
        return f"footnote {change.old_number} {DELETED}"
    if change.old_number == change.new_number:
        return f"footnote {change.new_number} {MODIFIED}"
    return f"footnote {change.old_number} → {change.new_number} {MODIFIED}"


def doc_facts(info: DocInfo, *, with_hash: bool = True) -> list[tuple[str, str]]:
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
    return [(k, v) for k, v in rows if v]


def header_rows(report: Report, *, with_hash: bool = True) -> list[tuple[str, str, str]]:
    """(label, old value, new value) for every fact either document has, in a fixed order."""
    old = dict(doc_facts(report.old, with_hash=with_hash))
    new = dict(doc_facts(report.new, with_hash=with_hash))
    order = [k for k, _ in doc_facts(_EVERYTHING)]
    return [(k, old.get(k, ""), new.get(k, "")) for k in order if k in old or k in new]


# A document with every fact set, to read the fixed order of the facts from doc_facts itself.
_EVERYTHING = DocInfo(symbol="x", title="x", date="x", distribution="x", session="x",
                      agenda_items=("x",), language="x", source_path="x", source_kind="x",
                      sha256="x", note="x")


def similarity_label(view: PairView) -> str | None:
    """``similarity 0.87`` for a changed pair; never ``1.00`` when the text did change (a
    bracket or a comma in a long paragraph rounds up to it, which reads as "no change")."""
    if view.similarity is None or view.kind == UNCHANGED:
        return None
    return f"{SIMILARITY} {shown_similarity(view.similarity, view.segments)}"
