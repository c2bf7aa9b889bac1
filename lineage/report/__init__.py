"""Reports people read: one neutral model, three pure renderers.

- :func:`build_report` (comparison + both documents -> :class:`Report`), built once;
- :func:`filter_report` with a :class:`ReportFilter` (changed only, some paragraphs, or any
  predicate such as a topic's paragraphs);
- :func:`render_terminal`, :func:`render_markdown`, :func:`render_html` (Report -> str), or
  :func:`render_report` with the format's name;
- :func:`render_document` (Document -> text, Markdown or its contract JSON).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lineage.report.build import build_report
    from lineage.report.document import render_document
    from lineage.report.html import render_html
    from lineage.report.markdown import render_markdown
    from lineage.report.model import Report, ReportFilter, filter_report
    from lineage.report.render import REPORT_FORMATS, render_report
    from lineage.report.terminal import render_terminal

# Loaded on first use (PEP 562): the CLI imports small modules of this package (escaping for
# its one-line errors) and must not pay for tabulate, HTML templates and the report builder.
_HOME = {
    "build_report": "build", "render_document": "document", "render_html": "html",
    "render_markdown": "markdown", "Report": "model", "ReportFilter": "model",
    "filter_report": "model", "REPORT_FORMATS": "render", "render_report": "render",
    "render_terminal": "terminal",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)


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
