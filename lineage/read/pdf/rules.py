"""Which strokes and filled rectangles count as rules (a footnote separator, an underline),
for both character sources."""
from __future__ import annotations

__all__ = ["RULE_THICKNESS", "is_rule"]

# A rule is a stroke or filled rectangle at most this thick (points).
RULE_THICKNESS = 2.5


def is_rule(x0: float, x1: float, top: float, bottom: float) -> bool:
    """Thin and at least three times as long as thick: a horizontal line."""
    return bottom - top <= RULE_THICKNESS and x1 - x0 > 3 * (bottom - top)
