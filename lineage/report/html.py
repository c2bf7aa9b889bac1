"""The HTML redline: one self-contained file to open, forward and print.

- The page skeleton (security policy, fonts, palette, languages) is the shared one of
  :mod:`lineage.report.page`: everything inline, no JavaScript at all, nothing fetched;
  every element holding document text carries that document's ``lang``.
- Inline view by default (deletions struck through in red, insertions underlined in blue);
  side-by-side view through a pure-CSS switch (two radio buttons), which also works with
  JavaScript disabled.
- A print stylesheet gives a clean inline redline with paragraph numbers.
- Every piece of document text goes through :func:`html.escape`.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from lineage.model.comparison import Op
from lineage.report.escape import escape_html as _e
from lineage.report.labels import (
    DELETED,
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
    phrase,
    renumber_change,
    similarity_label,
    summary_rows,
    verdict,
)
from lineage.report.model import (
    FootnoteChange,
    MovedFrom,
    PairView,
    Part,
    Report,
    SectionStart,
)
from lineage.report.page import UI_FONTS, UI_LANGUAGE, lang_attr, render_page

__all__ = ["render_html"]

_CSS = """
h2.section { font-size: 1.1rem; border: 0; text-align: center; margin: 2.2rem 0 .8rem; }
table.docs td { overflow-wrap: anywhere; }
table.docs code { font-size: .8rem; }
.switch-input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.toolbar { position: sticky; top: 0; z-index: 2; background: #fff; padding: .5rem 0;
           border-bottom: 1px solid var(--rule); display: flex; gap: .5rem; align-items: center; }
.toolbar label { cursor: pointer; border: 1px solid var(--accent); color: var(--accent);
                 padding: .15rem .8rem; border-radius: 1rem; font-size: .9rem; }
#view-inline:checked ~ .page label[for="view-inline"],
#view-side:checked ~ .page label[for="view-side"] { background: var(--accent); color: #fff; }
#view-inline:focus-visible ~ .page label[for="view-inline"],
#view-side:focus-visible ~ .page label[for="view-side"] { outline: 2px solid var(--ins); }
nav.toc ol { columns: 14rem; padding-left: 1.2rem; margin: .3rem 0; font-size: .92rem; }
nav.toc a, .renumbering a { color: var(--accent); }
.pair { margin: .9rem 0; padding: .2rem 0 .2rem .9rem; border-left: 3px solid transparent; }
.pair.changed { border-left-color: var(--rule); }
.pair:target, .moved-from:target { background: #fff8e1; }
.pair-head { font-size: .85rem; color: var(--muted); margin: 0; font-family: UI_FONTS; }
.pair-head a { color: var(--accent); font-weight: 600; text-decoration: none; }
.kind { text-transform: uppercase; letter-spacing: .04em; font-size: .75rem; padding: 0 .35rem;
        border-radius: .2rem; background: #eef1f5; color: var(--accent); }
.kind-inserted .kind { background: var(--ins-bg); color: var(--ins); }
.kind-deleted .kind { background: var(--del-bg); color: var(--del); }
.note { font-size: .88rem; color: var(--muted); margin: .1rem 0; font-style: italic; }
.note a, .moved-from a { color: var(--accent); }
.para { margin: .25rem 0; white-space: pre-wrap; }
.num { font-weight: 700; margin-right: .5rem; }
.pp-id { font-size: .75rem; color: var(--muted); margin-right: .5rem; font-family: UI_FONTS; }
.was { font-size: .75rem; color: var(--muted); margin-left: .3rem; font-weight: 400; }
.unchanged .para { color: #3c4043; }
.side { display: none; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.pair.with-also { display: grid; grid-template-columns: 3fr 2fr; column-gap: 1.2rem; }
.pair.with-also > * { grid-column: 1; }
.pair.with-also > .also-col { grid-column: 2; grid-row: 1 / span 20; color: #333; border-left: 1px solid var(--rule); padding-left: .9rem; }
.col { min-width: 0; }
.col-label { font-size: .8rem; color: var(--accent); font-family: UI_FONTS;
             font-weight: 600; border-bottom: 1px solid var(--rule); }
.side-head { position: sticky; top: 2.6rem; z-index: 1; background: #fff; padding: .3rem 0 .3rem .9rem; }
.empty { color: var(--muted); font-style: italic; }
#view-side:checked ~ .page .inline { display: none; }
#view-side:checked ~ .page .side { display: grid; }
.footnotes { font-size: .88rem; margin: .3rem 0 .2rem; padding-left: 1.2rem; }
.moved-from { font-size: .88rem; color: var(--muted); margin: .6rem 0; padding-left: .9rem;
              border-left: 3px dashed var(--rule); font-style: italic; }
.filtered { background: #fff8e1; padding: .3rem .6rem; font-size: .9rem; }
""".replace("UI_FONTS", UI_FONTS)
"""The redline's own styles, after the shared ones (:data:`lineage.report.page.BASE_CSS`)."""

_PRINT_CSS = """  .toolbar, nav.toc, .switch-input { display: none !important; }
  .side { display: none !important; }
  .inline { display: block !important; }
  .pair { break-inside: avoid; border-left: 0; padding-left: 0; }
  h2 { break-after: avoid; }
  .pair:target, .moved-from:target { background: none; }
"""



def _segments(segments: Sequence[Op]) -> str:
    out = []
    for s in segments:
        if s.op == "delete":
            out.append(f"<del>{_e(s.text)}</del>")
        elif s.op == "insert":
            out.append(f"<ins>{_e(s.text)}</ins>")
        else:
            out.append(_e(s.text))
    return "".join(out)


_Langs = dict[str, str]
"""The ``lang`` attribute of each side's text: ``{"old": ' lang="zh"', "new": …}``."""


def _langs(report: Report) -> _Langs:
    old = report.old.language or report.new.language
    new = report.new.language or report.old.language
    return {"old": lang_attr(old), "new": lang_attr(new)}


def _number(part: Part, renumbered_from: str | None, side_label: bool, ui: str = "en") -> str:
    """The paragraph's printed number (operative) or a discreet id (preambular); ``old``
    before the number of an old paragraph shown in the inline view."""
    ref = part.ref
    # The report's own words: English, or Chinese with --ui zh.
    was_word = "原" if ui == "zh" else "was "
    was = (f'<span class="was" lang="{"zh" if ui == "zh" else UI_LANGUAGE}">({was_word}{_e(renumbered_from)})</span>'
           if renumbered_from else "")
    if ref.preambular:
        return f'<span class="pp-id">{_e(ref.id)}</span>'
    prefix = (("原" if ui == "zh" else "old ") if ref.side == "old" and side_label else "")
    return f'<span class="num">{prefix}{_e(ref.id)}.{was}</span>'


def _para(part: Part, langs: _Langs, renumbered_from: str | None = None,
          side_label: bool = True, ui: str = "en") -> str:
    return (f'<p class="para"{langs[part.ref.side]}>{_number(part, renumbered_from, side_label, ui)}'
            f'{_segments(part.segments)}</p>')


def _header(report: Report, langs: _Langs) -> list[str]:
    def cell(k: str, value: str, side: str) -> str:
        if k == "sha256":
            return f"<td><code>{_e(value)}</code></td>"
        return f"<td{langs[side]}>{_e(value)}</td>" if k == "title" else f"<td>{_e(value)}</td>"

    ui = report.ui
    rows = "".join(f'<tr><th scope="row">{_e(k)}</th>{cell(k, o, "old")}{cell(k, n, "new")}</tr>'
                   for k, o, n in header_rows(report))
    return [
        "<header>",
        f"<h1>{phrase('redline', ui)}: {_e(report.old.label)} → {_e(report.new.label)}</h1>",
        f'<table class="docs"><thead><tr><th></th><th scope="col">{phrase("old version", ui)}</th>'
        f'<th scope="col">{phrase("new version", ui)}</th></tr></thead><tbody>{rows}</tbody></table>',
        f'<p class="legend">{phrase("legend", ui)}</p>',
        "</header>",
    ]


def _summary(report: Report) -> list[str]:
    rows = [f'<tr><td>{_e(k)}</td><td class="n">{_e(n)}</td><td>{_e(m)}</td></tr>'
            for k, n, m in summary_rows(report)]
    head = "".join(f'<th scope="col">{_e(phrase(h, report.ui))}</th>' for h in SUMMARY_HEADERS)
    same = verdict(report)
    return [*([f'<p class="same-text"><strong>{_e(same)}</strong></p>'] if same else []),
            f'<section class="summary"><h2>{phrase("summary", report.ui)}</h2>',
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"]


def _renumbering(report: Report) -> list[str]:
    ui = report.ui
    if not report.renumbering:
        if ui == "zh":
            return [f'<section class="renumbering"><p>{_e(phrase("renumbering none", ui))}</p></section>']
        return ['<section class="renumbering"><h2>Renumbering</h2>'
                "<p>None: every paragraph kept its number and place.</p></section>"]
    rows = []
    for e in report.renumbering:
        new = f'<a href="#{_e(e.anchor)}">{_e(e.new)}</a>' if e.anchor else _e(e.new)
        rows.append(f"<tr><td>{_e(e.old)}</td><td>{new}</td><td>{_e(renumber_change(e, ui))}</td></tr>")
    return [f'<section class="renumbering"><h2>{_e(phrase("renumbering", ui))}</h2>',
            f'<table><thead><tr><th scope="col">{phrase("old", ui)}</th><th scope="col">{phrase("new", ui)}</th>'
            f'<th scope="col">{phrase("change", ui)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>']


def _toc(report: Report, langs: _Langs) -> list[str]:
    changed = report.changed_items
    ui = report.ui
    title = phrase("changes", ui)
    if not changed:
        return [f'<nav class="toc" aria-label="Changes"><h2>{title}</h2>'
                f"<p>{phrase('nothing changed', ui)}</p></nav>"]
    items = []
    for item in changed:
        if isinstance(item, SectionStart):
            label = f'§ <span{_section_lang(item, langs)}>{_e(item.title)}</span>'
            kind = heading_change(item.kind, ui)
        else:
            label, kind = _e(pair_title(item, ui)), kind_word(item.kind, ui)
        items.append(f'<li><a href="#{_e(item.anchor or "")}">{label}</a> '
                     f'<span class="kind">{_e(kind)}</span></li>')
    count = f"（{len(changed)}）" if ui == "zh" else f" ({len(changed)})"
    return ['<nav class="toc" aria-label="Changes">'
            f"<h2>{title}{count}</h2><ol>{''.join(items)}</ol></nav>"]


def _footnotes(changes: Sequence[FootnoteChange], langs: _Langs, ui: str = "en") -> str:
    if not changes:
        return ""
    items = []
    for c in changes:
        if c.change == MODIFIED:
            body, side = _segments(c.segments), "new"
        elif c.change == INSERTED:
            body, side = f"<ins>{_e(c.new_text)}</ins>", "new"
        else:
            body, side = f"<del>{_e(c.old_text)}</del>", "old"
        items.append(f"<li>{_e(footnote_title(c, ui))}{'：' if ui == 'zh' else ': '}"
                     f"<span{langs[side]}>{body}</span></li>")
    return f'<ul class="footnotes">{"".join(items)}</ul>'


def _column(parts: Sequence[Part], empty: str, langs: _Langs, ui: str = "en") -> str:
    body = ("".join(_para(p, langs, side_label=False, ui=ui) for p in parts)
            or f'<p class="para empty">{_e(empty)}</p>')
    return f'<div class="col">{body}</div>'


def _section_lang(item: SectionStart, langs: _Langs) -> str:
    """A heading is shown as the new version prints it, or the old one for a deleted one."""
    return langs["old" if item.kind == DELETED else "new"]


def _pair(view: PairView, langs: _Langs, ui: str = "en", scores: bool = True) -> list[str]:
    classes = f"pair kind-{view.kind}" + (" changed" if view.changed else " unchanged")
    sim = f" · {label}" if (label := similarity_label(view, ui, scores)) else ""
    out = [f'<article class="{classes}" id="{_e(view.anchor)}">']
    if view.changed:  # an unchanged paragraph reads as plain text, with its number
        out.append(f'<p class="pair-head"><a href="#{_e(view.anchor)}">{_e(pair_title(view, ui))}</a> '
                   f'<span class="kind">{_e(kind_word(view.kind, ui))}</span>{_e(sim)}</p>')
    if view.moved_from:
        out.append(f'<p class="note">{_e(moved_note(view, ui))} · '
                   f'<a href="#{_e(view.moved_from)}">{phrase("see where it stood", ui)}</a></p>')
    if ui == "zh" and view.kind in ("split", "merged"):
        out.append(f'<p class="note">{_e(pair_title(view, ui))}（{kind_word(view.kind, ui)}）</p>')
    elif view.kind == "split":
        out.append(f'<p class="note">old ¶ {_e(view.old_label)} was split into '
                   f'¶ {_e(view.new_label)}</p>')
    elif view.kind == "merged":
        out.append(f'<p class="note">old ¶ {_e(view.old_label)} were merged into '
                   f'¶ {_e(view.new_label)}</p>')
    renumbered = view.old_label if view.renumbered and len(view.old) == 1 == len(view.new) else None
    inline = "".join(_para(p, langs, renumbered if p.ref.side == "new" else None, ui=ui)
                     for p in view.inline_parts)
    out.append(f'<div class="inline">{inline}</div>')
    out.append('<div class="side">'
               + _column(view.old_parts, phrase("not in old", ui), langs, ui)
               + _column(view.new_parts, phrase("not in new", ui), langs, ui)
               + "</div>")
    out.append(_footnotes(view.footnote_changes, langs, ui))
    out.append("</article>")
    return out


def _items(report: Report, langs: _Langs) -> Iterable[str]:
    for item in report.items:
        if isinstance(item, SectionStart):
            note = (f' <span class="kind">{_e(heading_change(item.kind, report.ui))}</span>'
                    if item.changed else "")
            yield (f'<h2 class="section{" changed" if item.changed else ""}" '
                   f'id="{_e(item.anchor or "")}"><span{_section_lang(item, langs)}>'
                   f'{_segments(item.segments)}</span>{note}</h2>')
        elif isinstance(item, MovedFrom):
            yield (f'<p class="moved-from" id="{_e(item.anchor)}">↳ {_e(moved_from_note(item, report.ui))} · '
                   f'<a href="#{_e(item.pair_anchor)}">{phrase("go there", report.ui)}</a></p>')
        else:
            out = _pair(item, langs, report.ui, report.scores)
            also = [f'<p class="para also"{lang_attr(report.also_language)}>'
                    f'<span class="pp-id">{_e(report.also_language or "")} {_e(pid)}</span>'
                    f'{_e(report.also_texts[pid])}</p>'
                    for pid in (item.new_ids or item.old_ids) if pid in report.also_texts]
            if also:
                # Beside the paragraph: the article becomes two columns (.with-also).
                out[0] = out[0].replace('class="pair ', 'class="pair with-also ', 1)
                out.insert(-1, f'<div class="also-col">{"".join(also)}</div>')
            yield from out


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (no external resource of any kind)."""
    langs = _langs(report)
    ui = report.ui
    title = f"{phrase('redline', ui)}: {report.old.label} → {report.new.label}"
    filtered = (f'<p class="filtered">Shown: {_e(report.selection)}. The summary and the '
                "renumbering map cover the whole comparison.</p>" if report.selection else "")
    body = [
        # The view switch: radio inputs before the page so that CSS sibling selectors can
        # show one view or the other without any script.
        '<input type="radio" name="view" id="view-inline" class="switch-input" checked>',
        '<input type="radio" name="view" id="view-side" class="switch-input">',
        '<div class="page">',
        *_header(report, langs),
        f'<div class="toolbar" role="group" aria-label="View">{phrase("view", ui)}: '
        f'<label for="view-inline">{phrase("inline", ui)}</label>'
        f'<label for="view-side">{phrase("side by side", ui)}</label></div>',
        *_summary(report),
        *_renumbering(report),
        *_toc(report, langs),
        "<main>",
        f'<h2 id="text">{phrase("text", ui)}</h2>',
        filtered,
        # Column titles of the side-by-side view, once; sticky under the view switch.
        f'<div class="side side-head"><div class="col-label">{phrase("old", ui)}: {_e(report.old.label)}</div>'
        f'<div class="col-label">{phrase("new", ui)}: {_e(report.new.label)}</div></div>',
        *(list(_items(report, langs)) or ['<p class="empty">No paragraph to show.</p>']),
        "</main>",
        "</div>",
    ]
    return render_page(title, body, css=_CSS, print_css=_PRINT_CSS, language=ui)
