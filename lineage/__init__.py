"""lineage: how the text of a UN resolution changed, version to version and across documents.

The calls a library user needs, from reading a file to rendering a redline::

    import lineage

    old = lineage.read_document("draft.pdf")          # PDF, corpus text, Markdown or plain text
    new = lineage.read_document("adopted.pdf")
    comparison = lineage.compare_documents(old, new)  # lineage.diff/1 (comparison.to_json())
    report = lineage.build_report(comparison, old, new)
    print(lineage.render_report(report, "text"))      # or "md", "html"

Every error the toolkit raises on purpose is a :class:`LineageError` naming the file and the
reason (``lineage.errors`` has the finer classes).

The names are loaded on first use (PEP 562), so ``import lineage`` (which every ``lineage``
command runs first) costs nothing: PDF, Chinese conversion and word segmentation libraries are
imported by the stage that needs them, when it is used.
"""
from __future__ import annotations

import importlib

# Not imported from typing: `lineage --help` imports this package, and typing alone costs a
# tenth of its start-up. Type checkers treat a name TYPE_CHECKING as true all the same.
TYPE_CHECKING = False

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    # read: a file -> Document
    "read_document": "lineage.read",
    "extract_pdf": "lineage.read.pdf",
    # normalize: presentation -> comparable text
    "normalize": "lineage.normalize",
    "Normalized": "lineage.normalize",
    # compare: two Documents -> Comparison
    "compare_documents": "lineage.compare.documents",
    # report: Comparison -> Report -> text, Markdown, HTML
    "build_report": "lineage.report.build",
    "render_report": "lineage.report.render",
    "render_terminal": "lineage.report.terminal",
    "render_markdown": "lineage.report.markdown",
    "render_html": "lineage.report.html",
    "render_document": "lineage.report.document",
    "Report": "lineage.report.model",
    # records (lineage.document/1, lineage.diff/1)
    "Document": "lineage.model.document",
    "Paragraph": "lineage.model.document",
    "Heading": "lineage.model.document",
    "Footnote": "lineage.model.document",
    "FootnoteRef": "lineage.model.document",
    "Source": "lineage.model.document",
    "SourceSpan": "lineage.model.document",
    "ExtractionWarning": "lineage.model.document",
    "Comparison": "lineage.model.comparison",
    "Pair": "lineage.model.comparison",
    "HeadingPair": "lineage.model.comparison",
    "Op": "lineage.model.comparison",
    # errors
    "LineageError": "lineage.errors",
}

__all__ = [
    "__version__",
    "read_document",
    "extract_pdf",
    "normalize",
    "Normalized",
    "compare_documents",
    "build_report",
    "render_report",
    "render_terminal",
    "render_markdown",
    "render_html",
    "render_document",
    "Report",
    "Document",
    "Paragraph",
    "Heading",
    "Footnote",
    "FootnoteRef",
    "Source",
    "SourceSpan",
    "ExtractionWarning",
    "Comparison",
    "Pair",
    "HeadingPair",
    "Op",
    "LineageError",
]

if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from lineage.compare.documents import compare_documents
    from lineage.errors import LineageError
    from lineage.model.comparison import Comparison, HeadingPair, Op, Pair
    from lineage.model.document import (
        Document,
        ExtractionWarning,
        Footnote,
        FootnoteRef,
        Heading,
        Paragraph,
        Source,
        SourceSpan,
    )
    from lineage.normalize import Normalized, normalize
    from lineage.read import read_document
    from lineage.read.pdf import extract_pdf
    from lineage.report.build import build_report
    from lineage.report.document import render_document
    from lineage.report.html import render_html
    from lineage.report.markdown import render_markdown
    from lineage.report.model import Report
    from lineage.report.render import render_report
    from lineage.report.terminal import render_terminal


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lineage' has no attribute {name!r}")
    if name == "normalize":
        # The stage's package is callable as its main function (see lineage.normalize), and the
        # import system binds it to this name anyway once the stage is imported.
        return importlib.import_module(module)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
