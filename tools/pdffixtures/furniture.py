"""Page furniture: running header and footer on pages 2..n, job number, barcode and logo on
page 1 (where the masthead stands instead of a header)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .page import LEFT, PAGE_H, RIGHT, WIDTH, CircleOp, Ctx, Page, RectOp, RuleOp

__all__ = ["Furniture", "draw_furniture"]


@dataclass
class Furniture:
    """What repeats on pages: masthead lines, running header, footer."""

    symbol: str
    job: str  # "25-21063"
    lang_mark: str  # "(C)" on page 1
    header_title: str | None = None  # the short title opposite the symbol, if any
    masthead: Callable[[Ctx], float] | None = None  # draws page 1 top, returns body top y


# ---------------------------------------------------------------------------------------------
# pages
def draw_furniture(page: Page, total: int, furn: Furniture, ctx: Ctx) -> None:
    n = page.number
    hy = PAGE_H - 50.0
    fy = 40.0
    if n == 1:
        ctx.text(LEFT, fy, f"{furn.job} {furn.lang_mark}".strip(), 9.0)
        _barcode(page, furn.job)
        _logo(page)
        return
    mark = f"{n}/{total}"
    even = n % 2 == 0
    if even:
        ctx.text(LEFT, hy, furn.symbol, 9.0, bold=True)
        if furn.header_title:
            _header_title(ctx, furn.header_title, hy, left=False)
        ctx.text(LEFT, fy, mark, 9.0)
        ctx.right(fy, furn.job, 9.0)
    else:
        ctx.right(hy, furn.symbol, 9.0, bold=True)
        if furn.header_title:
            _header_title(ctx, furn.header_title, hy, left=True)
        ctx.text(LEFT, fy, furn.job, 9.0)
        ctx.right(fy, mark, 9.0)
    page.ops.append(RuleOp(LEFT, hy - 6, RIGHT, hy - 6, 0.5))


def _header_title(ctx: Ctx, title: str, y: float, left: bool) -> None:
    """The short title opposite the symbol, on up to two lines of at most 60% of the width."""
    size = 8.0
    maxw = WIDTH * 0.6
    words = title.split(" ") if ctx.fonts.english else list(title)
    lines, cur = [], ""
    for w in words:
        cand = (cur + " " + w).strip() if ctx.fonts.english else cur + w
        if cur and ctx.width(cand, size) > maxw:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    lines.append(cur)
    lines = lines[:2]
    for i, ln in enumerate(lines):
        yy = y + (len(lines) - 1 - i) * 10.0
        if left:
            ctx.text(LEFT, yy, ln, size)
        else:
            ctx.right(yy, ln, size)


def _barcode(page: Page, job: str) -> None:
    """Barcode-like block: bars whose widths follow the job number's digits (deterministic)."""
    x = LEFT + 100
    digits = [int(c) for c in job if c.isdigit()] * 3
    for i, d in enumerate(digits):
        w = 0.8 + (d % 3) * 0.7
        page.ops.append(RectOp(x, 30.0, w, 22.0))
        x += w + 1.0 + (d % 2) * 0.9 + (i % 4 == 3) * 0.6


def _logo(page: Page) -> None:
    """A small recycling-logo-like drawing at the bottom right of page 1."""
    cx, cy = RIGHT - 20, 44.0
    page.ops.append(CircleOp(cx, cy, 11.0))
    page.ops.append(CircleOp(cx, cy, 6.0))
    for dx, dy in ((-8, -4), (8, -4), (0, 9)):
        page.ops.append(RuleOp(cx, cy, cx + dx, cy + dy, 1.2))

