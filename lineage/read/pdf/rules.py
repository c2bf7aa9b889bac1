"""Which strokes and filled rectangles count as rules (a footnote separator, an underline),
and how much of a page an image covers (a scan's page image), for both character sources."""
from __future__ import annotations

__all__ = ["RULE_THICKNESS", "is_rule", "page_share"]

# A rule is a stroke or filled rectangle at most this thick (points).
RULE_THICKNESS = 2.5


def is_rule(x0: float, x1: float, top: float, bottom: float) -> bool:
    """Thin and at least three times as long as thick: a horizontal line."""
    return bottom - top <= RULE_THICKNESS and x1 - x0 > 3 * (bottom - top)


def page_share(x0: float, x1: float, top: float, bottom: float, width: float, height: float) -> float:
    """The share of a ``width`` x ``height`` page that a box covers, clipped to the page."""
    w = min(x1, width) - max(x0, 0.0)
    h = min(bottom, height) - max(top, 0.0)
    return w * h / (width * height) if w > 0 and h > 0 and width > 0 and height > 0 else 0.0
