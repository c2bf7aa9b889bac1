"""First-page mastheads: the UN document head (联合国 / 大 会 / symbol / Distr. / date / session)
and the WSIS summit document head."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .page import LEFT, PAGE_H, RIGHT, CircleOp, Ctx, RuleOp

__all__ = ["UnMasthead", "WsisMasthead"]


def _emblem(ctx: Ctx, cx: float, cy: float, r: float) -> None:
    """A small UN-emblem-like drawing: a globe of circles and meridians."""
    ops = ctx.page.ops
    ops.append(CircleOp(cx, cy, r, 0.7))
    ops.append(CircleOp(cx, cy, r * 0.6, 0.5))
    ops.append(CircleOp(cx, cy, r * 0.25, 0.5))
    ops.append(RuleOp(cx - r, cy, cx + r, cy, 0.5))
    ops.append(RuleOp(cx, cy - r, cx, cy + r, 0.5))


@dataclass
class UnMasthead:
    """联合国 + symbol, 大 会 (letter-spaced), Distr./date block, then the left column lines.

    ``left`` lines are (text, bold); ``lang`` lines (e.g. ``Chinese``, ``Original: English``)
    go under the date on the right.
    """

    symbol: str
    distribution: str
    date_en: str
    left: list[tuple[str, bool]]
    lang: list[str] = field(default_factory=list)
    org: str = "联合国"
    body: str = "大会"
    english: bool = False

    def __call__(self, ctx: Ctx) -> float:
        top = PAGE_H - 56.0
        if self.english:
            ctx.text(LEFT, top, "United Nations", 14.0, bold=True)
        else:
            ctx.spaced(LEFT, top, self.org, 14.0, 4.0, bold=True)
        ctx.right(top, self.symbol, 16.0, bold=True)
        ctx.page.ops.append(RuleOp(LEFT, top - 10, RIGHT, top - 10, 2.0))
        y = top - 48
        _emblem(ctx, LEFT + 16, y + 8, 16.0)
        if self.english:
            ctx.text(LEFT + 44, y, self.body, 24.0, bold=True)
        else:
            ctx.spaced(LEFT + 44, y, self.body, 24.0, 24.0, bold=True)
        rx = RIGHT - 150
        ctx.text(rx, y + 14, f"Distr.: {self.distribution}", 10.0)
        ctx.text(rx, y + 2, self.date_en, 10.0)
        ly = y - 12
        for s in self.lang:
            ly -= 12
            ctx.text(rx, ly + 12, s, 10.0)
        rule_y = min(y - 16, ly + 4)
        ctx.page.ops.append(RuleOp(LEFT, rule_y, RIGHT, rule_y, 0.8))
        y = rule_y - 22
        for text, bold in self.left:
            ctx.text(LEFT, y, text, 11.0, bold=bold)
            y -= 16
        return y - 10


@dataclass
class WsisMasthead:
    """World Summit on the Information Society head: summit name, Document symbol, date,
    original language (as the Tunis outcome documents have it)."""

    symbol_line: str
    date_en: str
    original: str
    lang_name: str = "Chinese"
    summit_lines: list[str] = field(default_factory=lambda: ["信息社会世界峰会", "日内瓦 2003 年－突尼斯 2005 年"])
    draw_logo: Callable[[Ctx], None] | None = None

    def __call__(self, ctx: Ctx) -> float:
        top = PAGE_H - 56.0
        y = top
        _emblem(ctx, LEFT + 18, top - 14, 18.0)
        for i, s in enumerate(self.summit_lines):
            ctx.text(LEFT + 48, y, s, 14.0 if i == 0 else 11.0, bold=i == 0)
            y -= 18
        rx = RIGHT - 190
        ry = top
        for s in (self.symbol_line, self.date_en, "", self.lang_name, f"Original: {self.original}"):
            if s:
                ctx.text(rx, ry, s, 10.0, bold=s is self.symbol_line)
            ry -= 13
        y = min(y, ry) - 4
        ctx.page.ops.append(RuleOp(LEFT, y, RIGHT, y, 1.5))
        return y - 16
