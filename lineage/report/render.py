"""One call for any of the report's renderings: ``render_report(report, fmt)``."""
from __future__ import annotations

from lineage.errors import UsageError
from lineage.report.html import render_html
from lineage.report.markdown import render_markdown
from lineage.report.model import Report
from lineage.report.terminal import render_terminal

__all__ = ["REPORT_FORMATS", "render_report"]

# ``json`` is not among them: the JSON of a diff is the comparison itself (lineage.diff/1),
# not a rendering of the report.
REPORT_FORMATS = ("text", "md", "html")


def render_report(report: Report, fmt: str, *, color: bool = False) -> str:
    """Render with the renderer of ``fmt``: ``text`` (terminal, ANSI colours with ``color``),
    ``md`` (Markdown) or ``html`` (a standalone redline page)."""
    if fmt == "text":
        return render_terminal(report, color=color)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    raise UsageError(f"unknown report format {fmt!r}; choose from {', '.join(REPORT_FORMATS)}")
