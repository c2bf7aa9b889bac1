"""The terminal report: header, summary and renumbering tables, then the changed paragraphs.

Deletions and insertions are marked with ANSI colour (red struck through, green underlined)
when the caller says the output is a terminal, and with wdiff's plain markers
``[-deleted-]{+inserted+}`` otherwise. Control characters of the document text are shown as
escapes, so a text cannot drive the terminal.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from lineage.model.comparison import DELETE, INSERT, Op
from lineage.report.escape import escape_terminal
from lineage.report.labels import (
    INSERTED,
    MODIFIED,
    SUMMARY_HEADERS,
    doc_facts,
    footnote_title,
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
from lineage.report.table import simple_table
from lineage.script.width import display_width

__all__ = ["render_terminal"]

_RESET = "\x1b[0m"
_STYLE = {"delete": "\x1b[31;9m", "insert": "\x1b[32;4m", "bold": "\x1b[1m", "dim": "\x1b[2m"}
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_INDENT = "    "


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def wrap(self, style: str, text: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if self.color and text else text

    def segment(self, seg: Op) -> str:
        text = escape_terminal(seg.text)
        if seg.op == "equal":
            return text
        if self.color:
            # Close the style at each line end so the indentation of the next line stays plain.
            return "\n".join(self.wrap(seg.op, line) for line in text.split("\n"))
        start, end = _MARKS[seg.op]
        return f"{start}{text}{end}"


def _body(segments: Sequence[Op], style: _Style, prefix: str = "") -> list[str]:
    text = prefix + "".join(style.segment(s) for s in segments)
    return [_INDENT + line for line in text.split("\n")]


def _header(report: Report, style: _Style) -> list[str]:
    lines = [style.wrap("bold", f"lineage diff: {escape_terminal(report.old.label)} → {escape_terminal(report.new.label)}")]
    for side, info in (("old", report.old), ("new", report.new)):
        lines.append("")
        name = phrase(side, report.ui)
        for key, value in doc_facts(info, with_hash=False, ui=report.ui):
            label = f"{name}{key}" if report.ui == "zh" else f"{name} {key}"
            pad = " " * max(18 - display_width(label), 1)
            lines.append(f"{label}{pad}{escape_terminal(value)}")
    return lines


def _summary(report: Report) -> list[str]:
    same = verdict(report)
    table = simple_table(summary_rows(report), [phrase(h, report.ui) for h in SUMMARY_HEADERS],
                         colalign=("left", "right", "left"))
    return [*([same, ""] if same else []), phrase("summary", report.ui), table]


def _renumbering(report: Report) -> list[str]:
    ui = report.ui
    if not report.renumbering:
        return [phrase("renumbering none", ui)]
    rows = [[escape_terminal(e.old), escape_terminal(e.new), renumber_change(e, ui)] for e in report.renumbering]
    table = simple_table(rows, [phrase(h, ui) for h in ("old", "new", "change")])
    return [phrase("renumbering", ui), table]


def _pair(view: PairView, style: _Style, ui: str = "en", scores: bool = True) -> list[str]:
    facts = [kind_word(view.kind, ui)]
    if (sim := similarity_label(view, ui, scores)):
        facts.append(sim)
    lines = [style.wrap("bold", escape_terminal(pair_title(view, ui))) + "  " + ", ".join(facts)]
    if view.moved_from:
        lines.append(_INDENT + (f"（{moved_note(view, ui)}）" if ui == "zh" else f"({moved_note(view)})"))
    many = len(view.inline_parts) > 1
    for part in view.inline_parts:
        lines.extend(_body(part.segments, style, f"[{part_label(part, ui)}] " if many else ""))
    for change in view.footnote_changes:
        if change.change == MODIFIED:
            segs: Sequence[Op] = change.segments
        else:
            segs = (Op(INSERT, change.new_text) if change.change == INSERTED
                    else Op(DELETE, change.old_text),)
        lines.extend(_body(segs, style, f"{footnote_title(change, ui)}{'：' if ui == 'zh' else ': '}"))
    return lines


def _unchanged_run(run: list[PairView], style: _Style, ui: str = "en") -> list[str]:
    ids = format_ids([i for v in run for i in v.new_ids])
    return [style.wrap("dim", phrase("unchanged run", ui).format(ids=escape_terminal(ids)))]


def _items(report: Report, style: _Style) -> Iterable[str]:
    run: list[PairView] = []
    for item in report.items:
        if isinstance(item, PairView) and not item.changed:
            run.append(item)
            continue
        if run:
            yield from _unchanged_run(run, style, report.ui)
            run = []
        if isinstance(item, SectionStart):
            yield ""
            if item.changed:  # bold would be cut by the colour resets of the segments
                title = "".join(style.segment(s) for s in item.segments)
                change = heading_change(item.kind, report.ui)
                yield f"{style.wrap('bold', '§')} {title}  " + (f"（{change}）" if report.ui == "zh" else f"({change})")
            else:
                yield style.wrap("bold", f"§ {escape_terminal(item.title)}")
        elif isinstance(item, MovedFrom):
            yield style.wrap("dim", f"↳ {moved_from_note(item, report.ui)}")
        else:
            yield from _pair(item, style, report.ui, report.scores)
            for pid in item.new_ids or item.old_ids:
                if pid in report.also_texts:
                    text = escape_terminal(report.also_texts[pid]).replace("\n", "\n" + _INDENT)
                    yield style.wrap("dim", f"{_INDENT}[{report.also_language}] {text}")
    if run:
        yield from _unchanged_run(run, style, report.ui)


def render_terminal(report: Report, *, color: bool = False) -> str:
    """The report as terminal text. ``color``: mark changes with ANSI colour instead of
    ``[-…-]{+…+}`` (the CLI decides: stdout is a terminal and colour was not turned off)."""
    style = _Style(color)
    lines = _header(report, style)
    lines += ["", *_summary(report), "", *_renumbering(report), ""]
    ui = report.ui
    shown = escape_terminal(report.selection or phrase("all paragraphs", ui))
    if ui == "zh":
        what = shown if color else f"{shown}；{phrase('markers', ui)}"
        lines.append(style.wrap("bold", f"{phrase('changes', ui)}（{what}）"))
    else:
        lines.append(style.wrap("bold", f"Changes ({shown}; deletions [-…-], insertions {{+…+}})")
                     if not color else style.wrap("bold", f"Changes ({shown})"))
    body = list(_items(report, style))
    lines.extend(body or [phrase("nothing to show", ui)])
    return "\n".join(lines).rstrip() + "\n"
