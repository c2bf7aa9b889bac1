"""PDF extraction: ``extract_pdf(path) -> Document``.

The only package that imports pdfplumber (in ``boundary``). Stages, one module each, all but
the boundary pure functions over typed records:

- ``boundary``: open the PDF, map its errors to PdfError, pages -> ``PageData`` (glyphs, rules);
- ``script``: character classes for spacing, folding of look-alike code points, garbage test;
- ``lines``: glyphs -> printed lines (spaces decided from gaps, superscript marks taken out);
- ``furniture``: running headers, footers, job numbers, page marks (position + repetition);
- ``footnotes``: footnote areas and footnotes;
- ``joining``: lines -> paragraph text (the one line-join rule and hyphen policy of lineage.script);
- ``blocks``: body lines -> paragraph/heading blocks from the layout;
- ``analyse``: the page-level pipeline; ``assemble``: blocks -> Document;
- ``extract``: ``extract_pdf``.
"""
from __future__ import annotations

from lineage.read.pdf.extract import extract_pdf

__all__ = ["extract_pdf"]
