"""``lineage diff``: two files read, compared, reported and rendered."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lineage.compare.bridge import is_bridge, languages_differ
from lineage.compare.documents import compare_documents
from lineage.errors import UsageError
from lineage.model.document import Document
from lineage.read import read_documents
from lineage.report.build import build_report
from lineage.report.model import PairView, Report, ReportFilter, filter_report
from lineage.report.render import render_report

if TYPE_CHECKING:
    from lineage.model.history import History

__all__ = ["BINARY_FORMATS", "FORMATS", "DiffOutput", "HistoryOutput", "diff_documents", "diff_files",
           "diff_versions", "topic_predicate"]

FORMATS = ("text", "md", "json", "html", "docx", "pdf")
BINARY_FORMATS = ("docx", "pdf")
"""Formats written as a file (``-o``), never to standard output."""


@dataclass(frozen=True)
class DiffOutput:
    """The rendered output and whether anything substantive differs (``--fail-on-change``)."""

    text: str
    changed: bool
    report: Report | None  # None for a bridge (one document in two languages)
    warnings: tuple[str, ...] = ()
    data: bytes | None = None  # the file of a binary format (docx, pdf)


@dataclass(frozen=True)
class HistoryOutput:
    """The rendered history of several versions and whether any revision changed anything."""

    text: str
    changed: bool
    history: History


def topic_predicate(name: str, old: Document, new: Document,
                    topic_dirs: Sequence[str | Path] = ()) -> Callable[[PairView], bool]:
    """Keep pairs in which either side's paragraph is on topic ``name`` (``lineage topic``;
    a topic's name or one of its terms, the bundled topics and those in ``topic_dirs``)."""
    # imported here: only --topic needs the topic files (start-up, docs/performance.md)
    from lineage.trace.topics import get_topic, match_document

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
                   scores: bool | None = None, topic_dirs: Sequence[str | Path] = (),
                   also: str | None = None, also_corpus: str | Path | None = None) -> DiffOutput:
    """Compare two documents and render the comparison in ``fmt``.

    JSON is the full ``lineage.diff/1`` comparison; the selection options apply to the
    human-readable formats only, and combining them with JSON is a usage error (a filtered
    JSON would break the contract that every paragraph appears in exactly one pair).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if is_bridge(old, new):
        # One document in two languages: a word diff would mark every paragraph inserted and
        # deleted; the structures are compared instead, paragraph by paragraph.
        if fmt in BINARY_FORMATS:
            raise UsageError(f"--format {fmt} is for two versions in one language; {old.symbol or 'OLD'} and "
                             f"{new.symbol or 'NEW'} are one document in two languages (use text, md, html or json)")
        # imported here: a bridge is the rare case (start-up, docs/performance.md)
        from lineage.compare.bridge import check_bridge
        from lineage.report.bridge import render_bridge

        check = check_bridge(old, new)
        return DiffOutput(render_bridge(check, old, new, fmt, side_by_side=also is not None),
                          not check.consistent, None)
    warnings: tuple[str, ...] = ()
    if languages_differ(old, new):
        warnings = (f"warning: {old.symbol or 'OLD'} is in {old.language} and {new.symbol or 'NEW'} in "
                    f"{new.language}, so every paragraph shows as inserted and deleted; compare versions in "
                    f"one language, or add the {old.language} text of {new.symbol or 'NEW'} to the corpus "
                    f"as a bridge (lineage add FILE --symbol {new.symbol or 'SYMBOL'} --lang {old.language})",)
    also_texts = _also_texts(also, new, old, also_corpus) if also else {}
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
    if also_texts:
        report = dataclasses.replace(report, also_language=also, also_texts=also_texts)
    if fmt == "json":
        return DiffOutput(comparison.to_json(), report.changed, report, warnings)
    if fmt in BINARY_FORMATS:
        # imported here: lxml and the Chromium driver only for the formats that need them
        from lineage.report.docx import render_docx
        from lineage.report.pdf import render_pdf

        shown = filter_report(report, selection)
        data = render_docx(shown, old, new) if fmt == "docx" else render_pdf(shown)
        return DiffOutput("", report.changed, report, warnings, data)
    return DiffOutput(render_report(filter_report(report, selection), fmt, color=color),
                      report.changed, report, warnings)


def _also_texts(language: str, new: Document, old: Document,
                corpus_dir: str | Path | None) -> dict[str, str]:
    """Paragraph id -> text of the ``language`` version of the new document (else of the old
    one) from the corpus: what ``--also`` shows beside each paragraph."""
    if corpus_dir is None:
        raise UsageError(f"--also {language} needs a corpus holding the {language} text "
                         "(--corpus DIR, $LINEAGE_CORPUS or ./corpora)")
    # imported here: only --also reads the corpus (TOML parsing, start-up)
    from lineage.corpus.manifest import load_entry_document, load_manifest

    manifest = load_manifest(corpus_dir)
    for doc in (new, old):
        if not doc.symbol:
            continue
        if doc.language == language:
            return {p.id: p.text for p in doc.all_paragraphs()}
        entry = manifest.find(doc.symbol, language)
        if entry is not None and entry.has_text:
            other = load_entry_document(corpus_dir, entry)
            return {p.id: p.text for p in other.all_paragraphs()}
    symbols = " or ".join(s for s in dict.fromkeys((new.symbol, old.symbol)) if s) or "either document"
    raise UsageError(f"--also {language}: the corpus has no {language} text of {symbols} "
                     f"(add one: lineage add FILE --lang {language})")


def diff_files(old_path: str | Path, new_path: str | Path, *, changes: str = "accept",
               **options: Any) -> DiffOutput:
    """``lineage diff``: read ``old_path`` and ``new_path`` (any format the readers accept;
    tracked changes in Word files read as ``changes`` says) and diff them; ``options`` as for
    :func:`diff_documents`."""
    old, new = read_documents([old_path, new_path], changes)
    return diff_documents(old, new, **options)


def diff_versions(paths: list[str | Path], *, fmt: str = "text", changes: str = "accept",
                  changed_only: bool = False) -> HistoryOutput:
    """``lineage diff V1 V2 V3 ...``: every version in one report, the paragraphs of the last
    with their path through all (``lineage.history/1`` in JSON)."""
    from lineage.report.versions import HISTORY_FORMATS, build_history, render_history

    if fmt not in HISTORY_FORMATS:
        raise UsageError(f"a history of {len(paths)} versions is written as {', '.join(HISTORY_FORMATS)}, "
                         f"not {fmt}; compare two versions for a {fmt} redline (see 'lineage diff --help')")
    history = build_history(read_documents(paths, changes))
    text = render_history(history, fmt, changed_only=changed_only and fmt != "json")
    return HistoryOutput(text, history.changed, history)
