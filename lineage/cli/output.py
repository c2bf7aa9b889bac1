"""Where ``-o FILE`` writes: checked before any work (a mistyped path should not cost a long
extraction first) and written atomically, so a failed command leaves nothing behind.

A missing folder on the way is created (``-o out/redline.html`` in a fresh checkout works);
a path that is a directory, lies under a regular file, or would overwrite one of the
command's own inputs is refused with :class:`~lineage.errors.OutputError`.

``-o`` writes regular files only. An existing target that is anything else is refused:
a device (``/dev/null``: the atomic rename would replace the device node with a file, as
root), a FIFO or socket, and a symbolic link. A link is refused rather than followed
because the rename would replace the link itself, and following it would write wherever
it points (a link planted in a shared folder); the message names the file it points to,
so the user can give that path instead."""
from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Iterable

from lineage.errors import OutputError

__all__ = ["add_output_option", "check_output_path", "emit", "write_output", "write_output_bytes"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _check_kind(p: Path) -> None:
    """Refuse an existing ``p`` that is not a regular file (see the module doc)."""
    try:
        mode = p.lstat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file (or a path under a file, reported below)
    except OSError as exc:
        raise OutputError(f"cannot use it: {exc.strerror or exc}", p) from None
    if stat.S_ISLNK(mode):
        raise OutputError(f"is a symbolic link (to {os.readlink(p)}); -o writes regular files only: "
                          "give the path of the file itself", p)
    if stat.S_ISDIR(mode):
        raise OutputError("is a directory; give a file name for the output", p)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise OutputError("is a device; -o writes regular files only (leave -o out to print)", p)
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise OutputError("is a pipe or socket; -o writes regular files only (leave -o out and redirect)", p)


def check_output_path(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """``path`` as a Path if a file can be written there; else an OutputError naming it."""
    p = Path(path)
    _check_kind(p)
    for source in inputs:
        if _same_file(p, Path(source)):
            raise OutputError("is also an input of the command; writing would destroy it", p)
    # The nearest folder that exists must be a writable directory; the rest is created.
    for parent in p.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"cannot create it: {parent} is a file, not a directory", p)
            if not os.access(parent, os.W_OK | os.X_OK):
                raise OutputError(f"cannot write in {parent}: permission denied", p)
            break
    return p


def write_output(path: str | os.PathLike[str], text: str,
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8); OutputError if that is not possible."""
    # imported here: the corpus package it lives in is not needed to print to stdout
    from lineage.corpus.files import atomic_write_text

    p = check_output_path(path, inputs)  # again: the command ran a while since the first check
    try:
        atomic_write_text(p, text)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", p) from exc


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``-o/--output FILE`` for a command that prints a report."""
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically) instead of standard output")


def emit(output: str | None, text: str, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Print ``text``, or write it to ``output`` atomically (checked again before writing)."""
    if output:
        write_output(output, text, inputs)
    else:
        sys.stdout.write(text)


def write_output_bytes(path: str | os.PathLike[str], data: bytes,
                       inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``data`` (a .docx, a .pdf) to ``path`` atomically; OutputError if not possible."""
    from lineage.corpus.files import atomic_write_bytes

    p = check_output_path(path, inputs)
    try:
        atomic_write_bytes(p, data)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", p) from exc
