"""Reader for the Markdown a PDF-to-Markdown converter leaves of a UN document.

What such converters do, and what this module undoes: headings as ``#``..``######`` (their
level follows font size, not structure, so it is not kept), footnote marks as
``<sup>N</sup>`` with a space added around them, footnote text as ``<sup>N</sup> text`` blocks
dropped wherever the page bottom fell (often between two halves of a paragraph), links as
``[79/277](#)``, Markdown escapes such as ``\\(III\\)``, emphasis, list markers and hard line
breaks. The meaning of the blocks is decided in :mod:`lineage.read.assemble`.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from lineage.model.document import Document, FootnoteRef, Source
from lineage.read.assemble import build_document
from lineage.read.textjoin import (
    Block,
    Inline,
    split_number,
    squeeze_cjk_spaces,
    starts_new_preamble,
)
from lineage.script.lines import joins_tight

__all__ = ["parse_markdown", "markdown_blocks", "clean_markdown_inline", "looks_like_markdown"]

# Every pattern here runs on untrusted text of any length: no two quantifiers that can match
# the same characters follow each other, or a long run (of spaces, ``[``, ``#``) costs time
# quadratic in its length (tests/test_linear_time.py). Trailing parts are stripped in code.
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
# A footnote block; the converter may escape a star mark (``<sup>\\*</sup>``).
_FOOTNOTE_RE = re.compile(r"^\s*(?:<sup>\s*(\d+|(?:\\?[*†‡])+)\s*</sup>|\[\^(\w+)\]:)\s*(.*)$")
_RULE_RE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|>)\s+")
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")

# Order matters: an escape first (so ``\[`` is never a link), then the constructs.
_TOKEN_RE = re.compile(
    r"(?P<esc>\\(?P<escch>[!-/:-@\[-`{-~]))"
    r"|(?P<sup><sup>(?P<supval>[^<]*)</sup>)"
    r"|(?P<fnref>\[\^(?P<fnrefval>\w+)\](?!:))"
    # Link text and target stop at the next bracket: "[" * 20000 was quadratic when they did not.
    r"|(?P<img>!\[(?:\\.|[^\[\]\\])*\]\((?:\\.|[^)\]\\])*\))"
    r"|(?P<link>\[(?P<linktext>(?:\\.|[^\[\]\\])*)\]\((?:\\.|[^)\]\\])*\))"
    r"|(?P<auto><(?P<autourl>https?://[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>)"
    r"|(?P<emph>\*{1,3}|_{2,3})"
)
_WS = " \t\u00a0"
_GA_FORMULA_LINE = re.compile(r"^(?:大\s*会|The\s+General\s+Assembly)\s*[,，]$", re.IGNORECASE)
_FOOTNOTE_MARK_RE = re.compile(r"^(?:\d{1,3}|[*†‡]{1,3})$")


def _segments(raw: str) -> list[tuple[str, str]]:
    """Split a line into ``("text", s)`` and ``("ref", number)`` segments, markup removed."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN_RE.finditer(raw):
        if m.start() > pos:
            out.append(("text", html.unescape(raw[pos:m.start()])))
        pos = m.end()
        if m.group("esc"):
            out.append(("text", m.group("escch")))
        elif m.group("sup") is not None:
            val = m.group("supval").strip().replace("\\", "")
            if _FOOTNOTE_MARK_RE.match(val):
                out.append(("ref", val))
            else:
                out.extend(_segments(val))  # an ordinal "1<sup>st</sup>" and the like
        elif m.group("fnref"):
            out.append(("ref", m.group("fnrefval")))
        elif m.group("link") is not None:
            out.extend(_segments(m.group("linktext")))
        elif m.group("auto"):
            out.append(("text", m.group("autourl")))
        # images, other HTML tags and emphasis markers leave nothing
    if pos < len(raw):
        out.append(("text", html.unescape(raw[pos:])))
    return out


def _strip_hard_break(raw: str) -> str:
    """``raw`` without a Markdown hard line break (two spaces or a backslash at the end)."""
    if raw.endswith("\\"):
        return raw[:-1]
    bare = raw.rstrip()
    return bare if len(raw) - len(bare) >= 2 else raw


def _heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (closing ``#``s dropped), or None."""
    m = _HEADING_RE.match(line)
    if not m:
        return None
    return len(m.group(1)), m.group(2).rstrip().rstrip("#").rstrip()


def _bold_block(line: str) -> bool:
    """A line that is all bold (``**Title**`` or ``__Title__``), the converter's way to mark
    a title."""
    s = line.strip()
    for mark in ("**", "__"):
        if len(s) > 4 and s.startswith(mark) and s.endswith(mark):
            inner = s[2:-2]
            return not inner[0].isspace() and not inner[-1].isspace()
    return False


def clean_markdown_inline(raw: str) -> Inline:
    """One line of converter Markdown -> its text and the footnote marks in it.

    The converter puts spaces around a mark (``《世界人权宣言》，<sup>2</sup> 在此``); those go
    with the mark when a Chinese character or punctuation is on either side, and shrink to one
    word space between Latin words (``Rights,<sup>2</sup> in`` -> ``Rights, in``)."""
    raw = squeeze_cjk_spaces(_LIST_MARK_RE.sub("", raw, count=1))
    raw = _strip_hard_break(raw)
    text = ""
    refs: list[FootnoteRef] = []
    gap = False  # a mark was just removed: whitespace next to it is the converter's
    spaced = False  # whitespace stood on either side of that mark
    for kind, val in _segments(raw):
        if kind == "ref":
            stripped = text.rstrip(_WS)
            spaced = spaced or len(stripped) != len(text)
            text = stripped
            refs.append(FootnoteRef(val, len(text)))
            gap = True
            continue
        if gap:
            rest = val.lstrip(_WS)
            spaced = spaced or len(rest) != len(val)
            if not rest:
                continue
            if spaced and text and not joins_tight(text, rest):
                text += " "
            val = rest
            gap = spaced = False
        text += val
    return Inline(text, refs)


def looks_like_markdown(text: str) -> bool:
    """Does ``text`` carry the converter's Markdown (headings, ``<sup>`` marks, links,
    bold titles)? One stray ``#`` line is not enough."""
    lines = text.splitlines()
    headings = sum(1 for ln in lines if _heading(ln))
    signals = (
        headings >= 2
        or re.search(r"<sup>\s*\d+\s*</sup>", text) is not None
        # Footnote definitions as pandoc and most converters write them.
        or re.search(r"^[ \t]*\[\^\w+\]:", text, re.MULTILINE) is not None
        or re.search(r"\]\([^)\]\s]*\)", text) is not None
        or re.search(r"^[ \t]*\*\*[^*\n]+\*\*[ \t]*$", text, re.MULTILINE) is not None
    )
    return signals


def _new_paragraph_in_run(prev: str, line: str) -> bool:
    """Inside a run of lines without blank lines between them (a converter that writes one
    paragraph per line), ``line`` starts a new paragraph after the General Assembly's formula
    or a preambular clause ending in a comma, when it opens with a preambular verb."""
    before, text = clean_markdown_inline(prev).text.strip(), clean_markdown_inline(line).text.strip()
    return bool(_GA_FORMULA_LINE.match(before)) or starts_new_preamble(before, text)


def markdown_blocks(text: str) -> list[Block]:
    """Cut converter Markdown into blocks. Blank lines separate blocks; inside a run of lines,
    a heading, a footnote line or a numbered paragraph also starts a new block."""
    blocks: list[Block] = []
    current: Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    lines = text.splitlines()
    for idx, line in enumerate(lines, start=1):
        if not line.strip():
            close()
            continue
        hm = _heading(line)
        if hm:
            close()
            blocks.append(Block("heading", [hm[1]], idx, idx, level=hm[0]))
            continue
        if _RULE_RE.match(line):
            # A setext underline makes the paragraph above a heading; a bare rule is layout.
            if current is not None and current.kind == "text" and _SETEXT_RE.match(line):
                current.kind = "heading"
                current.line_end = idx
                close()
            else:
                close()
                blocks.append(Block("rule", [], idx, idx))
            continue
        fm = _FOOTNOTE_RE.match(line)
        if fm:
            close()
            number = (fm.group(1) or fm.group(2)).replace("\\", "")
            current = Block("footnote", [fm.group(3)], idx, idx, number=number)
            continue
        stripped = _LIST_MARK_RE.sub("", line, count=1)
        if current is not None and current.kind != "footnote" and split_number(stripped):
            close()
        elif current is not None and current.kind == "text" and _new_paragraph_in_run(current.lines[-1], line):
            close()
        if current is None:
            current = Block("text", [line], idx, idx)
        else:
            current.lines.append(line)
            current.line_end = idx
    close()
    for b in blocks:
        if b.kind == "text" and len(b.lines) == 1 and _bold_block(b.lines[0]):
            b.kind = "bold"
    return blocks


def parse_markdown(text: str, path: str | Path, sha256: str | None = None) -> Document:
    """Read converter Markdown (the text of the file at ``path``) into a Document."""
    source = Source(path=str(path), kind="markdown", sha256=sha256)
    return build_document(markdown_blocks(text), clean_markdown_inline, source)
