"""Compare two Documents: paragraph alignment (``align``), word-level diff on the printed
characters (``textdiff``), and text-reuse measures (``reuse``), put together by
``documents.compare_documents`` into a :class:`~lineage.model.comparison.Comparison`."""
from __future__ import annotations

from lineage.compare.documents import compare_documents

__all__ = ["compare_documents"]
