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
    INSERTED,
    MODIFIED,
    SUMMARY_HEADERS,
    footnote_title,
    header_rows,
    heading_change,
    kind_word,
    moved_from_note,
    moved_note,
    pair_title,
    part_label,
    phrase,
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
        *_table(("", phrase("old", report.ui), phrase("new", report.ui)), rows, ("left", "left", "left")),
    ]


def _summary(report: Report) -> list[str]:
    rows = summary_rows(report)
    headers = [phrase(h, report.ui) for h in SUMMARY_HEADERS]
    same = verdict(report)
    return [*([f"**{same}**", ""] if same else []),
            f"#### {phrase('summary', report.ui)}", "", *_table(headers, rows, ("left", "right", "left"))]


def _renumbering(report: Report) -> list[str]:
    ui = report.ui
    if not report.renumbering:
        if ui == "zh":
            return [phrase("renumbering none", ui)]
        return ["#### Renumbering", "", "None: every paragraph kept its number and place."]
    rows = [[escape_markdown(e.old), escape_markdown(e.new), renumber_change(e, ui)] for e in report.renumbering]
    headers = [phrase(h, ui) for h in ("old", "new", "change")]
    return [f"#### {phrase('renumbering', ui)}", "", *_table(headers, rows, ("left",) * 3)]


def _pair(view: PairView, ui: str = "en", scores: bool = True) -> list[str]:
    facts = [kind_word(view.kind, ui)]
    if (sim := similarity_label(view, ui, scores)):
        facts.append(sim)
    lines = [f"**{escape_markdown(pair_title(view, ui))}** · {', '.join(facts)}", ""]
    if view.moved_from:
        lines += [f"*{escape_markdown(moved_note(view, ui))}*", ""]
    many = len(view.inline_parts) > 1
    for part in view.inline_parts:
        label = f"**\\[{escape_markdown(part_label(part, ui))}\\]** " if many else ""
        lines += [f"> {label}{_segments(part.segments)}", ""]
    for change in view.footnote_changes:
        if change.change == MODIFIED:
            text = _segments(change.segments)
        elif change.change == INSERTED:
            text = _segments((Op("insert", change.new_text),))
        else:
            text = _segments((Op("delete", change.old_text),))
        lines += [f"- {escape_markdown(footnote_title(change, ui))}{'：' if ui == 'zh' else ': '}{text}"]
    if view.footnote_changes:
        lines.append("")
    return lines


def _items(report: Report) -> list[str]:
    lines: list[str] = []
    run: list[PairView] = []

    def flush() -> None:
        if run:
            ids = format_ids([i for v in run for i in v.new_ids])
            said = phrase("unchanged run", report.ui).removeprefix("= ").format(ids=escape_markdown(ids))
            lines.extend([f"*{said}*", ""])
            run.clear()

    for item in report.items:
        if isinstance(item, PairView) and not item.changed:
            run.append(item)
            continue
        flush()
        if isinstance(item, SectionStart):
            note = f" *({heading_change(item.kind, report.ui)})*" if item.changed else ""
            lines += [f"##### {_segments(item.segments)}{note}", ""]
        elif isinstance(item, MovedFrom):
            lines += [f"*↳ {escape_markdown(moved_from_note(item, report.ui))}*", ""]
        else:
            lines += _pair(item, report.ui, report.scores)
            for pid in item.new_ids or item.old_ids:
                if pid in report.also_texts:
                    text = escape_markdown(report.also_texts[pid]).replace("\n", " ")
                    lines += [f"> *[{report.also_language}]* {text}", ""]
    flush()
    return lines


def render_markdown(report: Report) -> str:
    """The report as Markdown for a forge comment (GitHub, GitLab, Gitea)."""
    ui = report.ui
    shown = report.selection or phrase("all paragraphs", ui)
    changes = (f"#### {phrase('changes', ui)}（{shown}）" if ui == "zh" else f"#### Changes ({shown})")
    legend = ("删除的文字标为 <del>删除</del>，插入的文字标为 <ins>插入</ins>；仅属呈现方式的差别不予标出。"
              if ui == "zh" else "Deletions are shown as <del>deleted</del>, insertions as <ins>inserted</ins>; "
              "presentation-only differences are not marked.")
    lines = [
        *_header(report), "",
        *_summary(report), "",
        *_renumbering(report), "",
        changes, "",
        legend, "",
        *(_items(report) or [f"*{phrase('nothing to show', ui)}*"]),
    ]
    return "\n".join(lines).rstrip() + "\n"
