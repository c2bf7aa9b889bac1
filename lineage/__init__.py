"""lineage: how the text of a UN resolution changed, version to version and across documents."""
from __future__ import annotations

from lineage.model.comparison import Comparison, Op, Pair
from lineage.errors import LineageError
from lineage.model.document import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Comparison",
    "Document",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "LineageError",
    "Op",
    "Pair",
    "Paragraph",
    "Source",
]
