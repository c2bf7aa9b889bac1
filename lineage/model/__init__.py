"""The records every stage passes on: documents (``lineage.document/1``, here), comparisons
(``lineage.model.comparison``, ``lineage.diff/1``) and UN document symbols
(``lineage.model.symbols``). Plain dataclasses with no behaviour beyond (de)serialisation, so
that any stage can be tested and reused alone."""
from __future__ import annotations

from lineage.model.document import (
    DOCUMENT_SCHEMA,
    Document,
    ExtractionWarning,
    Footnote,
    FootnoteRef,
    Heading,
    Paragraph,
    Source,
    SourceSpan,
    dumps,
)

__all__ = [
    "DOCUMENT_SCHEMA",
    "Document",
    "ExtractionWarning",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "Paragraph",
    "Source",
    "SourceSpan",
    "dumps",
]
