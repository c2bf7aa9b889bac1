"""Reports people read: one neutral model, three pure renderers.

- :func:`build_report` (comparison + both documents -> :class:`Report`), built once;
- :func:`filter_report` with a :class:`ReportFilter` (changed only, some paragraphs, or any
  predicate such as a topic's paragraphs);
- :func:`render_terminal`, :func:`render_markdown`, :func:`render_html` (Report -> str), or
  :func:`render_report` with the format's name;
- :func:`render_document` (Document -> text, Markdown or its contract JSON).
"""
from __future__ import annotations

from lineage.report.build import build_report
from lineage.report.document import render_document
from lineage.report.html import render_html
from lineage.report.markdown import render_markdown
from lineage.report.model import Report, ReportFilter, filter_report
from lineage.report.render import REPORT_FORMATS, render_report
from lineage.report.terminal import render_terminal

__all__ = [
    "REPORT_FORMATS",
    "Report",
    "ReportFilter",
    "build_report",
    "filter_report",
    "render_html",
    "render_document",
    "render_markdown",
    "render_report",
    "render_terminal",
]
