"""The Chromium fixture of ``tests/pdfs/independent/``: a Chinese excerpt written as HTML and
printed by ``chromium --headless --print-to-pdf``. Chromium lays out justified Chinese by
spreading the slack over every character gap, draws the running header and the footer
(symbol, job number, ``2/5`` page mark) in CSS ``@page`` margin boxes, and embeds its own
font subsets. No footnotes: Chromium cannot place them at the page bottom (CSS
``float: footnote`` is not implemented), so this fixture tests the other layout rules.

Used by ``tools/make_independent_pdfs.py``."""
from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["make_chromium", "make_chromium_en"]

CSS = """
@page { size: A4; margin: 2.2cm 2cm 2cm 2cm;
  @top-left { content: "A/RES/80/173"; font: bold 9pt 'Liberation Serif'; vertical-align: bottom;
              border-bottom: 0.5pt solid black; }
  @top-right { content: "信息社会世界首脑会议成果文件执行情况审查"; font: bold 9pt 'Liberation Serif', 'WenQuanYi Zen Hei';
               vertical-align: bottom; border-bottom: 0.5pt solid black; }
  @bottom-left { content: "25-21063"; font: 9pt 'Liberation Serif'; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 9pt 'Liberation Serif'; }
}
@page :first {
  @top-left { content: none; border: none; } @top-right { content: none; border: none; }
  @bottom-left { content: "25-21063 (C)"; } @bottom-right { content: "*2521063*"; }
}
body { font-family: 'Liberation Serif', 'AR PL UMing CN'; font-size: 12pt; line-height: 1.55;
       text-align: justify; margin: 0; font-synthesis: none; }
/* Bold the UN way: Latin in the bold face, Chinese in a Hei face (``font-synthesis: none``). */
.bold, .big, .resno, h2 { font-family: 'Liberation Serif', 'WenQuanYi Zen Hei'; font-weight: bold; }
p { margin: 0 0 6pt 0; }
.mast { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
.mast td { vertical-align: bottom; padding: 0; }
.mast tr:first-child td { border-bottom: 1.5pt solid black; }
.big { font-size: 18pt; font-weight: bold; }
.center { text-align: center; }
.bold { font-weight: bold; }
.resno { font-weight: bold; padding-left: 3em; text-indent: -3em; text-align: left; }
.pre { text-indent: 2em; }
.num { padding-left: 2.5em; text-indent: -2.5em; }
.num .n { display: inline-block; width: 2.5em; text-indent: 0; }
h2 { font-size: 12pt; text-align: left; margin: 12pt 0 6pt 0; }
.right { text-align: right; margin: 0; }
/* One paragraph "pasted from another document" in another CJK font: an OpenType/CFF face,
   which Chromium embeds as Type 3 fonts whose ToUnicode maps some ideographs to radicals. */
.alt { font-family: 'Liberation Serif', 'Noto Serif CJK SC'; }
"""


def _html(title: str, parts: list[tuple[str, object]], typed) -> str:
    body = [
        '<table class="mast"><tr><td class="bold">联合国</td><td></td><td style="text-align:right" class="big">A/RES/80/173</td></tr>',
        '<tr><td></td><td class="big">大　会</td><td>Distr.: General<br>19 December 2025</td></tr></table>',
        "<p style='margin:0'>第八十届会议<br>议程项目 15<br>信息和通信技术促进可持续发展</p>",
        "<p class='center bold'>2025年12月17日大会决议</p>",
        "<p class='center'>[未经发交主要委员会而通过(A/80/L.41)]</p>",
        f"<p class='resno'>80/173.&#x3000;{escape(title)}</p>",
        "<p>大会，</p>",
        f"<p class='pre'>在其第八十届会议上通过了{escape(title)}：</p>",
        f"<p class='center bold'>{escape(title)}</p>",
    ]
    for kind, obj in parts:
        if kind == "heading":
            body.append(f"<h2>{escape(obj[1])}</h2>")  # type: ignore[index]
        elif kind == "pre":
            body.append(f"<p class='pre'>{escape(typed(obj.text))}</p>")  # type: ignore[attr-defined]
        else:
            cls = "num alt" if obj.number == "26" else "num"  # type: ignore[attr-defined]
            body.append(f"<p class='{cls}'><span class='n'>{escape(obj.number)}.</span>{escape(typed(obj.text))}</p>")  # type: ignore[attr-defined]
    body.append("<p class='right'>2025年12月17日</p><p class='right'>第68次全体会议</p>")
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>A/RES/80/173</title>"
            f"<style>{CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n")


def make_chromium(out: Path, name: str = "chromium-zh") -> None:
    """Write ``name.html``, print it to ``name.pdf`` with headless Chromium, write the gold."""
    from tools.make_independent_pdfs import (
        REPO,
        ZH_TEXT,
        ZH_TITLE,
        Par,
        dumps,
        gold_document,
        read_corpus_text,
        sha256_file,
        word_source_text,
    )

    pars, notes, heads = read_corpus_text(ZH_TEXT)
    head_before = {before: text for text, before in heads}
    parts: list[tuple[str, object]] = []
    section = None
    # Paragraphs 26-47: four sections, no footnote marks.
    for n in (str(i) for i in range(26, 48)):
        if n in head_before or n == "26":
            section = head_before.get(n, head_before["19"])
            parts.append(("heading", (None, section)))
        text, refs = pars[n]
        assert not refs
        parts.append(("num", Par(n, n, text, [], section)))
    src = out / f"{name}.html"
    src.write_text(_html(ZH_TITLE, parts, word_source_text), encoding="utf-8")
    pdf = out / f"{name}.pdf"
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", src.resolve().as_uri()],
                       check=True, capture_output=True, timeout=300)
    meta = dict(symbol="A/RES/80/173", language="zh", date="2025-12-17", distribution="General",
                session="80", agenda_items=["15"], title=ZH_TITLE)
    gold = gold_document(pdf, parts, notes, meta)
    gold = replace(gold, source=replace(gold.source, sha256=sha256_file(pdf)))
    (out / f"{name}.gold.json").write_text(dumps(gold.to_dict()), encoding="utf-8")
    print(f"{pdf.relative_to(REPO)}: {gold.source.pages} pages, {pdf.stat().st_size // 1024} kB")


def _word_typing(text: str) -> str:
    """English as a careful typist keys it into a word processor: optional (soft) hyphens in
    long words, a non-breaking hyphen in "Secretary-General", a non-breaking space between a
    day and its month. The gold keeps the plain text."""
    import re

    text = text.replace("Secretary-General", "Secretary\u2011General")
    text = re.sub(r"(\d) (January|February|March|April|May|June|July|August|September|October|November|December)",
                  "\\1\u00a0\\2", text)
    return re.sub(r"[A-Za-z]{10,}", lambda m: m.group(0)[: len(m.group(0)) // 2] + "\u00ad" + m.group(0)[len(m.group(0)) // 2:],
                  text)


CSS_EN = """
@page { size: A4; margin: 2.2cm 3cm 2cm 3cm;
  @top-left { content: "A/RES/70/125"; font: bold 8pt 'Liberation Serif'; vertical-align: bottom; border-bottom: 0.5pt solid black; }
  @top-right { content: "Outcome document of the high-level meeting on the review of WSIS"; font: bold 8pt 'Liberation Serif';
               vertical-align: bottom; border-bottom: 0.5pt solid black; }
  @bottom-left { content: "15-14364"; font: 8pt 'Liberation Serif'; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 8pt 'Liberation Serif'; }
}
@page :first {
  @top-left { content: none; border: none; } @top-right { content: none; border: none; }
  @bottom-left { content: "15-14364 (E)"; } @bottom-right { content: "*1514364*"; }
}
body { font: 12pt/1.25 'Liberation Serif'; text-align: justify; margin: 0; }
p { margin: 0 0 6pt 0; }
.mast { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
.mast td { vertical-align: bottom; padding: 0; }
.mast tr:first-child td { border-bottom: 1.5pt solid black; }
.big { font-size: 17pt; font-weight: bold; }
.center { text-align: center; } .bold { font-weight: bold; }
.resno { font-weight: bold; padding-left: 4em; text-indent: -4em; text-align: left; }
.pre { text-indent: 3em; }
.num { padding-left: 3em; text-indent: -3em; } .num .n { display: inline-block; width: 3em; text-indent: 0; }
.sub { padding-left: 6em; text-indent: -3em; } .sub .n { display: inline-block; width: 3em; text-indent: 0; }
h2 { font-size: 12pt; font-weight: bold; margin: 10pt 0 6pt 0; padding-left: 3em; text-indent: -3em; }
h2 .n { display: inline-block; width: 3em; text-indent: 0; }
.right { text-align: right; margin: 0; font-style: italic; }
"""


def make_chromium_en(out: Path, name: str = "chromium-en") -> None:
    """The English resolution (no footnotes) printed by Chromium, typed with soft hyphens,
    non-breaking hyphens and spaces; write ``name.html``, ``name.pdf`` and the gold."""
    import re

    from tools.make_independent_pdfs import (
        EN_TITLE,
        REPO,
        Par,
        dumps,
        en_document,
        gold_document,
        sha256_file,
    )

    _, _, _, parts0, _, _, meta = en_document()
    parts: list[tuple[str, object]] = []
    for kind, obj in parts0:
        if kind == "heading":
            parts.append((kind, obj))
        else:
            parts.append((kind, Par(obj.id, obj.number, obj.text, [], obj.section, obj.italic_words)))  # type: ignore[attr-defined]

    def para(p: Par, cls: str) -> str:
        first, *subs = p.text.split("\n")
        word, rest = first.split(" ", 1)
        body = (f"<i>{escape(_word_typing(word))}</i> " if p.italic_words else escape(_word_typing(word)) + " ") + escape(_word_typing(rest))
        lab = f"<span class='n'>{escape(p.number)}.</span>" if p.number else ""
        html = [f"<p class='{cls}'>{lab}{body}</p>"]
        for s in subs:
            m = re.match(r"(\S+)\s*(.*)", s)
            html.append(f"<p class='sub'><span class='n'>{escape(m.group(1))}</span>{escape(_word_typing(m.group(2)))}</p>")
        return "\n".join(html)

    body = [
        "<table class='mast'><tr><td class='bold'>United Nations</td><td></td><td style='text-align:right' class='big'>A/RES/70/125</td></tr>",
        "<tr><td></td><td class='big'>General Assembly</td><td>Distr.: General<br>1 February 2016</td></tr></table>",
        "<p style='margin:0'>Seventieth session<br>Agenda items 13 and 17</p>",
        "<p class='center bold'>Resolution adopted by the General Assembly on 16 December 2015</p>",
        "<p class='center'>[without reference to a Main Committee (A/70/L.33)]</p>",
        f"<p class='resno'>70/125.&#x2003;{escape(EN_TITLE)}</p>",
        "<p class='pre'><i>The General Assembly</i>,</p>",
    ]
    for kind, obj in parts:
        if kind == "heading":
            body.append(f"<h2><span class='n'>{escape(obj[0])}</span>{escape(obj[1])}</h2>")  # type: ignore[index]
        else:
            body.append(para(obj, "pre" if kind == "pre" else "num"))  # type: ignore[arg-type]
    body.append("<p class='right'>80th plenary meeting<br>16 December 2015</p>")
    src = out / f"{name}.html"
    src.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A/RES/70/125</title>"
                   f"<style>{CSS_EN}</style></head><body>" + "\n".join(body) + "</body></html>\n", encoding="utf-8")
    pdf = out / f"{name}.pdf"
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", src.resolve().as_uri()],
                       check=True, capture_output=True, timeout=300)
    gold = gold_document(pdf, parts, {}, meta)
    gold = replace(gold, source=replace(gold.source, sha256=sha256_file(pdf)))
    (out / f"{name}.gold.json").write_text(dumps(gold.to_dict()), encoding="utf-8")
    print(f"{pdf.relative_to(REPO)}: {gold.source.pages} pages, {pdf.stat().st_size // 1024} kB")
