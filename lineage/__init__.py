"""lineage: how the text of a UN resolution changed, version to version and across documents."""
from __future__ import annotations

from .comparison import Comparison, Op, Pair
from .errors import LineageError
from .model import Document, Footnote, FootnoteRef, Heading, Paragraph, Source

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
