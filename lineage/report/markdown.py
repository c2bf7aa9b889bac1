"""The Markdown report: the terminal report's content for a forge (a pull-request comment).

Deletions are ``<del>`` and insertions ``<ins>`` (both rendered by the common forges; Markdown
itself has no underline). Every piece of document text goes through
:func:`lineage.report.escape.escape_markdown`.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from lineage.model.comparison import Op
from lineage.report.escape import escape_markdown
from lineage.report.labels import (
    HEADING_CHANGES,
    INSERTED,
    MODIFIED,
    SUMMARY_HEADERS,
    footnote_title,
    header_rows,
    moved_from_note,
    moved_note,
    pair_title,
    part_label,
    renumber_change,
    similarity_label,
    summary_rows,
    verdict,
)
from lineage.report.model import MovedFrom, PairView, Report, SectionStart, format_ids

__all__ = ["render_markdown", "escape_markdown"]


def _segments(segments: Sequence[Op]) -> str:
    out = []
    for s in segments:
        text = escape_markdown(s.text)
        if s.op == "delete":
            out.append(f"<del>{text}</del>")
        elif s.op == "insert":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str]) -> list[str]:
    rule = {"left": "---", "right": "--:"}
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _header(report: Report) -> list[str]:
    # No sha256 rows: a forge comment is read, not verified; the HTML and JSON keep them.
    rows = [[k, escape_markdown(o), escape_markdown(n)] for k, o, n in header_rows(report, with_hash=False)]
    return [
        f"### lineage diff: {escape_markdown(report.old.label)} → {escape_markdown(report.new.label)}",
        "",
        *_table(("", "old", "new"), rows, ("left", "left", "left")),
    ]


def _summary(report: Report) -> list[str]:
    rows = summary_rows(report)
    same = verdict(report)
    return [*([f"**{same}**", ""] if same else []),
            "#### Summary", "", *_table(SUMMARY_HEADERS, rows, ("left", "right", "left"))]


def _renumbering(report: Report) -> list[str]:
    if not report.renumbering:
        return ["#### Renumbering", "", "None: every paragraph kept its number and place."]
    rows = [[escape_markdown(e.old), escape_markdown(e.new), renumber_change(e)] for e in report.renumbering]
    return ["#### Renumbering (old → new)", "", *_table(("old", "new", "change"), rows, ("left",) * 3)]


def _pair(view: PairView) -> list[str]:
    facts = [view.kind]
    if (sim := similarity_label(view)):
        facts.append(sim)
    lines = [f"**{escape_markdown(pair_title(view))}** · {', '.join(facts)}", ""]
    if view.moved_from:
        lines += [f"*{escape_markdown(moved_note(view))}*", ""]
    many = len(view.inline_parts) > 1
    for part in view.inline_parts:
        label = f"**\\[{escape_markdown(part_label(part))}\\]** " if many else ""
        lines += [f"> {label}{_segments(part.segments)}", ""]
    for change in view.footnote_changes:
        if change.change == MODIFIED:
            text = _segments(change.segments)
        elif change.change == INSERTED:
            text = _segments((Op("insert", change.new_text),))
        else:
            text = _segments((Op("delete", change.old_text),))
        lines += [f"- {escape_markdown(footnote_title(change))}: {text}"]
    if view.footnote_changes:
        lines.append("")
    return lines


def _items(report: Report) -> list[str]:
    lines: list[str] = []
    run: list[PairView] = []

    def flush() -> None:
        if run:
            ids = format_ids([i for v in run for i in v.new_ids])
            lines.extend([f"*unchanged: ¶ {escape_markdown(ids)}*", ""])
            run.clear()

    for item in report.items:
        if isinstance(item, PairView) and not item.changed:
            run.append(item)
            continue
        flush()
        if isinstance(item, SectionStart):
            note = f" *({HEADING_CHANGES[item.kind]})*" if item.changed else ""
            lines += [f"##### {_segments(item.segments)}{note}", ""]
        elif isinstance(item, MovedFrom):
            lines += [f"*↳ {escape_markdown(moved_from_note(item))}*", ""]
        else:
            lines += _pair(item)
    flush()
    return lines


def render_markdown(report: Report) -> str:
    """The report as Markdown for a forge comment (GitHub, GitLab, Gitea)."""
    shown = report.selection or "all paragraphs"
    lines = [
        *_header(report), "",
        *_summary(report), "",
        *_renumbering(report), "",
        f"#### Changes ({shown})", "",
        "Deletions are shown as <del>deleted</del>, insertions as <ins>inserted</ins>; "
        "presentation-only differences are not marked.", "",
        *(_items(report) or ["*No paragraph to show.*"]),
    ]
    return "\n".join(lines).rstrip() + "\n"
