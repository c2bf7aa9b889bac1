"""Compare two Documents: paragraph alignment (``align``), word-level diff on the printed
characters (``textdiff``), and text-reuse measures (``reuse``), put together by
``documents.compare_documents`` into a :class:`~lineage.model.comparison.Comparison`."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lineage.compare.documents import compare_documents

__all__ = ["compare_documents"]


def __getattr__(name: str) -> Any:
    # Loaded on first use (PEP 562): the corpus index and views import the similarity and
    # MinHash modules of this package, and must not pay for the aligner and the word diff.
    if name != "compare_documents":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module("lineage.compare.documents").compare_documents
