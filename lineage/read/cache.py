"""Files lineage can rebuild from its inputs, kept between runs to start faster: jieba's
dictionary split into buckets (``lineage.compare.zhwords``), parsed corpus manifests
(``lineage.corpus.manifest``) and the header fields of a large corpus's texts
(``lineage.trace.inferred``).

They live in ``$LINEAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/lineage``, else
``~/.cache/lineage``. Each file's name carries a digest of what it was built from, so a stale
file is never read (the header fields: a digest of the corpus folder's path, and each text's
fields the identity of the file they were read from, used only while the file keeps it); any
file here may be deleted at any time. Where the folder cannot be written, callers compute
what they need in memory instead (slower, same answers).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["cache_dir", "read_cache", "write_cache"]


def cache_dir() -> Path:
    env = os.environ.get("LINEAGE_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lineage"


def read_cache(name: str) -> bytes | None:
    """The bytes of cache file ``name``, or None when there is none (or it cannot be read)."""
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_cache(name: str, data: bytes) -> Path | None:
    """Write cache file ``name`` atomically (a concurrent run sees no file or the whole one);
    its path, or None when the cache folder cannot be written."""
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        return path
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return None
