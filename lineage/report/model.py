"""The neutral report model: everything a reader of a comparison sees, as plain data.

:func:`lineage.report.build.build_report` walks the diff exactly once and produces a
:class:`Report`: header facts of both documents, the summary counts, the renumbering map and a
sequence of items (section starts, paragraph pairs, "moved from here" markers) whose text is
already cut into runs (:class:`~lineage.model.comparison.Op`, the one diff run type). The
terminal, Markdown and HTML renderers are pure functions over this model; none of them looks
at a comparison's pairs or at documents.

Structure travels as data (parts, anchors, links), never inside the text, so every renderer
escapes every text run without exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Callable, Sequence, Union

from lineage.model.comparison import Op

__all__ = [
    "DocInfo",
    "ParaRef",
    "Part",
    "FootnoteChange",
    "PairView",
    "MovedFrom",
    "SectionStart",
    "RenumberEntry",
    "Report",
    "Item",
    "ReportFilter",
    "filter_report",
    "format_ids",
]


@dataclass(frozen=True)
class DocInfo:
    """Header facts of one document, as a reader of the report needs them."""

    symbol: str | None
    title: str | None
    date: str | None
    distribution: str | None
    session: str | None
    agenda_items: tuple[str, ...]
    language: str | None
    source_path: str
    source_kind: str
    sha256: str | None
    note: str | None = None

    @property
    def label(self) -> str:
        """The symbol, or the file name when the document has none."""
        return self.symbol or PurePath(self.source_path).name or self.source_path


@dataclass(frozen=True)
class ParaRef:
    """One paragraph of one side: ``id`` as in the JSON contract, its section, its text."""

    side: str
    id: str
    section: str | None
    text: str

    @property
    def preambular(self) -> bool:
        return self.id.startswith("pp")


@dataclass(frozen=True)
class Part:
    """The segments belonging to one paragraph of a pair (several for splits and merges)."""

    ref: ParaRef
    segments: tuple[Op, ...]


@dataclass(frozen=True)
class FootnoteChange:
    """A footnote of a pair's paragraphs that was ``inserted``, ``deleted`` or ``modified``;
    ``segments`` is the redline of a modified footnote's text (empty otherwise)."""

    change: str
    old_number: str | None
    new_number: str | None
    old_text: str
    new_text: str
    segments: tuple[Op, ...] = ()


@dataclass(frozen=True)
class PairView:
    """One aligned pair, ready to render.

    ``segments`` is the whole redline (old → new); ``inline_parts`` cuts it at the paragraph
    boundaries of the side that has several paragraphs (new side for a split, old side for a
    merge); ``old_parts``/``new_parts`` are the two columns of a side-by-side view.
    ``moved_from`` is the anchor of the marker left where a moved paragraph used to stand;
    ``moved_from_after`` the old id it followed there (None: it was the first paragraph).
    """

    index: int
    kind: str
    anchor: str
    old: tuple[ParaRef, ...]
    new: tuple[ParaRef, ...]
    similarity: float | None
    section: str | None
    segments: tuple[Op, ...]
    inline_parts: tuple[Part, ...]
    old_parts: tuple[Part, ...]
    new_parts: tuple[Part, ...]
    footnote_changes: tuple[FootnoteChange, ...] = ()
    moved_from: str | None = None
    moved_from_after: str | None = None

    @property
    def old_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.old)

    @property
    def new_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.new)

    @property
    def old_label(self) -> str:
        return format_ids(self.old_ids)

    @property
    def new_label(self) -> str:
        return format_ids(self.new_ids)

    @property
    def renumbered(self) -> bool:
        return bool(self.old) and bool(self.new) and self.old_ids != self.new_ids

    @property
    def text_changed(self) -> bool:
        return self.kind != "unchanged"

    @property
    def changed(self) -> bool:
        """Anything a reader must look at: a substantive text change or a footnote change."""
        return self.text_changed or bool(self.footnote_changes)


@dataclass(frozen=True)
class MovedFrom:
    """A marker at the place a moved paragraph left, linking to where it went."""

    anchor: str
    pair_anchor: str
    old: tuple[ParaRef, ...]
    new: tuple[ParaRef, ...]

    @property
    def old_label(self) -> str:
        return format_ids(tuple(r.id for r in self.old))

    @property
    def new_label(self) -> str:
        return format_ids(tuple(r.id for r in self.new))


@dataclass(frozen=True)
class SectionStart:
    """A section heading before the paragraphs that follow. ``kind`` says how it changed
    (``unchanged``, ``modified`` = renamed, ``inserted``, ``deleted``); ``segments`` is the
    redline of its title."""

    title: str
    kind: str = "unchanged"
    segments: tuple[Op, ...] = ()
    anchor: str | None = None

    @property
    def changed(self) -> bool:
        return self.kind != "unchanged"


Item = Union[PairView, MovedFrom, SectionStart]


@dataclass(frozen=True)
class RenumberEntry:
    """One row of the renumbering map. ``old``/``new`` are display strings (``"4–20"``,
    ``"6, 7"``, ``"—"``); ``change`` is ``renumbered`` or a pair kind; ``shift`` is the
    constant difference of a renumbered run; ``anchor`` links to the pair (first of a run)."""

    old: str
    new: str
    change: str
    count: int = 1
    shift: int | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Report:
    old: DocInfo
    new: DocInfo
    summary: tuple[tuple[str, int], ...]
    footnotes_changed: int
    headings_changed: int
    renumbering: tuple[RenumberEntry, ...]
    items: tuple[Item, ...]
    # True when the comparison itself differs, whatever filter was applied to ``items``.
    changed: bool = False
    # What ``filter_report`` kept ("changed paragraphs", "paragraphs 4, 12", ...); None: all.
    selection: str | None = None

    @property
    def pairs(self) -> tuple[PairView, ...]:
        return tuple(i for i in self.items if isinstance(i, PairView))

    @property
    def changed_items(self) -> tuple[PairView | SectionStart, ...]:
        """Changed pairs and changed headings, in document order (for navigation lists)."""
        return tuple(i for i in self.items
                     if isinstance(i, (PairView, SectionStart)) and i.changed)


# --------------------------------------------------------------------------- ids and labels

_RUNNABLE = re.compile(r"([a-z]*)(\d+)")


def format_ids(ids: Sequence[str]) -> str:
    """``("4","5","6","9")`` -> ``"4–6, 9"``; ``("pp1","pp2","pp3")`` -> ``"pp1–pp3"``;
    ``()`` -> ``"—"``. Runs join consecutive numbers with the same prefix; ids such as
    ``"5 bis"`` stand alone."""
    if not ids:
        return "—"
    out: list[str] = []
    run: list[tuple[str, int]] = []

    def flush() -> None:
        if run:
            (p0, n0), (p1, n1) = run[0], run[-1]
            out.append(f"{p0}{n0}" if len(run) == 1 else
                       f"{p0}{n0}, {p1}{n1}" if len(run) == 2 else f"{p0}{n0}–{p1}{n1}")
            run.clear()

    for i in ids:
        m = _RUNNABLE.fullmatch(i)
        if m is None:
            flush()
            out.append(i)
            continue
        key = (m.group(1), int(m.group(2)))
        if run and (key[0] != run[-1][0] or key[1] != run[-1][1] + 1):
            flush()
        run.append(key)
    flush()
    return ", ".join(out)


# --------------------------------------------------------------------------- filtering

@dataclass(frozen=True)
class ReportFilter:
    """What part of a report to show. ``paragraphs`` match old or new ids; ``predicate`` is
    the hook for selections computed elsewhere (a topic's paragraphs, for instance)."""

    changed_only: bool = False
    paragraphs: frozenset[str] = frozenset()
    predicate: Callable[[PairView], bool] | None = field(default=None, compare=False)
    predicate_label: str = "selected paragraphs"

    @property
    def active(self) -> bool:
        return self.changed_only or bool(self.paragraphs) or self.predicate is not None

    def describe(self) -> str:
        """In words, for the reader: ``changed paragraphs; paragraphs 4, 12``."""
        parts = []
        if self.changed_only:
            parts.append("changed paragraphs")
        if self.paragraphs:
            parts.append("paragraphs " + ", ".join(sorted(self.paragraphs, key=_id_order)))
        if self.predicate is not None:
            parts.append(self.predicate_label)
        return "; ".join(parts) or "all paragraphs"

    def keeps(self, view: PairView) -> bool:
        if self.changed_only and not view.changed:
            return False
        if self.paragraphs and not (self.paragraphs & {*view.old_ids, *view.new_ids}):
            return False
        return self.predicate is None or self.predicate(view)


def filter_report(report: Report, selection: ReportFilter) -> Report:
    """The same report with only the selected pairs (and the markers and section starts that
    go with them; with ``changed_only`` alone, changed headings too). Header, summary and
    renumbering map stay whole."""
    if not selection.active:
        return report
    kept = {p.anchor for p in report.pairs if selection.keeps(p)}
    only_changed = selection.changed_only and not selection.paragraphs and selection.predicate is None
    items: list[Item] = []
    pending: SectionStart | None = None
    for item in report.items:
        if isinstance(item, SectionStart):
            if item.changed and only_changed:
                items.append(item)
                pending = None
            else:
                pending = item
            continue
        keep = item.anchor in kept if isinstance(item, PairView) else item.pair_anchor in kept
        if keep:
            if pending is not None:
                items.append(pending)
                pending = None
            items.append(item)
    return replace(report, items=tuple(items), selection=selection.describe())


def _id_order(pid: str) -> tuple[int, int, str]:
    m = _RUNNABLE.match(pid)
    return (0 if m and m.group(1) else 1, int(m.group(2)) if m else 0, pid)
