"""PDF extraction: ``extract_pdf(path) -> Document``.

The only package that imports a PDF library: pypdfium2 in ``pdfium`` (the default engine),
pdfplumber in ``plumber``. Stages, one module each, all but those two pure functions over typed
records shared by both engines:

- ``boundary``: the header check and the engine choice; pages -> ``PageData`` (glyphs, rules);
- ``pdfium`` / ``plumber``: the two character sources (engines); ``rules``: what is a rule;
- ``limits`` / ``sandbox``: resource limits (a byte prescan; a child process per extraction);
- ``script``: character classes for spacing, folding of look-alike code points, garbage test;
- ``lines``: glyphs -> printed lines (spaces decided from gaps, superscript marks taken out);
- ``furniture``: running headers, footers, job numbers, page marks (position + repetition);
- ``footnotes``: footnote areas and footnotes;
- ``joining``: lines -> paragraph text (the one line-join rule and hyphen policy of lineage.script);
- ``blocks``: body lines -> paragraph/heading blocks from the layout;
- ``analyse``: the page-level pipeline; ``assemble``: blocks -> Document;
- ``extract``: ``extract_pdf``, and ``extract_pdfs`` for several PDFs side by side.
"""
from __future__ import annotations

from lineage.read.pdf.extract import extract_pdf, extract_pdfs

__all__ = ["extract_pdf", "extract_pdfs"]
