"""File helpers shared by every command that writes: atomic writes and hashing; and the one
way to open a file a corpus names (no symbolic links, no devices, bounded reads)."""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from lineage.errors import CorpusError
from lineage.read.digest import MAX_TEXT_BYTES, sha256_file

__all__ = ["atomic_write_bytes", "atomic_write_text", "sha256_file", "corpus_file_problem", "open_corpus_file",
           "read_corpus_file", "read_corpus_header", "CorpusHeaders", "sha256_corpus_file", "MAX_TEXT_BYTES"]



def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never
    half of it: a temporary file in the same folder, flushed, then renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would have.
        os.chmod(tmp, _target_mode(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def corpus_file_problem(folder: str | Path, rel: str) -> str | None:
    """None when ``folder/rel`` is a regular file reached without a symbolic link below
    ``folder``; else what is wrong, as a predicate (``is missing``, ``is a symbolic link …``)."""
    path = Path(folder)
    parts = PurePosixPath(rel).parts
    for i, part in enumerate(parts):
        path = path / part
        try:
            mode = path.lstat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            return "is missing"
        except OSError as exc:
            return f"cannot be read ({exc.strerror or exc})"
        if stat.S_ISLNK(mode):
            where = "" if i == len(parts) - 1 else f" (its folder {PurePosixPath(*parts[:i + 1])} is one)"
            return f"is a symbolic link{where}; a corpus holds regular files only"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a device, a pipe or a folder)"
    return None


# No following a symbolic link at the last step, no blocking on a pipe, no text-mode reads.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def open_corpus_file(folder: str | Path, rel: str) -> BinaryIO:
    """Open ``folder/rel`` for reading, refusing (CorpusError) a symbolic link anywhere on the
    way below ``folder`` and anything but a regular file (a device, a FIFO, a folder).

    A corpus can come from a stranger's pull request, and git stores symbolic links: a text
    linked to ``/dev/zero`` or to a file outside the corpus must not be read."""
    return os.fdopen(_open_corpus_fd(folder, rel)[0], "rb")


def _open_corpus_fd(folder: str | Path, rel: str) -> tuple[int, int]:
    """The descriptor and size of ``folder/rel`` opened as :func:`open_corpus_file` says."""
    # Plain strings, not Path objects: a corpus view opens every text of a 10,000-document
    # corpus, and the path arithmetic cost more than the reads.
    root = os.fspath(folder)
    # PurePosixPath(rel).parts, without building the object.
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if rel.startswith("/"):
        parts.insert(0, "/")
    here = root
    for i, part in enumerate(parts[:-1]):
        here = os.path.join(here, part)
        if os.path.islink(here):
            raise CorpusError(f"{rel}: {PurePosixPath(*parts[:i + 1]).as_posix()} is a symbolic link; "
                              "a corpus holds regular files only", Path(folder))
    path = os.path.join(root, rel)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if os.path.islink(path):
            raise CorpusError("is a symbolic link; a corpus holds regular files only", Path(path)) from None
        raise CorpusError(f"cannot read: {exc.strerror or exc}", Path(path)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device or a pipe?)"
        raise CorpusError(f"is {what}; a corpus holds regular files only", Path(path))
    return fd, info.st_size


def read_corpus_file(folder: str | Path, rel: str, max_bytes: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of ``folder/rel`` (see :func:`open_corpus_file`), at most ``max_bytes``:
    reads no more than the size the file had when opened, plus one byte to notice growth."""
    with open_corpus_file(folder, rel) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise CorpusError(f"is {size} bytes, more than a corpus file may be ({max_bytes})",
                              Path(folder) / rel)
        data = fh.read(size + 1)
    if len(data) > size:
        raise CorpusError("grew while being read; is something writing to it?", Path(folder) / rel)
    return data


def read_corpus_header(folder: str | Path, rel: str, end: bytes = b"\n@", max_bytes: int = MAX_TEXT_BYTES,
                       chunk: int = 4096) -> bytes:
    """The bytes of ``folder/rel`` before the first ``end`` (all of them when it has none),
    read a block at a time and no further than needed: the header of a corpus text without
    its paragraphs. The same refusals and bounds as :func:`read_corpus_file`."""
    fd, size = _open_corpus_fd(folder, rel)
    return _read_until(fd, size, end, max_bytes, chunk, folder, rel)


def _read_until(fd: int, size: int, end: bytes, max_bytes: int, chunk: int, folder: str | Path, rel: str) -> bytes:
    """What :func:`read_corpus_header` reads from the open ``fd`` (closed here)."""
    try:
        if size > max_bytes:
            raise CorpusError(f"is {size} bytes, more than a corpus file may be ({max_bytes})",
                              Path(folder) / rel)
        data = b""
        while True:
            block = os.read(fd, min(chunk, size + 1 - len(data)))
            # from just before the block: ``end`` may straddle two reads
            start = max(0, len(data) - len(end) + 1)
            data += block
            at = data.find(end, start)
            if at >= 0:
                return data[:at]
            if len(data) > size:
                raise CorpusError("grew while being read; is something writing to it?", Path(folder) / rel)
            if not block:
                return data
    finally:
        os.close(fd)


# Opening a file relative to a descriptor of its folder needs these (POSIX; not Windows).
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_BY_FOLDER = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW")


class CorpusHeaders:
    """:func:`read_corpus_header` for many texts of one corpus: each folder on the way is
    opened once (without following a symbolic link) and each text relative to it, instead of
    walking and checking the whole path again for every text (a view of a 10,000-text corpus
    spent more time in that than in reading). A text this cannot open the short way (a path
    with ``..``, a symbolic link, a missing file, another system) is read by
    :func:`read_corpus_header`, which says what is wrong; so the answers and errors are the
    same. Use as a context manager: it holds the folders' descriptors."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = os.fspath(folder)
        self._dirs: dict[str, int | None] = {}

    def __enter__(self) -> CorpusHeaders:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fd in self._dirs.values():
            if fd is not None:
                os.close(fd)
        self._dirs.clear()

    def read(self, rel: str, end: bytes = b"\n@", max_bytes: int = MAX_TEXT_BYTES, chunk: int = 4096) -> bytes:
        fd = self._open(rel) if _BY_FOLDER else None
        if fd is None:
            return read_corpus_header(self.folder, rel, end, max_bytes, chunk)
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return read_corpus_header(self.folder, rel, end, max_bytes, chunk)  # says what it is
        return _read_until(fd, info.st_size, end, max_bytes, chunk, self.folder, rel)

    def identity(self, rel: str) -> tuple[int, int, int, int] | None:
        """(inode, size, modification and change times in ns) of ``folder/rel`` when it is a
        regular file reached the short way (no symbolic link), else None: what a cache of
        something read from the file compares to know it has not changed since (a write
        moves the change time, which no tool sets back)."""
        if not _BY_FOLDER:
            return None
        where, _, name = rel.rpartition("/")
        dir_fd = self._dirs[where] if where in self._dirs else self._open_folder(where)
        if dir_fd is None or name in ("", ".", ".."):
            return None
        try:
            info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns

    def _open(self, rel: str) -> int | None:
        where, _, name = rel.rpartition("/")
        dir_fd = self._dirs[where] if where in self._dirs else self._open_folder(where)
        if dir_fd is None or name in ("", ".", ".."):
            return None
        try:
            return os.open(name, _OPEN_FLAGS, dir_fd=dir_fd)
        except OSError:
            return None

    def _open_folder(self, where: str) -> int | None:
        """A descriptor of ``folder/where`` reached without a symbolic link below ``folder``
        (None when there is one, or the path is not a plain relative one)."""
        parts = where.split("/") if where else []
        fd: int | None = None
        if not any(p in ("", ".", "..") for p in parts):
            try:
                fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
                for part in parts:
                    inner = os.open(part, _DIR_FLAGS, dir_fd=fd)
                    os.close(fd)
                    fd = inner
            except OSError:
                if fd is not None:
                    os.close(fd)
                fd = None
        self._dirs[where] = fd
        return fd


def sha256_corpus_file(folder: str | Path, rel: str) -> str:
    """The sha256 of ``folder/rel`` (see :func:`open_corpus_file`), reading at most its size."""
    h = hashlib.sha256()
    with open_corpus_file(folder, rel) as fh:
        left = os.fstat(fh.fileno()).st_size
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            h.update(block)
            left -= len(block)
    return h.hexdigest()
