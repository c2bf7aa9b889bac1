"""lineage: how the text of a UN resolution changed, version to version and across documents."""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# The front door's names, loaded on first use (PEP 562): `lineage --help` imports this package
# and should not pay for the record classes it does not use.
_HOMES = {
    "Comparison": "lineage.model.comparison",
    "Op": "lineage.model.comparison",
    "Pair": "lineage.model.comparison",
    "LineageError": "lineage.errors",
    "Document": "lineage.model.document",
    "Footnote": "lineage.model.document",
    "FootnoteRef": "lineage.model.document",
    "Heading": "lineage.model.document",
    "Paragraph": "lineage.model.document",
    "Source": "lineage.model.document",
}

__all__ = ["__version__", *sorted(_HOMES)]


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'lineage' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
