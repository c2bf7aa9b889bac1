"""The SHA-256 of a source file, as the readers record it in ``Source.sha256`` and the corpus
compares it (``source_sha256`` in the manifest, ``lineage verify``)."""
from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["MAX_TEXT_BYTES", "sha256_file"]

# A canonical text is a few hundred kilobytes; the largest UN document is a few megabytes.
# A text past this is not one document (the readers are linear, but 64 MB already takes a
# minute): refused at once rather than read for minutes into gigabytes of memory.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
