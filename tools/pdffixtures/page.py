"""Drawing primitives of one A4 page: the operation records the renderer draws, the fonts
record, the page geometry, and ``Ctx``, the small drawing helper of mastheads and furniture.

Coordinates are PDF points from the bottom-left corner of the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .textrun import is_cjk

__all__ = [
    "PAGE_W", "PAGE_H", "LEFT", "RIGHT", "WIDTH", "BODY_TOP", "BODY_BOTTOM", "HANG", "SUB_HANG",
    "Measure", "Fonts", "TextOp", "GlyphsOp", "RuleOp", "RectOp", "CircleOp", "Op", "Page",
    "Ctx", "script_runs",
]

PAGE_W = 595.28
PAGE_H = 841.89

Measure = Callable[[str, str, float], float]


@dataclass(frozen=True)
class Fonts:
    """Font names as registered with the renderer, and the type sizes of one document."""

    cjk: str
    cjk_bold: str
    latin: str
    latin_bold: str
    size: float = 12.0
    leading: float = 18.0
    fn_size: float = 9.0
    fn_leading: float = 12.0
    # Word's character grid: a little extra advance after every CJK character.
    cjk_track: float = 2.6
    english: bool = False


@dataclass
class TextOp:
    """One string drawn at (x, y) with the font's own advances."""

    x: float
    y: float
    text: str
    font: str
    size: float


@dataclass
class GlyphsOp:
    """Characters each placed at its own x (how Word draws stretched CJK lines)."""

    xs: list[float]
    y: float
    text: str
    font: str
    size: float


@dataclass
class RuleOp:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5


@dataclass
class RectOp:
    x: float
    y: float
    w: float
    h: float


@dataclass
class CircleOp:
    x: float
    y: float
    r: float
    width: float = 0.8


Op = TextOp | GlyphsOp | RuleOp | RectOp | CircleOp


@dataclass
class Page:
    number: int
    ops: list[Op] = field(default_factory=list)



# ---------------------------------------------------------------------------------------------
# geometry
LEFT = 72.0
RIGHT = PAGE_W - 72.0
WIDTH = RIGHT - LEFT
BODY_TOP = PAGE_H - 80.0
BODY_BOTTOM = 72.0
HANG = 36.0  # operative text indent (number hangs in it)
SUB_HANG = 36.0


@dataclass
class Ctx:
    """Helpers the masthead drawer uses (fonts, measure, the page to draw on)."""

    fonts: Fonts
    measure: Measure
    page: Page

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False) -> float:
        """Draw mixed CJK/Latin text from x; return the x after it."""
        for run, cjk in script_runs(s):
            font = (self.fonts.cjk_bold if bold else self.fonts.cjk) if cjk else (
                self.fonts.latin_bold if bold else self.fonts.latin)
            self.page.ops.append(TextOp(x, y, run, font, size))
            x += self.measure(run, font, size)
        return x

    def width(self, s: str, size: float, bold: bool = False) -> float:
        w = 0.0
        for run, cjk in script_runs(s):
            font = (self.fonts.cjk_bold if bold else self.fonts.cjk) if cjk else (
                self.fonts.latin_bold if bold else self.fonts.latin)
            w += self.measure(run, font, size)
        return w

    def right(self, y: float, s: str, size: float, bold: bool = False, x: float = RIGHT) -> None:
        self.text(x - self.width(s, size, bold), y, s, size, bold)

    def spaced(self, x: float, y: float, s: str, size: float, gap: float, bold: bool = True) -> None:
        """Letter-spaced title such as 大 会: one glyph at a time, wide gaps."""
        font = self.fonts.cjk_bold if bold else self.fonts.cjk
        xs = []
        for ch in s:
            xs.append(x)
            x += self.measure(ch, font, size) + gap
        self.page.ops.append(GlyphsOp(xs, y, s, font, size))


def script_runs(s: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for ch in s:
        c = is_cjk(ch)
        if runs and runs[-1][1] == c:
            runs[-1] = (runs[-1][0] + ch, c)
        else:
            runs.append((ch, c))
    return runs


