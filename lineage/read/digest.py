"""The SHA-256 of a source file, as the readers record it in ``Source.sha256`` and the corpus
compares it (``source_sha256`` in the manifest, ``lineage verify``)."""
from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["sha256_file"]


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
