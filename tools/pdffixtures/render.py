"""Draw laid-out pages with reportlab.

Two font set-ups, as UN PDFs come:
- ``embedded``: TrueType fonts embedded as subsets, each with a ToUnicode map (reportlab
  writes every TrueType font that way): AR PL UMing CN (a Ming/Song face) for Chinese,
  WenQuanYi Zen Hei (a Hei face, like SimHei) for Chinese headings, Liberation Serif
  (Times metrics) for Latin letters and digits;
- ``cid``: nothing embedded: Adobe's ``STSong-Light`` CID font (UniGB-UCS2-H encoding) for
  Chinese and the standard Times fonts for Latin, as older PDF producers do.

Output is deterministic: ``invariant=1`` fixes the dates and the document ID.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .layout import LaidOut
from .page import PAGE_H, PAGE_W, CircleOp, Fonts, GlyphsOp, RectOp, RuleOp, TextOp

__all__ = ["FONT_FILES", "font_setup", "measure", "draw_pdf"]

# Debian packages: fonts-arphic-uming, fonts-wqy-zenhei, fonts-liberation2.
FONT_FILES = {
    "UMingCN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "ZenHei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "LiberationSerif": ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 0),
    "LiberationSerif-Bold": ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", 0),
}

_registered: set[str] = set()


def _register_ttf(name: str) -> None:
    if name in _registered:
        return
    path, index = FONT_FILES[name]
    if not Path(path).exists():
        raise SystemExit(f"font file missing: {path} (see docs/fixtures.md for the Debian packages)")
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    _registered.add(name)


def font_setup(kind: str, english: bool = False) -> Fonts:
    """Register the fonts of ``kind`` (``embedded`` or ``cid``) and return the Fonts record."""
    if kind == "embedded":
        for name in FONT_FILES:
            _register_ttf(name)
        cjk, cjk_bold, latin, latin_bold = "UMingCN", "ZenHei", "LiberationSerif", "LiberationSerif-Bold"
    elif kind == "cid":
        if "STSong-Light" not in _registered:
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            _registered.add("STSong-Light")
        cjk, cjk_bold, latin, latin_bold = "STSong-Light", "STSong-Light", "Times-Roman", "Times-Bold"
    else:
        raise ValueError(kind)
    if english:
        return Fonts(cjk, cjk_bold, latin, latin_bold, size=12.0, leading=16.0, fn_size=10.0,
                     fn_leading=11.5, cjk_track=0.0, english=True)
    return Fonts(cjk, cjk_bold, latin, latin_bold)


def measure(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def draw_pdf(laid: LaidOut, path: Path, *, title: str, subject: str = "", initial_font: str,
             encrypt: StandardEncryption | None = None) -> None:
    """Write the pages to ``path`` (deterministic bytes).

    ``initial_font`` replaces reportlab's default Helvetica in every page's preamble, so that
    the PDF only references the fonts the fixture claims (Word PDFs have no stray Helvetica).
    """
    c = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1,
               encrypt=encrypt, initialFontName=initial_font, initialFontSize=12)
    c.setTitle(title)
    c.setAuthor("United Nations")
    c.setSubject(subject)
    c.setCreator("Microsoft Word (imitation: lineage tools/pdffixtures)")
    for page in laid.pages:
        for op in page.ops:
            _draw(c, op)
        c.showPage()
    c.save()


def _draw(c: Canvas, op: object) -> None:
    if isinstance(op, TextOp):
        t = c.beginText(op.x, op.y)
        t.setFont(op.font, op.size)
        t.textOut(op.text)
        c.drawText(t)
    elif isinstance(op, GlyphsOp):
        # One text object, each character moved to its own x, as Word's justified CJK lines.
        t = c.beginText(op.xs[0], op.y)
        t.setFont(op.font, op.size)
        prev = op.xs[0]
        for x, ch in zip(op.xs, op.text):
            t.moveCursor(x - prev, 0)
            t.textOut(ch)
            prev = x
        c.drawText(t)
    elif isinstance(op, RuleOp):
        c.setLineWidth(op.width)
        c.line(op.x1, op.y1, op.x2, op.y2)
    elif isinstance(op, RectOp):
        c.rect(op.x, op.y, op.w, op.h, stroke=0, fill=1)
    elif isinstance(op, CircleOp):
        c.setLineWidth(op.width)
        c.circle(op.x, op.y, op.r, stroke=1, fill=0)
    else:
        raise TypeError(op)
