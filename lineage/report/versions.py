"""Every version in one report: build a :class:`~lineage.model.history.History` from a chain
of versions, and render it as text or Markdown (HTML: :mod:`lineage.report.versions_html`).

Consecutive versions are compared as ``lineage diff`` compares two (one
:func:`~lineage.compare.documents.compare_documents` per step); each paragraph of the last
version is then followed back, pair by pair, to the version it first appears in. A paragraph
that split is followed into the paragraph it split from, merged paragraphs into the first
of those merged. Its story says what each revision did: ``inserted in A/C.2/80/L.59,
reworded in A/RES/80/155`` or ``in A/C.2/80/L.3, unchanged since``.
"""
from __future__ import annotations

from collections import Counter
from pathlib import PurePath
from typing import Sequence

from lineage.compare.documents import compare_documents
from lineage.errors import UsageError
from lineage.model.comparison import PAIR_KINDS, Comparison, Pair
from lineage.model.document import Document
from lineage.model.history import (
    CHANGE_WORDS,
    History,
    ParagraphHistory,
    PathStep,
    RemovedParagraph,
    StepSummary,
    VersionInfo,
)
from lineage.report.escape import escape_markdown
from lineage.report.labels import DELETED
from lineage.report.versions_html import render_history_html

__all__ = ["HISTORY_FORMATS", "build_history", "render_history", "story"]

HISTORY_FORMATS = ("text", "md", "html", "json")


def _labels(docs: Sequence[Document]) -> list[str]:
    raw = [d.symbol or PurePath(d.source.path).name or d.source.path for d in docs]
    seen: Counter[str] = Counter(raw)
    out, used = [], Counter[str]()
    for label, d in zip(raw, docs):
        if seen[label] > 1:  # the same symbol twice (a draft and its reissue): say which file
            used[label] += 1
            label = f"{label} ({PurePath(d.source.path).name or used[label]})"
        out.append(label)
    return out


def story(path: Sequence[PathStep], labels: Sequence[str]) -> str:
    """``in V1, reworded in V3, unchanged since``; ``inserted in V2``."""
    origin = next(s for s in path if s.change != "absent")
    parts = [f"in {labels[0]}" if origin.version == 0 else f"inserted in {labels[origin.version]}"]
    last = origin.version
    for s in path[origin.version + 1:]:
        if s.changed:
            parts.append(f"{CHANGE_WORDS[s.change]} in {labels[s.version]}")
            last = s.version
    if last < len(labels) - 1:
        parts.append("unchanged since")
    return ", ".join(parts)


def _ops(pair: Pair, new_doc: Document, old_doc: Document) -> tuple[tuple[str, str], ...]:
    if pair.kind == "inserted":
        return tuple(("insert", new_doc.paragraph(i).text) for i in pair.new)
    if pair.kind == "unchanged" or not pair.ops:
        return ()
    return tuple((o.op, o.text) for o in pair.ops)


def build_history(docs: Sequence[Document]) -> History:
    """The history of the paragraphs of ``docs[-1]`` through ``docs`` (oldest first)."""
    if len(docs) < 2:
        raise UsageError("a history needs at least two versions")
    labels = _labels(docs)
    comparisons: list[Comparison] = [compare_documents(a, b) for a, b in zip(docs, docs[1:])]
    by_new = [{pid: pair for pair in c.pairs for pid in pair.new} for c in comparisons]
    steps = tuple(
        StepSummary(k + 1, tuple((kind, sum(1 for p in c.pairs if p.kind == kind)) for kind in PAIR_KINDS))
        for k, c in enumerate(comparisons))
    last = len(docs) - 1
    paragraphs = []
    for p in docs[-1].all_paragraphs():
        path: list[PathStep] = []
        pid: str | None = p.id
        for v in range(last, 0, -1):
            if pid is None:
                path.append(PathStep(v, None, "absent"))
                continue
            pair = by_new[v - 1].get(pid)
            if pair is None:  # cannot happen: every new id is in one pair
                path.append(PathStep(v, pid, "inserted"))
                pid = None
                continue
            path.append(PathStep(v, pid, pair.kind, _ops(pair, docs[v], docs[v - 1])))
            pid = pair.old[0] if pair.old else None
        path.append(PathStep(0, pid, "present" if pid is not None else "absent"))
        path.reverse()
        paragraphs.append(ParagraphHistory(p.id, p.text, p.section, tuple(path), story(path, labels)))
    removed = tuple(
        RemovedParagraph(pid, docs[k].paragraph(pid).text, k, k + 1)
        for k, c in enumerate(comparisons) for pair in c.pairs if pair.kind == "deleted" for pid in pair.old)
    versions = tuple(VersionInfo(label, d.symbol, d.title, d.date, d.source.path) for label, d in zip(labels, docs))
    return History(versions, steps, tuple(paragraphs), removed)


def _summary_line(step: StepSummary) -> str:
    shown = [f"{n} {kind}" for kind, n in step.counts if n and kind != "unchanged"]
    return ", ".join(shown) or "no change"


def _redline_text(ops: Sequence[tuple[str, str]]) -> str:
    return "".join(t if op == "equal" else f"[-{t}-]" if op == "delete" else f"{{+{t}+}}" for op, t in ops)


def _redline_md(ops: Sequence[tuple[str, str]]) -> str:
    out = []
    for op, t in ops:
        e = escape_markdown(t)
        out.append(e if op == "equal" else f"<del>{e}</del>" if op == "delete" else f"<ins>{e}</ins>")
    return "".join(out)


def _render_text(h: History, changed_only: bool) -> str:
    labels = [v.label for v in h.versions]
    lines = [f"lineage diff: {len(h.versions)} versions, {labels[0]} → {labels[-1]}", ""]
    for i, v in enumerate(h.versions):
        lines.append(f"  v{i + 1}  {v.label}  {v.date or ''}  {v.source}".rstrip())
    lines += ["", "Each revision:"]
    for step in h.steps:
        lines.append(f"  {labels[step.to - 1]} → {labels[step.to]}: {_summary_line(step)}")
    shown = "paragraphs changed along the way" if changed_only else "all paragraphs"
    lines += ["", f"Paragraphs of {labels[-1]} ({shown}; deletions [-…-], insertions {{+…+}})", ""]
    for p in h.paragraphs:
        if changed_only and not p.ever_changed and p.origin == 0:
            continue
        lines.append(f"¶ {p.id}  {p.story}")
        for s in p.path:
            if s.changed:
                lines.append(f"    {labels[s.version]}: {_redline_text(s.ops)}")
        if not p.ever_changed:
            lines.append(f"    {p.text}")
        lines.append("")
    if h.removed:
        lines.append(f"{DELETED.capitalize()} along the way:")
        for r in h.removed:
            lines.append(f"  ¶ {r.id} of {labels[r.last_version]}, {DELETED} in {labels[r.removed_in]}: {r.text}")
    return "\n".join(lines).rstrip() + "\n"


def _render_md(h: History, changed_only: bool) -> str:
    labels = [v.label for v in h.versions]
    lines = [f"### lineage diff: {len(h.versions)} versions", "", "| | version | date | source |", "|---|---|---|---|"]
    for i, v in enumerate(h.versions):
        lines.append(f"| v{i + 1} | {escape_markdown(v.label)} | {v.date or ''} | {escape_markdown(v.source)} |")
    lines += ["", "#### Each revision", ""]
    for step in h.steps:
        lines.append(f"- {escape_markdown(labels[step.to - 1])} → {escape_markdown(labels[step.to])}: "
                     f"{_summary_line(step)}")
    lines += ["", f"#### Paragraphs of {escape_markdown(labels[-1])}", ""]
    for p in h.paragraphs:
        if changed_only and not p.ever_changed and p.origin == 0:
            continue
        lines += [f"**¶ {escape_markdown(p.id)}** · {escape_markdown(p.story)}", ""]
        for s in p.path:
            if s.changed:
                lines += [f"> *{escape_markdown(labels[s.version])}:* {_redline_md(s.ops)}", ""]
        if not p.ever_changed:
            lines += [f"> {escape_markdown(p.text)}", ""]
    if h.removed:
        lines += [f"#### {DELETED.capitalize()} along the way", ""]
        lines += [f"- ¶ {escape_markdown(r.id)} of {escape_markdown(labels[r.last_version])}, {DELETED} in "
                  f"{escape_markdown(labels[r.removed_in])}: <del>{escape_markdown(r.text)}</del>" for r in h.removed]
    return "\n".join(lines).rstrip() + "\n"


def render_history(h: History, fmt: str, *, changed_only: bool = False) -> str:
    """``text``, ``md``, ``html`` or ``json`` (the ``lineage.history/1`` contract, always whole)."""
    if fmt == "json":
        return h.to_json()
    if fmt == "text":
        return _render_text(h, changed_only)
    if fmt == "md":
        return _render_md(h, changed_only)
    if fmt == "html":
        return render_history_html(h)
    raise UsageError(f"a history of more than two versions is written as {', '.join(HISTORY_FORMATS)}, not {fmt}")
