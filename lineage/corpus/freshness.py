"""Is the corpus index fresh? (:mod:`lineage.corpus.index` builds it and says what it holds.)

Split from the index's builder so that a view which only asks whether it may use the index
(``lineage graph``) does not load what building one needs: the normaliser, the reuse and
MinHash measures, the worker pool (about 0.08 s of start-up, docs/performance.md).

**Freshness.** :func:`index_status` compares the manifest (size and mtime, else sha256) and
each indexed text (same) with what the index recorded; one changed byte makes it stale. Its
quick form (``search``) compares the manifest and the times of the folders holding the texts,
and looks at the texts only when a folder changed.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lineage.corpus.files import read_corpus_file
from lineage.corpus.manifest import MANIFEST_NAME
from lineage.errors import CorpusError

__all__ = ["INDEX_NAME", "FORMAT", "IndexStatus", "index_path", "index_status", "require_fresh_index", "open_index",
           "open_if_fresh", "sha256_bytes", "connect_index", "read_meta", "file_stat", "folder_times"]

INDEX_NAME = "index.sqlite"
FORMAT = "index-format-5"  # not a JSON contract: the layout of index.sqlite


def index_path(corpus_dir: str | Path) -> Path:
    return Path(corpus_dir) / INDEX_NAME


@dataclass(frozen=True)
class IndexStatus:
    """``fresh``, ``stale`` (with the first reason found) or ``missing``."""

    state: str
    reason: str | None
    path: Path

    @property
    def fresh(self) -> bool:
        return self.state == "fresh"

    def note(self) -> str:
        """The one line commands print when they cannot use the index."""
        why = "there is none" if self.state == "missing" else f"it is stale: {self.reason}"
        return f"note: not using the corpus index ({why}); `lineage index --corpus {self.path.parent}` rebuilds it"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_stat(corpus_dir: str | Path, rel: str) -> tuple[int, int] | None:
    """Size and mtime (ns) of ``corpus_dir/rel`` as the index records them; None if gone."""
    try:
        st = os.stat(os.path.join(corpus_dir, rel))  # not Path's /: called once per text
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def connect_index(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the index at ``path``: read-only, or set up for a build."""
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        con = sqlite3.connect(path)
        # The index is derived: a build need not survive a power cut (a damaged file reads as
        # unreadable, hence stale, and is rebuilt); a killed process still leaves the previous
        # index through the rollback journal. A large page cache keeps a million-row build off
        # the disk.
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -262144")
    con.execute("PRAGMA foreign_keys = OFF")
    return con


def read_meta(con: sqlite3.Connection) -> dict[str, str]:
    """The index's ``meta`` table (format, manifest fingerprint, folder times, counts)."""
    return dict(con.execute("SELECT key, value FROM meta"))


def folder_times(corpus_dir: Path, folders: Iterable[str]) -> dict[str, int]:
    """The modification time of each folder (those holding the texts: ``texts`` as a rule)."""
    out = {}
    for folder in sorted(folders):
        try:
            out[folder] = os.stat(corpus_dir / folder).st_mtime_ns
        except OSError:
            continue
    return out


def index_status(corpus_dir: str | Path, *, quick: bool = False) -> IndexStatus:
    """Is the index there and built from the manifest and texts as they are now?

    ``quick`` (what ``search`` does on every call) skips the texts when the folders that hold
    them have the times recorded at the build: every corpus writer replaces a text by renaming
    a new file over it, which changes its folder's time, so only a text edited in place by
    hand goes unnoticed (the full check and ``lineage index`` compare every text). One stat
    per folder instead of one per text: 10,000 of them for a million paragraphs."""
    corpus_dir = Path(corpus_dir)
    path = index_path(corpus_dir)
    if not path.is_file():
        return IndexStatus("missing", None, path)
    try:
        con = connect_index(path, readonly=True)
        try:
            meta = read_meta(con)
            docs: list[tuple[str, str, int, int]] = []
            if not (quick and meta.get("text_folders")):
                docs = con.execute("SELECT text_path, text_sha256, text_size, text_mtime_ns FROM documents").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return IndexStatus("stale", "the index file is unreadable", path)
    if meta.get("format") != FORMAT:
        return IndexStatus("stale", f"it was built by another version ({meta.get('format')})", path)
    manifest = corpus_dir / MANIFEST_NAME
    try:
        st = manifest.stat()
    except OSError:
        return IndexStatus("stale", "the manifest is gone", path)
    if (str(st.st_size), str(st.st_mtime_ns)) != (meta.get("manifest_size"), meta.get("manifest_mtime_ns")):
        if sha256_bytes(manifest.read_bytes()) != meta.get("manifest_sha256"):
            return IndexStatus("stale", "the manifest changed since it was built", path)
    if quick and meta.get("text_folders"):
        folders: dict[str, int] = json.loads(meta["text_folders"])
        if folder_times(corpus_dir, folders) == folders:
            return IndexStatus("fresh", None, path)
        return index_status(corpus_dir)  # something was replaced, added or removed: which?
    root = os.fspath(corpus_dir)  # a string joins faster than a Path, ten thousand times
    for rel, sha, size, mtime in docs:
        now = file_stat(root, rel)
        if now is None:
            return IndexStatus("stale", f"{rel} is gone", path)
        if now != (size, mtime):
            try:
                if sha256_bytes(read_corpus_file(corpus_dir, rel)) != sha:
                    return IndexStatus("stale", f"{rel} changed since it was built", path)
            except (OSError, CorpusError):
                return IndexStatus("stale", f"{rel} is unreadable", path)
    return IndexStatus("fresh", None, path)


def require_fresh_index(corpus_dir: str | Path, *, quick: bool = False) -> Path:
    """The index path, or a CorpusError saying how to build it (commands that need it);
    ``quick`` as in :func:`index_status`."""
    status = index_status(corpus_dir, quick=quick)
    if not status.fresh:
        what = "has no index" if status.state == "missing" else f"index is stale ({status.reason})"
        raise CorpusError(f"the corpus {what}; build it with `lineage index --corpus {Path(corpus_dir)}`",
                          status.path)
    return status.path


def open_index(corpus_dir: str | Path, *, quick: bool = False) -> sqlite3.Connection:
    """A read-only connection to a fresh index (CorpusError otherwise)."""
    return connect_index(require_fresh_index(corpus_dir, quick=quick), readonly=True)


def open_if_fresh(corpus_dir: str | Path) -> tuple[IndexStatus, sqlite3.Connection | None]:
    """The index's status and, when it is fresh, a read-only connection to it: for the
    commands that read the texts themselves when there is no fresh index.

    The connection holds a read transaction from before the freshness check: what it reads
    is the index that was checked, even if ``lineage index`` runs meanwhile (that build
    waits for it to close, then fails with "database is locked" after SQLite's timeout)."""
    path = index_path(corpus_dir)
    if not path.is_file():
        return index_status(corpus_dir), None
    try:
        con = connect_index(path, readonly=True)
    except sqlite3.Error:
        return IndexStatus("stale", "the index file is unreadable", path), None
    try:
        con.execute("BEGIN")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the read lock
    except sqlite3.Error:
        con.close()
        return IndexStatus("stale", "the index file is unreadable", path), None
    status = index_status(corpus_dir)
    if not status.fresh:
        con.close()
        return status, None
    return status, con
