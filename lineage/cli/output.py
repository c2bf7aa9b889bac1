"""Where ``-o FILE`` writes: checked before any work (a mistyped path should not cost a long
extraction first) and written atomically, so a failed command leaves nothing behind.

A missing folder on the way is created (``-o out/redline.html`` in a fresh checkout works);
a path that is a directory, lies under a regular file, or would overwrite one of the
command's own inputs is refused with :class:`~lineage.errors.OutputError`."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from lineage.errors import OutputError

__all__ = ["check_output_path", "write_output"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output_path(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """``path`` as a Path if a file can be written there; else an OutputError naming it."""
    p = Path(path)
    if p.is_dir():
        raise OutputError("is a directory; give a file name for the output", p)
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

    p = check_output_path(path, inputs)
    try:
        atomic_write_text(p, text)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", p) from exc
