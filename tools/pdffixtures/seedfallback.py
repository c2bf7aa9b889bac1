"""A minimal reader of the seed's Markdown, used only while ``lineage.read`` is unavailable.

The generator prefers ``lineage.read.read_document`` (the project's reader defines what
the gold text of A/RES/80/173 is); this fallback exists so fixtures can be regenerated even if
the reader is broken, and says so on stderr.
"""
from __future__ import annotations

import re
from pathlib import Path

from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

from .textrun import is_han

__all__ = ["read_seed"]

_SUP = re.compile(r"\s*<sup>(\d+)</sup>\s*")
_LINK = re.compile(r"\[([^\]]*)\]\(#\)")
_NUM = re.compile(r"^(\d+)\.\s+(.*)$")


def _clean(s: str) -> str:
    s = _LINK.sub(r"\1", s)
    return s.replace("\\(", "(").replace("\\)", ")").replace("\\[", "[").replace("\\]", "]").strip()


def _marks(s: str) -> tuple[str, list[FootnoteRef]]:
    refs: list[FootnoteRef] = []
    out = ""
    pos = 0
    for m in _SUP.finditer(s):
        out += s[pos:m.start()]
        # Keep a space only where two Latin/digit runs would otherwise touch.
        nxt = s[m.end():m.end() + 1]
        if out and nxt and not is_han(out[-1]) and not is_han(nxt) and m.group(0)[-1] == " " \
                and out[-1].isascii() and nxt.isascii():
            out += " "
        refs.append(FootnoteRef(m.group(1), len(out)))
        pos = m.end()
    out += s[pos:]
    return out, refs


def read_seed(path: Path) -> Document:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("**"))
    preamble: list[Paragraph] = []
    paras: list[Paragraph] = []
    headings: list[Heading] = []
    footnotes: list[Footnote] = []
    pending: list[tuple[str, int]] = []
    section = None
    for raw in lines[start + 1:]:
        ln = raw.strip()
        if not ln or ln == "---":
            continue
        if ln.startswith("#"):
            level = len(ln) - len(ln.lstrip("#"))
            section = _clean(ln.lstrip("#"))
            pending.append((section, level))
            continue
        fm = re.match(r"^<sup>(\d+)</sup>\s*(.*)$", ln)
        if fm:
            footnotes.append(Footnote(fm.group(1), _clean(fm.group(2))))
            continue
        if re.match(r"^\d{4} 年 \d+ 月 \d+ 日$", ln) or re.match(r"^第 \d+ 次全体会议$", ln):
            break
        text, refs = _marks(_clean(ln))
        m = _NUM.match(text)
        if m:
            num = m.group(1)
            shift = m.start(2)
            refs = [FootnoteRef(r.number, r.offset - shift) for r in refs]
            p = Paragraph(id=num, number=num, text=m.group(2), section=section, footnote_refs=refs)
            paras.append(p)
        elif paras and not paras[-1].text.endswith(("。", "；")):
            prev = paras[-1]
            base = len(prev.text)
            prev.text += text
            prev.footnote_refs += [FootnoteRef(r.number, r.offset + base) for r in refs]
            continue
        elif not paras and not pending:
            p = Paragraph(id=f"pp{len(preamble) + 1}", text=text, footnote_refs=refs)
            preamble.append(p)
        else:
            raise ValueError(f"unexpected line: {ln[:40]}")
        for h, level in pending:
            headings.append(Heading(h, p.id, level))
        pending = []
    return Document(
        symbol="A/RES/80/173", language="zh", source=Source(str(path), "markdown"),
        date="2025-12-17", distribution="General", session="80", agenda_items=["15"],
        title="关于信息社会世界首脑会议成果文件执行情况全面审查的大会高级别会议成果文件",
        preamble=preamble, paragraphs=paras, headings=headings, footnotes=footnotes,
    )
