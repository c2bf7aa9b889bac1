"""Writing to a corpus as a transaction: one writer at a time, all of a change or none of it.

Every command that changes a corpus (``add``, ``fetch``, ``register_entry``, and later a
parallel ``ingest``) goes through :func:`corpus_transaction`:

1. **Lock.** An exclusive OS lock on the corpus folder itself (``flock`` on the directory; on
   Windows a ``.lineage.lock`` file locked with ``msvcrt``). Concurrent writers queue; the
   manifest is re-read *under* the lock, so no read-modify-write loses another's entry.
2. **Recover.** What a writer killed earlier left behind is rolled back (or, if its manifest
   was already in place, finished), and hidden ``.*.tmp`` files are removed.
3. **Journal, then write.** Before touching anything, the files about to be replaced are
   hard-linked (or copied) into ``.lineage-txn/`` and ``.lineage-txn/journal.json`` lists
   every target with the sha256 of the new manifest. Then each file is written atomically
   (temporary file, fsync, rename), the manifest last: its rename is the commit point.
4. **Forget the journal.** A crash before step 4 leaves a journal; the next command finds it
   and compares the manifest on disk with the journal's: the new one means the change
   committed (the journal is dropped), anything else means it did not (every file is put
   back as it was, new files and folders removed). Either way the corpus holds the old state
   or the new one, never a mix.

Readers take no lock: every file is replaced by a rename, so a reader sees each file old or
new; texts and PDFs are written before the manifest that names them. A reader that finds a
journal (a writer died) recovers first when it can take the lock and write, and otherwise
says so (a read-only checkout).

A corpus is also untrusted input (a pull request can commit anything, ``.lineage-txn/``
included): a journal may only name ``manifest.toml`` and files under ``texts/``, ``pdfs/``
and ``sources/``, never through a symbolic link; anything else is refused, not followed.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator, Sequence

from lineage.corpus.files import atomic_write_bytes
from lineage.errors import CorpusError

__all__ = ["TXN_DIR", "CORPUS_FOLDERS", "corpus_lock", "corpus_transaction", "Transaction",
           "recover", "recover_if_needed", "stray_temp_files"]

TXN_DIR = ".lineage-txn"
JOURNAL = "journal.json"
LOCK_FILE = ".lineage.lock"  # Windows only: POSIX locks the folder itself
MANIFEST = "manifest.toml"
# The folders a corpus writer writes into (besides the manifest at the top).
CORPUS_FOLDERS = ("texts", "pdfs", "sources")

# Locks this process holds, by folder: a reader called inside a writer's transaction must
# not try to take the lock again (flock on a second descriptor would wait for ourselves).
_held: dict[str, int] = {}
_held_guard = threading.Lock()


def _key(folder: Path) -> str:
    return os.path.realpath(folder)


def _open_lock(folder: Path) -> int:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _lock_fd(fd: int, blocking: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        mode = msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK
        while True:
            try:
                msvcrt.locking(fd, mode, 1)
                return True
            except OSError:
                if not blocking:
                    return False  # LK_LOCK gives up after 10 s; keep waiting like flock
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def corpus_lock(folder: str | Path, *, blocking: bool = True) -> Iterator[bool]:
    """Hold the corpus's writer lock (re-entrant within a process). Yields False, without
    waiting, when ``blocking`` is off and another process holds it. The folder must exist."""
    folder = Path(folder)
    key = _key(folder)
    with _held_guard:
        if key in _held:
            reentrant = True
        else:
            reentrant = False
    if reentrant:
        yield True
        return
    while True:
        fd = _open_lock(folder)
        try:
            if not _lock_fd(fd, blocking):
                os.close(fd)
                yield False
                return
            # The folder may have been removed and made again while we waited (a writer
            # that failed on a fresh corpus removes it): then the lock guards nothing.
            if sys.platform != "win32" and not os.path.samestat(os.fstat(fd), os.stat(folder)):
                os.close(fd)
                continue
        except FileNotFoundError:
            os.close(fd)
            raise CorpusError("the corpus folder vanished while waiting for its lock", folder) from None
        except BaseException:
            os.close(fd)
            raise
        break
    with _held_guard:
        _held[key] = fd
    try:
        yield True
    finally:
        with _held_guard:
            _held.pop(key, None)
        os.close(fd)  # closing the descriptor releases the lock


# --------------------------------------------------------------------------- the journal


def _safe_rel(rel: object, where: Path) -> str:
    """``rel`` if it names the manifest or a file under one of the corpus folders, else a
    CorpusError: a journal is read from disk, and a corpus can come from a stranger."""
    if not isinstance(rel, str):
        raise CorpusError("the interrupted-write journal is corrupt (a path is not a string)", where)
    p = PurePosixPath(rel)
    ok = (rel == MANIFEST or (len(p.parts) >= 2 and p.parts[0] in CORPUS_FOLDERS)) \
        and not p.is_absolute() and ".." not in p.parts and "\\" not in rel and "\x00" not in rel
    if not ok:
        raise CorpusError(f"the interrupted-write journal names {rel!r}, outside the corpus files; "
                          f"remove {TXN_DIR}/ by hand after checking the corpus", where)
    return rel


def _no_link_on_the_way(folder: Path, rel: str) -> bool:
    """True when no component of ``folder/rel`` below ``folder`` is a symbolic link."""
    path = folder
    for part in PurePosixPath(rel).parts:
        path = path / part
        if path.is_symlink():
            return False
    return True


def _sha256(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
                else hashlib.sha256(fh.read()).hexdigest()
    except FileNotFoundError:
        return None


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def stray_temp_files(folder: str | Path) -> list[Path]:
    """Hidden temporary files (``.NAME.XXXX.tmp``, left by a killed atomic write) in the
    corpus folder and its corpus sub-folders."""
    folder = Path(folder)
    found = []
    for sub in (folder, *(folder / f for f in CORPUS_FOLDERS)):
        try:
            with os.scandir(sub) as it:
                for entry in it:
                    if entry.name.startswith(".") and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
                        found.append(Path(entry.path))
        except (FileNotFoundError, NotADirectoryError):
            continue
    return found


def _write_journal(txn: Path, journal: dict) -> None:
    """The journal, durably, under its final name only once complete (a crash while writing
    it leaves a temporary name, which recovery ignores: nothing was written yet)."""
    tmp = txn / f".{JOURNAL}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(json.dumps(journal).encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, txn / JOURNAL)
    _fsync_dir(txn)


def _roll_back(folder: Path, journal: dict) -> None:
    txn = folder / TXN_DIR
    for item in reversed(journal.get("files", [])):
        if not isinstance(item, dict):
            raise CorpusError("the interrupted-write journal is corrupt", txn / JOURNAL)
        rel = _safe_rel(item.get("path"), txn / JOURNAL)
        if not _no_link_on_the_way(folder, rel):
            raise CorpusError(f"{rel} is reached through a symbolic link; not touching it", folder)
        target = folder / rel
        backup = item.get("backup")
        if backup is None:
            target.unlink(missing_ok=True)
        else:
            if not isinstance(backup, str) or "/" in backup or backup.startswith("."):
                raise CorpusError("the interrupted-write journal is corrupt", txn / JOURNAL)
            src = txn / backup
            if src.is_file() and not src.is_symlink():
                os.replace(src, target)
    for rel in reversed(journal.get("dirs", [])):
        if not isinstance(rel, str) or rel not in CORPUS_FOLDERS:
            continue
        with contextlib.suppress(OSError):
            (folder / rel).rmdir()  # only if empty


def _read_journal(path: Path) -> dict | None:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(1 << 20)
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError):
        raise CorpusError("the interrupted-write journal is unreadable; check the corpus and remove "
                          f"{TXN_DIR}/ by hand", path) from None
    if not isinstance(data, dict):
        raise CorpusError("the interrupted-write journal is corrupt", path)
    return data


def recover(folder: str | Path) -> list[str]:
    """Under the lock: finish or roll back an interrupted write, remove stray temporary
    files. Returns what was done, one phrase per action (empty when the corpus was clean)."""
    folder = Path(folder)
    done: list[str] = []
    txn = folder / TXN_DIR
    if txn.is_symlink() or (txn.exists() and not txn.is_dir()):
        raise CorpusError(f"{TXN_DIR} is not a folder; remove it by hand", folder)
    if txn.is_dir():
        journal = _read_journal(txn / JOURNAL)
        if journal is not None:
            if _sha256(folder / MANIFEST) == journal.get("manifest_sha256"):
                done.append("finished an interrupted write (its manifest was in place)")
            else:
                _roll_back(folder, journal)
                done.append("rolled back an interrupted write")
        shutil.rmtree(txn)
        _fsync_dir(folder)
    for tmp in stray_temp_files(folder):
        tmp.unlink(missing_ok=True)
        done.append(f"removed the temporary file {tmp.relative_to(folder).as_posix()}")
    return done


def recover_if_needed(folder: str | Path) -> None:
    """For readers: if a writer died mid-change, recover (when the lock is free and the
    folder writable) or raise a CorpusError saying what to do. Costs one ``stat`` otherwise."""
    folder = Path(folder)
    txn = folder / TXN_DIR
    if not os.path.lexists(txn):
        return
    try:
        with corpus_lock(folder, blocking=False) as got:
            if got:
                recover(folder)
            # else a live writer holds the lock: its journal is not an interruption
    except PermissionError:
        raise CorpusError(f"an interrupted write left {TXN_DIR}/ and the corpus is read-only; "
                          "run a write command (lineage add) with write access to roll it back", folder) from None


@dataclass
class Transaction:
    """The corpus while its lock is held (from :func:`corpus_transaction`): ``recovered``
    says what an earlier crash left; :meth:`commit` writes files and the manifest."""

    folder: Path
    recovered: list[str] = field(default_factory=list)
    committed: bool = False

    def commit(self, files: Sequence[tuple[str, bytes]], manifest: bytes) -> None:
        """Write each ``(relative path, bytes)`` and then the manifest, all or nothing.

        Paths are relative to the corpus with ``/`` and lie under ``texts/``, ``pdfs/`` or
        ``sources/``. On an OSError everything is put back and CorpusError raised."""
        folder = self.folder
        writes = [(_safe_rel(rel, folder), data) for rel, data in files] + [(MANIFEST, manifest)]
        txn = folder / TXN_DIR
        current = writes[0][0]
        journal: dict = {"manifest_sha256": hashlib.sha256(manifest).hexdigest(), "files": [], "dirs": []}
        try:
            txn.mkdir()
            for n, (rel, _) in enumerate(writes):
                target = folder / rel
                if not _no_link_on_the_way(folder, rel):
                    raise CorpusError(f"{rel} is a symbolic link (or lies under one); "
                                      "a corpus writes only regular files", folder)
                top = rel.split("/")[0]
                if top in CORPUS_FOLDERS and not (folder / top).exists() and top not in journal["dirs"]:
                    journal["dirs"].append(top)
                backup = None
                if target.exists():
                    backup = f"b{n}"
                    try:
                        os.link(target, txn / backup)
                    except OSError:  # a file system without hard links
                        shutil.copy2(target, txn / backup)
                journal["files"].append({"path": rel, "backup": backup})
            _write_journal(txn, journal)
            for current, data in writes:
                atomic_write_bytes(folder / current, data)
            _fsync_dir(folder)
        except OSError as exc:
            with contextlib.suppress(OSError, CorpusError):
                if (txn / JOURNAL).exists():
                    _roll_back(folder, journal)
            with contextlib.suppress(OSError):
                shutil.rmtree(txn)
            raise CorpusError(f"cannot write the corpus ({exc.strerror or exc}); nothing was changed",
                              folder / current) from None
        # The manifest is in place: the change is committed; the journal is no longer needed.
        shutil.rmtree(txn, ignore_errors=True)
        self.committed = True


@contextlib.contextmanager
def corpus_transaction(folder: str | Path) -> Iterator[Transaction]:
    """Lock the corpus (creating its folder if needed), recover what a crash left, and yield
    a :class:`Transaction`. Read the manifest inside the ``with`` block, not before it. A
    folder this call created is removed again if nothing was committed."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CorpusError("not a directory (a corpus is a folder holding manifest.toml)", folder)
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"cannot create the corpus folder ({exc.strerror or exc})", folder) from None
    txn = Transaction(folder)
    try:
        with corpus_lock(folder):
            txn.recovered = recover(folder)
            yield txn
    finally:
        if created and not txn.committed:
            with contextlib.suppress(OSError):
                if sys.platform == "win32":  # pragma: no cover
                    (folder / LOCK_FILE).unlink(missing_ok=True)
                folder.rmdir()
