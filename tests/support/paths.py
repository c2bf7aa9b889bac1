"""Where the tests find their data: through this package's folder, never the cwd."""
from __future__ import annotations

from pathlib import Path

__all__ = ["TESTS", "REPO", "CORPORA", "SEED", "REFERENCE"]

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
CORPORA = REPO / "corpora"
SEED = CORPORA / "sources" / "000_cb2b676f44ca9b86.txt"
REFERENCE = TESTS / "data" / "reference"
