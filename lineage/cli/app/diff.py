"""``lineage diff``: two files read, compared, reported and rendered."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lineage.compare.documents import compare_documents
from lineage.errors import UsageError
from lineage.model.document import Document
from lineage.read import read_document
from lineage.report.build import build_report
from lineage.report.model import PairView, Report, ReportFilter, filter_report
from lineage.report.render import render_report
from lineage.trace.topics import get_topic, match_document

__all__ = ["FORMATS", "DiffOutput", "diff_documents", "diff_files", "topic_predicate"]

FORMATS = ("text", "md", "json", "html")


@dataclass(frozen=True)
class DiffOutput:
    """The rendered output and whether anything substantive differs (``--fail-on-change``)."""

    text: str
    changed: bool
    report: Report


def topic_predicate(name: str, old: Document, new: Document,
                    topic_dirs: Sequence[str | Path] = ()) -> Callable[[PairView], bool]:
    """Keep pairs in which either side's paragraph is on topic ``name`` (``lineage topic``;
    a topic's name or one of its terms, the bundled topics and those in ``topic_dirs``)."""
    topic = get_topic(name, topic_dirs)
    old_ids = {h.id for h in match_document(topic, old)}
    new_ids = {h.id for h in match_document(topic, new)}
    return lambda view: bool(old_ids.intersection(view.old_ids) or new_ids.intersection(view.new_ids))


def _check_paragraphs(ids: frozenset[str], old: Document, new: Document) -> None:
    known = {p.id for p in old.all_paragraphs()} | {p.id for p in new.all_paragraphs()}
    missing = sorted(ids - known)
    if missing:
        raise UsageError(f"--paragraph {', '.join(missing)}: no such paragraph in either version")


def diff_documents(old: Document, new: Document, *, fmt: str = "text", color: bool = False,
                   changed_only: bool = False, paragraphs: frozenset[str] = frozenset(),
                   topic: str | None = None, old_note: str | None = None,
                   new_note: str | None = None, old_label: str | None = None,
                   new_label: str | None = None, ui: str = "en",
                   scores: bool | None = None, topic_dirs: Sequence[str | Path] = ()) -> DiffOutput:
    """Compare two documents and render the comparison in ``fmt``.

    JSON is the full ``lineage.diff/1`` comparison; the selection options apply to the
    human-readable formats only, and combining them with JSON is a usage error (a filtered
    JSON would break the contract that every paragraph appears in exactly one pair).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    _check_paragraphs(paragraphs, old, new)
    selection = ReportFilter(changed_only=changed_only, paragraphs=paragraphs,
                             predicate=topic_predicate(topic, old, new, topic_dirs) if topic else None,
                             predicate_label=f"paragraphs on topic {topic}")
    if fmt == "json" and selection.active:
        raise UsageError("--changed-only, --paragraph and --topic do not apply to --format json "
                         "(JSON always holds the whole comparison)")
    comparison = compare_documents(old, new)
    report = build_report(comparison, old, new, old_note=old_note, new_note=new_note,
                          old_label=old_label, new_label=new_label, ui=ui, scores=scores)
    if fmt == "json":
        return DiffOutput(comparison.to_json(), report.changed, report)
    return DiffOutput(render_report(filter_report(report, selection), fmt, color=color),
                      report.changed, report)


def diff_files(old_path: str | Path, new_path: str | Path, **options: Any) -> DiffOutput:
    """``lineage diff``: read ``old_path`` and ``new_path`` (any format the readers accept)
    and diff them; ``options`` as for :func:`diff_documents`."""
    return diff_documents(read_document(old_path), read_document(new_path), **options)
