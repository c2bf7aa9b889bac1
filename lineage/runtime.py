"""Process-wide settings a stage may change for the length of a job and must give back.

At the bottom of the package with ``errors``: any stage may use it, and it imports nothing of
ours.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["cycle_collection_paused"]


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off for the block, for jobs that make hundreds of thousands of
    container objects and almost no reference cycles (a PDF's glyph records, a 10,000-node
    graph): the collector's passes over them would be pure cost (docs/performance.md). The
    earlier state comes back afterwards, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
