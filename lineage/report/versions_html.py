"""The history of every version as one self-contained HTML page (no script, nothing fetched:
the same Content-Security-Policy as the redline).

- each version has a colour; a paragraph shows its path as a strip with one cell per version
  (present, inserted, reworded, moved... coloured by the version that made the change);
- under the paragraph's text as it stands in the last version, one line per revision that
  changed it, in that version's colour, with its redline (deletions struck, insertions
  underlined);
- a CSS-only checkbox (an input before the page, sibling selectors, as the redline's view
  switch) hides the paragraphs that no revision touched;
- printing shows every paragraph and keeps the colours.
"""
from __future__ import annotations

from typing import Sequence

from lineage.model.history import CHANGE_WORDS, History, ParagraphHistory
from lineage.report.escape import escape_html as _e
from lineage.report.labels import DELETED
from lineage.report.page import render_page

__all__ = ["render_history_html", "VERSION_COLOURS"]

VERSION_COLOURS = ("#6b7280", "#0b6e4f", "#1f5fbf", "#a23b72", "#b45309", "#5b21b6", "#0e7490", "#9f1239")
"""One colour per version, in order (cycled after eight); the first version's is neutral."""

_CSS = """
:root { --del: #b3141c; --del-bg: #fdecec; --ins: #0b4fb3; --ins-bg: #e8f0fe; --muted: #5f6368;
        --rule: #d0d4d9; --accent: #1a3d6d; }
* { box-sizing: border-box; }
body { margin: 0; color: #1b1b1b; background: #fff; line-height: 1.7;
       font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Serif", Georgia, serif; }
.page { max-width: 68rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; color: var(--accent); }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; color: var(--accent); border-bottom: 1px solid var(--rule); }
table { border-collapse: collapse; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .15rem; vertical-align: middle; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-underline-offset: .18em; }
.switch-input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.toolbar { position: sticky; top: 0; z-index: 2; background: #fff; padding: .5rem 0;
           border-bottom: 1px solid var(--rule); font-family: system-ui, sans-serif; font-size: .9rem; }
.toolbar label { cursor: pointer; border: 1px solid var(--accent); color: var(--accent);
                 padding: .15rem .8rem; border-radius: 1rem; }
#hide-unchanged:checked ~ .page label[for="hide-unchanged"] { background: var(--accent); color: #fff; }
#hide-unchanged:focus-visible ~ .page label[for="hide-unchanged"] { outline: 2px solid var(--ins); }
#hide-unchanged:checked ~ .page .para.untouched { display: none; }
.para { margin: 1rem 0; padding-left: .9rem; border-left: 3px solid var(--rule); }
.head { font-family: system-ui, sans-serif; font-size: .85rem; color: var(--muted); margin: 0; }
.head .pid { font-weight: 700; color: var(--accent); margin-right: .5rem; }
.strip { display: flex; gap: 2px; margin: .2rem 0; font-family: system-ui, sans-serif; font-size: .7rem; }
.strip span { flex: 1; min-width: 0; padding: 0 .3rem; border-radius: .15rem; white-space: nowrap;
              overflow: hidden; text-overflow: ellipsis; color: #fff; }
.strip .absent { background: #eceff3; color: var(--muted); }
.strip .unchanged { background: #f6f7f9; color: var(--muted); }
.text { margin: .2rem 0; white-space: pre-wrap; }
.step { margin: .15rem 0 .15rem .3rem; padding-left: .6rem; border-left: 4px solid; white-space: pre-wrap; font-size: .95rem; }
.step .who { font-family: system-ui, sans-serif; font-size: .75rem; font-weight: 600; margin-right: .4rem; }
.deleted-paragraphs li { margin: .3rem 0; }
@media print {
  .toolbar, .switch-input { display: none !important; }
  .para.untouched { display: block !important; }
  .para { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""



def _colour(v: int) -> str:
    return VERSION_COLOURS[v % len(VERSION_COLOURS)]


def _redline(ops: Sequence[tuple[str, str]]) -> str:
    return "".join(_e(t) if op == "equal" else f"<del>{_e(t)}</del>" if op == "delete" else f"<ins>{_e(t)}</ins>"
                   for op, t in ops)


def _paragraph(p: ParagraphHistory, labels: Sequence[str]) -> list[str]:
    untouched = not p.ever_changed and p.origin == 0
    cells = []
    for s in p.path:
        if s.change == "absent":
            cells.append(f'<span class="absent" title="{_e(labels[s.version])}: not yet in the text">—</span>')
        elif s.changed or (s.change == "present"):
            word = "present" if s.change == "present" else CHANGE_WORDS[s.change]
            cells.append(f'<span style="background:{_colour(s.version)}" title="{_e(labels[s.version])}: '
                         f'{_e(word)}">{_e(word)}</span>')
        else:
            cells.append(f'<span class="unchanged" title="{_e(labels[s.version])}: unchanged">=</span>')
    out = [f'<section class="para{" untouched" if untouched else ""}" id="p-{_e(p.id)}">',
           f'<p class="head"><span class="pid">¶ {_e(p.id)}</span>{_e(p.story)}</p>',
           f'<div class="strip" aria-label="path through the versions">{"".join(cells)}</div>',
           f'<p class="text">{_e(p.text)}</p>']
    for s in p.path:
        if s.changed:
            out.append(f'<p class="step" style="border-color:{_colour(s.version)}">'
                       f'<span class="who" style="color:{_colour(s.version)}">{_e(labels[s.version])}</span>'
                       f"{_redline(s.ops)}</p>")
    out.append("</section>")
    return out


def render_history_html(h: History) -> str:
    """The history as one self-contained HTML page."""
    labels = [v.label for v in h.versions]
    rows = "".join(
        f'<tr><td><span class="swatch" style="background:{_colour(i)}"></span> v{i + 1}</td>'
        f"<td>{_e(v.label)}</td><td>{_e(v.date or '')}</td><td>{_e(v.title or '')}</td><td><code>{_e(v.source)}</code></td></tr>"
        for i, v in enumerate(h.versions))
    steps = "".join(
        f"<tr><td>{_e(labels[s.to - 1])} → {_e(labels[s.to])}</td>"
        + "".join(f'<td class="n">{n}</td>' for _, n in s.counts) + "</tr>" for s in h.steps)
    kinds = "".join(f"<th>{_e(k)}</th>" for k, _ in h.steps[0].counts) if h.steps else ""
    removed = "".join(
        f"<li>¶ {_e(r.id)} of {_e(labels[r.last_version])}, {DELETED} in {_e(labels[r.removed_in])}: "
        f"<del>{_e(r.text)}</del></li>" for r in h.removed)
    body = [line for p in h.paragraphs for line in _paragraph(p, labels)]
    title = f"History: {' → '.join(labels)}"
    return render_page(title, [
        '<input type="checkbox" id="hide-unchanged" class="switch-input">',
        '<div class="page">',
        f"<h1>{_e(title)}</h1>",
        f'<table class="versions"><tr><th>version</th><th>label</th><th>date</th><th>title</th><th>source</th></tr>{rows}</table>',
        '<h2 id="steps">Each revision</h2>',
        f'<table class="steps"><tr><th>revision</th>{kinds}</tr>{steps}</table>',
        '<div class="toolbar"><label for="hide-unchanged">Hide paragraphs no revision changed</label></div>',
        f'<h2 id="text">Paragraphs of {_e(labels[-1])}</h2>',
        *body,
        *([f'<h2 id="deleted">{DELETED.capitalize()} along the way</h2><ul class="deleted-paragraphs">{removed}</ul>'] if removed else []),
        "</div>",
    ], css=_CSS)
